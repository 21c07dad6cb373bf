// Suggestions for a quote that is not found: passages of the source that may be its new
// wording. A rewritten sentence keeps some of its words and often its first or last ones, but
// little of its character sequence ("Human beings have lived here for over ten millennia." →
// "Humans have lived in the Americas for over ten thousand years."), so passages are ranked by
// the words they share with the quote, by the quote's surviving first and last words, and by
// whether they start and end where the quote does (a sentence start, its final punctuation).
// The similarity shown with each is the plain character similarity: a suggestion is never a
// match, only a place to read.

import type { Candidate, SourceText } from '@factcheck/core';
import { isSpaceAt, isWordCharBefore } from './codepoints.js';
import { widenToGraphemes } from './graphemes.js';
import { normalizeForMatch, originalRange, type NormalizedText } from './normalize.js';
import { similarity } from './similarity.js';

/** The words of a source: ids, and each word's UTF-16 range in the original text. */
interface WordIndex {
  ids: Int32Array;
  /** breaks[i]: how many sentence ends stand between word 0 and word i (a running count). */
  breaks: Int32Array;
  /** 1 where a word starts a sentence with a capital letter. */
  capital: Uint8Array;
  /** The UTF-16 unit just after each word (-1 at the end of the text). */
  after: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  vocab: Map<string, number>;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Most passages refined per quote. */
const SEEDS = 6;
/** Fewest shared words a suggestion needs. */
const MIN_SHARED = 2;
/** Lowest share of the quote's words (Dice coefficient) a suggestion needs. */
const MIN_OVERLAP = 0.3;

const indexCache = new WeakMap<SourceText, WordIndex>();

function wordsOf(norm: NormalizedText): { words: string[]; starts: number[]; ends: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(norm.text); m; m = WORD.exec(norm.text)) {
    words.push(m[0]);
    const [from, to] = originalRange(norm, m.index, m.index + m[0].length);
    starts.push(from);
    ends.push(to);
  }
  return { words, starts, ends };
}

function wordIndex(text: SourceText): WordIndex {
  let index = indexCache.get(text);
  if (index) return index;
  const { words, starts, ends } = wordsOf(normalizeForMatch(text.text, { ignoreCase: true }));
  const vocab = new Map<string, number>();
  const ids = new Int32Array(words.length);
  words.forEach((w, i) => {
    let id = vocab.get(w);
    if (id === undefined) vocab.set(w, (id = vocab.size));
    ids[i] = id;
  });
  const capital = new Uint8Array(words.length);
  const after = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const at = starts[i]!;
    capital[i] = isUpperUnit(text.text, at) && sentenceStartsAt(text.text, at) ? 1 : 0;
    after[i] = ends[i]! < text.text.length ? text.text.charCodeAt(ends[i]!) : -1;
  }
  index = { ids, breaks: sentenceBreaks(text.text, starts, ends), capital, after, starts: Int32Array.from(starts), ends: Int32Array.from(ends), vocab };
  indexCache.set(text, index);
  return index;
}

const UPPER = /\p{Lu}/u;

/** The UTF-16 unit at `at` is an upper-case letter (ASCII without a regex). */
function isUpperUnit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 65 && c <= 90;
  return UPPER.test(text[at]!);
}

const SENTENCE_END = /[.!?]/;

/** The running count of sentence ends ([.!?] in the gap before a word). */
function sentenceBreaks(text: string, starts: readonly number[], ends: readonly number[]): Int32Array {
  const breaks = new Int32Array(starts.length);
  for (let i = 1; i < starts.length; i++) {
    let end = 0;
    for (let u = ends[i - 1]!; u < starts[i]!; u++) {
      const c = text.charCodeAt(u);
      if (c === 46 || c === 33 || c === 63) {
        end = 1;
        break;
      }
    }
    breaks[i] = breaks[i - 1]! + end;
  }
  return breaks;
}

/** What the quote's edges look like, to favour passages with the same edges. */
interface QuoteShape {
  ids: Int32Array;
  /** Sentence ends inside the quote (between its words). */
  breaks: number;
  /** How many times each id occurs in the quote. */
  need: Int32Array;
  /** The quote starts with an upper-case letter (a sentence start, most likely). */
  capital: boolean;
  /** The quote's closing punctuation (after its last word), or ''. */
  closing: string;
  /** The quote's opening punctuation (before its first word), or ''. */
  opening: string;
  /** The unit of sentence-ending punctuation that closes the quote, or -1. */
  closingEnd: number;
}

