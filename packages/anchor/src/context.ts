// Context around a quote: the text just before (prefix) and after (suffix) it, as in the W3C
// TextQuoteSelector. It tells identical quotes apart, and the comparison is tolerant (edit
// distance on normalized text), so a context still works after small edits nearby.

import type { SourceText, Span } from '@factcheck/core';
import { codePointLength, reverseCodePoints } from './codepoints.js';
import { prefixDistance } from './myers.js';
import { normalizeForMatch } from './normalize.js';

/** How well a candidate's neighbourhood matches the stored context. */
export interface ContextQuery {
  prefix?: string | undefined;
  suffix?: string | undefined;
  ignoreCase: boolean;
}

/** True when there is some context to compare. */
export function hasContext(query: ContextQuery): boolean {
  return Boolean(query.prefix) || Boolean(query.suffix);
}

/**
 * Context score of the candidate at UTF-16 range [start, end): for each side given, 1 − (edit
 * distance of the normalized context to the normalized text next to the candidate) / (context
 * length); the sides add up (0..2).
 */
export function contextScore(text: string, start: number, end: number, query: ContextQuery): number {
  return contextScorer(query).score(text, start, end);
}

/** Context scores for one query, with the query normalized once. */
interface ContextScorer {
  /** The score of the candidate at UTF-16 range [start, end) (see contextScore). */
  score(text: string, start: number, end: number): number;
  /** The highest score any candidate can reach: 1 for each side given. */
  best: number;
  /** The text next to a candidate that its score depends on (and nothing else). */
  neighbourhood(text: string, start: number, end: number): string;
}

function contextScorer(query: ContextQuery): ContextScorer {
  const norm = (s: string): string => normalizeForMatch(s, { ignoreCase: query.ignoreCase }).text;
  // Align the prefix's end with the candidate's start: compare both reversed.
  const prefix = query.prefix ? reverseCodePoints(norm(query.prefix)) : '';
  const suffix = query.suffix ? norm(query.suffix) : '';
  const prefixReach = 2 * (query.prefix?.length ?? 0) + 8;
  const suffixReach = 2 * (query.suffix?.length ?? 0) + 8;
  const before = (text: string, start: number): string => (prefix ? text.slice(safeStart(text, start - prefixReach), start) : '');
  const after = (text: string, end: number): string => (suffix ? text.slice(end, safeEnd(text, end + suffixReach)) : '');
  return {
    best: (prefix ? 1 : 0) + (suffix ? 1 : 0),
    score(text, start, end) {
      let score = 0;
      if (prefix) score += 1 - prefixDistance(prefix, reverseCodePoints(norm(before(text, start)))) / Math.max(1, codePointLength(prefix));
      if (suffix) score += 1 - prefixDistance(suffix, norm(after(text, end))) / Math.max(1, codePointLength(suffix));
      return score;
    },
    neighbourhood(text, start, end) {
      const b = before(text, start);
      return `${b.length}:${b}${after(text, end)}`;
    },
  };
}

/** A UTF-16 index >= 0 that does not split a surrogate pair (moved forward if needed). */
function safeStart(text: string, unit: number): number {
  if (unit <= 0) return 0;
  const c = text.charCodeAt(unit);
  return c >= 0xdc00 && c < 0xe000 ? unit + 1 : unit;
}

/** A UTF-16 index <= length that does not split a surrogate pair (moved forward if needed). */
function safeEnd(text: string, unit: number): number {
  if (unit >= text.length) return text.length;
  const c = text.charCodeAt(unit);
  return c >= 0xdc00 && c < 0xe000 ? unit + 1 : unit;
}

/**
 * Among candidates (UTF-16 ranges), the one whose context scores strictly better than all
 * others; undefined when there is no context or no strict winner.
 */
