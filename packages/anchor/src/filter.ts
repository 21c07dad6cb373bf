// Filter-then-verify for approximate search, by the pigeonhole principle. Split the pattern
// into k + t disjoint pieces: an alignment with at most k edits leaves at least t of them
// intact, so they occur exactly in the text. An exact hit of a piece at pattern offset o and
// text position p implies a match start near p - o: the start lies in [p - o - k, p - o + k]
// and the end at most at p - o + m + k. The implied starts of the intact pieces of one match
// differ only by the insertions and deletions between them, so they all fall within k of each
// other. The bit-parallel matcher then runs only in the windows where that can happen, and
// finds exactly what a full scan finds (every alignment with <= k edits lies inside a window;
// overlapping windows are merged).
//
// t = 1 (one intact piece) is the classic filter. When k is large for the pattern, the pieces
// get short and hit everywhere in prose; asking for several pieces that agree on the start
// keeps the pieces long and the windows rare.

import { codePointsOf, type CodePointView } from './codepoints.js';

/** Shortest piece worth searching exactly; shorter ones hit too often in prose. */
const MIN_PIECE = 5;
/** Pieces at least this long are selective enough alone (t = 1). */
const LONG_PIECE = 16;
/** Piece length aimed at when several pieces must agree. */
const AGREEING_PIECE = 8;
/** Give up on the filter when its windows would cover more than this share of the text. */
const MAX_WINDOW_SHARE = 0.25;
/** Give up when there is more than one hit per this many characters (grouping costs too). */
const CHARS_PER_HIT = 8;
/** With this many pieces or fewer, one native indexOf pass per piece is cheapest. */
const INDEXOF_PIECES = 3;
/** Length of the sampled q-grams (UTF-16 units). */
const Q = 4;

interface Piece {
  text: string;
  /** Offset of the piece in the pattern, in code points. */
  cpOffset: number;
}

/** Exact piece occurrences: implied match start (code points) and piece index, side by side. */
interface Hits {
  starts: number[];
  pieces: number[];
}

/** How many intact pieces to ask for: 1 while pieces stay long, more when k is large. */
export function chooseAgreement(m: number, k: number): number {
  if (m / (k + 1) >= LONG_PIECE) return 1;
  return Math.max(1, Math.floor(m / AGREEING_PIECE) - k);
}

/**
 * Candidate windows for `pattern` with at most `k` errors, merged and sorted, as a flat list
 * [from, to, from, to, ...] in code points; undefined when the filter would not pay off
 * (pieces too short, too many hits, or windows covering too much) and a full scan is the
 * better choice. `always` skips those cost checks (the result is the same, only slower), as
 * long as every piece has at least one character. `agreement` overrides the number of intact
 * pieces required (default chooseAgreement(m, k)).
 */
export function candidateWindows(
  view: CodePointView,
  pattern: string,
  k: number,
  always = false,
  agreement?: number,
): number[] | undefined {
  const cps = codePointsOf(pattern);
  const m = cps.length;
  if (m === 0) return undefined;
  const t = Math.max(1, agreement ?? chooseAgreement(m, k));
  const count = k + t;
  const shortest = Math.floor(m / count);
  if (shortest < 1 || (!always && shortest < Math.min(MIN_PIECE, m))) return undefined;
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * m) / count);
    const to = Math.floor(((i + 1) * m) / count);
    pieces.push({ text: String.fromCodePoint(...cps.slice(from, to)), cpOffset: from });
  }
  const n = view.length;
  let maxHits = Infinity;
  if (!always) {
    maxHits = t === 1 ? Math.floor((n * MAX_WINDOW_SHARE) / (m + 2 * k)) : Math.floor(n / CHARS_PER_HIT);
  }
  const sampling = count > INDEXOF_PIECES && pieces.every((p) => p.text.length >= Q);
  const hits = sampling ? hitsBySampling(view, pieces, maxHits) : hitsByIndexOf(view, pieces, maxHits);
  if (hits === undefined) return undefined;
  const windows = t === 1 ? windowsPerHit(hits.starts, m, k, n) : windowsByAgreement(hits, t, count, m, k, n);
  if (!always) {
    let covered = 0;
    for (let i = 0; i < windows.length; i += 2) covered += windows[i + 1]! - windows[i]!;
    if (covered > n * MAX_WINDOW_SHARE) return undefined;
  }
  return windows;
}

/** Exact occurrences of every piece, or undefined past maxHits. */
function hitsByIndexOf(view: CodePointView, pieces: Piece[], maxHits: number): Hits | undefined {
  const hits: Hits = { starts: [], pieces: [] };
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    for (let u = view.text.indexOf(piece.text); u !== -1; u = view.text.indexOf(piece.text, u + 1)) {
      if (hits.starts.length >= maxHits) return undefined;
      hits.starts.push(view.toCodePoint(u) - piece.cpOffset);
      hits.pieces.push(index);
    }
  }
  return hits;
}

