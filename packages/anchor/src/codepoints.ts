import { SourceText } from '@factcheck/core';

/**
 * What the matchers need from a text: its string and the conversions between code points and
 * UTF-16 units. `SourceText` provides it; a plain string without surrogates gets an identity
 * view, so large plain inputs skip building the astral table.
 */
export interface CodePointView {
  readonly text: string;
  /** Length in code points. */
  readonly length: number;
  readonly hasAstral: boolean;
  toUnit(cp: number): number;
  toCodePoint(unit: number): number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

class IdentityView implements CodePointView {
  readonly hasAstral = false;
  readonly length: number;
  constructor(readonly text: string) {
    this.length = text.length;
  }
  toUnit(cp: number): number {
    return Math.max(0, Math.min(cp, this.text.length));
  }
  toCodePoint(unit: number): number {
    return unit;
  }
}

/** A code point view of a string or SourceText (no copy; a regex test decides the fast path). */
export function viewOf(text: string | CodePointView): CodePointView {
  if (typeof text !== 'string') return text;
  return SURROGATE.test(text) ? new SourceText(text) : new IdentityView(text);
}

/** The code points of a string, as numbers (a lone surrogate counts as one). */
export function codePointsOf(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The string reversed by code points, so surrogate pairs stay in order. */
export function reverseCodePoints(text: string): string {
  return String.fromCodePoint(...codePointsOf(text).reverse());
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Letters, digits and combining marks: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/;

// ASCII answers without a regular expression: Unicode property classes are costly to
// (re)compile, and these tests run for every tie between match ends.
function isWordChar(ch: string): boolean {
  if (ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

function isSpaceChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return SPACE_CHAR.test(ch);
}

function charBefore(text: string, unit: number): string {
  if (unit <= 0) return '';
  const c = text.charCodeAt(unit - 1);
  if (c >= 0xdc00 && c < 0xe000 && unit >= 2) {
    const h = text.charCodeAt(unit - 2);
    if (h >= 0xd800 && h < 0xdc00) return text.slice(unit - 2, unit);
  }
  return text[unit - 1] ?? '';
}

function charAt(text: string, unit: number): string {
  const cp = text.codePointAt(unit);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * True when a match may end at `unit` without cutting a word: the next character is whitespace
 * or the end, or a word ends there. Used only to break ties between equally good matches.
 */
export function isEndBoundary(text: string, unit: number): boolean {
  const next = charAt(text, unit);
  if (next === '' || isSpaceChar(next)) return true;
  return isWordChar(charBefore(text, unit)) && !isWordChar(next);
}

/** True when a match may start at `unit` without cutting a word (mirror of isEndBoundary). */
export function isStartBoundary(text: string, unit: number): boolean {
  const prev = charBefore(text, unit);
  if (prev === '' || isSpaceChar(prev)) return true;
  return isWordChar(charAt(text, unit)) && !isWordChar(prev);
}

/** True when `unit` falls between two word characters: a span starting or ending there cuts a word. */
export function cutsWord(text: string, unit: number): boolean {
  return isWordChar(charBefore(text, unit)) && isWordChar(charAt(text, unit));
}

/** True when the character at `unit` is a letter, digit or combining mark. */
export function isWordCharAt(text: string, unit: number): boolean {
  return isWordChar(charAt(text, unit));
}

/** True when the character just before `unit` is a letter, digit or combining mark. */
export function isWordCharBefore(text: string, unit: number): boolean {
  return isWordChar(charBefore(text, unit));
}

/** True when the character at `unit` is whitespace. */
export function isSpaceAt(text: string, unit: number): boolean {
  const ch = charAt(text, unit);
  return ch !== '' && isSpaceChar(ch);
}
