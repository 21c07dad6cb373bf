// A span must never start or end inside a user-perceived character (a grapheme cluster: a
// letter with its combining marks, an emoji ZWJ sequence, a flag, CR LF). Whether an offset is a
// cluster boundary is decided by Intl.Segmenter on a small window around it, never on the whole
// source: sources can be hundreds of megabytes, and a boundary depends only on nearby text.

import type { Span } from '@factcheck/core';
import { viewOf, type CodePointView } from './codepoints.js';

/** How far (UTF-16 units) to look on each side of an offset for a position that is surely a boundary. */
const WINDOW = 256;

let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/**
 * Letters of scripts whose letters never join their neighbours into one cluster: no combining
 * marks, prepended signs, Hangul jamo or Indic conjuncts among them (the anchor tests check every
 * one against Intl.Segmenter). Between two of them there is always a boundary.
 */
const PLAIN_LETTER =
  /^(?=\p{L})[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Armenian}\p{Script=Georgian}]$/u;

const CR = 13;
const LF = 10;

/**
 * A UTF-16 unit that starts and ends a cluster of its own next to another such unit. Besides
 * ASCII and the plain letters: the typographic punctuation of General Punctuation (dashes, curly
 * quotes, bullets, primes: U+2010..U+2027, U+2030..U+205E), which is of the grapheme break class
 * Other, so prose quotes that end on a curly quote need no segmenting (checked by the tests too).
 */
function isPlainUnit(text: string, unit: number): boolean {
  const c = text.charCodeAt(unit);
  if (c < 0x80) return c !== CR && c !== LF;
  if (c >= 0xd800 && c < 0xe000) return false;
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)) return true;
  return PLAIN_LETTER.test(text[unit]!);
}

/**
 * True when `unit` is certainly a grapheme boundary, judged from the two units around it only:
 * the ends of the text, between two plain characters (ASCII other than CR and LF, or letters of
 * PLAIN_LETTER), after LF, after a CR not followed by LF, and before a CR or a lone LF.
 */
export function isSureBoundary(text: string, unit: number): boolean {
  if (unit <= 0 || unit >= text.length) return true;
  const before = text.charCodeAt(unit - 1);
  const after = text.charCodeAt(unit);
  if (before === CR) return after !== LF;
  if (before === LF || after === CR || after === LF) return true;
  if (before < 0x80 && after < 0x80) return true;
  return isPlainUnit(text, unit - 1) && isPlainUnit(text, unit);
}

/** The nearest sure boundary at or before `unit`, looking back WINDOW units at most. */
function windowStart(text: string, unit: number): number {
  const limit = Math.max(0, unit - WINDOW);
  for (let p = unit; p > limit; p--) if (isSureBoundary(text, p)) return p;
  return limit;
}

/** The nearest sure boundary at or after `unit`, looking ahead WINDOW units at most. */
function windowEnd(text: string, unit: number): number {
  const limit = Math.min(text.length, unit + WINDOW);
  for (let p = unit; p < limit; p++) if (isSureBoundary(text, p)) return p;
  return limit;
}

/**
 * The UTF-16 range of the grapheme cluster that `unit` falls strictly inside, or undefined when
 * `unit` is a boundary. Cost: a few units in plain text, at most 2 × WINDOW units (a cluster
 * longer than WINDOW, which real text does not have, is judged on its last WINDOW units).
 */
export function clusterAround(text: string, unit: number): [number, number] | undefined {
  if (unit <= 0 || unit >= text.length || isSureBoundary(text, unit)) return undefined;
  const from = windowStart(text, unit - 1);
  const to = windowEnd(text, unit + 1);
  const segment = graphemes().segment(text.slice(from, to)).containing(unit - from);
  if (!segment || segment.index === unit - from) return undefined;
  return [from + segment.index, from + segment.index + segment.segment.length];
}

/** The grapheme clusters that the ends of a UTF-16 range fall inside; undefined when it cuts none. */
export interface RangeCut {
  start?: [number, number];
  end?: [number, number];
}

export function rangeCut(text: string, from: number, to: number): RangeCut | undefined {
  const start = clusterAround(text, from);
  const end = to === from ? start : clusterAround(text, to);
  if (!start && !end) return undefined;
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** A UTF-16 range widened to whole grapheme clusters (unchanged when it cuts none). */
export function widenToGraphemes(text: string, from: number, to: number): [number, number] {
  const cut = rangeCut(text, from, to);
  return [cut?.start ? cut.start[0] : from, cut?.end ? cut.end[1] : to];
}

const MAX_PARTS = 10;

/** A code point as the reader can type it: printable ASCII as itself, anything else as U+XXXX. */
function showCodePoint(cp: number): string {
  if (cp > 0x20 && cp < 0x7f) return String.fromCodePoint(cp);
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `'é' (e + U+0301)`: a cluster, then the code points it is made of. */
export function describeCluster(cluster: string): string {
  if (cluster === '\r\n') return 'line break CR LF (U+000D + U+000A)';
  const cps = [...cluster].map((ch) => ch.codePointAt(0)!);
  const parts = cps.slice(0, MAX_PARTS).map(showCodePoint);
  if (cps.length > MAX_PARTS) parts.push(`… ${cps.length} code points in all`);
  const shown = JSON.stringify(cluster).slice(1, -1).replace(/'/g, "\\'");
  return `character '${shown}' (${parts.join(' + ')})`;
}

/** Why a range is not a whole quote: "the quote ends inside the character 'é' (e + U+0301)". */
export function describeCut(text: string, cut: RangeCut): string {
  const inside = (range: [number, number]) => `inside the ${describeCluster(text.slice(range[0], range[1]))}`;
  if (cut.start && cut.end) {
    return cut.start[0] === cut.end[0] ? `the quote starts and ends ${inside(cut.start)}` : `the quote starts ${inside(cut.start)} and ends ${inside(cut.end)}`;
  }
  return cut.start ? `the quote starts ${inside(cut.start)}` : `the quote ends ${inside(cut.end!)}`;
}

/**
 * True when code point offset `offset` of `text` falls inside a grapheme cluster (between a
 * letter and its combining mark, inside an emoji ZWJ sequence or a flag, between CR and LF), so
 * that no span may start or end there. Offsets outside the text are not inside anything.
 */
export function splitsGrapheme(text: string | CodePointView, offset: number): boolean {
  const view = viewOf(text);
  if (!Number.isInteger(offset) || offset <= 0 || offset >= view.length) return false;
  return clusterAround(view.text, view.toUnit(offset)) !== undefined;
}

/**
 * How a code point span cuts grapheme clusters: why it cannot be a quote's span (`reason`), and
 * the span widened to whole clusters (`whole`). Undefined when both ends are boundaries.
 */
export function graphemeCut(text: string | CodePointView, span: Span): { reason: string; whole: Span } | undefined {
  const view = viewOf(text);
  const [from, to] = [view.toUnit(span[0]), view.toUnit(span[1])];
  const cut = rangeCut(view.text, from, to);
  if (!cut) return undefined;
  const whole: Span = [cut.start ? view.toCodePoint(cut.start[0]) : span[0], cut.end ? view.toCodePoint(cut.end[1]) : span[1]];
  return { reason: describeCut(view.text, cut), whole };
}
