// A counting filter for approximate search, by the q-gram lemma, for the error budgets where the
// pigeonhole filter (filter.ts) has no pieces long enough (a quarter of the quote and more).
//
// Lemma (with q = 2): a text T' within k edits of a pattern P of m code points holds at least
// m - 1 - 2k of P's bigrams, counted as multisets. Each bigram of P whose two characters are
// both matched, with nothing inserted between them, is also a bigram of T', at its own
// position; a substitution or deletion of P[i] spoils at most the two bigrams that contain it,
// an insertion between P[i] and P[i + 1] only the bigram P[i]P[i + 1]. So k edits spoil at most
// 2k of the m - 1 bigrams.
//
// A match of at most k edits is at most m + k code points long, so if it ends at e it lies in
// [e - (m + k), e), and every text containing it holds at least as many of P's bigrams. For each
// end e the filter counts the bigrams P shares with that window (a multiset intersection,
// updated as the window slides); where the count is below m - 1 - 2k no match can end at e.
// The windows of the other ends, merged, hold every match within k edits, so the bit-parallel
// scan need only run in them to find every end within k, with the same distances.
//
// The bigrams of a text are numbered once per text and kept: every quote of a source searches
// the same normalized text.

import { codePointsOf, type CodePointView } from './codepoints.js';

/** The text's bigrams as small integers, by the code point where each starts. */
interface BigramIndex {
  /** ids[p]: the id of the bigram at code points p, p + 1 (length n - 1). */
  ids: Uint16Array | Int32Array;
  /** Bigram key (first * 0x110000 + second) to id. */
  vocab: Map<number, number>;
  /** Length of the text in code points. */
  length: number;
}

const PLANE = 0x110000;

const indexCache = new WeakMap<CodePointView, BigramIndex>();

/**
 * Numbers the bigrams of a text. Sources can be large: the ids take two bytes a code point while
 * there are fewer than 65,536 distinct bigrams (prose has a few thousand), four beyond.
 */
function bigramIndex(view: CodePointView): BigramIndex {
  let index = indexCache.get(view);
  if (index) return index;
  const text = view.text;
  const vocab = new Map<number, number>();
  // Bigrams of two ASCII characters (most of prose) take their id from a table, not the map.
  const asciiIds = new Int32Array(128 * 128).fill(-1);
  let ids: Uint16Array | Int32Array = new Uint16Array(Math.max(0, view.length - 1));
  let n = 0;
  let prev = -1;
  for (let u = 0; u < text.length; u++) {
    // The next code point (a lone surrogate counts as one, as everywhere here).
    let c = text.charCodeAt(u);
    if (c >= 0xd800 && c < 0xdc00 && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        u++;
      }
    }
    if (prev >= 0) {
      let id: number;
      if (prev < 128 && c < 128) {
        id = asciiIds[prev * 128 + c]!;
        if (id < 0) {
          id = vocab.size;
          vocab.set(prev * PLANE + c, id);
          asciiIds[prev * 128 + c] = id;
        }
      } else {
        const key = prev * PLANE + c;
        const known = vocab.get(key);
        if (known === undefined) vocab.set(key, (id = vocab.size));
        else id = known;
      }
      if (id > 0xffff && ids instanceof Uint16Array) ids = Int32Array.from(ids);
      if (n - 1 >= ids.length) ids = grow(ids);
      ids[n - 1] = id;
    }
    prev = c;
    n++;
  }
  index = { ids: ids.length === Math.max(0, n - 1) ? ids : ids.slice(0, Math.max(0, n - 1)), vocab, length: n };
  indexCache.set(view, index);
  return index;
}

/** The same ids in an array twice as long (only when a view's length was short of its code points). */
function grow(ids: Uint16Array | Int32Array): Uint16Array | Int32Array {
  const bigger = ids instanceof Uint16Array ? new Uint16Array(ids.length * 2 + 16) : new Int32Array(ids.length * 2 + 16);
  bigger.set(ids);
  return bigger;
}

/**
 * The fewest of the pattern's bigrams a text within `k` edits of it holds: m - 1 - 2k
 * (at most 0 when the lemma proves nothing).
 */
export function bigramThreshold(m: number, k: number): number {
  return m - 1 - 2 * k;
}

/**
 * The fewest edits a match ending where the window holds `shared` of the pattern's bigrams can
 * have (the lemma read the other way): ceil((m - 1 - shared) / 2), at least 0.
 */
export function fewestErrors(m: number, shared: number): number {
  return Math.max(0, Math.ceil((m - 1 - shared) / 2));
}

/**
 * Windows (a flat list [from, to, from, to, ...] of code points, sorted, merged) that hold every
 * approximate occurrence of `pattern` with at most `k` edits in `view`; undefined when the
 * lemma proves nothing for this budget (the threshold is 0 or less). With `most`, the largest
 * count of shared bigrams among each window's ends is pushed there, one per window: no match in
 * the window has fewer than fewestErrors(m, most) edits.
 */
export function countingWindows(view: CodePointView, pattern: string, k: number, most?: number[]): number[] | undefined {
  const cps = codePointsOf(pattern);
  const m = cps.length;
  const threshold = bigramThreshold(m, k);
  if (threshold <= 0) return undefined;
  const { ids, vocab, length: n } = bigramIndex(view);
  // credit[id]: how many more of this bigram the window may hold and still count each one
  // (the pattern's count minus the window's). Bigrams absent from the text never count.
  const credit = new Int32Array(vocab.size);
  for (let i = 0; i + 1 < m; i++) {
    const id = vocab.get(cps[i]! * PLANE + cps[i + 1]!);
    if (id !== undefined) credit[id]!++;
  }
  const span = m + k;
  const windows: number[] = [];
  let shared = 0;
  // The window of end e holds the bigrams starting at e - span .. e - 2. The counts move
  // without branches: (-c) >>> 31 is 1 when c > 0, else 0.
  for (let e = 2; e <= n; e++) {
    const id = ids[e - 2]!;
    const c = credit[id]!;
    credit[id] = c - 1;
    shared += -c >>> 31;
    const gone = e - span - 1;
    if (gone >= 0) {
      const old = ids[gone]!;
      const back = credit[old]! + 1;
      credit[old] = back;
      shared -= -back >>> 31;
    }
    if (shared < threshold) continue;
    const from = e > span ? e - span : 0;
    const last = windows.length - 1;
    if (last > 0 && from <= windows[last]!) {
      windows[last] = e;
      if (most && shared > most[most.length - 1]!) most[most.length - 1] = shared;
    } else {
      windows.push(from, e);
      most?.push(shared);
    }
  }
  return windows;
}
