import type { DiffPart } from '@factcheck/core';
// The array diff alone: the package's main entry loads every kind of diff and the patch tools too.
import { diffArrays } from 'diff/lib/diff/array.js';

/** Words (letters, digits, marks), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/** The tokens of a text; joined together they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word-level diff of `expected` (the quote) against `actual` (the text found): a longest
 * common subsequence of tokens is `equal`; `delete` is in the quote only, `insert` in the
 * actual text only. Within a changed stretch, deletions come before insertions.
 *
 * The tokens are compared with Myers' O(ND) difference algorithm (the `diff` package), whose
 * cost grows with the number of differences D rather than with the product of the lengths: two
 * long texts a few words apart are diffed word by word. Only texts more than MAX_EDITS
 * insertions and deletions of tokens apart are shown as one deletion and one insertion.
 */
export function wordDiff(expected: string, actual: string): DiffPart[] {
  const a = tokenize(expected);
  const b = tokenize(actual);
  // The common head and tail are equal whatever the algorithm: take them off first.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail++;
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: DiffPart[] = [];
  if (head > 0) ops.push({ op: 'equal', text: a.slice(0, head).join('') });
  for (const op of tokenOps(midA, midB)) ops.push(op);
  if (tail > 0) ops.push({ op: 'equal', text: a.slice(a.length - tail).join('') });
  return mergeParts(ops);
}

/**
 * Most token insertions and deletions the diff looks for (a changed word is two: one out, one
 * in); texts further apart are shown as one deletion and one insertion. The work grows with the
 * square of the differences: this bounds a diff of two long, unrelated texts to tens of
 * milliseconds.
 */
const MAX_EDITS = 500;

/** The operations that turn tokens `a` into tokens `b`, fewest insertions and deletions. */
function tokenOps(a: string[], b: string[]): DiffPart[] {
  if (a.length === 0 && b.length === 0) return [];
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDITS });
  if (changes === undefined) {
    const whole: DiffPart[] = [];
    if (a.length > 0) whole.push({ op: 'delete', text: a.join('') });
    if (b.length > 0) whole.push({ op: 'insert', text: b.join('') });
    return whole;
  }
  const ops: DiffPart[] = [];
  for (const change of changes) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    for (const text of change.value) ops.push({ op, text });
  }
  joinNeighbours(ops);
  return ops;
}

/**
 * Among the diffs with as few operations, prefer one whose changes stand together: a run of
 * deletions only (or insertions only) that equal tokens keep apart from the change before or
 * after it is moved next to that change when the same tokens can be taken out (or put in) there
 * instead. `devices by the` → `the the` then shows `devices by` → `the`, not `devices` → `the`
 * and, one space later, `by ` taken out. Works on one token per part, in place; the number of
 * each kind of operation stays the same.
 */
function joinNeighbours(ops: DiffPart[]): void {
  let from = 0;
  while (from < ops.length) {
    if (ops[from]!.op === 'equal') {
      from++;
      continue;
    }
    let to = from;
    while (to < ops.length && ops[to]!.op !== 'equal') to++;
    const kind = ops[from]!.op;
    let pure = true;
    for (let i = from; i < to; i++) if (ops[i]!.op !== kind) pure = false;
    if (pure) [from, to] = slideToNeighbour(ops, from, to, kind);
    from = to;
  }
}

/**
 * Slides the run ops[from..to) of `kind` left, else right, across the equal tokens between it
 * and the neighbouring change, when every step is possible (the token that becomes a change
 * equals the one that stops being one); otherwise leaves it. Returns the run's new bounds.
 */
function slideToNeighbour(ops: DiffPart[], from: number, to: number, kind: DiffPart['op']): [number, number] {
  let before = from;
  while (before > 0 && ops[before - 1]!.op === 'equal') before--;
  if (before > 0 && before < from && slides(ops, before, from, to - 1, -1)) {
    for (let i = before; i < from; i++) ops[i]!.op = kind;
    for (let i = to - (from - before); i < to; i++) ops[i]!.op = 'equal';
    return [before, to - (from - before)];
  }
  let after = to;
  while (after < ops.length && ops[after]!.op === 'equal') after++;
  if (after < ops.length && after > to && slides(ops, to, after, from, 1)) {
    for (let i = to; i < after; i++) ops[i]!.op = kind;
    for (let i = from; i < from + (after - to); i++) ops[i]!.op = 'equal';
    return [from + (after - to), after];
  }
  return [from, to];
}

/**
 * Whether the equal tokens ops[lo..hi) can all be crossed one by one: each, taken nearest the run
 * first, equals the run's token at the far end at that step (`edge` is the run's token that
 * leaves it first, `step` -1 for a slide to the left, 1 to the right).
 */
function slides(ops: DiffPart[], lo: number, hi: number, edge: number, step: -1 | 1): boolean {
  for (let n = 0; n < hi - lo; n++) {
    const entering = step === -1 ? hi - 1 - n : lo + n;
    const leaving = edge + step * n;
    if (ops[entering]!.text !== ops[leaving]!.text) return false;
  }
  return true;
}

/** Join neighbouring parts of one kind; in each changed stretch, put deletions first. */
function mergeParts(ops: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of ops) {
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.op === 'equal') last.text += part.text;
      else out.push({ op: 'equal', text: part.text });
    }
  }
  flush();
  return out;
}

/**
 * A diff as one line for the terminal, in git's word-diff style: `[-removed-]{+added+}`.
 */
export function formatDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
}
