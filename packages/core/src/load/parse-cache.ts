// The parsed claims.yaml, cached by its content. Parsing YAML with positions is most of a check's
// time on a large workspace, and claims.yaml is usually unchanged from one run to the next (a
// source changed, or nothing did): the workspace built from it is then read back from
// `.factcheck/cache/` beside claims.yaml instead.
//
// A cache file is never trusted: its name and its own header carry the key (a hash of the text,
// of where claims.yaml is and how it is shown, and of this build of factcheck), and its body a
// checksum. Anything that does not match, a file cut short or garbled, is ignored and written
// anew; a cache that cannot be written (a read-only folder, a full disk) is simply not kept.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * This build of the loader: the names, sizes and times of the files it is made of. A rebuilt or
 * upgraded factcheck never reads a workspace that an older one cached.
 */
function thisBuild(): string {
  if (buildPrint !== undefined) return buildPrint;
  const hash = createHash('sha256');
  const dir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        const stat = statSync(full);
        hash.update(`${path.relative(dir, full)}\0${stat.size}\0${stat.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return (buildPrint = hash.digest('hex'));
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
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const newline = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; sha256?: unknown };
    const body = text.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== key || header.sha256 !== createHash('sha256').update(body).digest('hex')) return undefined;
    const value = JSON.parse(body, reviver) as { workspace?: Workspace; warnings?: Message[] };
    if (!value.workspace || !(value.workspace.sources instanceof Map) || !Array.isArray(value.workspace.claims) || !Array.isArray(value.warnings)) return undefined;
    return { workspace: value.workspace, errors: [], warnings: value.warnings };
  } catch {
    return undefined;
  }
}

/** Writes the cache file atomically (a temporary file renamed over it), and removes older parses. */
async function writeCache(cacheDir: string, file: string, key: string, value: { workspace: Workspace; warnings: Message[] }): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.mkdir(cacheDir, { recursive: true });
    // The folder ignores itself, so that the cache never ends up in version control.
    await fs.writeFile(path.join(path.dirname(cacheDir), '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
    const body = JSON.stringify(value, replacer);
    const header = JSON.stringify({ format: FORMAT, key, sha256: createHash('sha256').update(body).digest('hex') });
    await fs.writeFile(temp, `${header}\n${body}`);
    await fs.rename(temp, file);
    for (const name of await fs.readdir(cacheDir)) {
      const other = path.join(cacheDir, name);
      if (sameFileParse(name, path.basename(file)) && (!name.endsWith('.tmp') || (await isOld(other)))) await fs.rm(other, { force: true });
    }
  } catch {
    // A cache that cannot be written is not kept; the check itself is not affected.
    await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** A temporary file left for an hour: its writer was killed. */
async function isOld(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs > 3_600_000;
}
