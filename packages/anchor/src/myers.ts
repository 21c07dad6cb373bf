// Approximate string matching by bit-parallel dynamic programming (G. Myers, "A fast
// bit-vector algorithm for approximate string matching based on dynamic programming", JACM
// 46(3), 1999), with the block-based extension for long patterns and Ukkonen's cut-off (only
// the blocks that can still hold a value <= k are computed). JS bitwise operators work on 32
// bits, so a block is one 32-bit word: pattern rows 32b+1 .. 32b+32.
//
// Everything here counts in code points: an emoji is one edit, not two.

import {
  codePointsOf,
  isEndBoundary,
  isStartBoundary,
  reverseCodePoints,
  viewOf,
  type CodePointView,
} from './codepoints.js';
import { candidateWindows } from './filter.js';
import { countingWindows, fewestErrors } from './qgrams.js';

const WORD = 32;
/** Slots per block in the state array of long patterns: P, M, score (and one for alignment). */
const STRIDE = 4;

/** The pattern's match masks: for each symbol, one 32-bit word per block. */
export interface PatternIndex {
  /** Pattern length in code points. */
  readonly length: number;
  readonly blocks: number;
  /** peq[base + b]: bit i is set when pattern row 32b+i+1 equals the symbol at `base`. */
  readonly peq: Int32Array;
  /** For each ASCII code, the base offset of its symbol in `peq`. */
  readonly ascii: Int32Array;
  /** Base offset of each non-ASCII code point of the pattern. */
  readonly others: Map<number, number>;
  /** Base offset of the all-zero row, for characters absent from the pattern. */
  readonly absent: number;
  /** Bit index of the last pattern row in the last block (the last block may be partial). */
  readonly lastShift: number;
}

export function indexPattern(pattern: string): PatternIndex {
  const cps = codePointsOf(pattern);
  const m = cps.length;
  const blocks = Math.max(1, Math.ceil(m / WORD));
  const symbolOf = new Map<number, number>();
  for (const c of cps) if (!symbolOf.has(c)) symbolOf.set(c, symbolOf.size);
  const sigma = symbolOf.size;
  const peq = new Int32Array((sigma + 1) * blocks);
  cps.forEach((c, row) => {
    const base = symbolOf.get(c)! * blocks;
    const slot = base + Math.floor(row / WORD);
    peq[slot] = peq[slot]! | (1 << row % WORD);
  });
  const absent = sigma * blocks;
  const ascii = new Int32Array(128).fill(absent);
  const others = new Map<number, number>();
  for (const [c, s] of symbolOf) {
    if (c < 128) ascii[c] = s * blocks;
    else others.set(c, s * blocks);
  }
  const lastShift = m === 0 ? 0 : m - (blocks - 1) * WORD - 1;
  return { length: m, blocks, peq, ascii, others, absent, lastShift };
}

/** A growable list of (end, distance) pairs, in scan order. */
export class EndList {
  ends: Int32Array<ArrayBuffer> = new Int32Array(16);
  dists: Int32Array<ArrayBuffer> = new Int32Array(16);
  size = 0;
  push(end: number, dist: number): void {
    if (this.size === this.ends.length) {
      const grow = (a: Int32Array): Int32Array<ArrayBuffer> => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ends = grow(this.ends);
      this.dists = grow(this.dists);
    }
    this.ends[this.size] = end;
    this.dists[this.size] = dist;
    this.size++;
  }
}

/**
 * Scan text units [fromUnit, toUnit) (whose first code point has index fromCp) and push every
 * end position (code point index just after the character) whose distance is <= k.
 * `anchored` false: the match may start anywhere (search, D[0][j] = 0);
 * `anchored` true: it must start at fromUnit (D[0][j] = j), for start recovery and plain distance.
 * `slack`: once a match with d errors is seen, only matches up to d + slack are wanted, so the
 * budget shrinks as better matches appear (fewer blocks to compute). Returns the final budget.
 */
