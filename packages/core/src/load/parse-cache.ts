// The parsed claims.yaml, cached by its content. Parsing YAML with positions is most of a check's
// time on a large workspace, and claims.yaml is usually unchanged from one run to the next (a
// source changed, or nothing did): the workspace built from it is then read back from
// `.factcheck/cache/` beside claims.yaml instead.
//
// A cache file is never trusted: its name and its own header carry the key (a hash of the text,
// of where claims.yaml is and how it is shown, and of this build of factcheck), and its body a
// checksum. Anything that does not match, a file cut short or garbled, is ignored and written
// anew; a cache that cannot be written (a read-only folder, a full disk) is simply not kept.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFingerprint, readStampedFile, writeStampedFile } from '../cache-file.js';
import type { Message, Workspace } from '../types.js';
import { parseClaims, type ParseOptions } from './parse-claims.js';

/** The cache folder of a workspace, relative to the folder of claims.yaml. */
export const CACHE_DIR = '.factcheck/cache';
const FORMAT = 'factcheck-parse-cache 1';

type Parsed = { workspace?: Workspace; document?: undefined; errors: Message[]; warnings: Message[] };

/**
 * parseClaims, through the cache in `cacheDir` (absolute). Only a file that parses without errors
 * is cached; its warnings are kept with it.
 */
export async function parseClaimsCached(text: string, options: ParseOptions, cacheDir: string): Promise<Parsed> {
  const key = cacheKey(text, options);
  const file = path.join(cacheDir, `${cachePrefix(options)}${key}.json`);
  const cached = await readCache(file, key);
  if (cached) return cached;
  const parsed = parseClaims(text, options);
  if (parsed.workspace && parsed.errors.length === 0) await writeCache(cacheDir, file, key, { workspace: parsed.workspace, warnings: parsed.warnings });
  return { workspace: parsed.workspace, errors: parsed.errors, warnings: parsed.warnings };
}

let buildPrint: string | undefined;

/**
 * This build of the loader (the JavaScript files of this package): a rebuilt or upgraded
 * factcheck never reads a workspace that an older one cached.
 */
function thisBuild(): string {
  return (buildPrint ??= buildFingerprint([path.dirname(path.dirname(fileURLToPath(import.meta.url)))]));
}

function cacheKey(text: string, options: ParseOptions): string {
  return createHash('sha256').update(`${FORMAT}\0${thisBuild()}\0${options.file}\0${options.claimsPath}\0${options.included ? 'included' : ''}\0`).update(text).digest('hex');
}

/**
 * The start of the names of one file's cache files: `parse-` for claims.yaml, `parse-i<tag>-` for
 * a file it includes (the tag a hash of which file it is). Writing a file's cache removes the older
 * parses of that file only, so that each included file keeps its own.
 */
function cachePrefix(options: ParseOptions): string {
  if (!options.included) return 'parse-';
  const tag = createHash('sha256').update(`${options.file}\0${options.claimsPath}`).digest('hex').slice(0, 16);
  return `parse-i${tag}-`;
}

/** Whether a file of the cache folder is an older parse of the same claims file as `ours`. */
function sameFileParse(name: string, ours: string): boolean {
  if (name === ours) return false;
  const included = /^parse-i[0-9a-f]{16}-/.exec(ours);
  return included ? name.startsWith(included[0]) : /^parse-[0-9a-f]{64}\.json/.test(name);
}

// Maps and regular expressions, which JSON does not keep, are written as tagged objects.
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof RegExp) return { $regex: value.source, flags: value.flags };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object') {
    const tagged = value as { $map?: [unknown, unknown][]; $regex?: string; flags?: string };
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map);
    if (typeof tagged.$regex === 'string') return new RegExp(tagged.$regex, tagged.flags ?? '');
  }
  return value;
}

/** The cached parse, or undefined when there is none that can be trusted. */
async function readCache(file: string, key: string): Promise<Parsed | undefined> {
  const stamped = await readStampedFile(file);
  if (!stamped || stamped.header.format !== FORMAT || stamped.header.key !== key) return undefined;
  try {
    const value = JSON.parse(stamped.body, reviver) as { workspace?: Workspace; warnings?: Message[] };
    if (!value.workspace || !(value.workspace.sources instanceof Map) || !Array.isArray(value.workspace.claims) || !Array.isArray(value.warnings)) return undefined;
    return { workspace: value.workspace, errors: [], warnings: value.warnings };
  } catch {
    return undefined;
  }
}

/** Writes the cache file atomically (a temporary file renamed over it), and removes older parses. */
async function writeCache(cacheDir: string, file: string, key: string, value: { workspace: Workspace; warnings: Message[] }): Promise<void> {
  try {
    await fs.mkdir(cacheDir, { recursive: true });
    // The folder ignores itself, so that the cache never ends up in version control.
    await fs.writeFile(path.join(path.dirname(cacheDir), '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
    if (!(await writeStampedFile(file, { format: FORMAT, key }, JSON.stringify(value, replacer)))) return;
    for (const name of await fs.readdir(cacheDir)) {
      const other = path.join(cacheDir, name);
      if (sameFileParse(name, path.basename(file)) && (!name.endsWith('.tmp') || (await isOld(other)))) await fs.rm(other, { force: true });
    }
  } catch {
    // A cache that cannot be written is not kept; the check itself is not affected.
  }
}

/** A temporary file left for an hour: its writer was killed. */
async function isOld(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs > 3_600_000;
}
