// Alignment: two texts speak about the same thing when, once stop words are dropped and words are
// stemmed, their content words line up in order (longest common subsequence) and whatever does not
// line up is exactly the difference a rule explains: an antonym pair, a negation, or a number or date
// in the same slot. Anything else left over means the texts say different things, and no rule fires.
import { analyse } from './analyse.js';
import type { AliasTable, Analysis, Item } from './analyse.js';
import { datesDisjoint } from './dates.js';
import { disjoint } from './interval.js';
import { areAntonyms } from './lexicon.js';
import type { AntonymFilter } from './lexicon.js';

export interface AlignmentOptions {
  /**
   * Distinct content words both texts must share (in order) to be aligned; agreeing numbers and
   * dates in the same slot count too. Default 2.
   */
  minSharedWords: number;
  /**
   * Content words one text may carry beyond the other (the other's words must all line up).
   * Default 0: claim against claim, every content word must be accounted for.
   */
  maxExtraWords: number;
  /** Count WordNet synset-level antonyms (big↔small through {large, big}↔{small, little}). Default true. */
  synsetAntonyms: boolean;
  /**
   * Count noun-only antonyms (man/woman, boy/girl). Default false: two nouns name two different
   * things ("a man is playing" and "a woman is playing" can both be true), not opposite properties.
   */
  nounAntonyms: boolean;
  /**
   * Negation only: words the affirmative text may carry beyond the negated one. "There is no dog
   * running" denies "Two dogs are running" too: a more specific statement is still denied. The
   * negated text must line up entirely. Default 2.
   */
  affirmativeExtraWords: number;
  /** Count indirect adjective antonyms (giant/little: giant is similar to large). Default true. */
  indirectAntonyms: boolean;
}

export const DEFAULT_ALIGNMENT_OPTIONS: AlignmentOptions = {
  minSharedWords: 2,
  maxExtraWords: 0,
  synsetAntonyms: true,
  nounAntonyms: false,
  indirectAntonyms: true,
  affirmativeExtraWords: 2,
};

/** A pair of items in the same slot of both texts. */
interface Slot {
  a: Item;
  b: Item;
}

/** The word-by-word comparison of two analysed texts. */
export interface Comparison {
  /** Content words lined up in both. */
  shared: Item[];
  /** Words of each text that line up with nothing and are not part of an antonym pair. */
  extraA: Item[];
  extraB: Item[];
  /** Antonym pairs found in the same slot. */
  antonyms: Slot[];
  /** Negation cues not used by an antonym pair. */
  negationsA: Item[];
  negationsB: Item[];
  /** Quantities and dates that sit in the same slot. */
  quantities: Slot[];
  dates: Slot[];
}

// One table reused by every comparison: allocating a typed array per pair costs more than filling it.
let table = new Uint16Array(1024);

/** Longest common subsequence of keys, as index pairs in order (flat: i0, j0, i1, j1, …). */
function commonSubsequence(a: readonly Item[], b: readonly Item[]): number[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const size = (n + 1) * width;
  if (table.length < size) table = new Uint16Array(Math.max(size, table.length * 2));
  table.fill(0, n * width, size);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    table[row + m] = 0;
    const key = a[i]!.key;
    for (let j = m - 1; j >= 0; j--) {
      table[row + j] = key === b[j]!.key ? table[below + j + 1]! + 1 : Math.max(table[below + j]!, table[row + j + 1]!);
    }
  }
  const pairs: number[] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push(i, j);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

const isWordLike = (it: Item) => it.kind === 'word' || it.kind === 'cue';

/** Lines up two analysed texts; see `Comparison`. */
export function compareAnalyses(a: Analysis, b: Analysis, options: Pick<AlignmentOptions, 'synsetAntonyms' | 'nounAntonyms' | 'indirectAntonyms'>): Comparison {
  const filter: AntonymFilter = { synset: options.synsetAntonyms, nouns: options.nounAntonyms, indirect: options.indirectAntonyms };
  const result: Comparison = { shared: [], extraA: [], extraB: [], antonyms: [], negationsA: [], negationsB: [], quantities: [], dates: [] };
  const A = a.items;
  const B = b.items;
  const pairs = commonSubsequence(A, B);
  /** The unmatched runs A[i0, i1) and B[j0, j1): one antonym pair at most, then cues and extras. */
  const takeRun = (i0: number, i1: number, j0: number, j1: number) => {
    let antonymA = -1;
    let antonymB = -1;
    search: for (let i = i0; i < i1 && j1 > j0; i++) {
      if (!isWordLike(A[i]!)) continue;
      for (let j = j0; j < j1; j++) {
        if (isWordLike(B[j]!) && areAntonyms(A[i]!.word, B[j]!.word, filter)) {
          antonymA = i;
          antonymB = j;
          result.antonyms.push({ a: A[i]!, b: B[j]! });
          break search;
        }
      }
    }
    for (let i = i0; i < i1; i++) if (i !== antonymA) (A[i]!.kind === 'cue' ? result.negationsA : result.extraA).push(A[i]!);
    for (let j = j0; j < j1; j++) if (j !== antonymB) (B[j]!.kind === 'cue' ? result.negationsB : result.extraB).push(B[j]!);
  };
  let i = 0;
  let j = 0;
  for (let k = 0; k <= pairs.length; k += 2) {
    const pi = k < pairs.length ? pairs[k]! : A.length;
    const pj = k < pairs.length ? pairs[k + 1]! : B.length;
    if (pi > i || pj > j) takeRun(i, pi, j, pj);
    const x = A[pi];
    const y = B[pj];
    if (x && y) {
      if (x.kind === 'word') result.shared.push(x);
      else if (x.kind === 'quantity') result.quantities.push({ a: x, b: y });
      else if (x.kind === 'date') result.dates.push({ a: x, b: y });
      // Lined-up cues cancel out: both texts negate.
    }
    i = pi + 1;
    j = pj + 1;
  }
  return result;
}

