#!/usr/bin/env node
// Benchmark of the whole check on one source that doubles in size: 0.25, 0.5, 1, 2, 4 and 8 MB,
// with claims growing along at a fixed density (one claim per sentence of about 90 characters,
// about 11 claims per KB). Each size is a generated workspace (deterministic) written to a temp
// folder and checked by checkWorkspace in a fresh child process, so one size cannot warm up or
// slow down the next, and a run past the time limit is killed. Prints each time and the growth
// exponent, the slope of log(time) against log(size) fitted over all sizes: 1 is linear, 2 quadratic.
//
// The claims: most quotes pinned where they stand (verified), 2% with no span (found by search),
// 2% pinned at a stale span (moved), and a fixed handful (not growing with the source) whose
// words changed, since an approximate search scans the whole source for each of those.
//   Goal: growth exponent at most 1.2.
//   Usage: node bench/scale.bench.mjs [--sizes 0.25,0.5,1] [--timeout SECONDS] [--repeat MB] [--keep]
//   --repeat MB: instead, one source that repeats one sentence up to MB megabytes on a single
//   line, and one claim quoting that sentence (answers `ambiguous`).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng as random } from '@factcheck/test-fixtures';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const SIZES_MB = option('sizes', '0.25,0.5,1,2,4,8').split(',').map(Number);
const TIMEOUT_S = Number(option('timeout', '300'));
const REPEAT_MB = option('repeat', undefined);
const KEEP = args.includes('--keep');
const GOAL_EXPONENT = 1.2;
const CHANGED_QUOTES = 4;
const MB = 1_000_000;

// Child mode: check one workspace and print the time as JSON. A small workspace is checked first,
// so that what every run pays once (loading the word lists, compiling) is not counted as growth.
if (args[0] === '--run') {
  const { checkWorkspace } = await import('../dist/index.js');
  if (args[2]) await checkWorkspace('claims.yaml', { cwd: args[2] });
  const start = performance.now();
  const result = await checkWorkspace('claims.yaml', { cwd: args[1] });
  const ms = performance.now() - start;
  if (!result.value) {
    console.error(JSON.stringify(result.errors.slice(0, 3)));
    process.exit(2);
  }
  const statuses = {};
  for (const c of result.value.claims) for (const e of c.evidence) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
  console.log(JSON.stringify({ ms, statuses, sentences: result.value.coverage.total.sentences }));
  process.exit(0);
}


const SYLLABLES = 'ka lo mi re su ta ven dor bel pra sti mon gal fer nut zo qui har lem pos'.split(' ');
const NOUNS = 'council ministry agency company board committee regulator union court school'.split(' ');
const VERBS = 'approved reviewed reported published announced delayed funded examined'.split(' ');
const THINGS = 'homes grants contracts licences reports schools roads permits'.split(' ');
const REASONS = ['after a long review', 'after a vote of its members', 'despite objections from residents', 'following a public consultation'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** A name no other sentence has: the sentence number spelled in syllables. */
function nameOf(n) {
  let word = '';
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word[0].toUpperCase() + word.slice(1);
}

function sentence(i, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const name = nameOf(i);
  const text = `The ${name} ${pick(NOUNS)} ${pick(VERBS)} ${1 + Math.floor(rand() * 900)} ${pick(THINGS)} in ${pick(MONTHS)} ${2000 + Math.floor(rand() * 25)} ${pick(REASONS)}`;
  return { text: rand() < 0.1 ? `“${text},” a spokesperson said.` : `${text}.`, name };
}

/** A source of about `bytes` characters in paragraphs of 1 to 5 sentences, and one claim per sentence. */
function generateWorkspace(bytes, seed) {
  const rand = random(seed);
  const parts = [];
  const sentences = [];
  let length = 0;
  const push = (s) => {
    parts.push(s);
    length += s.length;
  };
  push(`Headline of a long report\n\n`);
  while (length < bytes) {
    const count = 1 + Math.floor(rand() * 5);
    for (let k = 0; k < count; k++) {
      const s = sentence(sentences.length, rand);
      sentences.push({ ...s, start: length });
      push(s.text);
      push(k + 1 < count ? ' ' : '\n\n');
    }
  }
  const text = parts.join('');
  const lines = ['version: 1', 'sources:', '  report:', '    path: seeds/report.txt', '    title: A long report', 'claims:'];
  let changed = 0;
  sentences.forEach((s, i) => {
    const roll = rand();
    let quote = s.text;
    let span = `[${s.start}, ${s.start + s.text.length}]`;
    if (roll < 0.02) span = undefined; // found by search
    else if (roll < 0.04) span = `[${s.start + 3}, ${s.start + 3 + s.text.length}]`; // stale: moved
    else if (changed < CHANGED_QUOTES && i % 997 === 500) {
      quote = s.text.replace(/ (\d+) /, ' 1000 '); // one word changed
      changed++;
    }
    lines.push(
      `  - id: claim-${i}`,
      `    claim: ${JSON.stringify(`A ${s.name} report covers ${s.text.slice(4, -1).replace(/[“”,]/g, '')}`)}`,
      '    verdict: supported',
      '    evidence:',
      `      - source: report`,
      `        quote: ${JSON.stringify(quote)}`,
    );
    if (span) lines.push(`        span: ${span}`);
  });
  return { text, claims: lines.join('\n') + '\n', claimCount: sentences.length };
}

/** One sentence repeated on a single line up to `bytes`, and one claim quoting it. */
function repeatedWorkspace(bytes) {
  const once = 'The committee approved the plan after a long debate on Tuesday. ';
  const text = once.repeat(Math.ceil(bytes / once.length));
  const claims = [
    'version: 1',
    'sources:',
    '  report: { path: seeds/report.txt }',
    'claims:',
    '  - id: the-plan',
    '    claim: The committee approved the plan.',
    '    verdict: supported',
    `    evidence: [{ source: report, quote: ${JSON.stringify(once.trim())} }]`,
  ].join('\n');
  return { text, claims: claims + '\n', claimCount: 1 };
}

async function writeWorkspace(dir, workspace) {
  await mkdir(path.join(dir, 'seeds'), { recursive: true });
  await writeFile(path.join(dir, 'seeds', 'report.txt'), workspace.text);
  await writeFile(path.join(dir, 'claims.yaml'), workspace.claims);
}

/** Runs the check in a child process; resolves with its report, or `undefined` past the time limit. */
function runCheck(dir, warmUpDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--run', dir, warmUpDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out));
      else if (code === null) resolve(undefined);
      else reject(new Error(`the check exited with code ${code}`));
    });
  });
}

