// Exact search of many quotes in one text. A pass of indexOf per quote reads the whole text each
// time, so checking one quote per sentence of a long source is quadratic. Once a text has been
// searched a few times it gets a sampled q-gram index instead: the q-gram (Q units) starting at
// every STEP-th unit, bucketed by hash. An occurrence of a quote at p with at least Q + STEP - 1
// units covers exactly one sampled position for each run of STEP consecutive quote offsets
// o, o + 1, …, o + STEP - 1 (the one with (p + o') % STEP === 0), so looking up the q-grams at
// those offsets and checking each implied start finds every occurrence exactly once.

/** Length of an indexed q-gram, in UTF-16 units. */
const Q = 8;
/** Distance between sampled positions. */
const STEP = 8;
/** Shortest quote the index can find; shorter ones are searched with indexOf. */
const MIN_INDEXED = Q + STEP - 1;

/** Options of ExactSearch (the defaults suit real sources; tests lower them). */
export interface ExactSearchOptions {
  /** Texts shorter than this are always searched with indexOf: a pass costs little. Default 65536. */
  minIndexedText?: number;
  /** indexOf passes over the text before the index is built. Default 4. */
  passesBeforeIndex?: number;
}

/** Every occurrence of a quote in one text, fast when the same text is searched many times. */
export class ExactSearch {
  private passes = 0;
  private index: SampledIndex | undefined;
  private readonly minIndexedText: number;
  private readonly passesBeforeIndex: number;

  constructor(
    readonly text: string,
    options: ExactSearchOptions = {},
  ) {
    this.minIndexedText = options.minIndexedText ?? 1 << 16;
    this.passesBeforeIndex = options.passesBeforeIndex ?? 4;
  }

  /** True once the index is built (searches no longer read the whole text). */
  get indexed(): boolean {
    return this.index !== undefined;
  }

  /** UTF-16 start of every occurrence of `quote` (overlapping ones too), ascending. */
  find(quote: string): number[] {
    if (quote.length === 0 || quote.length > this.text.length) return [];
    if (quote.length >= MIN_INDEXED && this.text.length >= this.minIndexedText) {
      if (!this.index && this.passes++ >= this.passesBeforeIndex) this.index = buildIndex(this.text);
      if (this.index) return findIndexed(this.text, this.index, quote);
    }
    return findByScan(this.text, quote);
  }
}

function findByScan(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let u = text.indexOf(quote); u !== -1; u = text.indexOf(quote, u + 1)) found.push(u);
  return found;
}

/** Sampled positions grouped by q-gram hash: bucket b holds positions[starts[b] .. starts[b + 1]). */
interface SampledIndex {
  mask: number;
  starts: Int32Array;
  positions: Int32Array;
}

function qgramHash(s: string, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + Q; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

function buildIndex(text: string): SampledIndex {
  const count = Math.floor((text.length - Q) / STEP) + 1;
  let buckets = 1024;
  while (buckets < count) buckets *= 2;
  const mask = buckets - 1;
  const hashes = new Int32Array(count);
  const starts = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) {
    const b = qgramHash(text, i * STEP) & mask;
    hashes[i] = b;
    starts[b + 1]!++;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  // Counting sort: positions in each bucket stay in text order.
  const fill = starts.slice(0, buckets);
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[fill[hashes[i]!]!++] = i * STEP;
  return { mask, starts, positions };
}

function findIndexed(text: string, index: SampledIndex, quote: string): number[] {
  const m = quote.length;
  const { mask, starts, positions } = index;
  // Any STEP consecutive offsets will do: take the run whose buckets hold the fewest positions.
  const offsets = m - Q + 1;
  const bucketOf = new Int32Array(offsets);
  const sizeOf = (o: number): number => starts[bucketOf[o]! + 1]! - starts[bucketOf[o]!]!;
  for (let o = 0; o < offsets; o++) bucketOf[o] = qgramHash(quote, o) & mask;
  let sum = 0;
  for (let o = 0; o < STEP; o++) sum += sizeOf(o);
  let best = 0;
  let bestSum = sum;
  for (let first = 1; first + STEP <= offsets; first++) {
    sum += sizeOf(first + STEP - 1) - sizeOf(first - 1);
    if (sum < bestSum) {
      bestSum = sum;
      best = first;
    }
  }
  const found: number[] = [];
  for (let o = best; o < best + STEP; o++) {
    const b = bucketOf[o]!;
    for (let i = starts[b]!; i < starts[b + 1]!; i++) {
      const start = positions[i]! - o;
      if (start >= 0 && start + m <= text.length && text.startsWith(quote, start)) found.push(start);
    }
  }
  // Each offset's hits ascend; together they need sorting (a typed array sorts numerically).
  return Array.from(Int32Array.from(found).sort());
}
