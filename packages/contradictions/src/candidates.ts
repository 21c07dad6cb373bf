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

/** Two 32-bit FNV-1a hashes of a word, with different primes. */
function wordHashes(word: string): [number, number] {
  let hi = 0x811c9dc5;
  let lo = 0x5bd1e995;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    hi = Math.imul(hi ^ c, 0x01000193);
    lo = Math.imul(lo ^ c, 0x0100019d);
  }
  return [hi >>> 0, lo >>> 0];
}

/**
 * A set fingerprint as a small integer (30 bits), which engines hash fastest. A collision only adds a
 * candidate pair, which the full comparison then rejects.
 */
const fingerprint = (hi: number, lo: number) => (hi ^ Math.imul(lo, 0x9e3779b1)) & 0x3fffffff;

/**
 * Fills `out` with the fingerprints of the set (hash pairs in `hashes`) minus every choice of up to
 * `depth` words, keeping at least `floor` words; returns how many it wrote. Reusing one buffer keeps
 * this loop free of allocations.
 */
function deletionKeys(hashes: readonly number[], depth: number, floor: number, out: number[], pivots?: readonly boolean[]): number {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < hashes.length; k += 2) {
    hi ^= hashes[k]!;
    lo ^= hashes[k + 1]!;
  }
  const size = hashes.length / 2;
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
      if (depth > 2) count = deeper(hashes, m + 1, depth - 2, h2, l2, size - 2, floor, out, count);
    }
  }
  return count;
}

function deeper(hashes: readonly number[], from: number, left: number, h: number, l: number, remaining: number, floor: number, out: number[], count: number): number {
  let written = count;
  for (let k = from; k < hashes.length / 2 && remaining - 1 >= floor; k++) {
    const hk = h ^ hashes[2 * k]!;
    const lk = l ^ hashes[2 * k + 1]!;
    out[written++] = fingerprint(hk, lk);
    if (left > 1) written = deeper(hashes, k + 1, left - 1, hk, lk, remaining - 1, floor, out, written);
  }
  return written;
}

/**
 * An inverted index from keys to texts, as linked lists in flat arrays (key → slot; slot → head entry
 * and count; entry → text and next entry): far fewer objects than a map of arrays.
 */
class KeyIndex {
  private readonly slotOf = new Map<number, number>();
  private readonly heads: number[] = [];
  private readonly counts: number[] = [];
  private readonly entryText: number[] = [];
  private readonly entryNext: number[] = [];

  get size(): number {
    return this.heads.length;
  }

  add(key: number, text: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      slot = this.heads.length;
      this.slotOf.set(key, slot);
      this.heads.push(-1);
      this.counts.push(0);
    }
    const head = this.heads[slot]!;
    // A repeated word gives the same key twice: keep one entry.
    if (head !== -1 && this.entryText[head] === text) return;
    this.entryText.push(text);
    this.entryNext.push(head);
    this.heads[slot] = this.entryText.length - 1;
    this.counts[slot]!++;
  }

  /** Calls `visit` for each text under `key`, unless more than `max` texts share it. */
  each(key: number, max: number, visit: (text: number) => void): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined || this.counts[slot]! > max) return;
    for (let e = this.heads[slot]!; e !== -1; e = this.entryNext[e]!) visit(this.entryText[e]!);
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
  const cache = new Map<string, [number, number]>();
  const sets = texts.map((t) => {
    const hashes: number[] = [];
    for (const w of t.words) {
      let h = cache.get(w);
      if (!h) cache.set(w, (h = wordHashes(w)));
      hashes.push(h[0], h[1]);
    }
    return hashes;
  });
  const keys: number[] = [];
  const floors = texts.map((t) => Math.max(0, limits.minWords - t.slots));

  const n = texts.length;
  const codes: number[] = [];
  const general = new KeyIndex();
  const negated = new KeyIndex();
  sets.forEach((hashes, i) => {
    const count = deletionKeys(hashes, depths.insert, floors[i]!, keys, texts[i]!.pivots);
    for (let k = 0; k < count; k++) general.add(keys[k]!, i);
    if (texts[i]!.negations > 0 && deletionKeys(hashes, 0, floors[i]!, keys) === 1) negated.add(keys[0]!, i);
  });
  // Pairs as codes (smaller × n + larger), sorted and de-duplicated at the end.
  const meet = (index: KeyIndex, i: number, count: number) => {
    for (let k = 0; k < count; k++) {
      index.each(keys[k]!, limits.maxPostings, (j) => {
        if (j !== i) codes.push(i < j ? i * n + j : j * n + i);
      });
    }
  };
  sets.forEach((hashes, i) => {
    meet(general, i, deletionKeys(hashes, depths.probe, floors[i]!, keys, texts[i]!.pivots));
    if (negated.size > 0) meet(negated, i, deletionKeys(hashes, depths.negated, floors[i]!, keys));
  });
  codes.sort((x, y) => x - y);
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!;
    if (k > 0 && codes[k - 1] === code) continue;
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