/** Least-squares slope of log(time) against log(size). */
function growthExponent(points) {
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

const root = await mkdtemp(path.join(tmpdir(), 'fc-scale-bench-'));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const warmUpDir = path.join(root, 'warm-up');
try {
  await writeWorkspace(warmUpDir, generateWorkspace(20_000, 7));
  if (REPEAT_MB !== undefined) {
    const workspace = repeatedWorkspace(Number(REPEAT_MB) * MB);
    await writeWorkspace(root, workspace);
    const report = await runCheck(root, warmUpDir);
    const size = `${(workspace.text.length / MB).toFixed(1)} MB`;
    if (!report) console.log(`${size}, one sentence repeated: killed after ${TIMEOUT_S} s`);
    else console.log(`${size}, one sentence repeated: ${seconds(report.ms)} (${JSON.stringify(report.statuses)})`);
  } else {
    console.log('check of one source: size, claims, time');
    const points = [];
    for (const mb of SIZES_MB) {
      const dir = path.join(root, `${mb}mb`);
      const workspace = generateWorkspace(mb * MB, 20261122);
      await writeWorkspace(dir, workspace);
      const report = await runCheck(dir, warmUpDir);
      const label = `${String(mb).padStart(5)} MB ${String(workspace.claimCount).padStart(7)} claims`;
      if (!report) {
        console.log(`${label}   killed after ${TIMEOUT_S} s`);
        break;
      }
      console.log(`${label} ${seconds(report.ms).padStart(9)}   ${JSON.stringify(report.statuses)}`);
      points.push({ bytes: workspace.text.length, ms: report.ms });
      if (!KEEP) await rm(dir, { recursive: true, force: true });
    }
    if (points.length >= 2) {
      const exponent = growthExponent(points);
      const last = growthExponent(points.slice(-2));
      console.log(`growth exponent ${exponent.toFixed(2)} (slope of log time on log size; 1 is linear)   goal ≤ ${GOAL_EXPONENT}: ${exponent <= GOAL_EXPONENT ? 'met' : 'MISSED'}`);
      console.log(`growth exponent of the last doubling alone: ${last.toFixed(2)}`);
      if (exponent > GOAL_EXPONENT) process.exitCode = 1;
    }
    if (points.length < SIZES_MB.length) process.exitCode = 1;
  }
} finally {
  if (KEEP) console.log(`workspaces kept in ${root}`);
  else await rm(root, { recursive: true, force: true });
}
