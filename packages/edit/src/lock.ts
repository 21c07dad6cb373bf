import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, unlinkSync } from 'node:fs';
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
  /**
   * Touches the lock file now, if it is still this lock: true when it is, false when it was taken
   * over (or removed) meanwhile. Never throws.
   */
  refresh(): Promise<boolean>;
  /** Removes the lock file, if it is still this lock. Never throws. */
  release(): Promise<void>;
}

export type LockOutcome =
  | { ok: true; lock: HeldLock; notes: string[] }
  /**
   * `holder` is undefined when the lock file could not be read (being written, or damaged).
   * `reason` says why the lock could not be created, `code` is then the system error code (ENOSPC…).
   */
  | { ok: false; path: string; holder?: LockInfo; reason?: string; code?: string };

/** A lock file untouched for this long is stale, whoever holds it (30 s). */
export const LOCK_STALE_AFTER_MS = 30_000;
/** How often a holder touches its lock file (5 s): six heartbeats fit in the stale window. */
export const LOCK_HEARTBEAT_MS = 5_000;

export interface LockOptions {
  /** The command taking the lock, recorded in the lock file. */
  command: string;
  /** A lock file whose modification time is older than this (ms) is taken over. Default LOCK_STALE_AFTER_MS. */
  staleAfterMs?: number;
  /** How often the holder touches its lock file (ms). Default LOCK_HEARTBEAT_MS. */
  heartbeatMs?: number;
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
 * when the file exists), so of two writers exactly one gets it. While held, the lock file is
 * touched every `heartbeatMs`; a lock file untouched for `staleAfterMs` is taken over, with a
 * note, whatever host or process id it names (its holder is gone, or its id now belongs to
 * another process). A lock of a process that is no longer running on this machine is taken over
 * at once.
 */
export async function acquireLock(file: string, options: LockOptions): Promise<LockOutcome> {
  const lockPath = lockPathFor(file);
  const info: LockInfo = { pid: process.pid, started: new Date().toISOString(), host: hostname(), command: options.command, token: randomBytes(8).toString('hex') };
  const staleAfterMs = options.staleAfterMs ?? LOCK_STALE_AFTER_MS;
  const notes: string[] = [];
  // A few rounds at most: each round either creates the lock, finds it held, or removes a stale one.
  for (let round = 0; round < 4; round++) {
    const created = await createLockFile(lockPath, info);
    if (created === 'created') return { ok: true, lock: heldLock(lockPath, info, options.heartbeatMs ?? LOCK_HEARTBEAT_MS), notes };
    if (created !== 'exists') {
      const code = errorCode(created.error);
      return { ok: false, path: lockPath, reason: `cannot create the lock file (${errorText(created.error)})`, ...(code ? { code } : {}) };
    }
    const existing = await readLock(lockPath);
    if (existing === 'gone') continue;
    const stale = staleness(existing, Date.now(), staleAfterMs);
    if (!stale) return { ok: false, path: lockPath, ...(existing.holder ? { holder: existing.holder } : {}) };
    const removed = await removeStaleLock(lockPath, existing);
    if (removed === 'replaced') {
      const now = await readLock(lockPath);
      return { ok: false, path: lockPath, ...(now !== 'gone' && now.holder ? { holder: now.holder } : {}) };
    }
    if (removed === 'removed') notes.push(`took over the stale lock ${path.basename(lockPath)} left by ${stale}`);
  }
  return { ok: false, path: lockPath, reason: 'the lock kept changing hands' };
}

const lockText = (info: LockInfo) => `${JSON.stringify(info)}\n`;

/**
 * Creates the lock file (`wx`: only if none exists) and writes `info` into it. From the moment
 * it exists it is removed at exit should the process end before releasing it; a lock file that
 * could not be written whole (a full disk) is removed at once, not left to block the next run.
 */
async function createLockFile(lockPath: string, info: LockInfo): Promise<'created' | 'exists' | { error: unknown }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, 'wx', 0o644);
  } catch (error) {
    return errorCode(error) === 'EEXIST' ? 'exists' : { error };
  }
  removeAtExit(lockPath, info);
  try {
    try {
      await handle.writeFile(lockText(info));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return 'created';
  } catch (error) {
    await fs.unlink(lockPath).catch(() => undefined);
    heldByToken.delete(info.token);
    return { error };
  }
}

interface FoundLock {
  text: string;
  holder: LockInfo | undefined;
  mtimeMs: number;
}

async function readLock(lockPath: string): Promise<'gone' | FoundLock> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    return { text, holder: parseLock(text), mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'gone';
    return { text: '', holder: undefined, mtimeMs: Date.now() };
  }
}

