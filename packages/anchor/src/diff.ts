import type { DiffPart } from '@factcheck/core';

/** Words (letters, digits, marks), whitespace runs, and single other characters. */
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/** The tokens of a text; joined together they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word-level diff of `expected` (the quote) against `actual` (the text found): the longest
 * common subsequence of tokens is `equal`; `delete` is in the quote only, `insert` in the
 * actual text only. Within a changed stretch, deletions come before insertions.
 */
export function wordDiff(expected: string, actual: string): DiffPart[] {
  const a = tokenize(expected);
  const b = tokenize(actual);
  // The common head and tail need no table.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    tail++;
  }
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: DiffPart[] = [];
  for (const t of a.slice(0, head)) ops.push({ op: 'equal', text: t });
  for (const op of lcsOps(midA, midB)) ops.push(op);
  for (const t of a.slice(a.length - tail)) ops.push({ op: 'equal', text: t });
  return mergeParts(ops);
}

/** Above this many table cells, a changed middle is shown as one deletion and one insertion. */
const MAX_LCS_CELLS = 4_000_000;

/** Token operations from an LCS table over suffixes (O(n·m), fine for quote-sized inputs). */
function lcsOps(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_LCS_CELLS) {
    return [...a.map((text): DiffPart => ({ op: 'delete', text })), ...b.map((text): DiffPart => ({ op: 'insert', text }))];
  }
  const width = m + 1;
  const table = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: 'equal', text: a[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      ops.push({ op: 'delete', text: a[i]! });
      i++;
    } else {
      ops.push({ op: 'insert', text: b[j]! });
      j++;
    }
  }
  return ops;
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
