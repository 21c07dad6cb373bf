// The anchoring pipeline, cheapest step first: exact at the stored span, exact elsewhere,
// normalized (same words, different typography), fuzzy (bit-parallel edit distance).

import { DEFAULT_ANCHOR_OPTIONS, SourceText } from '@factcheck/core';
import type { AnchorOptions, AnchorResult, Candidate, Span } from '@factcheck/core';
import { codePointLength } from './codepoints.js';
import { pickByContext, type ContextQuery } from './context.js';
import { wordDiff } from './diff.js';
import { describeCut, graphemeCut, rangeCut, widenToGraphemes } from './graphemes.js';
import { editDistanceSearch, type EditMatch } from './myers.js';
import { normalizeForMatch, originalRange, type NormalizedText } from './normalize.js';
import { ExactSearch } from './search.js';
import { similarity } from './similarity.js';
import { quoteSides, snapToWords, type SnapSides } from './snap.js';
import { suggestPassages } from './suggest.js';

/** What anchorQuote needs from an evidence item. */
export interface EvidenceQuote {
  /** The verbatim quote. */
  quote: string;
  /** Where it was: half-open code point offsets. Absent when the evidence is not pinned. */
  span?: Span | undefined;
  /** Text just before the quote, to tell identical quotes apart. */
  prefix?: string | undefined;
  /** Text just after the quote. */
  suffix?: string | undefined;
}

/** Options of findQuote. */
export interface FindQuoteOptions {
  /** Text just before the quote, to pick one of several occurrences. Default none. */
  prefix?: string | undefined;
  /** Text just after the quote. Default none. */
  suffix?: string | undefined;
  /** Anchor options; each missing one takes its default (see AnchorOptions). */
  options?: Partial<AnchorOptions> | undefined;
}

/** Options of nearestCandidates. */
export interface NearestOptions {
  /** Fold case when comparing. Default false. */
  ignoreCase?: boolean;
  /** Lowest similarity worth showing, 0..1. Default 0.5. */
  floor?: number;
}

/** Lowest similarity a "did you mean" candidate may have, unless told otherwise. */
const DEFAULT_NEAREST_FLOOR = 0.5;
/** How many candidates an ambiguous result lists at most. */
const MAX_CANDIDATES = 20;
/** Tolerance for comparing scores (sums and ratios of small integers). */
const EPSILON = 1e-9;

/**
 * Anchor options with defaults filled in: minScore 0.75, margin 0.05, ignoreCase false
 * (DEFAULT_ANCHOR_OPTIONS). Out-of-range numbers are clamped: minScore to 0..1, margin to >= 0.
 */
export function resolveAnchorOptions(options: Partial<AnchorOptions> = {}): AnchorOptions {
  const minScore = options.minScore ?? DEFAULT_ANCHOR_OPTIONS.minScore;
  const margin = options.margin ?? DEFAULT_ANCHOR_OPTIONS.margin;
  return {
    minScore: Number.isFinite(minScore) ? Math.min(1, Math.max(0, minScore)) : DEFAULT_ANCHOR_OPTIONS.minScore,
    margin: Number.isFinite(margin) ? Math.max(0, margin) : DEFAULT_ANCHOR_OPTIONS.margin,
    ignoreCase: options.ignoreCase ?? DEFAULT_ANCHOR_OPTIONS.ignoreCase,
  };
}

