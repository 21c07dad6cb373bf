import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '@factcheck/test-fixtures/edit-workspace';
import { matchGlob, parseGlob } from '../src/load/glob.js';
import { CACHE_DIR, loadWorkspace, type Message } from '../src/index.js';
import { loadIn, makeWorkspace, VALID } from './helpers.js';

afterAll(() => removeTempDirs());

const SEED_A = 'The account has been locked since Monday.\n';
const SEED_B = 'The bank reopened on Friday after the storm.\n';

// The one-claim workspace of the other tests, with an include: entry after `version: 1` (lines 2-3).
const CLAIMS = VALID.replace('version: 1\n', 'version: 1\ninclude:\n  - claims/**/*.yaml\n');

const EUROPE = `sources:
  reuters:
    path: seeds/b.txt
claims:
  - id: bank-reopened
    claim: The bank reopened.
    verdict: supported
    evidence:
      - source: reuters
        quote: "The bank reopened on Friday"
        span: [0, 27]
`;

const ASIA = `claims:
  - id: locked-since-monday
    claim: The account is locked since Monday.
    verdict: supported
    evidence:
      - source: bbc
        quote: "locked since Monday"
        span: [21, 40]
`;

function workspace(extra: Record<string, string> = {}): string {
  return makeWorkspace({ 'claims.yaml': CLAIMS, 'claims/europe/b.yaml': EUROPE, 'claims/asia.yaml': ASIA, 'seeds/a.txt': SEED_A, 'seeds/b.txt': SEED_B, ...extra });
}

/** Every message as `file:line:col ruleId`. */
const at = (messages: readonly Message[]) => messages.map((m) => `${m.file}:${m.place?.start.line}:${m.place?.start.column} ${m.ruleId}`);

