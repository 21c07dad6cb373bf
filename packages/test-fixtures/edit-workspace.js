// Helpers for the tests of the commands that edit claims.yaml: temporary workspaces, and line
// diffs to check that an edit changed nothing but what it should. Plain JavaScript with a
// hand-written edit-workspace.d.ts: nothing to build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { copyWorkspace, seedPath } from './index.js';

const created = [];

export function tempDir(prefix = 'factcheck-edit-') {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the folders tempDir made (call it from afterAll). */
export function removeTempDirs() {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A writable copy of the fixture workspace (claims.yaml and seeds/), removed by removeTempDirs. */
export function copyFixtureWorkspace() {
  const root = copyWorkspace('factcheck-ws-');
  created.push(root);
  return root;
}

/** `seeds/NAME` of the fixture seed whose name starts with `prefix`. */
export function seedFile(prefix) {
  return seedPath(prefix);
}

/** A small workspace: files relative to its root, in a new folder tempDir makes with `prefix`. */
export function makeWorkspace(files, prefix = 'factcheck-edit-') {
  const root = tempDir(prefix);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export const read = (root, name = 'claims.yaml') => readFileSync(path.join(root, name), 'utf8');
export const readBytes = (root, name = 'claims.yaml') => readFileSync(path.join(root, name));

/** Lines with their line breaks, so that a changed line ending counts as a change. */
export function linesOf(text) {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

/**
 * The lines that differ between two texts, from a longest common subsequence of lines:
 * removed lines (old only), added lines (new only), paired as replacements where they line up.
 */
export function lineDiff(a, b) {
  const x = linesOf(a);
  const y = linesOf(b);
  // Trim the common head and tail first: the LCS table only covers the middle.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const table = Array.from({ length: xs.length + 1 }, () => new Int32Array(ys.length + 1));
  for (let i = xs.length - 1; i >= 0; i--) {
    for (let j = ys.length - 1; j >= 0; j--) {
      table[i][j] = xs[i] === ys[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const removed = [];
  const added = [];
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    if (i < xs.length && j < ys.length && xs[i] === ys[j]) {
      i++;
      j++;
    } else if (j < ys.length && (i === xs.length || table[i][j + 1] >= table[i + 1][j])) {
      added.push({ line: head + j, text: ys[j] });
      j++;
    } else {
      removed.push({ line: head + i, text: xs[i] });
      i++;
    }
  }
  return { removed, added };
}

/** True when `after` is `before` with one block of text inserted (nothing removed or changed). */
export function isPureInsertion(before, after) {
  if (after.length < before.length) return false;
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return p + s === before.length;
}

/** A span line: `span: [a, b]` with any indentation, an optional comment, and its line break. */
export const SPAN_LINE = /^(\s*(?:-\s+)?span:\s*\[\s*)\d+(\s*,\s*)\d+(\s*\][^\r\n]*)(\r\n|\n|\r)?$/;

/**
 * Every line that differs is a span line whose numbers alone changed (or, when `insertions`,
 * a whole new span line): everything else is byte for byte the same.
 */
export function onlySpanNumbersChanged(before, after, insertions = false) {
  const { removed, added } = lineDiff(before, after);
  const strip = (line) => line.replace(SPAN_LINE, '$1#$2#$3$4');
  const remaining = [...added];
  for (const r of removed) {
    if (!SPAN_LINE.test(r.text)) return { ok: false, why: `line ${r.line + 1} changed: ${JSON.stringify(r.text)}` };
    const k = remaining.findIndex((a) => strip(a.text) === strip(r.text));
    if (k < 0) return { ok: false, why: `span line ${r.line + 1} changed outside its numbers: ${JSON.stringify(r.text)}` };
    remaining.splice(k, 1);
  }
  for (const a of remaining) {
    if (!insertions || !SPAN_LINE.test(a.text)) return { ok: false, why: `line ${a.line + 1} added: ${JSON.stringify(a.text)}` };
  }
  return { ok: true };
}
