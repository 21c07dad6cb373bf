import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { errorCode, errorText, isProcessAlive } from './process.js';

/** What a lock file holds: who took it, and when. */
export interface LockInfo {
  pid: number;
  /** ISO time the lock was taken. */
  started: string;
  host: string;
  command: string;
  /** Random token, so that a process only ever removes its own lock. */
  token: string;
}

export interface HeldLock {
  path: string;
  info: LockInfo;
  /** Removes the lock file, if it is still this lock. Never throws. */
  release(): Promise<void>;
}

export type LockOutcome =
  | { ok: true; lock: HeldLock; notes: string[] }
  /** `holder` is undefined when the lock file could not be read (being written, or damaged). */
  | { ok: false; path: string; holder?: LockInfo; reason?: string };

export interface LockOptions {
  /** The command taking the lock, recorded in the lock file. */
  command: string;
  /**
   * A lock file that cannot be read is normally a lock being written; older than this (ms), it is
   * treated as left behind by a killed process. Default 10 000.
   */
  unreadableStaleAfterMs?: number;
}

/** The lock file of a file: `.NAME.lock` in the same folder (e.g. `.claims.yaml.lock`). */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (typeof data.pid !== 'number' || typeof data.started !== 'string' || typeof data.host !== 'string') return undefined;
    return { pid: data.pid, started: data.started, host: data.host, command: String(data.command ?? ''), token: String(data.token ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * Takes the exclusive lock beside `file`. The lock file is created with the `wx` flag (it fails
 * when the file exists), so of two writers exactly one gets it. A lock left by a process that is
 * no longer running on this machine is taken over, with a note.
 */
export async function acquireLock(file: string, options: LockOptions): Promise<LockOutcome> {
  const lockPath = lockPathFor(file);
  const info: LockInfo = { pid: process.pid, started: new Date().toISOString(), host: hostname(), command: options.command, token: randomBytes(8).toString('hex') };
  const notes: string[] = [];
  // A few rounds at most: each round either creates the lock, finds it held, or removes a stale one.
  for (let round = 0; round < 4; round++) {
    try {
      const handle = await fs.open(lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(`${JSON.stringify(info)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { ok: true, lock: heldLock(lockPath, info), notes };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') return { ok: false, path: lockPath, reason: `cannot create the lock file (${errorText(error)})` };
    }
    const existing = await readLock(lockPath);
    if (existing === 'gone') continue;
    const stale = isStale(existing, options.unreadableStaleAfterMs ?? 10_000);
    if (!stale) return { ok: false, path: lockPath, ...(existing.holder ? { holder: existing.holder } : {}) };
    const removed = await removeStaleLock(lockPath, existing.text);
    if (removed === 'replaced') {
      const now = await readLock(lockPath);
      return { ok: false, path: lockPath, ...(now !== 'gone' && now.holder ? { holder: now.holder } : {}) };
    }
    if (removed === 'removed') notes.push(staleNote(lockPath, existing.holder));
  }
  return { ok: false, path: lockPath, reason: 'the lock kept changing hands' };
}

function staleNote(lockPath: string, holder: LockInfo | undefined): string {
  const who = holder ? `process ${holder.pid} (${holder.command || 'factcheck'}, started ${holder.started})` : 'a process that did not finish writing it';
  return `took over the stale lock ${path.basename(lockPath)} left by ${who}, which is no longer running`;
}

async function readLock(lockPath: string): Promise<'gone' | { text: string; holder: LockInfo | undefined; mtimeMs: number }> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    return { text, holder: parseLock(text), mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    return { text: '', holder: undefined, mtimeMs: Date.now() };
  }
}

function isStale(lock: { holder: LockInfo | undefined; mtimeMs: number }, unreadableStaleAfterMs: number): boolean {
  if (!lock.holder) return Date.now() - lock.mtimeMs > unreadableStaleAfterMs;
  // A process on another machine (a shared folder) cannot be checked: its lock is respected.
  if (lock.holder.host !== hostname()) return false;
  return !isProcessAlive(lock.holder.pid);
}

/**
 * Removes a stale lock without ever removing a fresh one: the lock is first renamed aside (an
 * atomic step), then its content compared with the stale content read before. Should another
 * process have replaced it in between, that lock is put back.
 */
async function removeStaleLock(lockPath: string, staleText: string): Promise<'removed' | 'gone' | 'replaced'> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return 'gone';
  }
  let moved = '';
  try {
    moved = await fs.readFile(aside, 'utf8');
  } catch {
    moved = staleText;
  }
  if (moved !== staleText) {
    // Put the fresh lock back unless yet another one has been created meanwhile.
    await fs.link(aside, lockPath).catch(() => undefined);
    await fs.unlink(aside).catch(() => undefined);
    return 'replaced';
  }
  await fs.unlink(aside).catch(() => undefined);
  return 'removed';
}

function heldLock(lockPath: string, info: LockInfo): HeldLock {
  let released = false;
  return {
    path: lockPath,
    info,
    async release() {
      if (released) return;
      released = true;
      try {
        const current = parseLock(await fs.readFile(lockPath, 'utf8'));
        if (current?.token === info.token) await fs.unlink(lockPath);
      } catch {
        // Already gone: nothing to release.
      }
    },
  };
}
