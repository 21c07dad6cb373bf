// The one shape of every file in `.factcheck/cache/`: a JSON header line, then the body. The
// header carries a sha256 of the body, so a file cut short or garbled is never trusted; it is
// written to a temporary file and renamed over the old one, so a reader sees a whole file or none.
// What the header holds besides (the format, a key, this build) is the caller's to check.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A cache file whose body matches its checksum: its header (without the checksum) and its body. */
export interface StampedFile {
  header: Record<string, unknown>;
  body: string;
}

/** The header and body of a cache file, or undefined when it is missing, unreadable or damaged. */
export async function readStampedFile(file: string): Promise<StampedFile | undefined> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = raw.indexOf('\n');
  if (newline < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.slice(0, newline));
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const { sha256: sum, ...header } = parsed as Record<string, unknown>;
  const body = raw.slice(newline + 1);
  return sum === sha256(body) ? { header, body } : undefined;
}

/**
 * Writes a cache file atomically: the header (with the body's checksum added) and the body, to a
 * temporary file renamed over `file`. False when it could not be written (read-only, disk full).
 */
export async function writeStampedFile(file: string, header: Record<string, unknown>, body: string): Promise<boolean> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, `${JSON.stringify({ ...header, sha256: sha256(body) })}\n${body}`);
    await fs.rename(temp, file);
    return true;
  } catch {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    return false;
  }
}

/**
 * A fingerprint of a build: the names, sizes and times of the JavaScript files under `folders`.
 * A rebuilt or upgraded factcheck gets another one, so it never reads what an older one cached.
 */
export function buildFingerprint(folders: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (folder: string, base: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      hash.update(`${folder} unreadable\n`);
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, base);
      else if (/\.m?js$/.test(entry.name)) {
        const stat = statSync(full);
        hash.update(`${path.relative(base, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  for (const folder of folders) {
    hash.update(`${folder}\n`);
    walk(folder, folder);
  }
  return hash.digest('hex');
}