function shapeOf(quote: string, index: WordIndex): QuoteShape {
  const { words } = wordsOf(normalizeForMatch(quote, { ignoreCase: true }));
  const ids = Int32Array.from(words, (w) => index.vocab.get(w) ?? -1);
  const need = new Int32Array(index.vocab.size);
  for (const id of ids) if (id >= 0) need[id]!++;
  const trimmed = quote.trim();
  const firstWord = trimmed.search(/[\p{L}\p{N}]/u);
  let lastWord = trimmed.length;
  while (lastWord > 0 && !isWordCharBefore(trimmed, lastWord)) lastWord--;
  const inner = wordsOf(normalizeForMatch(quote, { ignoreCase: true }));
  let breaks = 0;
  for (let i = 1; i < inner.starts.length; i++) if (SENTENCE_END.test(quote.slice(inner.ends[i - 1], inner.starts[i]))) breaks++;
  return {
    ids,
    breaks,
    need,
    capital: firstWord >= 0 && /\p{Lu}/u.test(trimmed[firstWord]!),
    opening: firstWord > 0 ? trimmed.slice(0, firstWord) : '',
    closing: trimmed.slice(lastWord),
    closingEnd: SENTENCE_END.test(trimmed[lastWord] ?? '') ? trimmed.charCodeAt(lastWord) : -1,
  };
}

/**
 * Starts (word indices) of the `count` best windows of the quote's length in words: most words
 * shared with the quote, then leftmost, at least half a window apart.
 */
function seedWindows(index: WordIndex, shape: QuoteShape, count: number): number[] {
  const w = shape.ids.length;
  const n = index.ids.length;
  // Windows of the quote's length in words, slid over the source: shared words per start.
  // credit[id] is how many more of the word a window may hold and still share each one (the
  // quote's count minus the window's); (-c) >>> 31 is 1 when c > 0.
  const len = Math.min(w, n);
  const credit = shape.need.slice();
  const ids = index.ids;
  let shared = 0;
  for (let i = 0; i < len; i++) {
    const c = credit[ids[i]!]!;
    credit[ids[i]!] = c - 1;
    shared += -c >>> 31;
  }
  const counts = new Int32Array(n - len + 1);
  counts[0] = shared;
  for (let i = 1; i + len <= n; i++) {
    const out = ids[i - 1]!;
    const back = credit[out]! + 1;
    credit[out] = back;
    shared -= -back >>> 31;
    const inId = ids[i + len - 1]!;
    const c = credit[inId]!;
    credit[inId] = c - 1;
    shared += -c >>> 31;
    counts[i] = shared;
  }
  // The starts with at least MIN_SHARED shared words, most shared first, then leftmost (a
  // counting sort: one pass, not one pass per count).
  let most = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > most) most = counts[i]!;
  const seeds: number[] = [];
  if (most < MIN_SHARED) return seeds;
  const firstOf = new Int32Array(most + 2);
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= MIN_SHARED) firstOf[most - counts[i]! + 1]!++;
  for (let c = 1; c <= most + 1; c++) firstOf[c]! += firstOf[c - 1]!;
  const order = new Int32Array(firstOf[most + 1]!);
  for (let i = 0; i < counts.length; i++) if (counts[i]! >= MIN_SHARED) order[firstOf[most - counts[i]!]!++] = i;
  const apart = Math.max(1, len >> 1);
  for (let j = 0; j < order.length && seeds.length < count; j++) {
    const i = order[j]!;
    if (seeds.some((s) => Math.abs(s - i) < apart)) continue;
    seeds.push(i);
  }

  return seeds;
}

interface Passage {
  from: number;
  to: number;
  rank: number;
  shared: number;
}

/**
 * The rank of the source's words [from, to) as the quote's new wording: the Dice coefficient of
 * the two word multisets, plus up to 0.1 each for the quote's first and last words surviving at
 * the passage's edges, plus 0.1 each for a passage that starts like the quote (a capital) and
 * ends like it (the same closing punctuation), minus 0.15 for each sentence end more or fewer
 * inside it than inside the quote.
 */
