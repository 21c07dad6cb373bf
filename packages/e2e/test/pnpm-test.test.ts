// `pnpm test` on a desk's own workspace. A copy of the repository's tooling (the root files and
// packages/) goes to a temporary folder with claims.yaml and the sources replaced by a different
// workspace: sources under articles/, other file names, claims of their own. The real task graph
// runs there and passes; with a quoted sentence removed from a source it fails, and it fails again
// on a second run, because the claims task is never replayed from the cache.
//
// The copy leaves this package out, so that the copy's `pnpm test` does not start this test again.
// It links the installed dependencies instead of installing them, and shares this checkout's turbo
// cache, so that its package tasks, unchanged in the copy, are cache hits: the nested runs mostly
// run the claims. With a cold cache they run every package test, which is slower but as valid.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const thisPackage = path.basename(fileURLToPath(new URL('..', import.meta.url)));

/** Left out wherever they stand: produced by runs, not part of the tooling. */
const RUN_PRODUCTS = new Set(['.turbo', 'test-results.json', '.vite', '.vite-temp', '.tmp']);

/**
 * The root files of the repository (package.json, the lockfile, turbo.json, shared configurations,
 * the README, dotfiles): everything but the workspace's own claims (claims.yaml and its like) and
 * what runs produce. Of the root folders only packages/ is copied: seeds/ is the example's.
 */
function isRepositoryFile(name: string): boolean {
  return !/^claims\b/.test(name) && !RUN_PRODUCTS.has(name);
}

// ---------------------------------------------------------------------------------------------
// The desk's workspace

const FERRY = [
  'Harbour Ferry Timetable Changes',
  'The harbour ferry will run every twenty minutes from 1 March, the port authority said on Tuesday.',
  'Evening sailings after 22:00 are cancelled for the winter.',
  'A spokesperson said the change follows a fall in passenger numbers since the spring.',
  '',
].join('\n');

const LIBRARY = [
  'Library Opening Hours',
  'The central library’s reading room reopens on Monday after a six-month refurbishment.',
  'It will open from 9:00 to 20:00 on weekdays and from 10:00 to 16:00 on Saturdays.',
  '',
].join('\n');

const SOURCES = { 'articles/harbour-ferry-timetable.txt': FERRY, 'articles/library-hours.txt': LIBRARY };

const REMOVED_SENTENCE = 'Evening sailings after 22:00 are cancelled for the winter.\n';

const CLAIMS = [
  { id: 'ferry-every-twenty-minutes', claim: 'The harbour ferry runs every twenty minutes from 1 March.', source: 'port-authority-ferry', quote: 'The harbour ferry will run every twenty minutes from 1 March' },
  { id: 'evening-sailings-cancelled', claim: 'Evening ferry sailings after 22:00 are cancelled this winter.', source: 'port-authority-ferry', quote: 'Evening sailings after 22:00 are cancelled for the winter.' },
  { id: 'library-reopens-monday', claim: 'The reading room of the central library reopens on Monday.', source: 'library-notice', quote: 'The central library’s reading room reopens on Monday after a six-month refurbishment.' },
  { id: 'library-weekday-hours', claim: 'On weekdays the library opens from 9:00 to 20:00.', source: 'library-notice', quote: 'It will open from 9:00 to 20:00 on weekdays' },
];

const SOURCE_PATHS: Record<string, string> = { 'port-authority-ferry': 'articles/harbour-ferry-timetable.txt', 'library-notice': 'articles/library-hours.txt' };