export function scan(
  text: string,
  fromUnit: number,
  toUnit: number,
  fromCp: number,
  pat: PatternIndex,
  k: number,
  anchored: boolean,
  out: EndList,
  slack = Infinity,
): number {
  if (pat.length === 0) {
    // The empty pattern matches everywhere with no error (search) or costs j (anchored).
    let cp = fromCp;
    if (k >= 0) out.push(cp, 0);
    for (let u = fromUnit; u < toUnit; u++) {
      const c = text.charCodeAt(u);
      if (c >= 0xd800 && c < 0xdc00 && u + 1 < toUnit) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d < 0xe000) u++;
      }
      cp++;
      const dist = anchored ? cp - fromCp : 0;
      if (dist <= k) out.push(cp, dist);
    }
    return k;
  }
  return pat.blocks === 1
    ? scanOneBlock(text, fromUnit, toUnit, fromCp, pat, k, anchored, out, slack)
    : scanBlocks(text, fromUnit, toUnit, fromCp, pat, k, anchored, out, slack);
}

// The scanners repeat the character decoding and the column step inline on purpose: this is
// the hot loop. Two idioms keep V8 on int32 arithmetic: `(x + y) | 0` for the carry-propagating
// addition, and shifts instead of branches to read and inject the horizontal deltas.

function scanOneBlock(
  text: string,
  fromUnit: number,
  toUnit: number,
  fromCp: number,
  pat: PatternIndex,
  k: number,
  anchored: boolean,
  out: EndList,
  slack: number,
): number {
  const { peq, ascii, others, absent, lastShift } = pat;
  const hin = anchored ? 1 : 0;
  let pv = -1;
  let mv = 0;
  let score = pat.length;
  let cp = fromCp;
  for (let u = fromUnit; u < toUnit; ) {
    let c = text.charCodeAt(u++);
    let base: number;
    if (c < 128) base = ascii[c]!;
    else {
      if (c >= 0xd800 && c < 0xdc00 && u < toUnit) {
        const d = text.charCodeAt(u);
        if (d >= 0xdc00 && d < 0xe000) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          u++;
        }
      }
      base = others.get(c) ?? absent;
    }
    const eq = peq[base]!;
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    const ph = mv | ~(xh | pv);
    const mh = pv & xh;
    score += ((ph >>> lastShift) & 1) - ((mh >>> lastShift) & 1);
    const phs = (ph << 1) | hin;
    pv = (mh << 1) | ~(xv | phs);
    mv = phs & xv;
    cp++;
    if (score <= k) {
      out.push(cp, score);
      if (score + slack < k) k = score + slack;
    }
  }
  return k;
}

