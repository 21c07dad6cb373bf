import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { copyWorkspace } from '@factcheck/test-fixtures';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, loadWorkspace } from '../src/index.js';
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function workspace(): string {
  const root = copyWorkspace('factcheck-cache-');
  roots.push(root);
  return root;
}
const cacheFiles = (root: string) => (existsSync(path.join(root, CACHE_DIR)) ? readdirSync(path.join(root, CACHE_DIR)).sort() : []);
const load = (root: string, cache = true) => loadWorkspace('claims.yaml', { cwd: root, cache });

describe('the parse cache', () => {
  it('reads back exactly the workspace and warnings that parsing gives, and keeps itself out of version control', async () => {
    const root = workspace();
    const fresh = await load(root, false);
    expect(cacheFiles(root)).toEqual([]);
    const first = await load(root);
    expect(cacheFiles(root)).toEqual([expect.stringMatching(/^parse-[0-9a-f]{64}\.json$/)]);
    const warm = await load(root);
    expect(warm).toStrictEqual(fresh);
    expect(first).toStrictEqual(fresh);
    expect(readFileSync(path.join(root, '.factcheck/.gitignore'), 'utf8')).toBe('*\n');
  });

  it('is what a warm load reads: an entry with a valid checksum comes back as written', async () => {
    const root = workspace();
    await load(root);
    const file = path.join(root, CACHE_DIR, cacheFiles(root)[0]!);
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1).replace(/"claim":"[^"]*"/, '"claim":"Read from the cache."');
    const header = { ...JSON.parse(text.slice(0, newline)), sha256: createHash('sha256').update(body).digest('hex') };
    writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
    const warm = await load(root);
    expect(warm.value!.workspace.claims[0]!.claim).toBe('Read from the cache.');
    expect((await load(root, false)).value!.workspace.claims[0]!.claim).not.toBe('Read from the cache.');
  });

  it('is not used once claims.yaml changes, and keeps only the newest parse', async () => {
    const root = workspace();
    await load(root);
    const [before] = cacheFiles(root);
    const claims = path.join(root, 'claims.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace(/verdict: supported/, 'verdict: refuted'));
    const changed = await load(root);
    expect(changed).toStrictEqual(await load(root, false));
    expect(changed.value!.workspace.claims.some((c) => c.verdict === 'refuted')).toBe(true);
    expect(cacheFiles(root)).toHaveLength(1);
    expect(cacheFiles(root)[0]).not.toBe(before);
  });

  it('never caches a claims.yaml with errors', async () => {
    const root = workspace();
    const claims = path.join(root, 'claims.yaml');
    writeFileSync(claims, readFileSync(claims, 'utf8').replace(/verdict: supported/, 'verdict: supportd'));
    const result = await load(root);
    expect(result.errors.map((e) => e.ruleId)).toEqual(['invalid-value']);
    expect(cacheFiles(root)).toEqual([]);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty', () => ''],
    ['garbled in its body', (text: string) => text.replace(/"claims":/, '"claimz":')],
    ['valid JSON of another shape', () => '{"format":"factcheck-parse-cache 1"}\n{}'],
    ['binary noise', () => '\u0000\u0001\u0002'],
  ])('ignores a cache file that is %s, and writes it anew', async (_name, spoil) => {
    const root = workspace();
    const fresh = await load(root, false);
    await load(root);
    const file = path.join(root, CACHE_DIR, cacheFiles(root)[0]!);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, spoil(good));
    expect(await load(root)).toStrictEqual(fresh);
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('works on when the cache cannot be written', async () => {
    const root = workspace();
    const fresh = await load(root, false);
    // A file where the cache folder would go: nothing can be written there.
    writeFileSync(path.join(root, '.factcheck'), 'not a folder');
    expect(await load(root)).toStrictEqual(fresh);
    expect(readFileSync(path.join(root, '.factcheck'), 'utf8')).toBe('not a folder');
  });
});
