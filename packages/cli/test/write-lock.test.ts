import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acquireLock, lockPathFor } from '../src/edit/lock.js';
import { updateCommand } from '../src/commands/update.js';
import { binPath, fakeIo, isPureInsertion, makeWorkspace, read, removeTempDirs, tempDir } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

const SOURCE = 'Intro line.\nThe account has been locked, and content deleted.\nA second line.\n';
const CLAIMS = `version: 1
sources:
  bbc:
    path: a.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: The account has been locked
        span: [0, 27]
`;

describe('the lock file', () => {
  it('is created beside the file with the pid and start time, and removed on release', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    writeFileSync(file, 'x');
    const outcome = await acquireLock(file, { command: 'factcheck update' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.lock.path).toBe(path.join(path.dirname(file), '.claims.yaml.lock'));
    const info = JSON.parse(readFileSync(outcome.lock.path, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), command: 'factcheck update' });
    expect(Number.isNaN(Date.parse(info.started))).toBe(false);
    await outcome.lock.release();
    expect(existsSync(outcome.lock.path)).toBe(false);
    await outcome.lock.release();
  });

  it('refuses a second writer while held, naming the holder', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    const first = await acquireLock(file, { command: 'factcheck update' });
    const second = await acquireLock(file, { command: 'factcheck add' });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, path: lockPathFor(file), holder: { pid: process.pid, command: 'factcheck update' } });
    if (first.ok) await first.lock.release();
    const third = await acquireLock(file, { command: 'factcheck add' });
    expect(third.ok).toBe(true);
    if (third.ok) await third.lock.release();
  });

  it('takes over a lock left by a process that is no longer running, with a note', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    const pid = deadPid();
    writeFileSync(lockPathFor(file), JSON.stringify({ pid, started: '2020-01-01T00:00:00.000Z', host: hostname(), command: 'factcheck update', token: 'old' }));
    const outcome = await acquireLock(file, { command: 'factcheck add' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.notes).toEqual([`took over the stale lock .claims.yaml.lock left by process ${pid} (factcheck update, started 2020-01-01T00:00:00.000Z), which is no longer running`]);
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    await outcome.lock.release();
  });

  it('respects a lock from another machine, and an unreadable lock until it is old', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: deadPid(), started: '2020-01-01T00:00:00.000Z', host: `${hostname()}-elsewhere`, command: 'x', token: 't' }));
    expect((await acquireLock(file, { command: 'c' })).ok).toBe(false);
    writeFileSync(lockPathFor(file), '');
    expect(await acquireLock(file, { command: 'c' })).toMatchObject({ ok: false });
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(file), old, old);
    const outcome = await acquireLock(file, { command: 'c' });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      expect(outcome.notes[0]).toMatch(/stale lock .* left by a process that did not finish writing it/);
      await outcome.lock.release();
    }
  });

  it('release never removes a lock that is not its own', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    const outcome = await acquireLock(file, { command: 'c' });
    if (!outcome.ok) throw new Error('no lock');
    writeFileSync(outcome.lock.path, JSON.stringify({ pid: 1, started: 'x', host: hostname(), command: 'other', token: 'other' }));
    await outcome.lock.release();
    expect(existsSync(outcome.lock.path)).toBe(true);
  });
});

describe('concurrent writers', () => {
  it('update is refused while the lock is held, naming the lock file, and writes nothing', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const held = await acquireLock(path.join(root, 'claims.yaml'), { command: 'factcheck add' });
    if (!held.ok) throw new Error('no lock');
    const io = fakeIo(root);
    expect(await updateCommand([], io)).toBe(2);
    expect(io.err()).toContain('.claims.yaml.lock');
    expect(io.err()).toMatch(/claims\.yaml is being written by another process \(pid \d+ .*factcheck add/);
    expect(io.err()).toMatch(/If no factcheck is running, delete \.claims\.yaml\.lock/);
    expect(read(root)).toBe(CLAIMS);
    await held.lock.release();
    const again = fakeIo(root);
    expect(await updateCommand([], again)).toBe(0);
    expect(read(root)).toBe(CLAIMS.replace('[0, 27]', '[12, 39]'));
  });

  it('several `factcheck add` processes at once: each is written whole or refused, never interleaved', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const quotes = ['Intro line.', 'content deleted', 'A second line.', 'and content'];
    const runs = await Promise.all(
      quotes.map(
        (quote, i) =>
          new Promise<{ code: number | null; out: string; err: string; id: string }>((resolve) => {
            const id = `claim-${i}`;
            const child = spawn(process.execPath, [binPath, 'add', '--source', 'bbc', '--quote', quote, '--claim', `Claim ${i}.`, '--id', id], { cwd: root, env: { ...process.env, CI: '' } });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('close', (code) => resolve({ code, out, err, id }));
          }),
      ),
    );
    const written = runs.filter((r) => r.code === 0);
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((r) => r.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is being written by another process|changed on disk while add ran/);
    }
    const text = read(root);
    expect(text.startsWith(CLAIMS)).toBe(true);
    const ids = (parse(text).claims as { id: string }[]).map((c) => c.id);
    expect(ids.slice(1).sort()).toEqual(written.map((r) => r.id).sort());
    expect(isPureInsertion(CLAIMS, text)).toBe(true);
    expect(existsSync(path.join(root, '.claims.yaml.lock'))).toBe(false);
  }, 60_000);
});