function scanBlocks(
  text: string,
  fromUnit: number,
  toUnit: number,
  fromCp: number,
  pat: PatternIndex,
  k: number,
  anchored: boolean,
  out: EndList,
  slack: number,
): number {
  const { peq, ascii, others, absent, blocks, lastShift } = pat;
  const m = pat.length;
  const last = blocks - 1;
  // Blocks 0 and 1 (most columns need no more) live in locals: vertical delta vectors P (+1)
  // and M (-1), and the distance at the block's last row. Blocks 2.. live side by side in
  // `state`, STRIDE slots each.
  const state = new Int32Array(blocks * STRIDE);
  for (let b = 0; b < blocks; b++) {
    state[b * STRIDE] = -1;
    state[b * STRIDE + 2] = Math.min(m, (b + 1) * WORD);
  }
  let pv0 = -1;
  let mv0 = 0;
  let score0 = WORD;
  let pv1 = -1;
  let mv1 = 0;
  let score1 = Math.min(m, 2 * WORD);
  const shift1 = last === 1 ? lastShift : WORD - 1;
  const hin0 = anchored ? 1 : 0;
  // Column 0 holds D[i][0] = i exactly, so starting with more blocks than needed is safe.
  let y = Math.min(last, Math.floor(k / WORD));
  let cp = fromCp;
  for (let u = fromUnit; u < toUnit; ) {
    let c = text.charCodeAt(u++);
    let base: number;
    if (c < 128) base = ascii[c]!;
    else {
      if (c >= 0xd800 && c < 0xdc00 && u < toUnit) {
        const d = text.charCodeAt(u);
        if (d >= 0xdc00 && d < 0xe000) {
          c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
          u++;
        }
      }
      base = others.get(c) ?? absent;
    }
    // Block 0, with the top row's delta hin0 (0 when the match may start anywhere).
    const eq = peq[base]!;
    const xv = eq | mv0;
    const xh = ((((eq & pv0) + pv0) | 0) ^ pv0) | eq;
    const ph = mv0 | ~(xh | pv0);
    const mh = pv0 & xh;
    let carry = (ph >>> 31) - (mh >>> 31);
    score0 += carry;
    const phs = (ph << 1) | hin0;
    pv0 = (mh << 1) | ~(xv | phs);
    mv0 = phs & xv;
    if (y >= 1) {
      // Block 1: the same step with a carry entering its first row (stepBlock, written out).
      const eqIn = peq[base + 1]!;
      const xv1 = eqIn | mv1;
      const eq1 = eqIn | (carry >>> 31);
      const xh1 = ((((eq1 & pv1) + pv1) | 0) ^ pv1) | eq1;
      const ph1 = mv1 | ~(xh1 | pv1);
      const mh1 = pv1 & xh1;
      const hout = ((ph1 >>> shift1) & 1) - ((mh1 >>> shift1) & 1);
      const phs1 = (ph1 << 1) | ((carry + 1) >> 1);
      const mhs1 = (mh1 << 1) | ((1 - carry) >> 1);
      pv1 = mhs1 | ~(xv1 | phs1);
      mv1 = phs1 & xv1;
      score1 += hout;
      carry = hout;
      // Blocks 2..y: full blocks in the loop, the last one (maybe short) after it.
      const full = y < last ? y : last - 1;
      let i = 2 * STRIDE;
      for (let b = 2; b <= full; b++, i += STRIDE) {
        const pv = state[i]!;
        const mv = state[i + 1]!;
        const eqb0 = peq[base + b]!;
        const xvb = eqb0 | mv;
        const eqb = eqb0 | (carry >>> 31);
        const xhb = ((((eqb & pv) + pv) | 0) ^ pv) | eqb;
        const phb = mv | ~(xhb | pv);
        const mhb = pv & xhb;
        const houtb = (phb >>> 31) - (mhb >>> 31);
        const phbs = (phb << 1) | ((carry + 1) >> 1);
        const mhbs = (mhb << 1) | ((1 - carry) >> 1);
        state[i] = mhbs | ~(xvb | phbs);
        state[i + 1] = phbs & xvb;
        state[i + 2] = state[i + 2]! + houtb;
        carry = houtb;
      }
      if (y === last && last >= 2) carry = stepBlock(state, last * STRIDE, peq[base + last]!, carry, lastShift);
    }
    // Ukkonen's cut-off: open the next block when its first row can reach <= k in this column
    // (the last row above was <= k one column ago, and it matches or the carry is negative).
    const yScore = y === 0 ? score0 : y === 1 ? score1 : state[y * STRIDE + 2]!;
    if (y < last && yScore - carry <= k && ((peq[base + y + 1]! & 1) !== 0 || carry < 0)) {
      y++;
      // The new block starts one column back as "+1 per row below the block above", then steps.
      const i = y * STRIDE;
      state[i] = -1;
      state[i + 1] = 0;
      state[i + 2] = yScore - carry + (Math.min(m, (y + 1) * WORD) - y * WORD);
      stepBlock(state, i, peq[base + y]!, carry, y === last ? lastShift : WORD - 1);
      if (y === 1) {
        pv1 = state[i]!;
        mv1 = state[i + 1]!;
        score1 = state[i + 2]!;
      }
    } else {
      // A block whose last row is >= k + 32 holds only values > k: drop it (block 0 stays).
      while (y > 0 && (y === 1 ? score1 : state[y * STRIDE + 2]!) >= k + WORD) y--;
    }
    cp++;
    if (y === last) {
      const d = y === 1 ? score1 : state[y * STRIDE + 2]!;
      if (d <= k) {
        out.push(cp, d);
        if (d + slack < k) k = d + slack;
      }
    }
  }
  return k;
}

/**
 * One column step of the block whose state starts at `i`, with the horizontal delta `hin`
 * (-1, 0, 1) entering its first row; returns the delta leaving the row at bit `shift`.
 */
function stepBlock(state: Int32Array, i: number, eqIn: number, hin: number, shift: number): number {
  const pv = state[i]!;
  const mv = state[i + 1]!;
  const xv = eqIn | mv;
  // A negative delta entering the block acts like a match on its first row.
  const eq = eqIn | (hin >>> 31);
  const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
  const ph = mv | ~(xh | pv);
  const mh = pv & xh;
  const hout = ((ph >>> shift) & 1) - ((mh >>> shift) & 1);
  const phs = (ph << 1) | ((hin + 1) >> 1);
  const mhs = (mh << 1) | ((1 - hin) >> 1);
  state[i] = mhs | ~(xv | phs);
  state[i + 1] = phs & xv;
  state[i + 2] = state[i + 2]! + hout;
  return hout;
}

