import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8, displayPathOf } from '@factcheck/core';
import { removeStrayTemps, writeFileAtomic, type WriteOutcome } from './atomic-write.js';
import { isNoSpace, noSpaceMessage } from './disk-full.js';
import { refusal, refused, type EditResult } from './edit-result.js';
import type { Message } from '@factcheck/core';
import { acquireLock, type HeldLock, type LockOutcome } from './lock.js';
import { errorText } from './process.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** claims.yaml as read from disk, byte for byte, with its text as the loader sees it. */
export interface ClaimsFile {
  /** The real path (symlinks resolved): the file that gets replaced. */
  path: string;
  bytes: Buffer;
  /** The file starts with a UTF-8 byte order mark: kept when writing (the text and its offsets start after it). */
  bom: boolean;
  text: string;
}

/** Where claims.yaml is: as given, absolute, as shown in messages, and its real path when it exists. */
export interface ClaimsLocation {
  absolute: string;
  shown: string;
  real: string | undefined;
}

export async function locateClaims(cwd: string, given: string): Promise<ClaimsLocation> {
  const absolute = path.resolve(cwd, given);
  const real = await fs.realpath(absolute).catch(() => undefined);
  return { absolute, shown: displayPathOf(absolute, cwd), real };
}

export async function readClaimsFile(realPath: string, shown: string): Promise<ClaimsFile | { problem: string }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(realPath);
  } catch (error) {
    return { problem: `cannot read ${shown} (${errorText(error)})` };
  }
  const decoded = decodeUtf8(bytes, shown);
  if ('problem' in decoded) return { problem: `${decoded.problem.reason}. ${decoded.problem.note}` };
  return { path: realPath, bytes, bom: bytes.subarray(0, 3).equals(BOM), text: decoded.text };
}

/** The bytes of claims.yaml for a new text, with the byte order mark when the file had one. */
export function encodeClaimsText(file: Pick<ClaimsFile, 'bom'>, text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return file.bom ? Buffer.concat([BOM, body]) : body;
}

/**
 * Writes a new text over claims.yaml atomically, refusing when the file on disk is no longer
 * the one read (another editor saved it meanwhile). Stray temporary files of killed writers
 * are cleaned up first.
 */
export async function commitClaimsText(file: ClaimsFile, text: string): Promise<WriteOutcome> {
  const readOnly = await readOnlyProblem(file.path);
  if (readOnly) return { ok: false, kind: 'error', message: readOnly };
  await removeStrayTemps(file.path);
  return writeFileAtomic(file.path, encodeClaimsText(file, text), { expected: file.bytes });
}

/**
 * A file without any write permission is read as "do not change": replacing it by a rename would
 * succeed all the same, so it is refused explicitly.
 */
async function readOnlyProblem(file: string): Promise<string | undefined> {
  try {
    const mode = (await fs.stat(file)).mode & 0o777;
    if ((mode & 0o222) === 0) return `${path.basename(file)} is read-only (mode ${mode.toString(8).padStart(4, '0')}); make it writable (chmod u+w ${path.basename(file)})`;
  } catch {
    // A file that cannot be inspected is left to the write itself to report.
  }
  return undefined;
}

/** Puts back the original bytes after a write that turned out wrong (only if the file is still ours). */
export async function restoreClaimsFile(file: ClaimsFile, written: Buffer): Promise<WriteOutcome> {
  return writeFileAtomic(file.path, file.bytes, { expected: written });
}

export { isCi } from './ci.js';

export function ciRefusal(command: string, shown: string, env: Record<string, string | undefined>): Message {
  return refusal(
    'write-refused-in-ci',
    shown,
    `${command}: refusing to write ${shown} because CI is set (CI=${env.CI}): in CI, claims.yaml is checked, not rewritten.\n` +
    `Run \`factcheck ${command} --dry-run\` to see what it would change, or pass --force to write anyway.`
  );
}

export async function lockClaims(file: string, command: string): Promise<LockOutcome> {
  return acquireLock(file, { command: `factcheck ${command}` });
}

/** The message for a lock held by another writer (or that could not be taken). */
export function lockRefusal(command: string, outcome: Extract<LockOutcome, { ok: false }>, cwd: string, shown: string): Message {
  const lockShown = displayPathOf(outcome.path, cwd);
  if (isNoSpace(outcome.code)) return refusal('disk-full', shown, noSpaceMessage(command, shown, outcome.code, path.basename(outcome.path)));
  if (outcome.reason) return refusal('claims-locked', shown, `${command}: cannot lock ${shown}: ${outcome.reason} (${lockShown}).\nCheck that the folder is writable, then run again.`);
  const who = outcome.holder
    ? `another process (pid ${outcome.holder.pid} on ${outcome.holder.host}, ${outcome.holder.command || 'factcheck'}, since ${outcome.holder.started})`
    : 'another process (it is still writing the lock file)';
  return refusal(
    'claims-locked',
    shown,
    `${command}: ${shown} is being written by ${who}: the lock file ${lockShown} exists.\n` +
    `Wait for it to finish and run again. If no factcheck is running, delete ${lockShown}.`
  );
}

/**
 * Runs `run` while holding the lock on claims.yaml (a dry run writes nothing, so it takes no
 * lock, and `run` gets none). A lock held by another writer is a refusal; a stale lock taken over
 * is a note, said as soon as it is taken.
 */
export async function withClaimsLock<T>(
  command: string,
  where: { real: string; shown: string; cwd: string },
  dryRun: boolean,
  say: (note: string) => void,
  run: (lock: HeldLock | undefined) => Promise<EditResult<T>>,
): Promise<EditResult<T>> {
  if (dryRun) return run(undefined);
  const lock = await lockClaims(where.real, command);
  if (!lock.ok) return refused(lockRefusal(command, lock, where.cwd, where.shown));
  try {
    for (const note of lock.notes) say(note);
    return await run(lock.lock);
  } finally {
    await lock.lock.release();
  }
}

/** The refusal for a lock that was taken over while its holder still worked (stalled past the stale window). */
export function lockLostRefusal(command: string, shown: string): Message {
  return refusal(
    'lock-lost',
    shown,
    `${command}: the lock on ${shown} was taken over by another process while ${command} ran (it had stalled for longer than the lock stays fresh); nothing was written.\n` +
    `Run \`factcheck ${command}\` again.`
  );
}

/**
 * Writes the new text of claims.yaml under the lock: the lock is refreshed first, and nothing is
 * written should it have been taken over meanwhile. Returns the refusal when the text could not
 * be written (the disk is full, the file changed on disk…), undefined once it is.
 */
export async function commitUnderLock(command: string, opened: { file: ClaimsFile; shown: string }, text: string, lock: HeldLock | undefined, again: string): Promise<Message | undefined> {
  const { shown } = opened;
  if (lock && !(await lock.refresh())) return lockLostRefusal(command, shown);
  const result = await commitClaimsText(opened.file, text);
  if (result.ok) return undefined;
  if (result.kind === 'error' && isNoSpace(result.code)) return refusal('disk-full', shown, noSpaceMessage(command, shown, result.code));
  if (result.kind === 'changed') return refusal('claims-changed-on-disk', shown, `${command}: ${shown} changed on disk while ${command} ran (saved by an editor or another tool); nothing was written.\n${again}`);
  return refusal('write-failed', shown, `${command}: ${result.message}; nothing was written.\n${again}`);
}
