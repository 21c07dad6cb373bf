/**
 * Text edits: the only way claims.yaml is ever changed. Each edit replaces one UTF-16 range of
 * the original text, so every byte outside the edited ranges stays exactly as it was.
 */

/** Replace the UTF-16 range [start, end) of a text with `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /**
   * Where an insertion goes among insertions at the same offset: lower first. Default 0. Two
   * insertions at one offset need different orders (a new span before a new history, say).
   */
  order?: number;
}

const orderOf = (edit: TextEdit) => edit.order ?? 0;

/** Edits in the order they apply: by start, insertions before a replacement starting at the same place. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || orderOf(a) - orderOf(b));
}

/** True when no two edits touch the same characters (an insertion may sit at either end of a replacement). */
export function editsOverlap(edits: readonly TextEdit[]): boolean {
  let previous: TextEdit | undefined;
  for (const current of sortEdits(edits)) {
    if (previous && current.start < previous.end) return true;
    // Two insertions at one offset would apply in an order that depends on sorting: refuse them,
    // unless their orders say which comes first.
    if (previous && current.start === previous.start && current.start === current.end && previous.start === previous.end && orderOf(current) === orderOf(previous)) return true;
    previous = current;
  }
  return false;
}

/**
 * Applies non-overlapping edits to `text`. Overlapping edits are a programming error (the
 * planner never produces them), so they throw rather than guess.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (editsOverlap(edits)) throw new RangeError('applyEdits: edits overlap');
  const sorted = sortEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) throw new RangeError(`applyEdits: edit [${edit.start}, ${edit.end}) lies outside the text`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/**
 * Where an offset of the original text lands after the edits. An offset inside a replaced range
 * maps to the start of its replacement; an offset at an insertion point maps to after it when
 * `afterInsertions` (the default), so that text following an insertion is followed correctly.
 */
export function mapOffset(offset: number, edits: readonly TextEdit[], afterInsertions = true): number {
  let shift = 0;
  for (const edit of sortEdits(edits)) {
    if (edit.end < offset || (edit.end === offset && (edit.start < edit.end || afterInsertions))) {
      shift += edit.text.length - (edit.end - edit.start);
    } else if (edit.start < offset) {
      return edit.start + shift;
    } else break;
  }
  return offset + shift;
}

/** The line break a text uses (its first one); '\n' for a text without any. */
export function lineBreakOf(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Offset just after the line break that ends the line holding `offset`; the text length on the last line. */
export function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** True when `offset` is at the start of a line. */
export function atLineStart(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const c = text.charCodeAt(offset - 1);
  return c === 10 || (c === 13 && text.charCodeAt(offset) !== 10);
}