/** Levenshtein distance between two strings, in code points. */
export function editDistanceInCodePoints(a: string, b: string): number {
  // The shorter string is the pattern: fewer blocks.
  const [pattern, text] = a.length <= b.length ? [a, b] : [b, a];
  const pat = indexPattern(pattern);
  if (text.length === 0) return pat.length;
  const out = new EndList();
  // Anchored at the start, no cut-off: the last column's last row is the distance.
  scan(text, 0, text.length, 0, pat, Number.MAX_SAFE_INTEGER, true, out);
  return out.dists[out.size - 1]!;
}

/** One approximate occurrence: half-open code point span and its edit distance to the pattern. */
export interface EditMatch {
  start: number;
  end: number;
  errors: number;
}

/** Options of editDistanceSearch. */
export interface EditSearchOptions {
  /** Most matches returned (best first, non-overlapping). Default 10. */
  limit?: number;
  /**
   * `'auto'` (default): when the error budget leaves pieces long enough, find candidate
   * windows with an exact q-gram filter and verify only those; otherwise with the bigram
   * counting filter (qgrams.ts) when its lemma proves something for the budget; otherwise scan
   * everything. `'scan'`: always the full bit-parallel scan. `'filter'`: the pigeonhole filter
   * whenever each piece has a character, however many windows it yields, else as `'auto'`.
   * All three give the same results; the last two exist for tests and measurement.
   */
  strategy?: 'auto' | 'scan' | 'filter';
  /**
   * Only matches within this many errors of the best one are wanted: the scan tightens its
   * budget as better matches appear. Default Infinity (every match up to maxErrors).
   * 0 gives the best matches only.
   */
  slack?: number;
}

/**
 * Where `pattern` occurs in `text` with at most `maxErrors` edits (insertions, deletions,
 * substitutions of code points): the best non-overlapping matches, fewest errors first, then
 * leftmost. Spans are half-open code point offsets into `text` (a string, or a SourceText).
 * `maxErrors` is clamped to 0..pattern length. Every end position within the budget is found
 * (Myers' bit-parallel algorithm, only inside the pigeonhole filter's windows when that pays
 * off); each match's start is then recovered by matching the reversed pattern backwards.
 */
export function editDistanceSearch(
  text: string | CodePointView,
  pattern: string,
  maxErrors: number,
  options: EditSearchOptions = {},
): EditMatch[] {
  const view = viewOf(text);
  const limit = options.limit ?? 10;
  const pat = indexPattern(pattern);
  const m = pat.length;
  const k = Math.max(0, Math.min(Math.floor(maxErrors), m));
  if (limit <= 0) return [];
  const slack = Math.max(0, options.slack ?? Infinity);
  const ends = new EndList();
  const strategy = options.strategy ?? 'auto';
  let windows = strategy === 'scan' ? undefined : candidateWindows(view, pattern, k, strategy === 'filter');
  let budget = k;
  // No pieces long enough for the pigeonhole filter: the counting filter still proves where no
  // match within the budget can end (it finds the same ends; see qgrams.ts).
  if (windows === undefined && strategy !== 'scan') {
    const most: number[] = [];
    windows = countingWindows(view, pattern, budget, most);
    if (windows !== undefined && slack !== Infinity) {
      return selectMatches(view, pattern, keepWithin(bestWindowsFirst(view, pat, windows, most, budget, slack), slack), m, k, limit);
    }
  }
  if (windows === undefined && strategy === 'auto' && slack !== Infinity) {
    const probed = probeBudget(view, pat, pattern, k, slack);
    if (probed) ({ windows, budget } = probed);
  }
  if (windows === undefined) {
    budget = scan(view.text, 0, view.text.length, 0, pat, budget, false, ends, slack);
  } else {
    for (let i = 0; i < windows.length; i += 2) {
      const from = windows[i]!;
      const to = windows[i + 1]!;
      budget = scan(view.text, view.toUnit(from), view.toUnit(to), from, pat, budget, false, ends, slack);
    }
  }
  return selectMatches(view, pattern, keepWithin(ends, slack), m, k, limit);
}