/**
 * Locate an evidence quote in a source text.
 *
 * 1. Exact at `span` → `verified` (score 1, kind exact, distance 0).
 * 2. Exact elsewhere → `moved` with `found` and `distance` (code points from the old start).
 *    Several occurrences: the prefix/suffix context picks one only if it scores strictly better
 *    than all others; otherwise `ambiguous`. The old position never decides. Without a span,
 *    a single (or context-chosen) occurrence is `verified`.
 * 3. Match after normalization (whitespace, quotes, dashes, NFKC, case with ignoreCase) →
 *    `changed`, kind normalized; `score` is the similarity of quote and actual text on the
 *    original strings (1 − edit distance / longer length).
 * 4. Approximate match → `changed`, kind fuzzy, with k = floor((1 − minScore) · length)
 *    errors allowed on the normalized texts; `score` = 1 − edit distance / quote length
 *    (normalized). Two non-overlapping candidates closer than `margin` → `ambiguous` (unless
 *    the context decides). A quote that starts and ends on word boundaries (its prefix and
 *    suffix, when given, do not continue its first or last word) is found on word boundaries:
 *    a match that starts or ends inside a word is snapped to the nearer boundary that scores
 *    best and scored again; below minScore it is dropped.
 * Otherwise `missing`, with up to three suggestions in `candidates` (never chosen): passages
 * ranked by the words they share with the quote and by its surviving first and last words,
 * each with its character similarity; for a quote of a few words with no such passage, the
 * closest texts by characters, snapped to whole words.
 *
 * Verified and moved need whole characters too: an exact occurrence whose start or end falls
 * inside a grapheme cluster (a letter and its combining mark, an emoji ZWJ sequence, a flag,
 * CR LF) is `changed`, kind exact, widened to whole characters, with a `reason` naming the
 * character cut. Every `found` of the later steps is widened to whole characters as well.
 *
 * Lookalike text is never verified or moved: those two need the exact quote. Text that
 * differs by a word or two comes back as `changed` with a diff naming the words; text
 * further away than minScore is `missing`, shown only as a rejected candidate.
 *
 * @param options minScore (default 0.75), margin (default 0.05), ignoreCase (default false).
 */
export function anchorQuote(
  text: SourceText,
  evidence: EvidenceQuote,
  options: Partial<AnchorOptions> = {},
): AnchorResult {
  const { quote, span } = evidence;
  if (quote.length === 0) return { status: 'missing' };
  if (span !== undefined && isExactAt(text, span, quote) && !graphemeCut(text, span)) {
    return { status: 'verified', found: [span[0], span[1]], score: 1, kind: 'exact', distance: 0 };
  }
  const opts = resolveAnchorOptions(options);
  const context: ContextQuery = { prefix: evidence.prefix, suffix: evidence.suffix, ignoreCase: opts.ignoreCase };

  const exact = exactOccurrences(text, quote);
  // Only an occurrence of whole characters is the quote: one that cuts a character is at best changed.
  const whole = exact.filter((range) => !rangeCut(text.text, range[0], range[1]));
  if (whole.length > 0) return decideAmong(text, quote, span, whole, context, 'exact');
  if (exact.length > 0) return cutOccurrence(text, quote, span, exact, context);

  const source = normalizedSource(text, opts.ignoreCase);
  const normQuote = normalizeForMatch(quote, { ignoreCase: opts.ignoreCase }).text;
  if (normQuote.length > 0) {
    const normalized = normalizedOccurrences(source, normQuote).map((range) => widenToGraphemes(text.text, range[0], range[1]));
    if (normalized.length > 0) return decideAmong(text, quote, span, normalized, context, 'normalized');
    const fuzzy = fuzzyStep(text, source, quote, normQuote, span, context, opts);
    if (fuzzy) return fuzzy;
  }
  const candidates = missingCandidates(text, source, quote, normQuote, context, opts.ignoreCase);
  return candidates.length > 0 ? { status: 'missing', candidates } : { status: 'missing' };
}

/**
 * Find a quote for a new claim (no span yet): `verified` with `found` when it occurs exactly
 * once (or the context picks one), `changed` when only a normalized or approximate match
 * exists (the caller shows `actual`), `ambiguous` with candidates, or `missing` with the
 * nearest candidates.
 */
export function findQuote(text: SourceText, quote: string, find: FindQuoteOptions = {}): AnchorResult {
  return anchorQuote(text, { quote, prefix: find.prefix, suffix: find.suffix }, find.options ?? {});
}

