import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStrayTemps } from '../src/atomic-write.js';
import { acquireLock } from '../src/lock.js';
import { distDir, fuzzRuns, prng, removeTempDirs, tempDir } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

// The writer runs in a child process (so that it can be killed): it uses the compiled modules.
const atomicModule = pathToFileURL(path.join(distDir, 'atomic-write.js')).href;
const claimsFileModule = pathToFileURL(path.join(distDir, 'claims-file.js')).href;

/** Writes A and B alternately over the file, forever, with the plain atomic write. */
const PLAIN_WRITER = `
import { readFileSync } from 'node:fs';
const { writeFileAtomic } = await import(process.argv[2]);
const [file, a, b] = process.argv.slice(3);
const contents = [readFileSync(a), readFileSync(b)];
process.stdout.write('ready\\n');
for (let i = 0; ; i++) await writeFileAtomic(file, contents[i % 2]);
`;

/** The full path update and add take: lock, read, atomic write with the lost-update check, release. */
const LOCKED_WRITER = `
import { readFileSync } from 'node:fs';
const { commitClaimsText, lockClaims, readClaimsFile } = await import(process.argv[2]);
const [file, a, b] = process.argv.slice(3);
const texts = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
process.stdout.write('ready\\n');
for (;;) {
  const lock = await lockClaims(file, 'test');
  if (!lock.ok) continue;
  try {
    const read = await readClaimsFile(file, 'claims.yaml');
    await commitClaimsText(read, read.text === texts[0] ? texts[1] : texts[0]);
  } finally {
    await lock.lock.release();
  }
}
`;

/** Two large, different claims.yaml texts of different lengths (a truncated file would equal neither). */
function contents(): [string, string] {
  const item = (i: number, tag: string) => `  - id: claim-${i}\n    claim: ${tag} claim number ${i} with some words to make it long\n    verdict: supported\n`;
  const make = (n: number, tag: string) => `version: 1\nclaims:\n${Array.from({ length: n }, (_, i) => item(i, tag)).join('')}`;
  return [make(40_000, 'First'), make(43_000, 'Second')];
}

function startWriter(script: string, module: string, file: string, a: string, b: string): Promise<ChildProcess> {
  const dir = path.dirname(file);
  const scriptPath = path.join(dir, `writer-${Math.random().toString(16).slice(2)}.mjs`);
  writeFileSync(scriptPath, script);
  const child = spawn(process.execPath, [scriptPath, module, file, a, b], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function killRepeatedly(script: string, module: string, kills: number, seed: number): Promise<{ file: string; dir: string; a: string; b: string }> {
  const dir = tempDir('factcheck-kill-');
  const [a, b] = contents();
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(path.join(dir, 'a.txt'), a);
  writeFileSync(path.join(dir, 'b.txt'), b);
  writeFileSync(file, a);
  const random = prng(seed);
  for (let k = 0; k < kills; k++) {
    const child = await startWriter(script, module, file, path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    await sleep(5 + Math.floor(random() * 250));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const now = readFileSync(file, 'utf8');
    // Whole: exactly the old or the new content, never a mixture or a truncated file.
    expect(now === a || now === b, `after kill ${k + 1}, claims.yaml is ${now.length} characters, neither version`).toBe(true);
  }
  return { file, dir, a, b };
}

describe('a writer killed at a random moment', () => {
  beforeAll(() => {
    if (!existsSync(path.join(distDir, 'atomic-write.js'))) throw new Error('build @factcheck/edit first (pnpm --filter @factcheck/edit build): the killed writer runs the compiled code');
  });

  it('never leaves a truncated claims.yaml (plain atomic writes)', async () => {
    const { file, dir, a, b } = await killRepeatedly(PLAIN_WRITER, atomicModule, fuzzRuns(8), 11);
    // Killed writers may leave temporary files; the next writer removes them.
    await removeStrayTemps(file);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const text = readFileSync(file, 'utf8');
    expect(text === a || text === b).toBe(true);
  }, 120_000);

  it('never leaves a truncated claims.yaml, and a stale lock is taken over (locked writes)', async () => {
    const { file, a, b } = await killRepeatedly(LOCKED_WRITER, claimsFileModule, fuzzRuns(8), 12);
    const text = readFileSync(file, 'utf8');
    expect(text === a || text === b).toBe(true);
    const lock = await acquireLock(file, { command: 'test', staleAfterMs: 0 });
    expect(lock.ok).toBe(true);
    if (lock.ok) await lock.lock.release();
  }, 120_000);
});
