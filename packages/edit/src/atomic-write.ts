import { randomBytes } from 'node:crypto';
import { promises as fs, unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { errorCode, errorText, isProcessAlive } from './process.js';

export interface AtomicWriteOptions {
  /**
   * The content the file must still have just before it is replaced; when it differs, nothing
   * is written (someone else changed the file since it was read: a lost update avoided).
   */
  expected?: Buffer;
  /** File mode of the new file. Default: the mode of the file replaced, else 0o644. */
  mode?: number;
}

export type WriteOutcome =
  | { ok: true }
  | { ok: false; kind: 'changed'; message: string }
  /** `code` is the system error code when there is one (ENOSPC: the disk is full). */
  | { ok: false; kind: 'error'; message: string; code?: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Name pattern of the temporary files beside `file`: `.NAME.PID.RANDOM.tmp`. */
export function tempPattern(file: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(path.basename(file))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Temporary files being written by this process: removed at exit should it end mid-write. */
const tempsInFlight = new Set<string>();
let exitHookInstalled = false;

function removeAtExit(temp: string): void {
  tempsInFlight.add(temp);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that exits mid-write (a closed output pipe, a signal: see exitOnClosedOutput)
  // leaves the file it was replacing whole, and no temporary file beside it.
  process.on('exit', () => {
    for (const name of tempsInFlight) {
      try {
        unlinkSync(name);
      } catch {
        // Renamed over the file already, or never created.
      }
    }
    tempsInFlight.clear();
  });
}

/**
 * Replaces `file` with `data` so that the file is at every moment either wholly old or wholly
 * new: the data goes to a temporary file in the same folder (same file system, so the rename is
 * atomic), which is flushed to disk and then renamed over the file. A process killed at any
 * moment leaves at most a stray temporary file (see removeStrayTemps), never a truncated file.
 */
export async function writeFileAtomic(file: string, data: Buffer, options: AtomicWriteOptions = {}): Promise<WriteOutcome> {
  let mode = options.mode;
  if (mode === undefined) {
    try {
      mode = (await fs.stat(file)).mode & 0o7777;
    } catch {
      mode = 0o644;
    }
  }
  const temp = tempPathFor(file);
  let renamed = false;
  removeAtExit(temp);
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      // The umask may have narrowed the mode given to open.
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expected) {
      let current: Buffer | undefined;
      try {
        current = await fs.readFile(file);
      } catch {
        current = undefined;
      }
      if (!current || !current.equals(options.expected)) {
        return { ok: false, kind: 'changed', message: `${path.basename(file)} changed on disk since it was read` };
      }
    }
    await fs.rename(temp, file);
    renamed = true;
    await syncFolder(path.dirname(file));
    return { ok: true };
  } catch (error) {
    const code = errorCode(error);
    return { ok: false, kind: 'error', message: `could not write ${path.basename(file)} (${errorText(error)})`, ...(code ? { code } : {}) };
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
    tempsInFlight.delete(temp);
  }
}

/** Flushes a folder's entries, so that the rename itself survives a crash. Best effort: not every platform can. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot open or flush a folder; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Removes temporary files left beside `file` by writers that were killed (their process is no
 * longer running). Returns the names removed. Never throws.
 */
export async function removeStrayTemps(file: string): Promise<string[]> {
  const pattern = tempPattern(file);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(file));
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isProcessAlive(pid)) continue;
    try {
      await fs.unlink(path.join(path.dirname(file), name));
      removed.push(name);
    } catch {
      // Removed by someone else meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}