/**
 * The best approximate occurrences of `quote` (non-overlapping, best first), even below the
 * anchoring threshold: for "did you mean" messages. Scores as in the fuzzy step; like fuzzy
 * matches, they start and end on word boundaries (snapped, and scored again).
 *
 * @param limit How many, at most. Default 3.
 * @param options ignoreCase (default false), floor: lowest score shown (default 0.5).
 */
export function nearestCandidates(
  text: SourceText,
  quote: string,
  limit = 3,
  options: NearestOptions = {},
): Candidate[] {
  const ignoreCase = options.ignoreCase ?? false;
  const normQuote = normalizeForMatch(quote, { ignoreCase }).text;
  const sides = quoteSides(quote, undefined, undefined);
  return snappedNearest(text, normalizedSource(text, ignoreCase), normQuote, sides, ignoreCase, limit, options.floor ?? DEFAULT_NEAREST_FLOOR);
}

function isExactAt(text: SourceText, span: Span, quote: string): boolean {
  const [start, end] = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) {
    return false;
  }
  const unit = text.toUnit(start);
  return text.toUnit(end) - unit === quote.length && text.text.startsWith(quote, unit);
}

type UnitRange = readonly [number, number];

// Every evidence item of a source searches the same text: keep one ExactSearch per source.
const exactCache = new WeakMap<SourceText, ExactSearch>();

/** Every occurrence (overlapping ones too), as UTF-16 ranges. */
function exactOccurrences(text: SourceText, quote: string): UnitRange[] {
  let search = exactCache.get(text);
  if (!search) exactCache.set(text, (search = new ExactSearch(text.text)));
  return search.find(quote).map((u): UnitRange => [u, u + quote.length]);
}

interface NormalizedSource {
  norm: NormalizedText;
  view: SourceText;
  search: ExactSearch;
}

// A source is anchored once per evidence item: normalize it once.
const normalizedCache = new WeakMap<SourceText, Map<boolean, NormalizedSource>>();

function normalizedSource(text: SourceText, ignoreCase: boolean): NormalizedSource {
  let byCase = normalizedCache.get(text);
  if (!byCase) {
    byCase = new Map();
    normalizedCache.set(text, byCase);
  }
  let source = byCase.get(ignoreCase);
  if (!source) {
    const norm = normalizeForMatch(text.text, { ignoreCase });
    source = { norm, view: new SourceText(norm.text), search: new ExactSearch(norm.text) };
    byCase.set(ignoreCase, source);
  }
  return source;
}

/** Occurrences of the normalized quote, mapped back to UTF-16 ranges of the original. */
function normalizedOccurrences(source: NormalizedSource, normQuote: string): UnitRange[] {
  const found: UnitRange[] = [];
  const seen = new Set<number>();
  for (const u of source.search.find(normQuote)) {
    const range = originalRange(source.norm, u, u + normQuote.length);
    if (seen.has(range[0])) continue;
    seen.add(range[0]);
    found.push(range);
  }
  return found;
}

function toSpan(text: SourceText, range: UnitRange): [number, number] {
  return text.codePointSpan(range[0], range[1]);
}

/** The exact or normalized step: one occurrence, one chosen by context, or ambiguous. */
function decideAmong(
  text: SourceText,
  quote: string,
  span: Span | undefined,
  occurrences: UnitRange[],
  context: ContextQuery,
  kind: 'exact' | 'normalized',
): AnchorResult {
  const index = occurrences.length === 1 ? 0 : pickByContext(text.text, occurrences, context);
  if (index === undefined) {
    const candidates = occurrences.slice(0, MAX_CANDIDATES).map((range): Candidate => {
      const actual = text.text.slice(range[0], range[1]);
      return { span: toSpan(text, range), score: kind === 'exact' ? 1 : similarity(quote, actual), text: actual };
    });
    return { status: 'ambiguous', candidates };
  }
  const found = toSpan(text, occurrences[index]!);
  const distance = span === undefined ? undefined : Math.abs(found[0] - span[0]);
  if (kind === 'exact') {
    return span === undefined
      ? { status: 'verified', found, score: 1, kind: 'exact' }
      : { status: 'moved', found, score: 1, kind: 'exact', distance: distance! };
  }
  const actual = text.slice(found);
  return changed(found, similarity(quote, actual), 'normalized', quote, actual, distance);
}