/**
 * The ends within `budget` in the counting filter's windows, when only those within `slack` of
 * the best are wanted: the windows whose bigram count allows the fewest errors are scanned first,
 * so the budget tightens early, and a window whose count proves more errors than the budget has
 * become is skipped. The ends that matter are the same as scanning in text order: every end
 * within slack of the best has at most the budget's errors at any time (the budget is never
 * below the best found so far plus slack), so its window is never skipped and it is found with
 * its distance. The ends come back in text order, as a scan in text order gives them.
 */
function bestWindowsFirst(view: CodePointView, pat: PatternIndex, windows: number[], most: number[], budget: number, slack: number): EndList {
  const m = pat.length;
  const order = Array.from(most.keys()).sort((a, b) => most[b]! - most[a]! || a - b);
  const found = new EndList();
  const firstEnd: number[] = new Array<number>(most.length).fill(-1);
  const lastEnd: number[] = new Array<number>(most.length).fill(-1);
  for (const w of order) {
    if (fewestErrors(m, most[w]!) > budget) break;
    const from = windows[2 * w]!;
    const to = windows[2 * w + 1]!;
    const before = found.size;
    budget = scan(view.text, view.toUnit(from), view.toUnit(to), from, pat, budget, false, found, slack);
    if (found.size > before) {
      firstEnd[w] = before;
      lastEnd[w] = found.size;
    }
  }
  // Each window's ends ascend and the windows do not overlap: put them back in window order.
  const ends = new EndList();
  for (let w = 0; w < most.length; w++) {
    for (let i = firstEnd[w]!; i >= 0 && i < lastEnd[w]!; i++) ends.push(found.ends[i]!, found.dists[i]!);
  }
  return ends;
}

/**
 * When the filter cannot narrow a search with `k` errors, a match with far fewer errors may
 * still be found cheaply: search with a small budget first (the filter works there), and when
 * that finds a match with d errors, only ends within d + slack matter, so the whole search can
 * run with that budget (through the filter when it pays off). The result is the same: the ends
 * kept in the end are those within `slack` of the best, and every one of them is within
 * d + slack. Undefined when the probes find nothing (then the full budget is needed).
 */
function probeBudget(
  view: CodePointView,
  pat: PatternIndex,
  pattern: string,
  k: number,
  slack: number,
): { windows: number[] | undefined; budget: number } | undefined {
  const m = pat.length;
  for (const share of [10]) {
    const probeK = Math.floor(m / share);
    if (probeK >= k) return undefined;
    const windows = candidateWindows(view, pattern, probeK);
    if (windows === undefined) continue;
    const found = new EndList();
    let budget = probeK;
    for (let i = 0; i < windows.length; i += 2) {
      budget = scan(view.text, view.toUnit(windows[i]!), view.toUnit(windows[i + 1]!), windows[i]!, pat, budget, false, found, 0);
    }
    if (found.size === 0) continue;
    let best = Infinity;
    for (let i = 0; i < found.size; i++) best = Math.min(best, found.dists[i]!);
    const narrowed = Math.min(k, best + slack);
    return { windows: candidateWindows(view, pattern, narrowed), budget: narrowed };
  }
  return undefined;
}

/** The ends within `slack` of the best (ends seen before the budget shrank may be worse). */
function keepWithin(ends: EndList, slack: number): EndList {
  if (slack === Infinity || ends.size === 0) return ends;
  let best = Infinity;
  for (let i = 0; i < ends.size; i++) best = Math.min(best, ends.dists[i]!);
  const kept = new EndList();
  for (let i = 0; i < ends.size; i++) {
    if (ends.dists[i]! <= best + slack) kept.push(ends.ends[i]!, ends.dists[i]!);
  }
  return kept;
}

/**
 * From all end positions with distance <= k, the best non-overlapping matches. Runs of
 * consecutive ends belong to one valley; inside a run the lowest end wins, and ends closer
 * than m - k to a chosen one are dropped (their matches would overlap it). Starts are recovered
 * lazily, best first, until `limit` matches are accepted.
 */