function rankOf(index: WordIndex, shape: QuoteShape, from: number, to: number, shared: number): number {
  const w = shape.ids.length;
  const len = to - from;
  let lead = 0;
  while (lead < 3 && lead < w && lead < len && shape.ids[lead] === index.ids[from + lead]) lead++;
  let trail = 0;
  while (trail < 3 && trail < w && trail < len && shape.ids[w - 1 - trail] === index.ids[to - 1 - trail]) trail++;
  let rank = (2 * shared) / (w + len) + (0.1 * lead) / 3 + (0.1 * trail) / 3;
  // A passage that runs across more (or fewer) sentence ends than the quote is less likely its rewrite.
  rank -= 0.15 * Math.abs(index.breaks[to - 1]! - index.breaks[from]! - shape.breaks);
  if (shape.capital && index.capital[from] === 1) rank += 0.1;
  if (shape.closingEnd >= 0 && index.after[to - 1] === shape.closingEnd) rank += 0.1;
  return rank;
}

/** True when a sentence may start at `unit`: the text start, or after closing punctuation and space. */
function sentenceStartsAt(text: string, unit: number): boolean {
  let u = unit;
  while (u > 0 && !isWordCharBefore(text, u) && !SENTENCE_END.test(text[u - 1]!) && !isSpaceAt(text, u - 1)) u--;
  if (u === 0) return true;
  if (!isSpaceAt(text, u - 1)) return false;
  while (u > 0 && isSpaceAt(text, u - 1)) u--;
  return u === 0 || /[.!?:;"')\]\u201d\u2019]/.test(text[u - 1]!) || text[unit - 1] === '\n';
}

/**
 * Up to `limit` passages of `text` that may be the quote reworded, best first, not overlapping:
 * span, text, and character similarity to the quote. Empty when no passage shares enough words.
 */
export function suggestPassages(text: SourceText, quote: string, limit = 3): Candidate[] {
  const index = wordIndex(text);
  const shape = shapeOf(quote, index);
  const w = shape.ids.length;
  const n = index.ids.length;
  if (w < 2 || n === 0 || limit <= 0) return [];

  const { need } = shape;
  const len = Math.min(w, n);
  const seeds = seedWindows(index, shape, SEEDS);
  // Refine each seed: move both edges by up to a third of the quote, keep the best rank.
  const reach = Math.ceil(w / 3) + 1;
  const passages: Passage[] = [];
  const counted = new Int32Array(need.length);
  for (const seed of seeds) {
    let best: Passage | undefined;
    for (let from = Math.max(0, seed - reach); from <= Math.min(n - 1, seed + reach); from++) {
      const lo = Math.max(from + Math.ceil(w / 2), seed + len - reach);
      const hi = Math.min(n, seed + len + reach, from + 2 * w);
      let common = 0;
      for (let to = from + 1; to <= hi; to++) {
        const id = index.ids[to - 1]!;
        const wanted = need[id]!;
        if (wanted > 0) {
          if (counted[id]! < wanted) common++;
          counted[id]!++;
        }
        if (to < lo || common < MIN_SHARED) continue;
        const rank = rankOf(index, shape, from, to, common);
        if (!best || rank > best.rank + 1e-12) best = { from, to, rank, shared: common };
      }
      for (let to = from; to < hi; to++) counted[index.ids[to]!] = 0;
    }
    if (best && (2 * best.shared) / (w + best.to - best.from) >= MIN_OVERLAP) passages.push(best);
  }
  passages.sort((a, b) => b.rank - a.rank || a.from - b.from);

  const chosen: Passage[] = [];
  for (const p of passages) {
    if (chosen.length >= limit) break;
    if (chosen.some((c) => p.from < c.to && c.from < p.to)) continue;
    chosen.push(p);
  }
  return chosen.map((p) => {
    let start = index.starts[p.from]!;
    let end = index.ends[p.to - 1]!;
    // Take the quote's punctuation at the edges along when the passage has it too.
    if (shape.closing && text.text.startsWith(shape.closing, end)) end += shape.closing.length;
    else if (shape.closing && text.text.startsWith(shape.closing[0]!, end)) end += 1;
    if (shape.opening && start >= shape.opening.length && text.text.endsWith(shape.opening, start)) start -= shape.opening.length;
    const [from, to] = widenToGraphemes(text.text, start, end);
    const span = text.codePointSpan(from, to);
    const actual = text.text.slice(from, to);
    return { span, score: similarity(quote, actual), text: actual };
  });
}
