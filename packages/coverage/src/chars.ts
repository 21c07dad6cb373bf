// Character classes by code point, as the coverage rules see them.

/** Whitespace, as `\s` in a JavaScript regular expression. */
export function isWhitespaceUnit(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Line terminators: a line break always ends a sentence. */
export function isLineBreakUnit(c: number): boolean {
  return c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
}

export const WHITESPACE = 0;
export const OTHER = 1;
export const WORD = 2;
export type CharClass = typeof WHITESPACE | typeof OTHER | typeof WORD;

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
// Classes of BMP characters, filled on first sight: 0 unknown, else class + 1.
const bmpCache = new Uint8Array(0x10000);

function classifyBmp(c: number): CharClass {
  const cached = bmpCache[c]!;
  if (cached !== 0) return (cached - 1) as CharClass;
  const cls: CharClass = isWhitespaceUnit(c) ? WHITESPACE : WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
  bmpCache[c] = cls + 1;
  return cls;
}

/**
 * The class of every code point of `text` (whitespace, word character = letter or digit, or
 * other), indexed by code point.
 */
export function classifyCodePoints(text: string, codePointLength: number): Uint8Array {
  const classes = new Uint8Array(codePointLength);
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // Astral characters are rare: test them directly.
        classes[cp] = WORD_CHAR.test(text.slice(i, i + 2)) ? WORD : OTHER;
        i++;
        continue;
      }
    }
    classes[cp] = classifyBmp(c);
  }
  return classes;
}
