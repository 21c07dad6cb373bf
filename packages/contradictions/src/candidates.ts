// Which claims to compare. Aligned texts have almost the same content words: each may lack at most
// a few words of the other (an antonym, allowed extra words, the affirmative extras of a negation).
// So two aligned texts meet on a common word set obtained by deleting a few words from each. Word
// sets are fingerprinted by XOR of word hashes, which makes each deletion O(1); an inverted index of
// fingerprints then brings together exactly the texts that may align. The work grows with the
// number and length of texts, not with the number of pairs.

/** What the search needs to know of a text. */
export interface WordSet {
  /** Distinct content-word keys. */
  words: readonly string[];
  /** For each key, the word as first written (lower case): antonyms are looked up on it. */
  surfaces: readonly string[];
  /**
   * For each key, whether it may be one side of an antonym pair. When given, the single-word
   * deletions of the search leave out only such words, which keeps the candidates few.
   */
  pivots?: readonly boolean[];
  /** Negation cues in the text. */
  negations: number;
  /** Numbers and dates in the text (they may agree and count as shared). */
  slots: number;
}

export interface CandidateDepths {
  /** Words a text may lack when it is indexed (one: the antonym). */
  insert: number;
  /** Words a text may lack when it looks others up (the antonym plus extras). */
  probe: number;
  /**
   * Words an affirmative text may carry beyond a negated one. Texts with a negation cue are indexed
   * a second time, whole, in a small index that every text looks up with up to this many words left out.
   */
  negated: number;
}

export interface CandidateLimits {
  /**
   * A key is a word set of at least this many words, less the text's numbers and dates (which may
   * agree and count as shared): smaller sets are too little to align on.
   */
  minWords: number;
  /** A key held by more texts than this is skipped: such a set carries too little information. */
  maxPostings: number;
}

/** A 32-bit FNV-1a hash of a word. Two of them, with different seeds and primes, give a word 64 bits. */
function fnv1a(word: string, seed: number, prime: number): number {
  let hash = seed;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), prime);
  return hash;
}

const hashHi = (word: string) => fnv1a(word, 0x811c9dc5, 0x01000193);
const hashLo = (word: string) => fnv1a(word, 0x5bd1e995, 0x0100019d);

/**
 * A set fingerprint as a small integer (30 bits), which engines hash fastest. A collision only adds a
 * candidate pair, which the full comparison then rejects.
 */
const fingerprint = (hi: number, lo: number) => (hi ^ Math.imul(lo, 0x9e3779b1)) & 0x3fffffff;

/**
 * Fills `out` with the fingerprints of the set (the hash pairs of its `size` words in `hashes`) minus
 * every choice of up to `depth` words, keeping at least `floor` words; returns how many it wrote.
 * Reusing buffers keeps this loop free of allocations.
 */
function deletionKeys(hashes: readonly number[], size: number, depth: number, floor: number, out: number[], pivots?: readonly boolean[]): number {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < 2 * size; k += 2) {
    hi ^= hashes[k]!;
    lo ^= hashes[k + 1]!;
  }
  let count = 0;
  // Depths 0 to 2 (the defaults) unrolled; deeper ones by recursion.
  if (size >= floor) out[count++] = fingerprint(hi, lo);
  if (depth === 0 || size - 1 < floor) return count;
  for (let k = 0; k < size; k++) {
    // One word left out is the antonym: only a word that has antonyms can be it.
    if (depth === 1 && pivots && !pivots[k]) continue;
    const h1 = hi ^ hashes[2 * k]!;
    const l1 = lo ^ hashes[2 * k + 1]!;
    out[count++] = fingerprint(h1, l1);
    if (depth === 1 || size - 2 < floor) continue;
    for (let m = k + 1; m < size; m++) {
      const h2 = h1 ^ hashes[2 * m]!;
      const l2 = l1 ^ hashes[2 * m + 1]!;
      out[count++] = fingerprint(h2, l2);
      if (depth > 2) count = deeper(hashes, size, m + 1, depth - 2, h2, l2, size - 2, floor, out, count);
    }
  }
  return count;
}

function deeper(hashes: readonly number[], size: number, from: number, left: number, h: number, l: number, remaining: number, floor: number, out: number[], count: number): number {
  let written = count;
  for (let k = from; k < size && remaining - 1 >= floor; k++) {
    const hk = h ^ hashes[2 * k]!;
    const lk = l ^ hashes[2 * k + 1]!;
    out[written++] = fingerprint(hk, lk);
    if (left > 1) written = deeper(hashes, size, k + 1, left - 1, hk, lk, remaining - 1, floor, out, written);
  }
  return written;
}