/**
 * Exact occurrences that all cut a character in two (`cafe` in `cafe` + U+0301): the one chosen
 * (alone, or by context) is `changed`, widened to whole characters, with the reason; several
 * that nothing tells apart are `ambiguous`.
 */
function cutOccurrence(text: SourceText, quote: string, span: Span | undefined, occurrences: UnitRange[], context: ContextQuery): AnchorResult {
  const widened = occurrences.map((range) => widenToGraphemes(text.text, range[0], range[1]));
  const index = widened.length === 1 ? 0 : pickByContext(text.text, widened, context);
  if (index === undefined) {
    const candidates = widened.slice(0, MAX_CANDIDATES).map((range): Candidate => {
      const actual = text.text.slice(range[0], range[1]);
      return { span: toSpan(text, range), score: similarity(quote, actual), text: actual };
    });
    return { status: 'ambiguous', candidates };
  }
  const found = toSpan(text, widened[index]!);
  const actual = text.slice(found);
  const result: AnchorResult = { status: 'changed', found, score: similarity(quote, actual), kind: 'exact', actual, diff: wordDiff(quote, actual) };
  const cut = rangeCut(text.text, occurrences[index]![0], occurrences[index]![1]);
  if (cut) result.reason = describeCut(text.text, cut);
  if (span !== undefined) result.distance = Math.abs(found[0] - span[0]);
  return result;
}

function changed(
  found: [number, number],
  score: number,
  kind: 'normalized' | 'fuzzy',
  quote: string,
  actual: string,
  distance: number | undefined,
): AnchorResult {
  const result: AnchorResult = { status: 'changed', found, score, kind, actual, diff: wordDiff(quote, actual) };
  if (distance !== undefined) result.distance = distance;
  return result;
}

interface Scored {
  range: UnitRange;
  score: number;
}

/** Fuzzy matches of the normalized quote, as original ranges with their similarity. */
function fuzzyMatches(source: NormalizedSource, normQuote: string, k: number, limit: number, slack: number): Scored[] {
  const m = codePointLength(normQuote);
  const matches = editDistanceSearch(source.view, normQuote, k, { limit, slack });
  return matches.map((match: EditMatch) => {
    const [from, to] = source.view.unitSpan([match.start, match.end]);
    return { range: originalRange(source.norm, from, to), score: 1 - match.errors / m };
  });
}

