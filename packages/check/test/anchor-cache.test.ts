import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type CheckResult } from '@factcheck/core';
import { makeWorkload } from '@factcheck/test-fixtures/workload';
import { AUTO_WORKERS_FROM, workerCount } from '../src/anchor-sources.js';
import { anchorSources, checkLoaded, checkWorkspace, type AnchorStats } from '../src/index.js';

// Workspaces of their own, generated in a temporary folder: sources a publisher edited (moved,
// retyped, corrected, rewritten and deleted quotes), so that every evidence status is cached.

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Generated {
  root: string;
  /** Quotes per source. */
  quotes: number;
  sources: number;
}

/** A workspace of `sources` edited pages, `quotes` claims pinned against each, in a new temporary folder. */
function generate(sources: number, quotes = 6, extra = ''): Generated {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-anchor-cache-'));
  folders.push(root);
  mkdirSync(path.join(root, 'seeds'));
  const lines = ['version: 1', extra, 'sources:'].filter(Boolean);
  const claims: string[] = ['claims:'];
  for (let s = 0; s < sources; s++) {
    const workload = makeWorkload({ size: 3000, quotes, notVerbatim: Math.floor(quotes / 2), seed: s + 1 });
    writeFileSync(path.join(root, `seeds/s${s}.txt`), workload.edited);
    lines.push(`  s${s}:`, `    path: seeds/s${s}.txt`, `    publisher: Publisher ${s % 3}`);
    workload.quotes.forEach((q, i) => {
      claims.push(
        `  - id: claim-${s}-${i}`,
        `    claim: Claim ${i} about source ${s}.`,
        '    verdict: unverified',
        '    evidence:',
        `      - source: s${s}`,
        `        quote: ${JSON.stringify(q.quote)}`,
        `        span: [${q.span[0]}, ${q.span[1]}]`,
      );
    });
  }
  writeFileSync(path.join(root, 'claims.yaml'), `${[...lines, ...claims].join('\n')}\n`);
  return { root, quotes, sources };
}

/** Everything a check finds, as JSON: the claims and their evidence, coverage with every sentence, messages, summary. */
function json(result: CheckResult): string {
  const { claims, contradictions, coverage, messages, summary } = result;
  return JSON.stringify({ claims, contradictions, coverage, messages, summary });
}

async function check(root: string, options: { cache?: boolean; workers?: number } = {}): Promise<{ json: string; stats: AnchorStats; result: CheckResult }> {
  const stats = {} as AnchorStats;
  const checked = await checkWorkspace('claims.yaml', { cwd: root, stats, ...options });
  expect(checked.errors).toEqual([]);
  return { json: json(checked.value!), stats, result: checked.value! };
}

const cacheFiles = (root: string) => readdirSync(path.join(root, '.factcheck/cache/anchor')).filter((name) => name.endsWith('.json'));

/** Replaces the first occurrence of `from` in a file of the workspace. */
function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const full = path.join(root, file);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(full, next);
}