function selectMatches(
  view: CodePointView,
  pattern: string,
  ends: EndList,
  m: number,
  k: number,
  limit: number,
): EditMatch[] {
  if (ends.size === 0) return [];
  const radius = Math.max(1, m - k);
  const chosen: number[] = [];
  let runStart = 0;
  for (let i = 1; i <= ends.size; i++) {
    if (i < ends.size && ends.ends[i]! === ends.ends[i - 1]! + 1) continue;
    pickInRun(view, ends, runStart, i, radius, chosen);
    runStart = i;
  }
  chosen.sort((a, b) => ends.dists[a]! - ends.dists[b]! || ends.ends[a]! - ends.ends[b]!);

  const reversed = indexPattern(reverseCodePoints(pattern));
  const accepted: EditMatch[] = [];
  // Rejections after recovery (an overlap only the start reveals) are rare; bound them anyway.
  let recoveries = 0;
  const maxRecoveries = limit * 4 + 8;
  for (const idx of chosen) {
    if (accepted.length >= limit || recoveries >= maxRecoveries) break;
    const end = ends.ends[idx]!;
    const errors = ends.dists[idx]!;
    recoveries++;
    const start = recoverStart(view, reversed, end, errors);
    if (accepted.some((a) => start < a.end && a.start < end)) continue;
    accepted.push({ start, end, errors });
  }
  accepted.sort((a, b) => a.errors - b.errors || a.start - b.start);
  return accepted;
}

/** Choose ends inside one run of consecutive ends: lowest distance, word boundary, leftmost. */
function pickInRun(
  view: CodePointView,
  ends: EndList,
  from: number,
  to: number,
  radius: number,
  chosen: number[],
): void {
  if (to - from === 1) {
    chosen.push(from);
    return;
  }
  const order: number[] = [];
  const boundary = new Uint8Array(to - from);
  for (let i = from; i < to; i++) {
    order.push(i);
    boundary[i - from] = isEndBoundaryAt(view, ends.ends[i]!) ? 0 : 1;
  }
  order.sort(
    (a, b) =>
      ends.dists[a]! - ends.dists[b]! || boundary[a - from]! - boundary[b - from]! || a - b,
  );
  const excluded = new Uint8Array(to - from);
  for (const i of order) {
    if (excluded[i - from]) continue;
    chosen.push(i);
    const lo = Math.max(from, i - radius + 1);
    const hi = Math.min(to, i + radius);
    for (let j = lo; j < hi; j++) excluded[j - from] = 1;
  }
}

function isEndBoundaryAt(view: CodePointView, cp: number): boolean {
  return isEndBoundary(view.text, view.toUnit(cp));
}

/**
 * The start of the best match ending at `end` with `errors` edits: run the reversed pattern
 * over the reversed text before `end`, anchored there. Among equally good starts, prefer one
 * on a word boundary, then the longest span.
 */
function recoverStart(view: CodePointView, reversed: PatternIndex, end: number, errors: number): number {
  const from = Math.max(0, end - reversed.length - errors);
  const endUnit = view.toUnit(end);
  const window = reverseCodePoints(view.text.slice(view.toUnit(from), endUnit));
  const out = new EndList();
  scan(window, 0, window.length, 0, reversed, errors, true, out);
  let best = reversed.length <= errors ? 0 : -1;
  let bestDist = reversed.length <= errors ? reversed.length : Number.MAX_SAFE_INTEGER;
  let bestBoundary = best === 0 && isStartBoundary(view.text, endUnit);
  for (let i = 0; i < out.size; i++) {
    const len = out.ends[i]!;
    const dist = out.dists[i]!;
    const boundary = isStartBoundary(view.text, view.toUnit(end - len));
    const better =
      dist < bestDist || (dist === bestDist && ((boundary && !bestBoundary) || boundary === bestBoundary));
    if (better) {
      best = len;
      bestDist = dist;
      bestBoundary = boundary;
    }
  }
  return end - Math.max(0, best);
}

/**
 * The smallest edit distance between `pattern` and a prefix of `text` (the alignment starts at
 * the beginning of both and may end anywhere in `text`).
 */
export function prefixDistance(pattern: string, text: string): number {
  const pat = indexPattern(pattern);
  const out = new EndList();
  scan(text, 0, text.length, 0, pat, pat.length, true, out);
  let best = pat.length;
  for (let i = 0; i < out.size; i++) best = Math.min(best, out.dists[i]!);
  return best;
}