describe('include', () => {
  it('loads the claims and sources of every included file, in sorted order, each with its file', async () => {
    const root = workspace();
    const loaded = await loadIn(root);
    expect(loaded.errors).toEqual([]);
    const ws = loaded.value!.workspace;
    expect(ws.included?.map((f) => f.displayPath)).toEqual(['claims/asia.yaml', 'claims/europe/b.yaml']);
    expect(ws.claims.map((c) => [c.id, c.file, c.idPlace.start.line])).toEqual([
      ['account-locked', 'claims.yaml', 8],
      ['locked-since-monday', 'claims/asia.yaml', 2],
      ['bank-reopened', 'claims/europe/b.yaml', 5],
    ]);
    expect([...ws.sources.values()].map((s) => [s.id, s.file])).toEqual([
      ['bbc', 'claims.yaml'],
      ['reuters', 'claims/europe/b.yaml'],
    ]);
    // Sources declared in an included file are read like the others, relative to the folder of claims.yaml.
    expect(loaded.value!.sources.get('reuters')?.text.text).toBe(SEED_B);
  });

  it('names the included file, relative to the current directory, when run from elsewhere', async () => {
    const root = workspace();
    const loaded = await loadWorkspace(path.join(path.basename(root), 'claims.yaml'), { cwd: path.dirname(root) });
    expect(loaded.value!.workspace.claims.map((c) => c.file)).toEqual([`${path.basename(root)}/claims.yaml`, `${path.basename(root)}/claims/asia.yaml`, `${path.basename(root)}/claims/europe/b.yaml`]);
  });

  it('reports bad YAML in an included file at its own line:col', async () => {
    const root = workspace({ 'claims/asia.yaml': 'claims:\n  - id: x\n    claim: "never closed\n' });
    const loaded = await loadIn(root);
    expect(loaded.value).toBeUndefined();
    expect(loaded.errors.length).toBeGreaterThan(0);
    expect(loaded.errors.every((m) => m.file === 'claims/asia.yaml')).toBe(true);
    expect(at(loaded.errors)[0]).toMatch(/^claims\/asia\.yaml:3:\d+ yaml-syntax$/);
  });

  it('reports a format problem in an included file at its own line:col, with the keys an included file has', async () => {
    const root = workspace({ 'claims/asia.yaml': ASIA.replace('    verdict: supported', '    verdikt: supported') });
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toContain('claims/asia.yaml:4:5 unknown-key');
    expect(at(loaded.errors)).toContain('claims/asia.yaml:2:5 missing-field');
  });

  it('refuses settings that only claims.yaml has, in an included file', async () => {
    const root = workspace({ 'claims/asia.yaml': `anchor:\n  min-score: 0.5\n${ASIA}` });
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toEqual(['claims/asia.yaml:1:1 unknown-key']);
  });

  it('reports a claim id used in two files at both places', async () => {
    const root = workspace({ 'claims/asia.yaml': ASIA.replace('id: locked-since-monday', 'id: account-locked') });
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toEqual(['claims.yaml:8:9 duplicate-id', 'claims/asia.yaml:2:9 duplicate-id']);
    expect(loaded.errors[0]!.reason).toBe('duplicate claim id "account-locked" (also declared at claims/asia.yaml:2:9)');
    expect(loaded.errors[1]!.reason).toBe('duplicate claim id "account-locked" (also declared at claims.yaml:8:9)');
  });

  it('reports a source id declared in two files at both places', async () => {
    const root = workspace({ 'claims/europe/b.yaml': EUROPE.replace('reuters:', 'bbc:').replace('source: reuters', 'source: bbc') });
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toEqual(['claims.yaml:5:3 duplicate-source', 'claims/europe/b.yaml:2:3 duplicate-source']);
  });

  it('lets claims.yaml cite a source declared in an included file, and reports a source no file declares at the citing file', async () => {
    const cites = CLAIMS.replace('span: [0, 27]\n', 'span: [0, 27]\n  - id: bank\n    claim: The bank reopened.\n    verdict: supported\n    evidence:\n      - source: reuters\n        quote: "The bank reopened"\n');
    const ok = await loadIn(workspace({ 'claims.yaml': cites }));
    expect(ok.errors).toEqual([]);
    const bad = await loadIn(workspace({ 'claims/asia.yaml': ASIA.replace('source: bbc', 'source: bcc') }));
    expect(at(bad.errors)).toEqual(['claims/asia.yaml:6:17 unknown-source']);
    expect(bad.errors[0]!.reason).toContain('did you mean "bbc"?');
  });

  it('checks a conflict that names a claim of another file', async () => {
    const acked = ASIA.replace('        span: [21, 40]\n', '        span: [21, 40]\n    conflicts:\n      - { with: bank-reopened, reason: "different subjects" }\n      - { with: no-such-claim, reason: "typo" }\n');
    const loaded = await loadIn(workspace({ 'claims/asia.yaml': acked }));
    expect(at(loaded.errors)).toEqual(['claims/asia.yaml:11:17 unknown-claim']);
  });

  it('reports a glob that matches no file at its entry in claims.yaml', async () => {
    const root = workspace({ 'claims.yaml': CLAIMS.replace('  - claims/**/*.yaml', '  - claims/**/*.yaml\n  - more/*.yml') });
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toEqual(['claims.yaml:4:5 include-no-match']);
    expect(loaded.errors[0]!.reason).toContain('"more/*.yml" matches no file');
  });

  it('refuses a path that leaves the workspace, at its entry, with its line:col', async () => {
    for (const pattern of ['../other/*.yaml', '/etc/*.yaml', 'claims/../../x.yaml']) {
      const loaded = await loadIn(workspace({ 'claims.yaml': CLAIMS.replace('  - claims/**/*.yaml', `  - claims/**/*.yaml\n  - "${pattern}"`) }));
      expect(at(loaded.errors), pattern).toEqual(['claims.yaml:4:5 include-outside-workspace']);
    }
  });

  it('refuses a match that is a link to a file outside the workspace', async () => {
    const outside = tempDir('factcheck-outside-');
    writeFileSync(path.join(outside, 'x.yaml'), ASIA.replace('locked-since-monday', 'outside'));
    const root = workspace();
    symlinkSync(path.join(outside, 'x.yaml'), path.join(root, 'claims', 'linked.yaml'));
    const loaded = await loadIn(root);
    expect(at(loaded.errors)).toEqual(['claims.yaml:3:5 include-outside-workspace']);
  });

  it('refuses an include inside an included file', async () => {
    const loaded = await loadIn(workspace({ 'claims/asia.yaml': `include: [more.yaml]\n${ASIA}` }));
    expect(at(loaded.errors)).toEqual(['claims/asia.yaml:1:1 include-nested']);
  });

  it('never includes claims.yaml itself, and each file once', async () => {
    const root = workspace({ 'claims.yaml': CLAIMS.replace('  - claims/**/*.yaml', '  - "**/*.yaml"\n  - claims/asia.yaml') });
    const loaded = await loadIn(root);
    expect(loaded.errors).toEqual([]);
    expect(loaded.value!.workspace.included?.map((f) => f.displayPath)).toEqual(['claims/asia.yaml', 'claims/europe/b.yaml']);
  });

  it('keeps a parse cache for each included file', async () => {
    const root = workspace();
    const first = await loadWorkspace('claims.yaml', { cwd: root, cache: true });
    expect(first.errors).toEqual([]);
    const cacheFiles = () => readdirSync(path.join(root, CACHE_DIR)).filter((n) => n.endsWith('.json')).sort();
    expect(cacheFiles()).toHaveLength(3);
    const again = await loadWorkspace('claims.yaml', { cwd: root, cache: true });
    expect(again.value!.workspace.claims.map((c) => [c.id, c.file])).toEqual(first.value!.workspace.claims.map((c) => [c.id, c.file]));
    // A changed included file is parsed again; the others keep their cache.
    writeFileSync(path.join(root, 'claims/asia.yaml'), ASIA.replace('The account is locked since Monday.', 'Locked since Monday.'));
    const changed = await loadWorkspace('claims.yaml', { cwd: root, cache: true });
    expect(changed.value!.workspace.claims.find((c) => c.id === 'locked-since-monday')?.claim).toBe('Locked since Monday.');
    expect(cacheFiles()).toHaveLength(3);
  });
});