describe('the result cache', () => {
  it('gives the same results as a check without it, cold and warm, and reads every quote back on the second run', async () => {
    const w = generate(5);
    const plain = await check(w.root, { workers: 1 });
    expect(plain.stats.cache).toBe('off');
    const statuses = new Set(plain.result.claims.flatMap((c) => c.evidence.map((e) => e.status)));
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    const cold = await check(w.root, { cache: true, workers: 1 });
    expect(cold.json).toBe(plain.json);
    expect(cold.stats).toMatchObject({ anchoredSources: 5, anchoredQuotes: 30, cachedQuotes: 0, cache: 'used' });
    const warm = await check(w.root, { cache: true, workers: 1 });
    expect(warm.json).toBe(plain.json);
    expect(warm.stats).toMatchObject({ anchoredSources: 0, anchoredQuotes: 0, cachedQuotes: 30 });
    expect(cacheFiles(w.root)).toHaveLength(5);
  });

  it('anchors again only the source that changed', async () => {
    const w = generate(4);
    await check(w.root, { cache: true });
    edit(w.root, 'seeds/s2.txt', /^/, 'A paragraph added at the top.\n\n');
    const warm = await check(w.root, { cache: true });
    expect(warm.stats).toMatchObject({ anchoredSources: 1, anchoredQuotes: w.quotes, cachedQuotes: 3 * w.quotes });
    const fresh = await check(w.root, { cache: false });
    expect(warm.json).toBe(fresh.json);
    expect(warm.result.claims.filter((c) => c.id.startsWith('claim-2-')).some((c) => c.evidence[0]!.status === 'moved')).toBe(true);
  });

  it('anchors again only the quote that changed in claims.yaml', async () => {
    const w = generate(3);
    await check(w.root, { cache: true });
    const claims = readFileSync(path.join(w.root, 'claims.yaml'), 'utf8');
    const quote = /quote: ("(?:[^"\\]|\\.)*")/.exec(claims.slice(claims.indexOf('claim-1-2')))![1]!;
    edit(w.root, 'claims.yaml', quote, JSON.stringify(`${JSON.parse(quote) as string} And more.`));
    const warm = await check(w.root, { cache: true });
    expect(warm.stats).toMatchObject({ anchoredSources: 1, anchoredQuotes: 1, cachedQuotes: 3 * w.quotes - 1 });
    expect(warm.json).toBe((await check(w.root, { cache: false })).json);
  });

  it('anchors everything again when the anchor options change', async () => {
    const w = generate(3);
    const before = await check(w.root, { cache: true });
    edit(w.root, 'claims.yaml', 'version: 1', 'version: 1\nanchor: { min-score: 0.95, ignore-case: true }');
    const after = await check(w.root, { cache: true });
    expect(after.stats).toMatchObject({ anchoredSources: 3, anchoredQuotes: 3 * w.quotes, cachedQuotes: 0 });
    expect(after.json).toBe((await check(w.root, { cache: false })).json);
    // The stricter score changes some results: a cache that kept them would be wrong.
    expect(after.json).not.toBe(before.json);
  });

  it('anchors again when a source gets back the sha256 recorded for it', async () => {
    const w = generate(2);
    await check(w.root, { cache: true });
    const { sha256Of } = await import('../src/index.js');
    const hash = sha256Of(readFileSync(path.join(w.root, 'seeds/s1.txt'), 'utf8'));
    edit(w.root, 'claims.yaml', 'path: seeds/s1.txt', `path: seeds/s1.txt\n    sha256: ${hash}`);
    const warm = await check(w.root, { cache: true });
    expect(warm.stats).toMatchObject({ anchoredSources: 1, anchoredQuotes: w.quotes });
    expect(warm.json).toBe((await check(w.root, { cache: false })).json);
  });

  it.each([
    ['garbled', (text: string) => text.replace(/[a-z]/g, 'x')],
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['not JSON', () => '\u0000\u0001binary'],
    ['foreign (another format)', (text: string) => text.replace('factcheck-anchor-cache', 'something-else')],
    ['edited in its body', (text: string) => text.replace(/"status":"[a-z]+"/g, '"status":"missing"')],
  ])('ignores a cache file that is %s, and writes it anew', async (_name, damage) => {
    const w = generate(2);
    const plain = await check(w.root, { cache: false });
    await check(w.root, { cache: true });
    for (const name of cacheFiles(w.root)) {
      const file = path.join(w.root, '.factcheck/cache/anchor', name);
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
    }
    const again = await check(w.root, { cache: true });
    expect(again.json).toBe(plain.json);
    expect(again.stats).toMatchObject({ anchoredSources: 2, anchoredQuotes: 2 * w.quotes, cachedQuotes: 0 });
    const third = await check(w.root, { cache: true });
    expect(third.stats).toMatchObject({ anchoredQuotes: 0, cachedQuotes: 2 * w.quotes });
  });

  it('goes without the cache when its folder cannot be written', async () => {
    const w = generate(2);
    const plain = await check(w.root, { cache: false });
    // A file where the folder should be: no user, root included, can write the cache there.
    writeFileSync(path.join(w.root, '.factcheck'), 'not a folder');
    const run = await check(w.root, { cache: true });
    expect(run.json).toBe(plain.json);
    expect(run.stats.cache).toBe('unwritable');
    expect((await check(w.root, { cache: true })).stats.anchoredQuotes).toBe(2 * w.quotes);
  });

  it('keeps one file per source, and removes the files of sources no longer named', async () => {
    const w = generate(3);
    await check(w.root, { cache: true });
    expect(cacheFiles(w.root)).toHaveLength(3);
    // Edits of the same sources overwrite their files.
    edit(w.root, 'seeds/s0.txt', /^/, 'New first line.\n');
    await check(w.root, { cache: true });
    expect(cacheFiles(w.root)).toHaveLength(3);
    // s2 and its claims leave claims.yaml.
    const claims = readFileSync(path.join(w.root, 'claims.yaml'), 'utf8');
    const kept = claims
      .replace(/ {2}s2:\n(?: {4}.*\n)+/, '')
      .split(/(?=\n {2}- id: )/)
      .filter((block) => !block.includes('source: s2'))
      .join('');
    writeFileSync(path.join(w.root, 'claims.yaml'), kept);
    await check(w.root, { cache: true });
    expect(cacheFiles(w.root)).toHaveLength(2);
  });

  it('does not write the cache when it is off', async () => {
    const w = generate(2);
    await check(w.root, { cache: false });
    expect(() => readdirSync(path.join(w.root, '.factcheck'))).toThrow();
  });

  it('reports each source once as done, whether anchored or read from the cache', async () => {
    const w = generate(4);
    await check(w.root, { cache: true });
    edit(w.root, 'seeds/s1.txt', /^/, 'Added.\n');
    const calls: [number, number][] = [];
    await checkWorkspace('claims.yaml', { cwd: w.root, cache: true, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([1, 2, 3, 4].map((done) => [done, 4]));
  });
});

describe('worker threads', () => {
  it('are as many as asked for (no more than the sources to anchor), or chosen by the work and the cores', () => {
    expect(workerCount(1, 1e9, 100, 8)).toBe(1);
    expect(workerCount(4, 10, 100, 2)).toBe(4);
    expect(workerCount(4, 10, 3, 2)).toBe(3);
    expect(workerCount(0, 10, 3, 2)).toBe(1);
    // Automatic: none on a small workspace or a single core, then one per core.
    expect(workerCount(undefined, AUTO_WORKERS_FROM - 1, 1000, 8)).toBe(1);
    expect(workerCount(undefined, 1e9, 1000, 1)).toBe(1);
    expect(workerCount(undefined, 1e9, 1000, 2)).toBe(2);
    expect(workerCount(undefined, AUTO_WORKERS_FROM, 1000, 8)).toBe(2);
    expect(workerCount(undefined, 1e9, 1000, 64)).toBe(8);
    expect(workerCount(Number.NaN, 1e9, 1000, 2)).toBe(2);
  });

  it('give the same results with 1 worker and with 4, on edited sources, with and without the cache', async () => {
    const w = generate(12, 8);
    const one = await check(w.root, { workers: 1 });
    expect(one.stats.workers).toBe(0);
    const four = await check(w.root, { workers: 4 });
    expect(four.stats).toMatchObject({ workers: 4, workerFailures: 0, anchoredQuotes: 96 });
    expect(four.json).toBe(one.json);
    const cached = await check(w.root, { workers: 4, cache: true });
    expect(cached.json).toBe(one.json);
    edit(w.root, 'seeds/s5.txt', /^/, 'A new paragraph.\n\n');
    edit(w.root, 'seeds/s9.txt', /\.\s/, '; ');
    const warm = await check(w.root, { workers: 4, cache: true });
    expect(warm.stats).toMatchObject({ anchoredSources: 2, anchoredQuotes: 16, workers: 2 });
    expect(warm.json).toBe((await check(w.root, { workers: 1 })).json);
  });

  it.each(['throw', 'exit', 'later'])('fall back to this thread when a worker fails (%s), without waiting', async (how) => {
    const w = generate(10, 6);
    const plain = await check(w.root, { workers: 1 });
    const loaded = await loadWorkspace('claims.yaml', { cwd: w.root });
    const stats = {} as AnchorStats;
    const workerScript = new URL(`./fixtures/${how}-worker.mjs`, import.meta.url);
    const anchored = await anchorSources(loaded.value!, { workers: 2, stats, workerScript });
    expect(stats.workers).toBe(2);
    expect(stats.workerFailures).toBeGreaterThanOrEqual(1);
    expect(stats.anchoredQuotes).toBe(60);
    expect(json(checkLoaded(loaded.value!, loaded.warnings, undefined, anchored))).toBe(plain.json);
  });

  it('fall back to this thread when the worker script cannot be loaded', async () => {
    const w = generate(4);
    const plain = await check(w.root, { workers: 1 });
    const loaded = await loadWorkspace('claims.yaml', { cwd: w.root });
    const stats = {} as AnchorStats;
    const anchored = await anchorSources(loaded.value!, { workers: 3, stats, workerScript: new URL('./fixtures/no-such-worker.mjs', import.meta.url) });
    expect(stats.workerFailures).toBeGreaterThanOrEqual(1);
    expect(json(checkLoaded(loaded.value!, loaded.warnings, undefined, anchored))).toBe(plain.json);
  });
});
