// Benchmark: our approximate matcher (editDistanceSearch: q-gram pigeonhole filter, then
// bit-parallel verification) against approx-string-match (Myers' algorithm, full scan), on the
// same inputs, in one run. Both must agree on the best distance.
//
// Inputs: texts of 64 KB and 1 MB made of the seed articles' words in a deterministic random
// order; quotes of 32, 128 and 512 characters; error budgets of 0%, 10% and 25% of the quote;
// quotes present in the text (a passage with edits) and absent (other words, same vocabulary).
// approx-string-match returns the best matches only, so ours runs with `slack: 0` (same task).
//
// Run: pnpm --filter @factcheck/anchor bench   (node --expose-gc bench/matcher.bench.mjs)

import { readSeeds } from '@factcheck/test-fixtures';
import search from 'approx-string-match';
import { editDistanceSearch } from '../dist/index.js';
import { prng } from '@factcheck/test-fixtures';

const WARMUP = 5;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 9);


function seedWords() {
  const words = [];
  for (const text of readSeeds().values()) words.push(...text.split(/\s+/).filter(Boolean));
  return words;
}

function wordText(words, length, random) {
  const parts = [];
  let size = 0;
  while (size < length + 64) {
    const w = words[Math.floor(random() * words.length)];
    parts.push(w);
    size += w.length + 1;
  }
  return parts.join(' ').slice(0, length);
}

/** A passage of the text with `edits` random substitutions, insertions and deletions. */
function presentQuote(text, length, edits, random) {
  const at = Math.floor(random() * (text.length - length));
  const chars = [...text.slice(at, at + length)];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
  for (let i = 0; i < edits; i++) {
    const pos = Math.floor(random() * chars.length);
    const ch = alphabet[Math.floor(random() * alphabet.length)];
    const kind = Math.floor(random() * 3);
    if (kind === 0) chars[pos] = ch;
    else if (kind === 1) chars.splice(pos, 0, ch);
    else chars.splice(pos, 1);
  }
  // Keep the quote at its nominal length, so the budget is a share of it.
  while (chars.length < length) chars.push(text[at + chars.length] ?? ' ');
  return chars.slice(0, length).join('');
}

function absentQuote(text, words, length, random) {
  for (;;) {
    const quote = wordText(words, length, random);
    if (!text.includes(quote)) return quote;
  }
}

function time(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ours = (text, quote, k) => editDistanceSearch(text, quote, k, { slack: 0 });
const theirs = (text, quote, k) => search(text, quote, k);
const bestOfOurs = (matches) => (matches.length ? matches[0].errors : null);
const bestOfTheirs = (matches) => (matches.length ? Math.min(...matches.map((m) => m.errors)) : null);

function measure(text, quote, k) {
  const oursMs = [];
  const theirsMs = [];
  let oursBest;
  let theirsBest;
  // Collect garbage between cases, not between runs: a forced full collection also throws away
  // compiled code, and each run would then measure recompilation.
  globalThis.gc?.();
  for (let round = 0; round < WARMUP + REPEATS; round++) {
    // Alternate who goes first, so neither always runs on a warmer cache.
    const order = round % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
    for (const who of order) {
      if (who === 'ours') {
        const { ms, result } = time(() => ours(text, quote, k));
        oursBest = bestOfOurs(result);
        if (round >= WARMUP) oursMs.push(ms);
      } else {
        const { ms, result } = time(() => theirs(text, quote, k));
        theirsBest = bestOfTheirs(result);
        if (round >= WARMUP) theirsMs.push(ms);
      }
    }
  }
  return { ours: median(oursMs), theirs: median(theirsMs), oursBest, theirsBest };
}

const words = seedWords();
const rows = [];
let mismatches = 0;
for (const [label, size] of [
  ['64 KB', 64 * 1024],
  ['1 MB', 1024 * 1024],
]) {
  const text = wordText(words, size, prng(size));
  for (const length of [32, 128, 512]) {
    for (const share of [0, 0.1, 0.25]) {
      const k = Math.floor(share * length);
      for (const present of [true, false]) {
        const random = prng(length * 1000 + Math.round(share * 100) * 10 + (present ? 1 : 2));
        const quote = present
          ? presentQuote(text, length, Math.round(k * 0.6), random)
          : absentQuote(text, words, length, random);
        const r = measure(text, quote, k);
        if (r.oursBest !== r.theirsBest) {
          mismatches++;
          console.error(
            `!!! MISMATCH: text ${label}, quote ${length}, k=${k}, ${present ? 'present' : 'absent'}: ` +
              `ours best=${r.oursBest}, approx-string-match best=${r.theirsBest}`,
          );
        }
        rows.push({
          text: label,
          quote: length,
          budget: `${Math.round(share * 100)}% (k=${k})`,
          case: present ? 'present' : 'absent',
          best: r.oursBest === null ? '-' : String(r.oursBest),
          ours: r.ours,
          theirs: r.theirs,
          ratio: r.theirs / r.ours,
        });
      }
    }
  }
}

const header = ['text', 'quote', 'budget', 'case', 'best', 'ours ms', 'theirs ms', 'ratio'];
const table = rows.map((r) => [
  r.text,
  String(r.quote),
  r.budget,
  r.case,
  r.best,
  r.ours.toFixed(2),
  r.theirs.toFixed(2),
  `${r.ratio.toFixed(1)}x`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => '| ' + cells.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
console.log(`median of ${REPEATS} alternating runs after ${WARMUP} warm-up rounds; ratio = theirs / ours`);
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table) console.log(line(row));
const ratios = rows.map((r) => r.ratio);
const geo = Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length);
console.log(
  `rows: ${rows.length}, slowest ratio: ${Math.min(...ratios).toFixed(2)}x, geometric mean: ${geo.toFixed(1)}x, ` +
    `rows slower than approx-string-match: ${ratios.filter((x) => x < 1).length}`,
);
if (mismatches > 0) {
  console.error(`!!! ${mismatches} case(s) where the two matchers disagree on the best distance`);
  process.exitCode = 1;
}
