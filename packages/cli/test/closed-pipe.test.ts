// A reader that goes away (`factcheck check | head -c 100`, `factcheck update | true`) ends the
// run quietly, as it does for git and grep: no stack trace, exit code 141, no lock file left,
// and claims.yaml either whole and written or untouched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOnClosedOutput, EXIT_BROKEN_PIPE, EXIT_USAGE, type OutputProcess } from '../src/io.js';
import { main } from '../src/main.js';
import { binPath, distDir, fakeIo, makeWorkspace, readBytes, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

const CLAIMS = 600;
const sentence = (i: number) => `Sentence number ${i} says that item ${i} costs ${i * 3} pounds.`;
// Long ids: each line of update's JSON report names the claim and the source.
const SOURCE_ID = `a-source-${'with-a-long-name-'.repeat(16)}end`;
const claimId = (i: number) => `claim-${i}-${'about-an-item-and-its-price-'.repeat(10)}end`;

/**
 * A workspace of CLAIMS claims whose quotes all moved (a line was put before them): `update`
 * pins every one, and both `check --format json` and `update --format json` print several
 * times what a pipe holds (64 KiB), so that a write to a closed pipe really fails, even when the
 * reader took a first chunk.
 */
function movedWorkspace(): string {
  const text = Array.from({ length: CLAIMS }, (_, i) => sentence(i)).join(' ');
  let claims = `version: 1\nsources:\n  ${SOURCE_ID}:\n    path: seeds/a.txt\nclaims:\n`;
  for (let i = 0; i < CLAIMS; i++) {
    const start = text.indexOf(sentence(i));
    claims += `  - id: ${claimId(i)}\n    claim: Item ${i} costs ${i * 3} pounds.\n    verdict: supported\n    evidence:\n      - source: ${SOURCE_ID}\n        quote: "${sentence(i)}"\n        span: [${start}, ${start + sentence(i).length}]\n`;
  }
  return makeWorkspace({ 'seeds/a.txt': `An opening line put before everything.\n${text}`, 'claims.yaml': claims });
}

const env = { ...process.env, CI: '', NO_COLOR: '1' };

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  received: number;
}

/**
 * Runs the real binary with stdout (or stderr) into a pipe that this side closes: after the
 * first chunk arrives, or at once (`| true`, whose reader is gone before anything is written).
 */
function runClosing(args: string[], cwd: string, close: 'stdout-after-first-chunk' | 'stdout-at-once' | 'stderr-at-once'): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let received = 0;
    if (close === 'stdout-after-first-chunk') {
      child.stdout.once('data', (chunk: Buffer) => {
        received += chunk.length;
        child.stdout.destroy();
      });
    } else if (close === 'stdout-at-once') child.stdout.destroy();
    if (close === 'stderr-at-once') {
      child.stderr.destroy();
      child.stdout.resume();
    } else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr, received });
    });
  });
}

/** What a run left beside claims.yaml besides the workspace itself: lock and temporary files. */
const leftovers = (root: string) => readdirSync(root).filter((name) => name !== 'claims.yaml' && name !== 'seeds');

