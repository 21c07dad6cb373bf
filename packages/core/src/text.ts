import type { Position, Span } from './types.js';

/**
 * A source text with conversions between Unicode code points (the unit of every span in
 * claims.yaml, as in the W3C TextPositionSelector) and UTF-16 units (the unit of JS strings).
 * A text without astral characters needs no table: both units agree (the fast path).
 */
export class SourceText {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  /** UTF-16 index of each astral character's high surrogate, ascending; empty on the fast path. */
  private readonly astral: number[];
  /** UTF-16 index where each line starts. */
  private lineStarts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
    const astral: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astral = astral;
    this.length = text.length - astral.length;
  }

  get hasAstral(): boolean {
    return this.astral.length > 0;
  }

  /** UTF-16 index of code point index `cp` (clamped to the text). */
  toUnit(cp: number): number {
    if (this.astral.length === 0) return Math.max(0, Math.min(cp, this.text.length));
    // Each astral character before the target adds one unit.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // Code point index of astral[mid] is astral[mid] - mid.
      if (this.astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, Math.min(cp + lo, this.text.length));
  }

  /** Code point index of UTF-16 index `unit`. A unit inside a surrogate pair maps to its character. */
  toCodePoint(unit: number): number {
    if (this.astral.length === 0) return unit;
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < unit) lo = mid + 1;
      else hi = mid;
    }
    // `lo` astral characters start before `unit`; a unit inside a pair lands on its character.
    return unit - lo;
  }

  /** True when UTF-16 index `unit` falls between the two halves of a surrogate pair. */
  splitsSurrogate(unit: number): boolean {
    if (unit <= 0 || unit >= this.text.length) return false;
    const c = this.text.charCodeAt(unit);
    const p = this.text.charCodeAt(unit - 1);
    return c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff;
  }

  /** The text of a code point span. */
  slice(span: Span): string {
    return this.text.slice(this.toUnit(span[0]), this.toUnit(span[1]));
  }

  /** UTF-16 span of a code point span. */
  unitSpan(span: Span): [number, number] {
    return [this.toUnit(span[0]), this.toUnit(span[1])];
  }

  /** Code point span of a UTF-16 span. */
  codePointSpan(start: number, end: number): [number, number] {
    return [this.toCodePoint(start), this.toCodePoint(end)];
  }

  /** 1-based line and column (in code points) of a code point offset. */
  position(cp: number): Position {
    const unit = this.toUnit(cp);
    const starts = this.getLineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= unit) lo = mid;
      else hi = mid - 1;
    }
    const lineStartCp = this.toCodePoint(starts[lo]!);
    return { line: lo + 1, column: cp - lineStartCp + 1, offset: cp };
  }

  /** Number of lines (a final line without a newline counts). */
  get lineCount(): number {
    return this.getLineStarts().length;
  }

  /** UTF-16 start of each line. Lines end at \n, \r\n or a lone \r. */
  getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
    return starts;
  }
}