/** A growable list of 32-bit integers in a typed array, which the garbage collector need not trace. */
class IntList {
  private data = new Int32Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

/**
 * Many word sets in a few flat arrays of integers: what the search needs of each text (the hashes of
 * its words and which words are pivots, its negation cues and slots), and no object per text. That
 * matters: while the index is built, every object still alive is copied by the garbage collector,
 * again and again.
 */
export class WordSetTable {
  /** Per text: where its words start in the per-word lists; one more entry ends the last text. */
  private readonly starts = new IntList();
  /** Per word of every text, texts one after the other: its two hashes, and 1 if it is a pivot. */
  private readonly hashes = new IntList();
  private readonly pivots = new IntList();
  /** Per text. */
  private readonly negationCounts = new IntList();
  private readonly slotCounts = new IntList();

  constructor() {
    this.starts.push(0);
  }

  static of(sets: readonly WordSet[]): WordSetTable {
    const table = new WordSetTable();
    for (const set of sets) table.add(set);
    return table;
  }

  /** Number of texts. */
  get size(): number {
    return this.negationCounts.length;
  }

  add(set: WordSet): void {
    for (let k = 0; k < set.words.length; k++) {
      this.hashes.push(hashHi(set.words[k]!));
      this.hashes.push(hashLo(set.words[k]!));
      // Without pivots, any word may be the antonym.
      this.pivots.push(set.pivots === undefined || set.pivots[k] ? 1 : 0);
    }
    this.starts.push(this.pivots.length);
    this.negationCounts.push(set.negations);
    this.slotCounts.push(set.slots);
  }

  negations(text: number): number {
    return this.negationCounts.at(text);
  }

  slots(text: number): number {
    return this.slotCounts.at(text);
  }

  /** Fills `hashes` with the hash pairs of the words of `text` and `pivots` with their pivot flags; returns the word count. */
  load(text: number, hashes: number[], pivots: boolean[]): number {
    const from = this.starts.at(text);
    const size = this.starts.at(text + 1) - from;
    for (let k = 0; k < size; k++) {
      hashes[2 * k] = this.hashes.at(2 * (from + k));
      hashes[2 * k + 1] = this.hashes.at(2 * (from + k) + 1);
      pivots[k] = this.pivots.at(from + k) === 1;
    }
    return size;
  }
}

/** Marks a free cell of the key table: keys are 30-bit fingerprints, never negative. */
const FREE = -1;

/**
 * An inverted index from keys to texts. Keys sit in an open-addressing table of typed arrays, each with
 * the head of its list of entries and their count; entries sit in flat arrays (entry → text and next
 * entry). No object per key or entry, and no map to grow.
 */
class KeyIndex {
  private keys = new Int32Array(1 << 12).fill(FREE);
  private heads = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = 0;
  private readonly entryText: number[] = [];
  private readonly entryNext: number[] = [];

  /** Number of distinct keys. */
  get size(): number {
    return this.used;
  }

  add(key: number, text: number): void {
    let cell = this.cellOf(key);
    if (this.keys[cell] === FREE) {
      // Kept at most half full, so that probe sequences stay short.
      if (2 * (this.used + 1) > this.keys.length) {
        this.grow();
        cell = this.cellOf(key);
      }
      this.keys[cell] = key;
      this.heads[cell] = -1;
      this.counts[cell] = 0;
      this.used++;
    }
    const head = this.heads[cell]!;
    // A repeated word gives the same key twice: keep one entry.
    if (head !== -1 && this.entryText[head] === text) return;
    this.entryText.push(text);
    this.entryNext.push(head);
    this.heads[cell] = this.entryText.length - 1;
    this.counts[cell]!++;
  }

  /** The first entry under `key`, or -1 when there is none or more than `max` texts share the key. */
  first(key: number, max: number): number {
    const cell = this.cellOf(key);
    return this.keys[cell] === FREE || this.counts[cell]! > max ? -1 : this.heads[cell]!;
  }

  /** The entry after `entry` under the same key, or -1. */
  next(entry: number): number {
    return this.entryNext[entry]!;
  }

  text(entry: number): number {
    return this.entryText[entry]!;
  }

  /** The cell that holds `key`, or the free cell where it would go (linear probing). */
  private cellOf(key: number): number {
    const mask = this.keys.length - 1;
    let cell = key & mask;
    while (this.keys[cell] !== FREE && this.keys[cell] !== key) cell = (cell + 1) & mask;
    return cell;
  }

  private grow(): void {
    const { keys, heads, counts } = this;
    this.keys = new Int32Array(keys.length * 2).fill(FREE);
    this.heads = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === FREE) continue;
      const cell = this.cellOf(keys[old]!);
      this.keys[cell] = keys[old]!;
      this.heads[cell] = heads[old]!;
      this.counts[cell] = counts[old]!;
    }
  }
}