describe('a closed output pipe ends the run quietly (the real binary)', () => {
  const root = movedWorkspace();

  it('the outputs are big enough for the write to fail', () => {
    const check = spawnSync(process.execPath, [binPath, 'check', '--format', 'json'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(check.stdout.length).toBeGreaterThan(8 * 65_536);
    const dry = spawnSync(process.execPath, [binPath, 'update', '--format', 'json', '--dry-run'], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(dry.status).toBe(0);
    expect(dry.stdout.length).toBeGreaterThan(6 * 65_536);
  }, 60_000);

  it('check --format json | head -c 100: exit 141, nothing on stderr', async () => {
    const ended = await runClosing(['check', '--format', 'json'], root, 'stdout-after-first-chunk');
    expect(ended.received).toBeGreaterThan(0);
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(EXIT_BROKEN_PIPE);
  }, 60_000);

  it('check --format json | true: exit 141, nothing on stderr', async () => {
    const ended = await runClosing(['check', '--format', 'json'], root, 'stdout-at-once');
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(EXIT_BROKEN_PIPE);
  }, 60_000);

  it('update --format json | head: the write already made is kept, the lock is gone', async () => {
    const ws = movedWorkspace();
    const before = readBytes(ws);
    const ended = await runClosing(['update', '--format', 'json'], ws, 'stdout-after-first-chunk');
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(EXIT_BROKEN_PIPE);
    expect(leftovers(ws)).toEqual([]);
    // claims.yaml was replaced before the report was printed: every quote is pinned again.
    expect(readBytes(ws).equals(before)).toBe(false);
    const check = spawnSync(process.execPath, [binPath, 'check'], { cwd: ws, env, encoding: 'utf8' });
    expect(check.stdout).toContain(`${CLAIMS} passed, 0 failed`);
    expect(check.status).toBe(0);
  }, 60_000);

  it('update --format json | true: exit 141, the lock is gone', async () => {
    const ws = movedWorkspace();
    const ended = await runClosing(['update', '--format', 'json'], ws, 'stdout-at-once');
    expect(ended.stderr).toBe('');
    expect(ended.status).toBe(EXIT_BROKEN_PIPE);
    expect(leftovers(ws)).toEqual([]);
  }, 60_000);

  it('update whose stderr is closed before it writes: claims.yaml untouched, the lock is gone', async () => {
    const ws = movedWorkspace();
    // A stale lock (its process has exited) is taken over with a note on stderr, before any
    // write: that note meets the closed pipe.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lock = { pid: Number(dead.stdout), started: '2020-01-01T00:00:00.000Z', host: hostname(), command: 'factcheck update', token: 'left-behind' };
    writeFileSync(path.join(ws, '.claims.yaml.lock'), `${JSON.stringify(lock)}\n`);
    const before = readBytes(ws);
    const ended = await runClosing(['update', '--format', 'json'], ws, 'stderr-at-once');
    expect(ended.status).toBe(EXIT_BROKEN_PIPE);
    expect(readBytes(ws)).toEqual(before);
    expect(leftovers(ws)).toEqual([]);
  }, 60_000);
});

describe('a signal while the lock is held', () => {
  it('SIGTERM exits with 143 and removes the lock file', async () => {
    const dir = makeWorkspace({ 'claims.yaml': 'version: 1\n' });
    const file = path.join(dir, 'claims.yaml');
    const io = path.join(distDir, 'io.js');
    const lockModule = createRequire(import.meta.url).resolve('@factcheck/edit');
    const script = `
      const { exitOnClosedOutput } = await import(${JSON.stringify(io)});
      const { acquireLock } = await import(${JSON.stringify(lockModule)});
      exitOnClosedOutput(process);
      const taken = await acquireLock(${JSON.stringify(file)}, { command: 'test' });
      process.stdout.write(taken.ok ? 'locked\\n' : 'refused\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))));
    expect(first).toBe('locked\n');
    expect(existsSync(path.join(dir, '.claims.yaml.lock'))).toBe(true);
    child.kill('SIGTERM');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(128 + 15);
    expect(existsSync(path.join(dir, '.claims.yaml.lock'))).toBe(false);
  }, 60_000);
});

/** A process stand-in: records listeners, what is written and the exit code asked for. */
function fakeProcess(stderrThrows = false) {
  const listeners = new Map<string, ((error?: unknown) => void)[]>();
  const on = (event: string, listener: (error?: unknown) => void) => listeners.set(event, [...(listeners.get(event) ?? []), listener]);
  const written: string[] = [];
  const exits: number[] = [];
  const proc: OutputProcess = {
    stdout: { on: (event: string, l: () => void) => on(`stdout:${event}`, l), write: (text: string) => written.push(text) } as unknown as OutputProcess['stdout'],
    stderr: {
      on: (event: string, l: () => void) => on(`stderr:${event}`, l),
      write: (text: string) => {
        if (stderrThrows) throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        written.push(text);
      },
    } as unknown as OutputProcess['stderr'],
    on: (event: string, l: () => void) => on(event, l),
    exit: (code: number) => void exits.push(code),
  };
  const emit = (event: string, error?: unknown) => (listeners.get(event) ?? []).forEach((l) => l(error));
  return { proc, written, exits, emit };
}

const systemError = (code: string, message = `write ${code}`) => Object.assign(new Error(message), { code });

describe('exitOnClosedOutput', () => {
  it('a broken pipe on stdout or stderr exits with 141 and writes nothing', () => {
    for (const stream of ['stdout', 'stderr']) {
      const fake = fakeProcess();
      exitOnClosedOutput(fake.proc);
      fake.emit(`${stream}:error`, systemError('EPIPE'));
      fake.emit(`${stream}:error`, systemError('EPIPE'));
      expect(fake.exits).toEqual([EXIT_BROKEN_PIPE]);
      expect(fake.written).toEqual([]);
    }
  });

  it('another error on stdout (a full disk behind >) says so in one line and exits with 2', () => {
    const fake = fakeProcess();
    exitOnClosedOutput(fake.proc);
    fake.emit('stdout:error', systemError('ENOSPC', 'no space left on device'));
    expect(fake.written).toEqual(['factcheck: cannot write to standard output (ENOSPC: no space left on device)\n']);
    expect(fake.exits).toEqual([EXIT_USAGE]);
    const silent = fakeProcess(true);
    exitOnClosedOutput(silent.proc);
    silent.emit('stdout:error', systemError('EIO'));
    expect(silent.exits).toEqual([EXIT_USAGE]);
  });

  it('SIGHUP, SIGINT and SIGTERM exit with 128 + their number', () => {
    for (const [signal, code] of [['SIGHUP', 129], ['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const fake = fakeProcess();
      exitOnClosedOutput(fake.proc);
      fake.emit(signal);
      expect(fake.exits).toEqual([code]);
    }
  });
});

describe('main', () => {
  it('a write that throws EPIPE ends the run with 141, without a message', async () => {
    const io = fakeIo(makeWorkspace({ 'claims.yaml': 'version: 1\n' }));
    let errors = '';
    const code = await main(['--help'], {
      ...io,
      stdout: {
        write: () => {
          throw systemError('EPIPE');
        },
      },
      stderr: { write: (text: string) => (errors += text) },
    });
    expect(code).toBe(EXIT_BROKEN_PIPE);
    expect(errors).toBe('');
  });
});
