// Watch mode: the claims rerun when one of their sources changes, not only when claims.yaml does.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { factcheckPlugin, generateClaimsModule } from '../src/index.js';
import { ONE_LINE_SOURCE } from '@factcheck/test-fixtures';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const vitestBin = path.join(path.resolve(packageDir, '../..'), 'node_modules/vitest/vitest.mjs');

const SOURCE = ONE_LINE_SOURCE;

const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-watch-'));
  created.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** claims.yaml with one source per path and one claim quoting the first. */
function claimsFor(paths: readonly string[]): string {
  const sources = paths.map((p, i) => `  s${i}:\n    path: ${p}\n`).join('');
  return `version: 1\nsources:\n${sources}claims:\n  - id: account-locked\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: s0\n        quote: "The account has been locked"\n        span: [0, 27]\n`;
}

/** Runs the plugin's load hook as Vite would, recording the files it adds to the watched ones. */
async function load(file: string): Promise<{ result: Awaited<ReturnType<ReturnType<typeof factcheckPlugin>['load']>>; watched: string[] }> {
  const watched: string[] = [];
  const result = await factcheckPlugin().load.call({ addWatchFile: (f: string) => watched.push(f) }, file);
  return { result, watched };
}

describe('the sources are dependencies of claims.yaml', () => {
  it('declares every source file of the workspace as watched, wherever it is in the workspace', async () => {
    const paths = ['articles/ferry.txt', 'library.txt', 'deep/er/notes.txt'];
    const root = makeWorkspace({ 'claims.yaml': claimsFor(paths), ...Object.fromEntries(paths.map((p) => [p, SOURCE])) });
    const { result, watched } = await load(path.join(root, 'claims.yaml'));
    expect(result?.code).toContain('run.claimTest("account-locked", context)');
    expect(watched.sort()).toEqual(paths.map((p) => path.join(root, p)).sort());
  });

  it('leaves out a source that is missing, a folder, or a link out of the workspace', async () => {
    const outside = makeWorkspace({ 'secret.txt': 'A secret.\n' });
    const root = makeWorkspace({ 'claims.yaml': claimsFor(['a.txt', 'missing.txt', 'folder', 'link.txt']), 'a.txt': SOURCE, 'folder/x.txt': SOURCE });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    expect((await load(path.join(root, 'claims.yaml'))).watched).toEqual([path.join(root, 'a.txt')]);
    // generateClaimsModule names them all; the plugin only watches what it may.
    expect(generateClaimsModule(path.join(root, 'claims.yaml'), claimsFor(['a.txt', 'link.txt']), 'file:///runtime.js').sources).toEqual([path.join(root, 'a.txt'), path.join(root, 'link.txt')]);
  });

  it('declares nothing for a file that is not a claims file', async () => {
    const root = makeWorkspace({ 'other.yaml': claimsFor(['a.txt']), 'a.txt': SOURCE });
    expect(await load(path.join(root, 'other.yaml'))).toEqual({ result: null, watched: [] });
  });
});

describe('vitest watch', () => {
  it('reruns the claims when a source is saved, and fails the claim whose quote changed', async () => {
    const root = makeWorkspace({ 'claims.yaml': claimsFor(['articles/a.txt']), 'articles/a.txt': SOURCE });
    writeFileSync(
      path.join(root, 'vitest.config.mjs'),
      `import { factcheckPlugin } from ${JSON.stringify(path.join(packageDir, 'dist/index.js'))};\nexport default { plugins: [factcheckPlugin()], test: { include: ['claims.yaml'] } };\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    delete env.FORCE_COLOR;
    // Its own process group, so that the watcher and its workers end together.
    const child = spawn(process.execPath, [vitestBin, 'watch', '--config', 'vitest.config.mjs'], { cwd: root, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    try {
      await until(() => /Waiting for file changes/.test(output), () => output);
      expect(output).toMatch(/Tests +4 passed/); // valid, the claim, the source, total
      const before = output.length;
      writeFileSync(path.join(root, 'articles/a.txt'), SOURCE.replace('locked', 'frozen'));
      // The rerun names the file that set it off: the source (a rebuild of the packages can set
      // off reruns of its own meanwhile, which this tells apart).
      const rerunOfSource = () => {
        const after = output.slice(before);
        const at = after.search(/RERUN +articles\/a\.txt/);
        return at < 0 ? '' : after.slice(at);
      };
      await until(() => /Tests +1 failed/.test(rerunOfSource()), () => output);
      expect(rerunOfSource()).toMatch(/FAIL .*account-locked/);
      expect(rerunOfSource()).toMatch(/claims\.yaml:12:15 {2}error {2}quote changed in articles\/a\.txt/);
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
  }, 240_000);
});

/** Resolves once `condition` holds; rejects, showing what was printed, after two minutes. */
function until(condition: () => boolean, shown: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (condition()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > 120_000) {
        clearInterval(poll);
        reject(new Error(`vitest watch did not get there within two minutes; it printed:\n${shown()}`));
      }
    }, 100);
  });
}