/**
 * Candidate pairs [i, j] (i < j, sorted): texts that insert their word set less up to `depths.insert`
 * words meet texts that look theirs up less up to `depths.probe` words; and texts with a negation cue,
 * indexed whole, meet texts that look them up less up to `depths.negated` words. Two texts whose sets
 * differ by at most `insert` words on one side and `probe` on the other always meet, and so do a
 * negated text and an affirmative one that has at most `negated` more words.
 */
export function candidatePairs(texts: readonly WordSet[], depths: CandidateDepths, limits: CandidateLimits): Array<[number, number]> {
  return candidatePairsIn(WordSetTable.of(texts), depths, limits);
}

/** `candidatePairs` over the texts of a table. */
export function candidatePairsIn(table: WordSetTable, depths: CandidateDepths, limits: CandidateLimits): Array<[number, number]> {
  const n = table.size;
  const floorOf = (i: number) => Math.max(0, limits.minWords - table.slots(i));
  // Buffers reused for every text: its hash pairs, its pivot flags and its keys.
  const hashes: number[] = [];
  const pivots: boolean[] = [];
  const keys: number[] = [];
  const general = new KeyIndex();
  const negated = new KeyIndex();
  for (let i = 0; i < n; i++) {
    const size = table.load(i, hashes, pivots);
    const count = deletionKeys(hashes, size, depths.insert, floorOf(i), keys, pivots);
    for (let k = 0; k < count; k++) general.add(keys[k]!, i);
    if (table.negations(i) > 0 && deletionKeys(hashes, size, 0, floorOf(i), keys) === 1) negated.add(keys[0]!, i);
  }
  // Pairs as codes (smaller × n + larger), sorted and de-duplicated at the end.
  const codes: number[] = [];
  const meet = (index: KeyIndex, i: number, count: number) => {
    for (let k = 0; k < count; k++) {
      for (let e = index.first(keys[k]!, limits.maxPostings); e !== -1; e = index.next(e)) {
        const j = index.text(e);
        if (j !== i) codes.push(i < j ? i * n + j : j * n + i);
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const size = table.load(i, hashes, pivots);
    meet(general, i, deletionKeys(hashes, size, depths.probe, floorOf(i), keys, pivots));
    if (negated.size > 0) meet(negated, i, deletionKeys(hashes, size, depths.negated, floorOf(i), keys));
  }
  // A typed array sorts numbers in numeric order without a comparator, which is much faster.
  const sorted = Float64Array.from(codes).sort();
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < sorted.length; k++) {
    const code = sorted[k]!;
    if (k > 0 && sorted[k - 1] === code) continue;
    pairs.push([Math.floor(code / n), code % n]);
  }
  return pairs;
}

/** Indexes of the words of `a` that `b` lacks. */
function missing(a: readonly string[], b: readonly string[]): number[] {
  const out: number[] = [];
  a.forEach((w, k) => {
    if (!b.includes(w)) out.push(k);
  });
  return out;
}

export interface AlignBounds {
  /** Words one text may lack for a plain alignment: the antonym plus the extras allowed. */
  antonymAndExtras: number;
  /** Words the affirmative text may add in a negation. */
  affirmativeExtras: number;
  minShared: number;
  /** The antonym test in force. */
  antonyms: (a: string, b: string) => boolean;
}

/**
 * A cheap necessary test before the full comparison. Either the word sets differ by extras on one
 * side only (at most `antonymAndExtras`; a cue of the other text may be the antonym), or one word on
 * each side that are antonyms (plus extras on one side), or, for a negation, nothing on one side and at
 * most `affirmativeExtras` on the other. They must also share enough.
 */
export function mayAlign(a: WordSet, b: WordSet, bounds: AlignBounds): boolean {
  const onlyA = missing(a.words, b.words);
  const onlyB = missing(b.words, a.words);
  if (a.words.length - onlyA.length + Math.min(a.slots, b.slots) < bounds.minShared) return false;
  const [few, many, fewSet, manySet] = onlyA.length <= onlyB.length ? [onlyA, onlyB, a, b] : [onlyB, onlyA, b, a];
  if (few.length === 0) {
    if (many.length <= bounds.antonymAndExtras) return true;
    return (a.negations + b.negations) % 2 === 1 && many.length <= bounds.affirmativeExtras;
  }
  if (few.length > 1 || many.length > bounds.antonymAndExtras) return false;
  // One word on the short side: it must be the antonym of a word on the other side, or of one of its cues.
  const word = fewSet.surfaces[few[0]!]!;
  return manySet.negations > 0 || many.some((k) => bounds.antonyms(word, manySet.surfaces[k]!));
}
