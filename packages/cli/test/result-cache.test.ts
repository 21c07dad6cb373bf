// The result cache and worker threads from the command line: `check` keeps each source's anchored
// quotes in .factcheck/cache/anchor/, prints the same with it, without it (--no-cache) and with any
// number of workers (--workers N).
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceDir } from '@factcheck/test-fixtures';
import { factcheck } from './fixtures/two-claims.js';

const created: string[] = [];
afterAll(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the fixture workspace (four sources) whose sources a publisher then edited. */
function edited(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-result-cache-'));
  created.push(root);
  cpSync(workspaceDir, root, { recursive: true });
  const seeds = readdirSync(path.join(root, 'seeds')).sort();
  // One source gets a paragraph on top (its quotes move), another loses a word in every sentence.
  const first = path.join(root, 'seeds', seeds[0]!);
  writeFileSync(first, `A paragraph added on top.\n\n${readFileSync(first, 'utf8')}`);
  const second = path.join(root, 'seeds', seeds[1]!);
  writeFileSync(second, readFileSync(second, 'utf8').replace(/ the /g, ' '));
  return root;
}

const json = (args: string[], root: string) => {
  const run = factcheck(['check', '--format', 'json', ...args], root);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1);
  return run.stdout;
};

describe('check with the result cache', { timeout: 120_000 }, () => {
  it('prints the same JSON with the cache (cold and warm), without it, and after a source changes', () => {
    const root = edited();
    const plain = json(['--no-cache'], root);
    expect(readdirSync(root)).not.toContain('.factcheck');
    expect(json([], root)).toBe(plain);
    const files = readdirSync(path.join(root, '.factcheck/cache/anchor'));
    expect(files).toHaveLength(4);
    expect(json([], root)).toBe(plain);
    const seeds = readdirSync(path.join(root, 'seeds')).sort();
    const third = path.join(root, 'seeds', seeds[2]!);
    writeFileSync(third, `Another paragraph on top.\n\n${readFileSync(third, 'utf8')}`);
    const warm = json([], root);
    expect(warm).not.toBe(plain);
    expect(warm).toBe(json(['--no-cache'], root));
    expect(readdirSync(path.join(root, '.factcheck/cache/anchor')).sort()).toEqual([...files].sort());
  });

  it('prints the same JSON with --workers 1 and --workers 4', () => {
    const root = edited();
    const one = json(['--no-cache', '--workers', '1'], root);
    expect(json(['--no-cache', '--workers', '4'], root)).toBe(one);
    expect(json(['--workers', '4'], root)).toBe(one);
  });

  it.each(['0', 'many', '1.5', '100000'])('refuses --workers %s with a usage error', (value) => {
    const root = edited();
    const run = factcheck(['check', '--workers', value], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`check: --workers must be a whole number from 1 to 256, got "${value}"`);
  });

  it('documents --workers in check --help', () => {
    const run = factcheck(['check', '--help'], workspaceDir);
    expect(run.stdout).toContain('[--workers N]');
    expect(run.stdout).toContain('--workers N anchors the sources in N worker threads');
  });
});