describe('include globs', () => {
  it('reads *, ? and ** and refuses what it cannot read', () => {
    expect(parseGlob('claims/**/*.yaml')).toMatchObject({ segments: [{ kind: 'name', literal: 'claims' }, { kind: 'any-folders' }, { kind: 'pattern' }] });
    expect(parseGlob('./a.yaml')).toEqual({ segments: [{ kind: 'name', literal: 'a.yaml' }] });
    expect(parseGlob('claims\\a.yaml')).toMatchObject({ problem: { outside: false } });
    expect(parseGlob('a**.yaml')).toMatchObject({ problem: { outside: false } });
    expect(parseGlob('claims/**')).toMatchObject({ problem: { outside: false } });
    expect(parseGlob('../a.yaml')).toMatchObject({ problem: { outside: true } });
  });

  it('matches files in sorted order, skipping hidden names and node_modules under wildcards', async () => {
    const root = tempDir('factcheck-glob-');
    for (const file of ['b.yaml', 'a.yaml', 'ab.yaml', '.hidden.yaml', 'x/c.yaml', 'x/y/d.yaml', '.git/e.yaml', 'node_modules/f.yaml', 'x/y/notes.txt']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'claims: []\n');
    }
    const match = async (pattern: string) => {
      const parsed = parseGlob(pattern);
      if ('problem' in parsed) throw new Error(parsed.problem.reason);
      return matchGlob(root, parsed.segments);
    };
    expect(await match('*.yaml')).toEqual(['a.yaml', 'ab.yaml', 'b.yaml']);
    expect(await match('?.yaml')).toEqual(['a.yaml', 'b.yaml']);
    expect(await match('**/*.yaml')).toEqual(['a.yaml', 'ab.yaml', 'b.yaml', 'x/c.yaml', 'x/y/d.yaml']);
    expect(await match('x/**/d.yaml')).toEqual(['x/y/d.yaml']);
    expect(await match('.hidden.yaml')).toEqual(['.hidden.yaml']);
    expect(await match('x/*')).toEqual(['x/c.yaml']);
  });
});