/** Half-open span of `quote` in `text`, in code points (the unit claims.yaml counts in). */
function spanOf(text: string, quote: string): [number, number] {
  const at = text.indexOf(quote);
  if (at < 0 || text.indexOf(quote, at + 1) >= 0) throw new Error(`"${quote}" must occur exactly once`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

function claimsYaml(): string {
  const texts: Record<string, string> = SOURCES;
  const lines = ['# A desk’s own fact-check: two local notices.', 'version: 1', 'sources:'];
  for (const [id, file] of Object.entries(SOURCE_PATHS)) lines.push(`  ${id}:`, `    path: ${file}`);
  lines.push('claims:');
  for (const c of CLAIMS) {
    const [start, end] = spanOf(texts[SOURCE_PATHS[c.source]!]!, c.quote);
    lines.push(
      `  - id: ${c.id}`,
      `    claim: ${JSON.stringify(c.claim)}`,
      '    verdict: supported',
      '    evidence:',
      `      - source: ${c.source}`,
      `        quote: ${JSON.stringify(c.quote)}`,
      `        span: [${start}, ${end}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// The copy

/** Copies a folder, leaving out run products and (handled apart) node_modules; links stay links. */
function copyTree(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const name = path.basename(source);
      return !RUN_PRODUCTS.has(name) && !(name === 'node_modules' && source !== from);
    },
  });
}

/**
 * Gives the copy the installed dependencies without installing: the package store is linked; the
 * links into it and between the workspace packages are copied as they are (relative), so that
 * in the copy they lead to the copy's own packages.
 */
function linkDependencies(copy: string, packages: readonly string[]): void {
  const modules = path.join(copy, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(repo, 'node_modules'))) {
    if (RUN_PRODUCTS.has(name)) continue;
    if (name === '.pnpm') symlinkSync(path.join(repo, 'node_modules', '.pnpm'), path.join(modules, name));
    else copyTree(path.join(repo, 'node_modules', name), path.join(modules, name));
  }
  for (const pkg of packages) {
    const installed = path.join(repo, 'packages', pkg, 'node_modules');
    if (existsSync(installed)) copyTree(installed, path.join(copy, 'packages', pkg, 'node_modules'));
  }
}

function makeDeskCopy(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'factcheck-desk-'));
  for (const entry of readdirSync(repo, { withFileTypes: true })) {
    if (entry.isFile() && isRepositoryFile(entry.name)) cpSync(path.join(repo, entry.name), path.join(copy, entry.name));
  }
  const packages = readdirSync(path.join(repo, 'packages')).filter((p) => p !== thisPackage && existsSync(path.join(repo, 'packages', p, 'package.json')));
  for (const pkg of packages) copyTree(path.join(repo, 'packages', pkg), path.join(copy, 'packages', pkg));
  linkDependencies(copy, packages);
  for (const [file, text] of Object.entries(SOURCES)) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    writeFileSync(path.join(copy, file), text);
  }
  writeFileSync(path.join(copy, 'claims.yaml'), claimsYaml());
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Running `pnpm test` there

/** pnpm as the user runs it: from PATH, or the one running this test. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0) return ['pnpm', []];
  if (execPath && /pnpm/.test(path.basename(execPath))) return [process.execPath, [execPath]];
  throw new Error('pnpm was not found on PATH; install it with `npm i -g pnpm@10`');
}

/** The environment of a person at a terminal: nothing inherited from the test runner or from turbo. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(?:VITEST|TURBO_|npm_)/i.test(key) || ['TEST', 'NODE_ENV', 'FORCE_COLOR', 'INIT_CWD', 'PNPM_SCRIPT_SRC_DIR'].includes(key)) continue;
    env[key] = value;
  }
  env.NO_COLOR = '1';
  env.TURBO_CACHE_DIR = process.env.TURBO_CACHE_DIR ?? path.join(repo, '.turbo', 'cache');
  env.TURBO_TELEMETRY_DISABLED = '1';
  return env;
}

interface Run {
  status: number | null;
  output: string;
}

/**
 * `pnpm test` in the copy, two tasks at a time: with a cold cache the copy runs every package test,
 * and on a small machine all of them at once can miss the per-test time limits of those packages.
 */
function pnpmTest(copy: string): Run {
  const [command, prefix] = pnpmCommand();
  const run = spawnSync(command, [...prefix, 'test', '--concurrency=2'], { cwd: copy, env: cleanEnv(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface ClaimsResults {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

function claimsResults(copy: string): ClaimsResults {
  return JSON.parse(readFileSync(path.join(copy, 'test-results.json'), 'utf8')) as ClaimsResults;
}

const statusOf = (results: ClaimsResults, title: string) => results.testResults.flatMap((f) => f.assertionResults).find((t) => t.title === title)?.status;

/**
 * What to show when a run went wrong: turbo's summary, then the last lines of each task that
 * failed (the whole output would bury them).
 */
function digest(output: string): string {
  const failed = /^\s*Failed:\s+(.+)$/m.exec(output)?.[1]?.split(/,\s*/) ?? [];
  const parts = [output.split('\n').filter((line) => /^\s*(?:Tasks|Cached|Time|Failed):/.test(line)).join('\n')];
  for (const task of failed) {
    const prefix = `${task.replace('#', ':')}: `;
    const lines = output.split('\n').filter((line) => line.startsWith(prefix));
    parts.push(`--- ${task}, last lines:\n${lines.slice(-60).join('\n')}`);
  }
  if (failed.length === 0) parts.push(output.slice(-4000));
  return parts.join('\n');
}

/** Lines where a package task (not the claims) reports a failed lifecycle script. */
const packageTaskFailures = (output: string) => output.split('\n').filter((line) => /^@factcheck\/[\w-]+:test:.*ELIFECYCLE/.test(line));

// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
let copy = '';

beforeAll(() => {
  copy = makeDeskCopy();
}, 5 * MINUTE);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('`pnpm test` on a desk’s own claims.yaml and sources (a copy of the repository)', () => {
  it('holds no trace of the example workspace', () => {
    expect(existsSync(path.join(copy, 'seeds'))).toBe(false);
    expect(readFileSync(path.join(copy, 'claims.yaml'), 'utf8')).toContain('path: articles/harbour-ferry-timetable.txt');
    expect(existsSync(path.join(copy, 'packages', thisPackage))).toBe(false);
  });

  it('passes: every package test and every claim', () => {
    const run = pnpmTest(copy);
    expect(run.status, digest(run.output)).toBe(0);
    // The package tests are part of the run (run or replayed), then the claims themselves.
    expect(run.output).toMatch(/^@factcheck\/core:test: /m);
    expect(run.output).toMatch(/^\/\/:test:claims: /m);
    const results = claimsResults(copy);
    expect(results.numFailedTests).toBe(0);
    for (const c of CLAIMS) expect(statusOf(results, c.id), c.id).toBe('passed');
    expect(statusOf(results, 'articles/library-hours.txt')).toBe('passed');
  }, 40 * MINUTE);

  it('fails once a quoted sentence is removed from a source, quietly for the package tests, and again on a second run', () => {
    const ferry = path.join(copy, 'articles/harbour-ferry-timetable.txt');
    const text = readFileSync(ferry, 'utf8');
    expect(text).toContain(REMOVED_SENTENCE);
    writeFileSync(ferry, text.replace(REMOVED_SENTENCE, ''));

    for (const attempt of ['first run', 'second run']) {
      rmSync(path.join(copy, 'test-results.json'), { force: true });
      const run = pnpmTest(copy);
      expect(run.status, `${attempt}: ${digest(run.output)}`).not.toBe(0);
      // The claims ran again (nothing replayed), and the claim that lost its quote failed.
      expect(run.output, attempt).not.toMatch(/^\/\/:test:claims: cache hit/m);
      const results = claimsResults(copy);
      expect(statusOf(results, 'evening-sailings-cancelled'), attempt).toBe('failed');
      expect(statusOf(results, 'ferry-every-twenty-minutes'), attempt).toBe('passed');
      expect(statusOf(results, 'library-reopens-monday'), attempt).toBe('passed');
      expect(run.output, attempt).toMatch(/claims\.yaml:\d+:\d+ {2}error {2}quote not found in articles\/harbour-ferry-timetable\.txt/);
      // The other tasks finished as they were: none reports a failure it did not have.
      expect(packageTaskFailures(run.output), `${attempt}: ${digest(run.output)}`).toEqual([]);
    }
  }, 40 * MINUTE);
});
