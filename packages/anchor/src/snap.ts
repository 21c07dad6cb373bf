// Word-boundary snapping of approximate matches. An approximate match may start or end inside
// a word when a few of its letters happen to line up ("ittee turned the ruling" for "The
// committee overturned the ruling"). A quote that starts and ends on word boundaries must be
// found on word boundaries too: each end that cuts a word moves to the nearer boundary that
// scores best, and the span is scored again.

import { codePointLength, cutsWord, isSpaceAt, isWordCharAt, isWordCharBefore } from './codepoints.js';
import { editDistanceInCodePoints } from './myers.js';
import { normalizeForMatch } from './normalize.js';

type UnitRange = readonly [number, number];

/** Which ends of a found span must lie on word boundaries. */
export interface SnapSides {
  start: boolean;
  end: boolean;
}

/**
 * Whether the quote itself starts and ends on word boundaries. A quote is taken to start on a
 * boundary unless its stored prefix ends inside the same word (prefix "comm", quote "ittee…"),
 * and likewise for its end and suffix.
 */
export function quoteSides(quote: string, prefix: string | undefined, suffix: string | undefined): SnapSides {
  const startsWord = isWordCharAt(quote, 0);
  const endsWord = isWordCharBefore(quote, quote.length);
  return {
    start: !(startsWord && prefix !== undefined && isWordCharBefore(prefix, prefix.length)),
    end: !(endsWord && suffix !== undefined && isWordCharAt(suffix, 0)),
  };
}

/** Where a start inside a word may go: the start of that word, or the next word after it. */
function startOptions(text: string, start: number, end: number): number[] {
  let left = start;
  while (left > 0 && isWordCharBefore(text, left)) left -= isLowSurrogateBefore(text, left) ? 2 : 1;
  let right = start;
  while (right < end && isWordCharAt(text, right)) right += unitsAt(text, right);
  while (right < end && isSpaceAt(text, right)) right += unitsAt(text, right);
  return right < end ? [left, right] : [left];
}

/** Where an end inside a word may go: the end of that word, or the end of the word before it. */
function endOptions(text: string, start: number, end: number): number[] {
  let right = end;
  while (right < text.length && isWordCharAt(text, right)) right += unitsAt(text, right);
  let left = end;
  while (left > start && isWordCharBefore(text, left)) left -= isLowSurrogateBefore(text, left) ? 2 : 1;
  while (left > start && isSpaceAt(text, left - 1)) left--;
  return left > start ? [right, left] : [right];
}

function unitsAt(text: string, unit: number): number {
  const c = text.charCodeAt(unit);
  return c >= 0xd800 && c < 0xdc00 && unit + 1 < text.length ? 2 : 1;
}

function isLowSurrogateBefore(text: string, unit: number): boolean {
  const c = text.charCodeAt(unit - 1);
  return c >= 0xdc00 && c < 0xe000 && unit >= 2;
}

/** A range snapped to word boundaries, with its similarity to the quote re-computed. */
export interface Snapped {
  range: UnitRange;
  score: number;
  /** True when an end moved. */
  moved: boolean;
}

/**
 * Snap the UTF-16 range [start, end) of `text` so that neither end cuts a word (on the sides
 * `sides` asks for). Each end that cuts a word tries the boundary on either side of that word;
 * the combination with the best score wins (ties: the smallest move). The score is that of the
 * fuzzy step: 1 − edit distance of the normalized texts / normalized quote length, at least 0.
 * A range that cuts no word comes back unchanged, with `score` as given.
 */
export function snapToWords(
  text: string,
  range: UnitRange,
  score: number,
  normQuote: string,
  ignoreCase: boolean,
  sides: SnapSides,
): Snapped {
  const [start, end] = range;
  const cutStart = sides.start && cutsWord(text, start);
  const cutEnd = sides.end && cutsWord(text, end);
  if (!cutStart && !cutEnd) return { range, score, moved: false };
  const m = Math.max(1, codePointLength(normQuote));
  const starts = cutStart ? startOptions(text, start, end) : [start];
  const ends = cutEnd ? endOptions(text, start, end) : [end];
  let best: Snapped | undefined;
  let bestMove = Infinity;
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s) continue;
      const actual = normalizeForMatch(text.slice(s, e), { ignoreCase }).text;
      const candidateScore = Math.max(0, 1 - editDistanceInCodePoints(normQuote, actual) / m);
      const move = Math.abs(s - start) + Math.abs(e - end);
      if (!best || candidateScore > best.score + 1e-12 || (Math.abs(candidateScore - best.score) <= 1e-12 && move < bestMove)) {
        best = { range: [s, e], score: candidateScore, moved: true };
        bestMove = move;
      }
    }
  }
  return best ?? { range, score: 0, moved: true };
}
