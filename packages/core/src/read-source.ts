import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RuleId } from './rules.js';

/** Why a file could not be read as text, phrased for the user, with how to fix it. */
export interface ReadProblem {
  ruleId: RuleId;
  reason: string;
  note: string;
  /** For problems inside the content (a NUL byte, invalid UTF-8): the byte offset, and the bytes read. */
  at?: number;
  bytes?: Uint8Array;
}

export type ReadOutcome = { text: string; bytes: Buffer } | { problem: ReadProblem };

/** Sources larger than this are refused rather than read into memory (64 MiB). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/**
 * Resolves `relative` against `root` and refuses anything that leaves the workspace: an absolute
 * path, `..` that climbs out, or a symlink whose target lies outside. Returns the real path.
 */
export async function confinePath(root: string, relative: string): Promise<{ path: string } | { problem: ReadProblem }> {
  if (relative.includes('\0')) {
    return {
      problem: {
        ruleId: 'invalid-path',
        reason: `source path ${JSON.stringify(relative)} contains a NUL character, which no file name may hold`,
        note: 'Write the path of the file, relative to claims.yaml (e.g. seeds/article.txt).',
      },
    };
  }
  if (path.isAbsolute(relative) || /^[a-zA-Z]:[\\/]/.test(relative) || relative.startsWith('\\\\')) {
    return {
      problem: {
        ruleId: 'path-outside-workspace',
        reason: `source path "${relative}" is absolute`,
        note: 'Write the path relative to claims.yaml, inside the workspace (e.g. seeds/article.txt).',
      },
    };
  }
  const resolved = path.resolve(root, relative);
  if (!isInside(root, resolved)) {
    return {
      problem: {
        ruleId: 'path-outside-workspace',
        reason: `source path "${relative}" leaves the workspace`,
        note: 'Copy the source into the workspace (e.g. seeds/) and point at the copy.',
      },
    };
  }
  let realRoot: string;
  let real: string;
  try {
    realRoot = await fs.realpath(root);
    real = await fs.realpath(resolved);
  } catch (error) {
    return { problem: describeFsError(error, relative) };
  }
  if (!isInside(realRoot, real)) {
    return {
      problem: {
        ruleId: 'path-outside-workspace',
        reason: `source path "${relative}" is a link to a file outside the workspace`,
        note: 'Copy the file into the workspace instead of linking to it.',
      },
    };
  }
  return { path: real };
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function describeFsError(error: unknown, shown: string): ReadProblem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { ruleId: 'file-not-found', reason: `${shown} does not exist`, note: 'Check the path, relative to claims.yaml.' };
    case 'EISDIR':
      return { ruleId: 'not-a-file', reason: `${shown} is a directory, not a file`, note: 'Point at a text file.' };
    case 'EACCES':
    case 'EPERM':
      return { ruleId: 'file-unreadable', reason: `${shown} cannot be read (permission denied)`, note: 'Give the current user read permission (chmod a+r).' };
    case 'ELOOP':
      return { ruleId: 'file-unreadable', reason: `${shown} is a symlink loop`, note: 'Point at a real file.' };
    case 'ENOTDIR':
      return { ruleId: 'file-not-found', reason: `${shown} does not exist: a part of the path before its end is a file, not a folder`, note: 'Check the path, relative to claims.yaml.' };
    case 'ENAMETOOLONG':
      return { ruleId: 'file-not-found', reason: `${shown} is too long for a file name`, note: 'Check the path, relative to claims.yaml.' };
    default:
      return { ruleId: 'file-unreadable', reason: `${shown} cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`, note: 'Check that the file exists and is readable.' };
  }
}

/**
 * Reads a file as UTF-8 text. Refuses directories, files over `maxBytes`, UTF-16 (by its BOM),
 * binary files (NUL bytes) and invalid UTF-8, each with a message that says how to fix it.
 * A UTF-8 BOM is stripped: offsets count from the first character after it.
 */
export async function readTextFile(file: string, shown: string, maxBytes = MAX_SOURCE_BYTES): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { problem: describeFsError({ code: 'EISDIR' }, shown) };
    if (!stat.isFile()) return { problem: { ruleId: 'not-a-file', reason: `${shown} is not a regular file`, note: 'Point at a text file.' } };
    if (stat.size > maxBytes) {
      return {
        problem: {
          ruleId: 'file-too-large',
          reason: `${shown} is ${formatBytes(stat.size)}, over the limit of ${formatBytes(maxBytes)}`,
          note: 'Split the file into smaller ones.',
        },
      };
    }
    bytes = await fs.readFile(file);
  } catch (error) {
    return { problem: describeFsError(error, shown) };
  }
  return decodeUtf8(bytes, shown);
}

export function decodeUtf8(bytes: Buffer, shown: string): ReadOutcome {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: {
        ruleId: 'not-utf8',
        reason: `${shown} is UTF-16 (it starts with a UTF-16 byte order mark); factcheck reads UTF-8`,
        note: 'Convert it, e.g. `iconv -f UTF-16 -t UTF-8 in.txt > out.txt`.',
      },
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      problem: {
        ruleId: 'binary-file',
        reason: `${shown} looks binary (a NUL byte at byte ${nul}); factcheck reads UTF-8 text`,
        note: 'Point at the text of the document (save it as plain text first).',
        at: nul,
        bytes,
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      problem: {
        ruleId: 'not-utf8',
        reason: `${shown} is not valid UTF-8 (first bad byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at byte ${at})`,
        note: 'Convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`.',
        at,
        bytes,
      },
    };
  }
  // TextDecoder strips a UTF-8 BOM by default, which is what offsets should count from.
  return { text, bytes };
}

/** Byte index of the first invalid UTF-8 sequence (for the message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const slice = Buffer.from(bytes.subarray(i, i + need + 1));
    if (need > 0 && slice.toString('utf8').includes('\ufffd')) return i;
    i += need + 1;
  }
  return bytes.length;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
