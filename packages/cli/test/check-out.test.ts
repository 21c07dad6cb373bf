// check --out FILE: what check would print on stdout goes to FILE instead, written atomically.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLAIMS, factcheck as runFactcheck, SOURCE, twoClaimWorkspace } from './fixtures/two-claims.js';

const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workspace(claims = CLAIMS, source = SOURCE): string {
  const root = twoClaimWorkspace(claims, source, 'factcheck-out-');
  created.push(root);
  return root;
}

// Colours are left to each test (the shared runner turns them off).
function factcheck(args: string[], cwd: string, env: Record<string, string> = {}) {
  return runFactcheck(args, cwd, { NO_COLOR: '', FORCE_COLOR: '', ...env });
}

/** Temporary files the atomic writer may have left beside the output. */
const strayTemps = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('factcheck check --out FILE', () => {
  it('writes the JSON report to the file, and nothing to stdout, for `jq` and friends', () => {
    const root = workspace();
    const { status, stdout, stderr } = factcheck(['check', '--format', 'json', '--out', 'result.json'], root);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('');
    const json = JSON.parse(readFileSync(path.join(root, 'result.json'), 'utf8'));
    expect(json.summary).toEqual({ passed: 2, failed: 0 });
    expect(json.claims.map((c: { id: string }) => c.id)).toEqual(['account-locked', 'second-line']);
    expect(strayTemps(root)).toEqual([]);
  });

  it('writes exactly what stdout would have had, and keeps the exit code of the check', () => {
    const root = workspace(CLAIMS, SOURCE.replace('A second line.', 'Something else entirely, nothing alike.'));
    const printed = factcheck(['check', '--format', 'github'], root);
    const written = factcheck(['check', '--format', 'github', '--out', 'annotations.txt'], root);
    expect(printed.status).toBe(1);
    expect(written.status).toBe(1);
    expect(written.stdout).toBe('');
    expect(readFileSync(path.join(root, 'annotations.txt'), 'utf8')).toBe(printed.stdout);
    expect(printed.stdout).toContain('title=missing-quote (second-line)');
  });

  it('writes stylish output without colours unless --color is given, even with FORCE_COLOR set', () => {
    const root = workspace(CLAIMS, SOURCE.replace('A second line.', 'Something else entirely, nothing alike.'));
    expect(factcheck(['check', '--out', 'plain.txt'], root, { FORCE_COLOR: '1' }).status).toBe(1);
    const plain = readFileSync(path.join(root, 'plain.txt'), 'utf8');
    expect(plain).toMatch(/error {2}quote not found in seeds\/a\.txt/);
    expect(plain).toMatch(/1 passed, 1 failed\n$/);
    expect(plain).not.toContain('\u001b[');
    expect(factcheck(['check', '--out', 'coloured.txt', '--color'], root, { FORCE_COLOR: '1' }).status).toBe(1);
    expect(readFileSync(path.join(root, 'coloured.txt'), 'utf8')).toContain('\u001b[');
  });

  it('replaces an existing file whole (a new file renamed over it), keeping its mode', () => {
    const root = workspace();
    const file = path.join(root, 'result.json');
    writeFileSync(file, 'an older, much longer report that must not survive in part '.repeat(200), { mode: 0o640 });
    const before = statSync(file);
    expect(factcheck(['check', '--format', 'json', '--out', 'result.json'], root).status).toBe(0);
    const after = statSync(file);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('writes the configuration errors to the file in JSON, with exit 2', () => {
    const root = workspace('version: 1\nclaims: [\n');
    const { status, stdout } = factcheck(['check', '--format', 'json', '--out', 'errors.json'], root);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    const json = JSON.parse(readFileSync(path.join(root, 'errors.json'), 'utf8'));
    expect(json.errors[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'claims.yaml' });
  });

  it.each([
    ['an empty value', [''], 'check: --out needs a file path'],
    ['a folder', ['seeds'], 'check: --out seeds is a directory; give a file path, such as seeds/factcheck.json'],
    ['a file in a folder that does not exist', ['missing/result.json'], 'check: --out missing/result.json: the folder missing does not exist; create it first'],
    ['claims.yaml itself', ['claims.yaml'], 'check: --out claims.yaml is the claims file itself; name another file'],
    ['a source', ['seeds/a.txt'], 'check: --out seeds/a.txt is the source "bbc"; name another file, so that the source stays as it is'],
  ])('refuses %s with exit 2, and writes nothing', (_name, value, message) => {
    const root = workspace();
    const { status, stdout, stderr } = factcheck(['check', '--out', ...value], root);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(path.join(root, 'claims.yaml'), 'utf8')).toBe(CLAIMS);
    expect(readFileSync(path.join(root, 'seeds/a.txt'), 'utf8')).toBe(SOURCE);
    // Nothing but the parse cache, which the check keeps beside claims.yaml.
    expect(readdirSync(root).filter((name) => name !== '.factcheck').sort()).toEqual(['claims.yaml', 'seeds']);
  });
});

describe('the parse cache', () => {
  it('check keeps claims.yaml parsed in .factcheck/cache/, prints the same on a warm run, and --no-cache leaves it alone', () => {
    const root = workspace();
    const cold = factcheck(['check', '--format', 'json', '--no-cache'], root);
    expect(readdirSync(root).sort()).toEqual(['claims.yaml', 'seeds']);
    const first = factcheck(['check', '--format', 'json'], root);
    expect(readdirSync(path.join(root, '.factcheck/cache')).sort()).toEqual(['anchor', expect.stringMatching(/^parse-[0-9a-f]{64}\.json$/)]);
    const warm = factcheck(['check', '--format', 'json'], root);
    expect([first.status, warm.status]).toEqual([cold.status, cold.status]);
    expect(first.stdout).toBe(cold.stdout);
    expect(warm.stdout).toBe(cold.stdout);
  });
});
