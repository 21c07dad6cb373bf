// Benchmark: re-anchoring 453 quotes against a 64 KB page, 215 of them edited (the workload of
// @factcheck/test-fixtures/workload, generated from the seed articles), against a matcher in
// the style of annotation tools built on approx-string-match (bench/hypothesis-style.mjs), in the
// same run:
//   1. in-process: anchorQuote for every quote (a fresh SourceText each round, so nothing is
//      reused between rounds) against the approx-string-match matcher on the same quotes;
//   2. whole process: `factcheck check` on the workload written as a workspace, against a
//      process that parses claims.yaml, reads the page and runs the matcher on every quote.
// Ratios are theirs / ours (above 1: ours is faster), in wall time and in CPU time (the machine
// may be shared: CPU time counts only the work of the process itself). Also prints how often a
// rewritten quote's new wording is the first suggestion.
//   Goals: anchoring in-process <= 100 ms; the check process faster than the matcher's process.
//   Run: pnpm --filter @factcheck/cli bench   (BENCH_REPEATS=N to change the rounds)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchorQuote } from '@factcheck/anchor';
import { DEFAULT_ANCHOR_OPTIONS, SourceText } from '@factcheck/core';
import { makeWorkload, workloadFiles } from '@factcheck/test-fixtures/workload';
import { hypothesisStyleMatch } from './hypothesis-style.mjs';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const WARMUP = 2;
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'bin', 'factcheck.js');
const matcher = path.join(here, 'hypothesis-style.mjs');

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const workload = makeWorkload();
const notVerbatim = workload.quotes.filter((q) => !workload.edited.includes(q.quote)).length;
console.log(`workload: ${workload.quotes.length} quotes, ${notVerbatim} no longer word for word, page of ${(workload.edited.length / 1024).toFixed(1)} KB`);

// 1. In-process.
const ours = [];
const theirs = [];
const oursCpu = [];
const theirsCpu = [];
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
let oursFirst;
let statuses;
for (let round = 0; round < WARMUP + REPEATS; round++) {
  const order = round % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
  for (const who of order) {
    if (who === 'ours') {
      const text = new SourceText(workload.edited);
      const cpu = process.cpuUsage();
      const start = performance.now();
      const results = workload.quotes.map((q) => anchorQuote(text, q, DEFAULT_ANCHOR_OPTIONS));
      const ms = performance.now() - start;
      if (round === 0) oursFirst = ms;
      if (round >= WARMUP) {
        ours.push(ms);
        oursCpu.push(cpuMs(cpu));
      }
      statuses ??= results;
    } else {
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (const q of workload.quotes) hypothesisStyleMatch(workload.edited, q.quote, q.span[0]);
      if (round >= WARMUP) {
        theirs.push(performance.now() - start);
        theirsCpu.push(cpuMs(cpu));
      }
    }
  }
}
const counts = {};
for (const r of statuses) counts[r.status] = (counts[r.status] ?? 0) + 1;
console.log(`anchoring statuses: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);

// How often a rewritten quote that is missing has its new wording as the first suggestion.
let missing = 0;
let first = 0;
let listed = 0;
workload.quotes.forEach((q, i) => {
  const r = statuses[i];
  if (q.fate !== 'rewritten' || !q.newSpan || r.status !== 'missing') return;
  missing++;
  const same = (c) => c && c.span[0] === q.newSpan[0] && c.span[1] === q.newSpan[1];
  if (same(r.candidates?.[0])) first++;
  if ((r.candidates ?? []).some(same)) listed++;
});
console.log(`suggestions: the new wording of ${first} of ${missing} rewritten quotes is the first suggestion (${((100 * first) / missing).toFixed(0)}%), listed at all for ${listed} (${((100 * listed) / missing).toFixed(0)}%)`);

// 2. Whole processes.
const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-anchoring-bench-'));
try {
  for (const [name, content] of Object.entries(workloadFiles(workload))) writeFileSync(path.join(dir, name), content);
  // Each process reports its own CPU time on exit.
  const reportCpu = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\ncpu-ms "+(process.cpuUsage().user+process.cpuUsage().system)/1000+"\\n"))';
  const time = (args) => {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['--import', reportCpu, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
    const ms = performance.now() - start;
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
    return { ms, cpu: Number(/cpu-ms ([\d.]+)/.exec(run.stderr)?.[1] ?? NaN) };
  };
  const checkRuns = [];
  const matcherRuns = [];
  for (let i = 0; i < PROCESS_RUNS + 1; i++) {
    // Cold: without the caches, which would answer every quote from the run before.
    const c = time([bin, 'check', '--format', 'json', '--no-cache']);
    const m = time([matcher, dir]);
    if (i > 0) {
      checkRuns.push(c);
      matcherRuns.push(m);
    }
  }
  const checkMs = checkRuns.map((r) => r.ms);
  const matcherMs = matcherRuns.map((r) => r.ms);
  const rows = [
    ['anchoring, in-process (453 quotes)', median(ours), median(theirs), median(oursCpu), median(theirsCpu)],
    ['whole process (check vs matcher)', median(checkMs), median(matcherMs), median(checkRuns.map((r) => r.cpu)), median(matcherRuns.map((r) => r.cpu))],
  ];
  const header = ['row', 'ours ms', 'approx-string-match ms', 'ratio', 'ours CPU ms', 'theirs CPU ms', 'CPU ratio'];
  const table = rows.map(([row, o, t, oc, tc]) => [row, o.toFixed(1), t.toFixed(1), `${(t / o).toFixed(2)}x`, oc.toFixed(1), tc.toFixed(1), `${(tc / oc).toFixed(2)}x`]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(`median of ${REPEATS} alternating in-process rounds after ${WARMUP} warm-up (first round, cold: ${oursFirst.toFixed(1)} ms), and of ${PROCESS_RUNS} process runs; ratio = approx-string-match / ours`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table) console.log(line(r));
  const inProcess = median(ours);
  console.log(`goal: anchoring <= 100 ms in-process: ${inProcess <= 100 ? 'met' : 'not met'} (${inProcess.toFixed(0)} ms wall, ${median(oursCpu).toFixed(0)} ms CPU)`);
  console.log(`goal: check process faster than the matcher's: ${median(checkMs) < median(matcherMs) ? 'met' : 'not met'} (${median(checkMs).toFixed(0)} vs ${median(matcherMs).toFixed(0)} ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