/** Summary of how well two texts line up, for callers that want to see why a pair was (not) compared. */
export interface Alignment {
  /** True when the texts line up under the options: enough shared words, no unexplained leftovers. */
  aligned: boolean;
  /** Shared content words over the smaller text's content words (0..1). */
  overlap: number;
  /** Shared content words over all distinct content words of both (0..1). */
  jaccard: number;
  shared: string[];
  /** Leftover words of each text (as written, lower case). */
  onlyA: string[];
  onlyB: string[];
  /** Antonym pairs in the same slot, "a/b". */
  antonyms: string[];
  /** Negation cues not lined up with a cue in the other text. */
  negationsA: string[];
  negationsB: string[];
}

/** Distinct shared content words, plus numbers and dates in the same slot that agree ("in 2022" and "in 2022"). */
function sharedCount(c: Comparison): number {
  const agreeingQuantities = c.quantities.length - conflictingQuantities(c).length;
  const agreeingDates = c.dates.length - conflictingDates(c).length;
  let distinct = 0;
  c.shared.forEach((it, k) => {
    if (c.shared.findIndex((other) => other.key === it.key) === k) distinct++;
  });
  return distinct + agreeingQuantities + agreeingDates;
}

/** Whether a comparison counts as aligned: see `AlignmentOptions`. */
export function isAligned(c: Comparison, options: AlignmentOptions, extraSide: 'either' | 'b' = 'either'): boolean {
  if (sharedCount(c) < options.minSharedWords) return false;
  if (c.antonyms.length > 1) return false;
  const a = c.extraA.length;
  const b = c.extraB.length;
  if (extraSide === 'b') return a === 0 && b <= options.maxExtraWords;
  return Math.min(a, b) === 0 && Math.max(a, b) <= options.maxExtraWords;
}

/**
 * The negation case of alignment: the texts differ in negation, the negated text lines up entirely,
 * and only the affirmative one has extra words (at most `affirmativeExtraWords`).
 */
export function isAlignedNegation(c: Comparison, options: AlignmentOptions): boolean {
  if (sharedCount(c) < options.minSharedWords || c.antonyms.length > 0) return false;
  const negatedA = c.negationsA.length % 2 === 1;
  const negatedB = c.negationsB.length % 2 === 1;
  if (negatedA === negatedB) return false;
  const [negatedExtra, affirmativeExtra] = negatedA ? [c.extraA, c.extraB] : [c.extraB, c.extraA];
  return negatedExtra.length === 0 && affirmativeExtra.length <= options.affirmativeExtraWords;
}

function contentCount(c: Comparison, side: 'a' | 'b'): number {
  const extra = side === 'a' ? c.extraA : c.extraB;
  return c.shared.length + extra.filter((it) => it.kind === 'word').length + c.antonyms.length;
}

/**
 * How two texts line up. Texts are aligned when, after lower-casing, stemming and dropping stop
 * words, at least `minSharedWords` content words line up in order and the words left over are only
 * an antonym pair, negation cues, or numbers/dates in the same slot (plus at most `maxExtraWords`
 * words on one side, or `affirmativeExtraWords` on the affirmative side of a negation).
 */
export function alignment(a: string, b: string, options: Partial<AlignmentOptions & { aliases: AliasTable }> = {}): Alignment {
  const settings = { ...DEFAULT_ALIGNMENT_OPTIONS, ...options };
  const c = compareAnalyses(analyse(a, options), analyse(b, options), settings);
  const countA = contentCount(c, 'a');
  const countB = contentCount(c, 'b');
  const union = countA + countB - c.shared.length;
  return {
    aligned: isAligned(c, settings) || isAlignedNegation(c, settings),
    overlap: Math.min(countA, countB) === 0 ? 0 : c.shared.length / Math.min(countA, countB),
    jaccard: union === 0 ? 0 : c.shared.length / union,
    shared: c.shared.map((it) => it.word),
    onlyA: c.extraA.map((it) => it.word),
    onlyB: c.extraB.map((it) => it.word),
    antonyms: c.antonyms.map((s) => `${s.a.word}/${s.b.word}`),
    negationsA: c.negationsA.map((it) => it.word),
    negationsB: c.negationsB.map((it) => it.word),
  };
}

/** Quantity slots whose intervals cannot overlap. */
export function conflictingQuantities(c: Comparison): Slot[] {
  return c.quantities.filter(({ a, b }) => a.quantity && b.quantity && a.quantity.unit === b.quantity.unit && disjoint(a.quantity, b.quantity));
}

/** Date slots whose intervals share no day. */
export function conflictingDates(c: Comparison): Slot[] {
  return c.dates.filter(({ a, b }) => a.date && b.date && datesDisjoint(a.date, b.date));
}

export type { Slot };
