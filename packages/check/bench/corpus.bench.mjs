#!/usr/bin/env node
// The check at archive scale, against a floor, whole processes side by side in one run.
//
// Corpora (bench/corpus.mjs, deterministic): 2,000 sources with 20,000 claims, and 10,000 sources
// with 100,000 claims (about 15 KB a source). Rows, each the median of --runs runs, with min and
// max, and its ratio to the floor measured in the same run:
//   floor            js-yaml load of claims.yaml, read each source, compare the text at each span
//   check            factcheck check --format json, cold (--no-cache), worker threads automatic
//   check, 1 worker  the same with --workers 1 (everything in the main thread)
//   check, 10% edited   the same corpus with 10% of its sources edited (moved, changed, missing)
//   warm, 1 changed  a check after one source changed, with the caches of the run before (the
//                    parse cache of claims.yaml, and the anchored quotes and sentences of each
//                    source: only the changed source is anchored again)
//   peak RSS         of check on the largest corpus
//   4 shards + merge  on the 10% edited corpus: check --shard i/4 for each i, one after another,
//                    then merge (cold); and the slowest shard + merge, the wall time when the four
//                    shards run in parallel (merge runs every step of the check but anchoring)
// Goals: cold check ≤ 2× the floor at both sizes; warm run with one source changed ≤ 0.5× the
// floor; peak RSS < 1 GB at 100k claims. The table goes to stdout, and the figures, with the core
// count and the Node version, to bench/results.json at the root of the repository.
//
//   node bench/corpus.bench.mjs [--sizes 2000x20000,10000x100000] [--runs 3] [--keep]
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const bin = path.join(root, 'packages/cli/bin/factcheck.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};

// Child mode: the floor. What any checker must do at least: parse claims.yaml, read every
// source, and compare the text at every span with its quote.
if (args[0] === '--floor') {
  const { load } = await import('js-yaml');
  const dir = args[1];
  const doc = load(await readFile(path.join(dir, 'claims.yaml'), 'utf8'));
  const texts = new Map();
  await Promise.all(
    Object.entries(doc.sources).map(async ([id, s]) => {
      texts.set(id, Array.from(await readFile(path.join(dir, s.path), 'utf8')));
    }),
  );
  let verified = 0;
  for (const claim of doc.claims) {
    for (const e of claim.evidence) {
      const points = texts.get(e.source);
      if (points.slice(e.span[0], e.span[1]).join('') === e.quote) verified++;
    }
  }
  console.log(JSON.stringify({ verified }));
  process.exit(0);
}

const SIZES = option('sizes', '2000x20000,10000x100000')
  .split(',')
  .map((s) => s.split('x').map(Number));
const RUNS = Number(option('runs', '3'));
const KEEP = args.includes('--keep');

/** Runs a whole process; its wall time in ms, and its peak RSS in bytes (from /proc, polled). */
function timed(command, argv, cwd) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let peak = 0;
    const poll = setInterval(async () => {
      try {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      } catch {
        // The process has ended.
      }
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const ms = performance.now() - start;
      // check exits 1 on findings (the edited corpus has some); 2 would mean it could not run.
      if (code !== 0 && code !== 1) reject(new Error(`${command} ${argv.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, peak });
    });
  });
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const floorRun = (dir) => timed(process.execPath, [fileURLToPath(import.meta.url), '--floor', dir], dir);
// Cold: no cache read or written. Warm: the cache that the run before wrote.
const checkRun = (dir, { cache = false, workers } = {}) =>
  timed(process.execPath, [bin, 'check', '--format', 'json', ...(cache ? [] : ['--no-cache']), ...(workers ? ['--workers', String(workers)] : [])], dir);
/** Four shards of a cold check, one after another, then their merge: the time of each shard, and of the merge. */
async function shardedRun(dir) {
  const files = [];
  const shards = [];
  for (let i = 1; i <= 4; i++) {
    const file = path.join(temp, `results-${i}.json`);
    files.push(file);
    shards.push((await timed(process.execPath, [bin, 'check', '--shard', `${i}/4`, '--format', 'json', '--no-cache', '--out', file], dir)).ms);
  }
  const merge = (await timed(process.execPath, [bin, 'merge', ...files, '--format', 'json', '--no-cache'], dir)).ms;
  return { shards, merge };
}

const results = { date: new Date().toISOString(), node: process.version, cores: cpus().length, runs: RUNS, rows: [] };
const lines = ['| corpus | row | median | min | max | ratio to floor | goal |', '|---|---|---:|---:|---:|---:|---|'];
const temp = await mkdtemp(path.join(tmpdir(), 'fc-corpus-bench-'));
try {
  for (const [sources, claims] of SIZES) {
    const label = `${sources} sources, ${claims} claims`;
    const plain = path.join(temp, `${sources}-plain`);
    const edited = path.join(temp, `${sources}-edited`);
    await writeCorpus(plain, { sources, claims });
    await writeCorpus(edited, { sources, claims, edited: 0.1 });
    const times = { floor: [], check: [], one: [], edited: [], warm: [], sharded: [], parallel: [] };
    let peak = 0;
    // Interleaved, so that a busy moment of a shared machine falls on every row alike.
    for (let run = 0; run < RUNS; run++) {
      times.floor.push((await floorRun(plain)).ms);
      const cold = await checkRun(plain);
      times.check.push(cold.ms);
      peak = Math.max(peak, cold.peak);
      times.one.push((await checkRun(plain, { workers: 1 })).ms);
      times.edited.push((await checkRun(edited)).ms);
      const sharded = await shardedRun(edited);
      times.sharded.push(sharded.shards.reduce((a, b) => a + b, 0) + sharded.merge);
      times.parallel.push(Math.max(...sharded.shards) + sharded.merge);
      // Warm: a run that fills the cache, then one source changed (a sentence added on top), and
      // the same workspace checked again.
      await checkRun(plain, { cache: true });
      const one = path.join(plain, 'seeds/s0.txt');
      const before = await readFile(one, 'utf8');
      await writeFile(one, `An added sentence at the top of the article.\n\n${before}`);
      times.warm.push((await checkRun(plain, { cache: true })).ms);
      await writeFile(one, before);
      await rm(path.join(plain, '.factcheck'), { recursive: true, force: true });
    }
    const floor = stats(times.floor);
    const row = (name, xs, goal, goalRatio) => {
      const st = stats(xs);
      const ratio = st.median / floor.median;
      results.rows.push({ corpus: label, row: name, ...st, ratio, goal: goalRatio ?? null, met: goalRatio === undefined ? null : ratio <= goalRatio });
      lines.push(`| ${label} | ${name} | ${s(st.median)} | ${s(st.min)} | ${s(st.max)} | ${ratio.toFixed(2)}× | ${goal} |`);
    };
    row('floor (js-yaml, read, compare spans)', times.floor, '', undefined);
    row('check, cold', times.check, '≤ 2×', 2);
    row('check, cold, --workers 1', times.one, '', undefined);
    row('check, 10% of sources edited', times.edited, '', undefined);
    row('check, warm, 1 source changed', times.warm, '≤ 0.5×', 0.5);
    row('10% edited: 4 shards one after another + merge', times.sharded, '', undefined);
    row('10% edited: slowest of 4 shards + merge', times.parallel, '', undefined);
    results.rows.push({ corpus: label, row: 'peak RSS of check', bytes: peak, goal: claims >= 100000 ? 1e9 : null, met: claims >= 100000 ? peak < 1e9 : null });
    lines.push(`| ${label} | peak RSS of check | ${(peak / 1e6).toFixed(0)} MB | | | | ${claims >= 100000 ? '< 1 GB' : ''} |`);
  }
} finally {
  if (KEEP) console.log(`corpora kept in ${temp}`);
  else await rm(temp, { recursive: true, force: true });
}
console.log(`check at scale, whole processes; node ${process.version}, ${results.cores} cores, median of ${RUNS} runs\n`);
console.log(lines.join('\n'));
await mkdir(path.join(root, 'bench'), { recursive: true });
await writeFile(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