/**
 * The same hits found in one sampled pass: every occurrence of a piece of length L covers
 * L - Q + 1 consecutive q-gram starts, so checking only text positions that are multiples of
 * h = L - Q + 1 still sees each occurrence once or more. The q-grams of the pieces sit in a
 * small hash table (with their units, to reject collisions cheaply); a q-gram that matches is
 * confirmed by comparing the whole piece.
 */
function hitsBySampling(view: CodePointView, pieces: Piece[], maxHits: number): Hits | undefined {
  const text = view.text;
  const n = text.length;
  let minUnits = Infinity;
  let entries = 0;
  for (const p of pieces) {
    minUnits = Math.min(minUnits, p.text.length);
    entries += p.text.length - Q + 1;
  }
  const step = minUnits - Q + 1;
  let size = 16;
  while (size < entries * 4) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const next = new Int32Array(entries);
  const entryPiece = new Int32Array(entries);
  const entryOffset = new Int32Array(entries);
  // The q-gram's four units, packed two by two.
  const entryLow = new Int32Array(entries);
  const entryHigh = new Int32Array(entries);
  let e = 0;
  pieces.forEach((p, index) => {
    for (let o = 0; o + Q <= p.text.length; o++, e++) {
      const low = p.text.charCodeAt(o) | (p.text.charCodeAt(o + 1) << 16);
      const high = p.text.charCodeAt(o + 2) | (p.text.charCodeAt(o + 3) << 16);
      const h = qgramHash(low, high) & mask;
      next[e] = heads[h]!;
      heads[h] = e;
      entryPiece[e] = index;
      entryOffset[e] = o;
      entryLow[e] = low;
      entryHigh[e] = high;
    }
  });

  // An occurrence longer than Q + step - 1 is sampled more than once: duplicates are harmless
  // (windows merge, and agreement counts distinct pieces).
  const hits: Hits = { starts: [], pieces: [] };
  for (let u = 0; u + Q <= n; u += step) {
    const low = text.charCodeAt(u) | (text.charCodeAt(u + 1) << 16);
    const high = text.charCodeAt(u + 2) | (text.charCodeAt(u + 3) << 16);
    for (let i = heads[qgramHash(low, high) & mask]!; i !== -1; i = next[i]!) {
      if (entryLow[i] !== low || entryHigh[i] !== high) continue;
      const pieceIndex = entryPiece[i]!;
      const piece = pieces[pieceIndex]!;
      const at = u - entryOffset[i]!;
      if (at < 0 || !sameUnits(text, at, piece.text)) continue;
      if (hits.starts.length >= maxHits) return undefined;
      hits.starts.push(view.toCodePoint(at) - piece.cpOffset);
      hits.pieces.push(pieceIndex);
    }
  }
  return hits;
}

function qgramHash(low: number, high: number): number {
  const h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca6b);
  return h ^ (h >>> 15);
}

/** text.startsWith(piece, at), without the call overhead for these short pieces. */
function sameUnits(text: string, at: number, piece: string): boolean {
  if (at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i++) if (text.charCodeAt(at + i) !== piece.charCodeAt(i)) return false;
  return true;
}

/** One window [start - k, start + m + k] per implied start, clipped and merged. */
function windowsPerHit(starts: number[], m: number, k: number, n: number): number[] {
  const sorted = Int32Array.from(starts).sort();
  const windows: number[] = [];
  for (const s of sorted) addWindow(windows, s - k, s + m + k, n);
  return windows;
}

/**
 * Windows where at least t distinct pieces imply starts within k of each other: for each such
 * group with implied starts from a to b, [a - k, b + m + k].
 */
function windowsByAgreement(hits: Hits, t: number, count: number, m: number, k: number, n: number): number[] {
  const order = Array.from(hits.starts.keys()).sort((x, y) => hits.starts[x]! - hits.starts[y]!);
  const perPiece = new Int32Array(count);
  let distinct = 0;
  const windows: number[] = [];
  let lo = 0;
  for (let hi = 0; hi < order.length; hi++) {
    const h = order[hi]!;
    if (perPiece[hits.pieces[h]!]!++ === 0) distinct++;
    while (hits.starts[h]! - hits.starts[order[lo]!]! > k) {
      if (--perPiece[hits.pieces[order[lo]!]!]! === 0) distinct--;
      lo++;
    }
    if (distinct >= t) addWindow(windows, hits.starts[order[lo]!]! - k, hits.starts[h]! + m + k, n);
  }
  return windows;
}

/** Append [from, to) clipped to [0, n], merging with the last window (froms ascend). */
function addWindow(windows: number[], from: number, to: number, n: number): void {
  const a = Math.max(0, from);
  const b = Math.min(n, to);
  if (a >= b) return;
  const lastTo = windows.length > 0 ? windows[windows.length - 1]! : -1;
  if (a <= lastTo) windows[windows.length - 1] = Math.max(lastTo, b);
  else windows.push(a, b);
}