function fuzzyStep(
  text: SourceText,
  source: NormalizedSource,
  quote: string,
  normQuote: string,
  span: Span | undefined,
  context: ContextQuery,
  opts: AnchorOptions,
): AnchorResult | undefined {
  const m = codePointLength(normQuote);
  const k = Math.floor((1 - opts.minScore) * m + EPSILON);
  if (k < 1) return undefined;
  // Candidates within `margin` of the best are all that matter: let the scan tighten to them.
  const slack = Math.ceil(opts.margin * m);
  // A quote that starts and ends on word boundaries is found on word boundaries: each match
  // that cuts a word is snapped to whole words and scored again (it may fall below minScore).
  const sides = quoteSides(quote, context.prefix, context.suffix);
  const snapped: Scored[] = [];
  for (const c of fuzzyMatches(source, normQuote, k, MAX_CANDIDATES, slack)) {
    const s = snapToWords(text.text, c.range, c.score, normQuote, opts.ignoreCase, sides);
    if (s.score < opts.minScore - EPSILON) continue;
    snapped.push({ range: s.range, score: s.score });
  }
  snapped.sort((a, b) => b.score - a.score || a.range[0] - b.range[0]);
  // Snapping can make two matches meet: keep the better of two that overlap.
  const scored: Scored[] = [];
  for (const c of snapped) {
    if (!scored.some((o) => c.range[0] < o.range[1] && o.range[0] < c.range[1])) scored.push(c);
  }
  if (scored.length === 0) return undefined;
  const best = scored[0]!;
  const close = scored.filter((c) => best.score - c.score < opts.margin - EPSILON);
  let chosen: Scored | undefined = best;
  if (close.length > 1) {
    const index = pickByContext(
      text.text,
      close.map((c) => c.range),
      context,
    );
    chosen = index === undefined ? undefined : close[index];
  }
  if (!chosen) {
    return { status: 'ambiguous', candidates: close.map((c) => toCandidate(text, c)) };
  }
  const found = toSpan(text, widenToGraphemes(text.text, chosen.range[0], chosen.range[1]));
  const distance = span === undefined ? undefined : Math.abs(found[0] - span[0]);
  return changed(found, chosen.score, 'fuzzy', quote, text.slice(found), distance);
}

function toCandidate(text: SourceText, c: Scored): Candidate {
  return { span: toSpan(text, c.range), score: c.score, text: text.text.slice(c.range[0], c.range[1]) };
}

function nearestIn(
  text: SourceText,
  source: NormalizedSource,
  normQuote: string,
  limit: number,
  floor: number,
): Candidate[] {
  const m = codePointLength(normQuote);
  if (m === 0 || limit <= 0) return [];
  const k = Math.floor((1 - Math.min(1, Math.max(0, floor))) * m + EPSILON);
  return fuzzyMatches(source, normQuote, k, limit, Infinity)
    .sort((a, b) => b.score - a.score || a.range[0] - b.range[0])
    .map((c) => toCandidate(text, c));
}

/** Quotes of fewer words than this also get the closest texts by characters, when no passage shares their words. */
const FEW_WORDS = 4;

/**
 * What a missing quote may have become: passages ranked by shared words and surviving edges
 * (suggestPassages); for a quote of a few words without such a passage, the closest texts by
 * characters, snapped to whole words like a fuzzy match. At most 3, best first.
 */
function missingCandidates(
  text: SourceText,
  source: NormalizedSource,
  quote: string,
  normQuote: string,
  context: ContextQuery,
  ignoreCase: boolean,
): Candidate[] {
  const passages = suggestPassages(text, quote, 3);
  if (passages.length > 0 || normQuote.length === 0) return passages;
  if (normQuote.split(' ').filter(Boolean).length >= FEW_WORDS) return [];
  const sides = quoteSides(quote, context.prefix, context.suffix);
  return snappedNearest(text, source, normQuote, sides, ignoreCase, 3, DEFAULT_NEAREST_FLOOR);
}

/**
 * The closest texts by characters (nearestIn), each snapped to whole words on the sides the
 * quote asks for and scored again as in the fuzzy step; those that fall below `floor` are
 * dropped, the rest come back best first, without duplicates.
 */
function snappedNearest(
  text: SourceText,
  source: NormalizedSource,
  normQuote: string,
  sides: SnapSides,
  ignoreCase: boolean,
  limit: number,
  floor: number,
): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of nearestIn(text, source, normQuote, limit, floor)) {
    const units = text.unitSpan(c.span);
    const snapped = snapToWords(text.text, units, c.score, normQuote, ignoreCase, sides);
    if (snapped.score < floor - EPSILON) continue;
    const range = snapped.moved ? widenToGraphemes(text.text, snapped.range[0], snapped.range[1]) : units;
    const key = `${range[0]}:${range[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ span: toSpan(text, range), score: snapped.score, text: text.text.slice(range[0], range[1]) });
  }
  return out.sort((a, b) => b.score - a.score || a.span[0] - b.span[0]);
}