export function pickByContext(
  text: string,
  candidates: readonly (readonly [number, number])[],
  query: ContextQuery,
): number | undefined {
  if (!hasContext(query) || candidates.length === 0) return undefined;
  const scorer = contextScorer(query);
  // A quote may occur a million times, mostly amid the same words: score each neighbourhood once.
  const scoreOf = new Map<string, number>();
  let best = -1;
  let bestScore = -Infinity;
  let runnerUp = -Infinity; // the highest score of all the others
  for (let i = 0; i < candidates.length; i++) {
    const [start, end] = candidates[i]!;
    const around = scorer.neighbourhood(text, start, end);
    let score = scoreOf.get(around);
    if (score === undefined) {
      score = scorer.score(text, start, end);
      if (scoreOf.size < MAX_REMEMBERED) scoreOf.set(around, score);
    }
    if (score > bestScore) {
      runnerUp = bestScore;
      best = i;
      bestScore = score;
    } else runnerUp = Math.max(runnerUp, score);
    // Two candidates with a perfect context: no later one can beat them both.
    if (runnerUp > scorer.best - EPSILON) return undefined;
  }
  // Scores are sums of ratios: compare with a small tolerance so rounding never decides.
  return runnerUp < bestScore - EPSILON ? best : undefined;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Tolerance for comparing context scores. */
const EPSILON = 1e-9;
/** Neighbourhoods whose score pickByContext remembers: enough for text that repeats, bounded in memory. */
const MAX_REMEMBERED = 4096;

/**
 * The shortest prefix and suffix (grown one code point at a time, then widened so no word is
 * cut) with which the text at `span` scores strictly better than every other exact occurrence
 * of the same text, by the same context comparison anchorQuote uses (with and without
 * ignoreCase). A unique text needs none (empty strings, unless `minLength` asks for some).
 *
 * @param minLength Minimum length of each non-empty side, in code points. Default 0.
 */
export function contextFor(
  text: SourceText,
  span: Span,
  minLength = 0,
): { prefix: string; suffix: string } {
  const source = text.text;
  const [start, end] = text.unitSpan(span);
  const quote = source.slice(start, end);
  const others: [number, number][] = [];
  if (quote.length > 0) {
    for (let u = source.indexOf(quote); u !== -1; u = source.indexOf(quote, u + 1)) {
      if (u !== start) others.push([u, u + quote.length]);
    }
  }
  const sideAt = (before: number, after: number): { prefix: string; suffix: string } => ({
    prefix: source.slice(text.toUnit(Math.max(0, span[0] - before)), start),
    suffix: source.slice(end, text.toUnit(Math.min(text.length, span[1] + after))),
  });
  // The context must work whether or not the workspace ignores case.
  const distinguishes = (c: { prefix: string; suffix: string }): boolean =>
    [false, true].every((ignoreCase) => {
      const q: ContextQuery = { ...c, ignoreCase };
      const own = contextScore(source, start, end, q);
      return others.every(([s, e]) => contextScore(source, s, e, q) < own - 1e-9);
    });

  let chosen = { before: 0, after: 0 };
  if (others.length > 0) {
    const longest = Math.max(span[0], text.length - span[1]);
    search: for (let len = 1; len <= longest; len++) {
      for (const [before, after] of [
        [len, 0],
        [0, len],
        [len, len],
      ] as const) {
        if (distinguishes(sideAt(before, after))) {
          chosen = { before, after };
          break search;
        }
      }
      chosen = { before: len, after: len };
    }
  }
  const before = chosen.before > 0 || minLength > 0 ? Math.max(chosen.before, minLength) : 0;
  const after = chosen.after > 0 || minLength > 0 ? Math.max(chosen.after, minLength) : 0;
  return widenToWords(text, span, before, after);
}

/** Grow each non-empty side until it does not start (prefix) or end (suffix) inside a word. */
function widenToWords(
  text: SourceText,
  span: Span,
  before: number,
  after: number,
): { prefix: string; suffix: string } {
  const cps = (a: number, b: number): string => text.slice([a, b]);
  let from = Math.max(0, span[0] - before);
  if (before > 0) {
    while (from > 0 && WORD_CHAR.test(cps(from - 1, from)) && WORD_CHAR.test(cps(from, from + 1))) from--;
  }
  let to = Math.min(text.length, span[1] + after);
  if (after > 0) {
    while (to < text.length && WORD_CHAR.test(cps(to - 1, to)) && WORD_CHAR.test(cps(to, to + 1))) to++;
  }
  return { prefix: cps(from, span[0]), suffix: cps(span[1], to) };
}
