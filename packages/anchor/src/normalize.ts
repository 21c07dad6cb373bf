// Normalization for matching: the same words, whatever the typography. Every character of the
// normalized text remembers where it came from, so a match found in the normalized text maps
// back to exact offsets in the original.

/** A normalized text and its map back to the original. */
export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /**
   * For each UTF-16 unit of `text`, the UTF-16 index in the original where the character it
   * came from starts. A folded whitespace run maps to the start of the run.
   */
  starts: Int32Array;
  /** For each UTF-16 unit of `text`, the UTF-16 index in the original just after its source. */
  ends: Int32Array;
}

/** Options of normalizeForMatch. */
export interface NormalizeOptions {
  /** Fold case (locale-independent lower case). Default false. */
  ignoreCase?: boolean;
}

/** Typographic variants folded to their ASCII form (before and after NFKC). */
const FOLD: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], // ‘
  ['\u2019', "'"], // ’
  ['\u201a', "'"], // ‚
  ['\u201b', "'"], // ‛
  ['\u2032', "'"], // ′
  ['\u201c', '"'], // “
  ['\u201d', '"'], // ”
  ['\u201e', '"'], // „
  ['\u201f', '"'], // ‟
  ['\u2033', '"'], // ″
  ['\u2010', '-'], // ‐
  ['\u2011', '-'], // ‑
  ['\u2012', '-'], // ‒
  ['\u2013', '-'], // –
  ['\u2014', '-'], // —
  ['\u2015', '-'], // ―
  ['\u2212', '-'], // −
]);

const COMBINING = /^\p{M}$/u;
const WHITESPACE = /^\s$/;

function isWhitespaceUnit(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(String.fromCharCode(c));
}

function foldChars(s: string): string {
  let out = '';
  for (const ch of s) out += FOLD.get(ch) ?? ch;
  return out;
}

/**
 * Normalize `text` for matching: typographic quotes and dashes to ASCII, NFKC, whitespace
 * runs to one space, and lower case when `ignoreCase`. NFKC is applied to each base
 * character together with its combining marks, which keeps the offset map exact (sequences
 * that compose across base characters, such as conjoining jamo, are left as they are).
 */
export function normalizeForMatch(text: string, options: NormalizeOptions = {}): NormalizedText {
  const ignoreCase = options.ignoreCase ?? false;
  // Sources run to megabytes: the output grows in typed arrays, not in arrays of strings.
  const out = new NormalizedBuilder(text.length);
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Combining marks start at U+0300: an ASCII character followed by a smaller unit (or
    // nothing) is a complete character where only whitespace and case can change.
    if (c < 0x80 && !(text.charCodeAt(i + 1) >= 0x300)) {
      out.emit(ignoreCase && c >= 65 && c <= 90 ? c + 32 : c, i, i + 1);
      i++;
      continue;
    }
    // A base character with its combining marks, normalized together.
    let end = i + (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length ? 2 : 1);
    while (end < text.length) {
      const cp = text.codePointAt(end)!;
      const ch = String.fromCodePoint(cp);
      if (!COMBINING.test(ch)) break;
      end += ch.length;
    }
    let piece = foldChars(foldChars(text.slice(i, end)).normalize('NFKC'));
    if (ignoreCase) piece = piece.toLowerCase();
    for (let k = 0; k < piece.length; k++) out.emit(piece.charCodeAt(k), i, end);
    i = end;
  }
  return out.finish();
}

/** The normalized text as it is built: its units and, for each, the original range. */
class NormalizedBuilder {
  private units: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private lastWasSpace = false;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.units = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  /** Appends one unit from the original range [from, to); whitespace runs fold into one space. */
  emit(unit: number, from: number, to: number): void {
    if (isWhitespaceUnit(unit)) {
      if (this.lastWasSpace) {
        // Extend the space already emitted over this whitespace too.
        this.ends[this.length - 1] = to;
        return;
      }
      unit = 32;
      this.lastWasSpace = true;
    } else this.lastWasSpace = false;
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = from;
    this.ends[this.length] = to;
    this.length++;
  }

  finish(): NormalizedText {
    let text = '';
    // fromCharCode keeps lone surrogates as they are (a UTF-16 decoder would replace them).
    for (let at = 0; at < this.length; at += 8192) {
      text += String.fromCharCode(...this.units.subarray(at, Math.min(this.length, at + 8192)));
    }
    return { text, starts: this.starts.slice(0, this.length), ends: this.ends.slice(0, this.length) };
  }

  private grow(): void {
    const size = this.units.length * 2;
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
}

/** The original UTF-16 range of the normalized range [start, end). */
export function originalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : (norm.ends[norm.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [norm.starts[start]!, norm.ends[end - 1]!];
}
