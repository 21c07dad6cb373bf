import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, LOCK_HEARTBEAT_MS, LOCK_STALE_AFTER_MS, lockPathFor } from '../src/lock.js';
import { removeTempDirs, tempDir } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes a lock file as another process would have, its modification time `ageMs` ago. */
function writeForeignLock(file: string, holder: { pid: number; host: string }, ageMs: number): void {
  const lockPath = lockPathFor(file);
  writeFileSync(lockPath, `${JSON.stringify({ ...holder, started: '2020-01-01T00:00:00.000Z', command: 'factcheck update', token: 'theirs' })}\n`);
  const then = new Date(Date.now() - ageMs);
  utimesSync(lockPath, then, then);
}

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

  it('respects an unreadable lock until it is old', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
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

describe('a lock that is no longer refreshed', () => {
  const elsewhere = `${hostname()}-elsewhere`;

  it('the heartbeat is well inside the stale window', () => {
    expect(LOCK_STALE_AFTER_MS).toBe(30_000);
    expect(LOCK_HEARTBEAT_MS * 5).toBeLessThanOrEqual(LOCK_STALE_AFTER_MS);
  });

  it('from another machine: respected while fresh, taken over once older than the stale window', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    // Its process id cannot be checked from here (this dead pid means nothing on that machine).
    writeForeignLock(file, { pid: deadPid(), host: elsewhere }, 5_000);
    expect(await acquireLock(file, { command: 'c' })).toMatchObject({ ok: false, holder: { host: elsewhere, token: 'theirs' } });
    writeForeignLock(file, { pid: 4242, host: elsewhere }, 45_000);
    const outcome = await acquireLock(file, { command: 'c' });
    if (!outcome.ok) throw new Error(`not taken over: ${JSON.stringify(outcome)}`);
    expect(outcome.notes).toEqual([`took over the stale lock .claims.yaml.lock left by process 4242 (factcheck update, started 2020-01-01T00:00:00.000Z) on ${elsewhere}, which has not refreshed it for 45 s`]);
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).token).toBe(outcome.lock.info.token);
    await outcome.lock.release();
  });

  it('of a process id that now belongs to a live process (a reused pid): taken over once stale', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    // This test's own pid stands for a pid the system gave to another process after the holder died.
    writeForeignLock(file, { pid: process.pid, host: hostname() }, 10_000);
    expect(await acquireLock(file, { command: 'c' })).toMatchObject({ ok: false, holder: { pid: process.pid, token: 'theirs' } });
    writeForeignLock(file, { pid: process.pid, host: hostname() }, 31_000);
    const outcome = await acquireLock(file, { command: 'c' });
    if (!outcome.ok) throw new Error(`not taken over: ${JSON.stringify(outcome)}`);
    expect(outcome.notes[0]).toMatch(/^took over the stale lock \.claims\.yaml\.lock left by process \d+ .*, which has not refreshed it for 31 s$/);
    await outcome.lock.release();
    expect(existsSync(lockPathFor(file))).toBe(false);
  });

  it('a live holder keeps its lock fresh: it is respected however long it runs', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    const held = await acquireLock(file, { command: 'factcheck update', heartbeatMs: 20 });
    if (!held.ok) throw new Error('no lock');
    // Pretend the lock was last touched long ago: the next heartbeat touches it again.
    const old = new Date(Date.now() - 60_000);
    utimesSync(held.lock.path, old, old);
    await sleep(200);
    expect(Date.now() - statSync(held.lock.path).mtimeMs).toBeLessThan(5_000);
    // With a window of 150 ms, twice over: the heartbeat (every 20 ms) keeps it fresh.
    await sleep(300);
    expect(await acquireLock(file, { command: 'factcheck add', staleAfterMs: 150 })).toMatchObject({ ok: false, holder: { token: held.lock.info.token } });
    expect(await held.lock.refresh()).toBe(true);
    await held.lock.release();
    expect(await held.lock.refresh()).toBe(false);
  });

  it('a holder that stalled past the window finds out before it writes: refresh says the lock is no longer its own', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    const stalled = await acquireLock(file, { command: 'factcheck update', heartbeatMs: 60_000 });
    if (!stalled.ok) throw new Error('no lock');
    const old = new Date(Date.now() - 31_000);
    utimesSync(stalled.lock.path, old, old);
    const next = await acquireLock(file, { command: 'factcheck add' });
    if (!next.ok) throw new Error('the stale lock was not taken over');
    expect(await stalled.lock.refresh()).toBe(false);
    // Releasing the stalled lock leaves the new holder's lock in place.
    await stalled.lock.release();
    expect(JSON.parse(readFileSync(lockPathFor(file), 'utf8')).token).toBe(next.lock.info.token);
    await next.lock.release();
  });
});