const holderName = (holder: LockInfo) => `process ${holder.pid} (${holder.command || 'factcheck'}, started ${holder.started})`;

/**
 * Who left a lock that may be taken over, phrased for a note; undefined when it must be respected.
 * A live holder touches its lock every heartbeat, so only the lock's age is needed to tell: it
 * works across machines sharing a folder (whose process ids cannot be checked from here) and
 * after a process id has been reused. A same-host holder that is no longer running need not wait.
 */
function staleness(lock: FoundLock, now: number, staleAfterMs: number): string | undefined {
  if (lock.holder && lock.holder.host === hostname() && !isProcessAlive(lock.holder.pid)) return `${holderName(lock.holder)}, which is no longer running`;
  const age = now - lock.mtimeMs;
  if (age <= staleAfterMs) return undefined;
  if (!lock.holder) return 'a process that did not finish writing it';
  return `${holderName(lock.holder)} on ${lock.holder.host}, which has not refreshed it for ${Math.round(age / 1000)} s`;
}

/**
 * Removes a stale lock without ever removing a fresh one: the lock is first renamed aside (an
 * atomic step), then compared with what was read before, content and modification time. Should
 * another process have replaced it in between, or its holder touched it, that lock is put back.
 */
async function removeStaleLock(lockPath: string, stale: FoundLock): Promise<'removed' | 'gone' | 'replaced'> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return 'gone';
  }
  let moved: { text: string; mtimeMs: number };
  try {
    const [text, stat] = await Promise.all([fs.readFile(aside, 'utf8'), fs.stat(aside)]);
    moved = { text, mtimeMs: stat.mtimeMs };
  } catch {
    moved = stale;
  }
  if (moved.text !== stale.text || moved.mtimeMs > stale.mtimeMs) {
    // Put the live lock back unless yet another one has been created meanwhile.
    await fs.link(aside, lockPath).catch(() => undefined);
    await fs.unlink(aside).catch(() => undefined);
    return 'replaced';
  }
  await fs.unlink(aside).catch(() => undefined);
  return 'removed';
}

/** Lock files this process holds, by token, with their path and full text. */
const heldByToken = new Map<string, { path: string; text: string }>();
let exitHookInstalled = false;

/**
 * Every way a process ends short of SIGKILL passes through its 'exit' event: process.exit on a
 * closed pipe or a signal, an uncaught error. A lock left by SIGKILL or a crash of the machine is
 * taken over later as stale (its process is gone, or its heartbeat stopped).
 */
function removeAtExit(lockPath: string, info: LockInfo): void {
  heldByToken.set(info.token, { path: lockPath, text: lockText(info) });
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', releaseHeldLocksNow);
}

/**
 * Removes the lock files this process still holds, synchronously (all the 'exit' event allows).
 * A lock file is removed only while it holds this lock's text or a start of it (still being
 * written): never another process's lock. Never throws.
 */
function releaseHeldLocksNow(): void {
  for (const { path: lockPath, text } of heldByToken.values()) {
    try {
      if (text.startsWith(readFileSync(lockPath, 'utf8'))) unlinkSync(lockPath);
    } catch {
      // Already gone, or not readable: nothing of ours to remove.
    }
  }
  heldByToken.clear();
}

/** True when the lock file still holds this lock (same token). */
async function isOurs(lockPath: string, info: LockInfo): Promise<boolean> {
  try {
    return parseLock(await fs.readFile(lockPath, 'utf8'))?.token === info.token;
  } catch {
    return false;
  }
}

function heldLock(lockPath: string, info: LockInfo, heartbeatMs: number): HeldLock {
  let released = false;
  /** Touches the lock file if it is still ours: its modification time is the heartbeat others read. */
  const refresh = async (): Promise<boolean> => {
    if (released || !(await isOurs(lockPath, info))) return false;
    try {
      const now = new Date();
      await fs.utimes(lockPath, now, now);
      return true;
    } catch {
      return false;
    }
  };
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    void refresh()
      .then((held) => {
        // Taken over (the process was stalled past the stale window): stop touching another's lock.
        if (!held) clearInterval(heartbeat);
      })
      .finally(() => (beating = false));
  }, heartbeatMs);
  // The heartbeat never keeps a process alive that has nothing else to do.
  heartbeat.unref();
  return {
    path: lockPath,
    info,
    refresh,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      try {
        if (await isOurs(lockPath, info)) await fs.unlink(lockPath);
      } catch {
        // Already gone: nothing to release.
      } finally {
        // Only now: a process that exits while this runs still removes the lock in its exit hook.
        heldByToken.delete(info.token);
      }
    },
  };
}
