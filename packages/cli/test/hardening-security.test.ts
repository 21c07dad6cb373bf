// Security: nothing outside the workspace is read (also through symlinked folders and chains of
// links), for check, update and add; and no product code runs a shell or evaluates text.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkWorkspace } from '@factcheck/check';

const bin = fileURLToPath(new URL('../bin/factcheck.js', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

const SECRET = 'A secret that lives outside the workspace.';
const SOURCE = 'The account has been locked, and content deleted.\n';

const scratch = mkdtempSync(path.join(tmpdir(), 'factcheck-security-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const claimsFor = (sourcePath: string) => `version: 1
sources:
  bbc:
    path: ${sourcePath}
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: The account has been locked
`;

let count = 0;

/**
 * A workspace next to a folder `outside/` that holds a secret, with claims.yaml citing
 * `sourcePath`; `link` adds symlinks (path inside the workspace → target).
 */
function workspace(sourcePath: string, links: Record<string, string> = {}): { root: string; outside: string } {
  const base = path.join(scratch, `w${count++}`);
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'seeds'), { recursive: true });
  mkdirSync(path.join(outside, 'deeper'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  writeFileSync(path.join(outside, 'deeper', 'secret.txt'), `${SECRET}\n`);
  writeFileSync(path.join(root, 'seeds', 'a.txt'), SOURCE);
  writeFileSync(path.join(root, 'claims.yaml'), claimsFor(sourcePath));
  for (const [at, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(root, at)), { recursive: true });
    symlinkSync(target, path.join(root, at));
  }
  return { root, outside };
}

// Each way out of the workspace, as a source path and the links it needs.
const ESCAPES: [string, string, Record<string, string>, RegExp][] = [
  ['a path with ..', '../outside/secret.txt', {}, /leaves the workspace/],
  ['a path with .. in the middle', 'seeds/../../outside/secret.txt', {}, /leaves the workspace/],
  ['an absolute path', '/ABSOLUTE/outside/secret.txt', {}, /is absolute/],
  ['a symlink to a file outside', 'seeds/link.txt', { 'seeds/link.txt': '../../outside/secret.txt' }, /is a link to a file outside the workspace/],
  ['a symlinked folder in the path', 'linked/secret.txt', { linked: '../outside' }, /is a link to a file outside the workspace/],
  ['a symlinked folder two levels up the path', 'linked/deeper/secret.txt', { linked: '../outside' }, /is a link to a file outside the workspace/],
  ['a chain of symlinks', 'seeds/one.txt', { 'seeds/three.txt': '../../outside/secret.txt', 'seeds/two.txt': 'three.txt', 'seeds/one.txt': 'two.txt' }, /is a link to a file outside the workspace/],
  ['a chain through a linked folder', 'seeds/one.txt', { 'hop': '../outside', 'seeds/one.txt': '../hop/deeper/secret.txt' }, /is a link to a file outside the workspace/],
  ['a link to a system file', 'seeds/passwd', { 'seeds/passwd': '/etc/passwd' }, /is a link to a file outside the workspace/],
];

/** Absolute source paths are written per workspace: the placeholder becomes the real folder. */
function setUp(sourcePath: string, links: Record<string, string>) {
  const ws = workspace('seeds/a.txt', links);
  const real = sourcePath.replace('/ABSOLUTE/outside', ws.outside);
  writeFileSync(path.join(ws.root, 'claims.yaml'), claimsFor(real));
  return ws;
}

describe('nothing outside the workspace is read (check, in-process, every file read recorded)', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(ESCAPES)('%s', async (_name, sourcePath, links, reason) => {
    const { root, outside } = setUp(sourcePath, links);
    // The loader reads through fs.promises; record every file it opens.
    const opened: string[] = [];
    const readFile = fs.promises.readFile.bind(fs.promises);
    const open = fs.promises.open.bind(fs.promises);
    vi.spyOn(fs.promises, 'readFile').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(file));
      return (readFile as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.promises.readFile);
    vi.spyOn(fs.promises, 'open').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      opened.push(String(file));
      return (open as (...args: unknown[]) => unknown)(file, ...rest);
    }) as typeof fs.promises.open);

    const result = await checkWorkspace('claims.yaml', { cwd: root });
    expect(result.value).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ ruleId: 'path-outside-workspace', place: { start: { line: 4, column: 11 } } });
    expect(result.errors[0]!.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    // claims.yaml was read; nothing outside the workspace (or the system file) was.
    expect(opened.map((f) => realpathSync(f))).toContain(realpathSync(path.join(root, 'claims.yaml')));
    const realOutside = realpathSync(outside);
    for (const file of opened) {
      const real = realpathSync(file);
      expect(real.startsWith(`${realOutside}${path.sep}`), `read ${file}`).toBe(false);
      expect(real).not.toBe('/etc/passwd');
    }
  });

  it('a chain of links that stays inside is followed', async () => {
    const { root } = workspace('seeds/one.txt', { 'seeds/two.txt': 'a.txt', 'seeds/one.txt': 'two.txt' });
    const result = await checkWorkspace('claims.yaml', { cwd: root });
    expect(result.errors).toEqual([]);
    expect(result.value!.sources.get('bbc')!.text.text).toBe(SOURCE);
  });
});

describe('update and add refuse a source outside the workspace too (the real binary)', () => {
  const env = { ...process.env, CI: '', NO_COLOR: '1' };
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });

  it.each([ESCAPES[3]!, ESCAPES[4]!, ESCAPES[6]!])('%s', (_name, sourcePath, links, reason) => {
    const { root } = setUp(sourcePath, links);
    const before = readFileSync(path.join(root, 'claims.yaml'));
    for (const args of [['update'], ['add', '--source', 'bbc', '--quote', 'secret', '--claim', 'A secret.']]) {
      const outcome = run(args, root);
      expect(outcome.status, `${args[0]}: ${outcome.stdout}${outcome.stderr}`).toBe(2);
      expect(outcome.stderr).toMatch(reason);
      expect(outcome.stderr).toContain('path-outside-workspace');
      expect(`${outcome.stdout}${outcome.stderr}`).not.toContain(SECRET);
      expect(readFileSync(path.join(root, 'claims.yaml'))).toEqual(before);
    }
  }, 60_000);
});

/** Every product source file: src, bin and scripts of each package (tests and dist aside). */
function productFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(?:ts|js|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  const packages = path.join(repo, 'packages');
  for (const pkg of readdirSync(packages)) {
    for (const part of ['src', 'bin', 'scripts']) {
      const dir = path.join(packages, pkg, part);
      if (fs.existsSync(dir)) walk(dir);
    }
  }
  return out;
}

describe('no shell, no eval', () => {
  const files = productFiles();
  const relative = (file: string) => path.relative(repo, file).split(path.sep).join('/');

  it('finds the product code (so that the scan below scans something)', () => {
    expect(files.map(relative)).toContain('packages/edit/src/lock.ts');
    expect(files.map(relative)).toContain('packages/cli/bin/factcheck.js');
    expect(files.length).toBeGreaterThan(40);
  });

  it('child_process is used by one script only, without a shell, with fixed arguments', () => {
    const users = files.filter((f) => /\bchild_process\b/.test(readFileSync(f, 'utf8'))).map(relative);
    expect(users).toEqual(['packages/report/scripts/ensure-chromium.mjs']);
    const text = readFileSync(path.join(repo, users[0]!), 'utf8');
    expect(text).toMatch(/import \{ spawnSync \} from 'node:child_process'/);
    expect(text).not.toMatch(/\bshell\s*:/);
  });

  it.each([
    ['a shell option', /\bshell\s*:\s*(?!false)/],
    ['exec or execSync (always a shell)', /(?<![.\w])exec(?:Sync)?\s*\(/],
    ['eval', /(?<![.\w])eval\s*\(/],
    ['new Function', /\bnew\s+Function\s*\(/],
    ['a vm context', /\bnode:vm\b|\brunInNewContext\b/],
  ])('no product file uses %s', (_what, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map(relative);
    expect(hits).toEqual([]);
  });
});
