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

function isWhitespace(unit: string): boolean {
  const c = unit.charCodeAt(0);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return WHITESPACE.test(unit);
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
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasSpace = false;

  const emit = (piece: string, from: number, to: number): void => {
    for (let i = 0; i < piece.length; i++) {
      const unit = piece[i]!;
      if (isWhitespace(unit)) {
        if (lastWasSpace) {
          // Extend the space already emitted over this whitespace too.
          ends[ends.length - 1] = to;
          continue;
        }
        out.push(' ');
        lastWasSpace = true;
      } else {
        out.push(unit);
        lastWasSpace = false;
      }
      starts.push(from);
      ends.push(to);
    }
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // Combining marks start at U+0300: an ASCII character followed by a smaller unit (or
    // nothing) is a complete character where only whitespace and case can change.
    if (c < 0x80 && !(text.charCodeAt(i + 1) >= 0x300)) {
      const unit = ignoreCase && c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i]!;
      emit(unit, i, i + 1);
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
    emit(piece, i, end);
    i = end;
  }
  return { text: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The original UTF-16 range of the normalized range [start, end). */
export function originalRange(norm: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = start < norm.starts.length ? norm.starts[start]! : (norm.ends[norm.ends.length - 1] ?? 0);
    return [at, at];
  }
  return [norm.starts[start]!, norm.ends[end - 1]!];
}
