// The anchored results of each source, kept in `.factcheck/cache/anchor/` beside claims.yaml, so
// that a run re-anchors only the sources and quotes that changed since the run before.
//
// One file a source (its name: a hash of claims.yaml's path and of the source id), overwritten
// when its results change; files of sources that claims.yaml no longer names are removed. So the
// folder holds at most one file per source of each claims file checked from that folder.
//
// A file is never trusted: its header carries the format, this build of factcheck, the hash of
// the source text and a key of everything else the results depend on (whether the source still
// has its recorded sha256, and the anchor options), and a checksum of its body; each result is
// stored under a hash of the quote's own fields (quote, span, prefix, suffix). Anything that does
// not match, a file cut short or garbled, is ignored and written anew; a folder that cannot be
// written (read-only, a full disk) is simply not used.
import { createHash } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFingerprint, EVIDENCE_STATUSES, readStampedFile, writeStampedFile } from '@factcheck/core';
import type { AnchorPart, QuoteToAnchor } from './anchor-item.js';

const FORMAT = 'factcheck-anchor-cache 1';
/** The folder of the anchor cache, inside the cache folder. */
export const ANCHOR_CACHE_FOLDER = 'anchor';

/** What one source's cache file holds, once read and checked. */
export interface SourceCache {
  /** The sentence spans of the source (flat), valid for this text whatever the options. */
  sentences?: number[];
  /** Anchored results by quote key, valid for this text and these options. */
  parts: Map<string, AnchorPart>;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Key of a quote's own fields. */
export function quoteKey(quote: QuoteToAnchor): string {
  return sha256(JSON.stringify([quote.quote, quote.span ?? null, quote.prefix ?? null, quote.suffix ?? null])).slice(0, 32);
}

/** Key of what a source's results depend on besides its text and its quotes: its sha256 state and the anchor options. */
export function optionsKey(unchanged: boolean, anchorOptions: object): string {
  return sha256(JSON.stringify([unchanged, sortedEntries(anchorOptions)]));
}

function sortedEntries(value: object): [string, unknown][] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The cache file of a source: one per claims file and source id. */
export function cacheFileOf(folder: string, claimsPath: string, sourceId: string): string {
  return path.join(folder, `${filePrefix(claimsPath)}${sha256(sourceId).slice(0, 24)}.json`);
}

/** The start of the names of a claims file's cache files. */
export function filePrefix(claimsPath: string): string {
  return `${sha256(claimsPath).slice(0, 12)}-`;
}


/** What a source's results depend on, as its cache file's header records it. */
export interface CacheIdentity {
  source: string;
  /** sha256 of the source text. */
  text: string;
  /** optionsKey of the source. */
  options: string;
}

/**
 * The usable part of a source's cache file: nothing when it is missing, foreign or damaged; the
 * sentences alone when the text is the same but the options are not; everything when both match.
 */
export async function readSourceCache(file: string, identity: CacheIdentity): Promise<SourceCache | undefined> {
  const stamped = await readStampedFile(file);
  if (!stamped) return undefined;
  const { header } = stamped;
  if (header.format !== FORMAT || header.build !== thisBuild() || header.source !== identity.source || header.text !== identity.text) return undefined;
  try {
    const value = JSON.parse(stamped.body) as { sentences?: unknown; parts?: unknown };
    const cache: SourceCache = { parts: new Map() };
    if (isSpanList(value.sentences)) cache.sentences = value.sentences;
    if (header.options === identity.options && value.parts && typeof value.parts === 'object' && !Array.isArray(value.parts)) {
      for (const [key, part] of Object.entries(value.parts)) if (isPart(part)) cache.parts.set(key, part);
    }
    return cache;
  } catch {
    return undefined;
  }
}

function isSpanList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length % 2 === 0 && value.every((n) => Number.isInteger(n) && n >= 0);
}

function isPart(value: unknown): value is AnchorPart {
  return typeof value === 'object' && value !== null && (EVIDENCE_STATUSES as readonly unknown[]).includes((value as { status?: unknown }).status);
}

/**
 * Writes a source's cache file atomically (a temporary file renamed over it). False when it could
 * not be written (the caller then stops writing to this folder).
 */
export async function writeSourceCache(file: string, identity: CacheIdentity, value: { sentences?: number[]; parts: Map<string, AnchorPart> }): Promise<boolean> {
  const body = JSON.stringify({ sentences: value.sentences, parts: Object.fromEntries(value.parts) });
  return writeStampedFile(file, { format: FORMAT, build: thisBuild(), ...identity }, body);
}

/**
 * Makes the cache folder (and the .gitignore that keeps `.factcheck/` out of version control).
 * False when it cannot be made or written.
 */
export async function prepareFolder(folder: string): Promise<boolean> {
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(path.join(path.dirname(path.dirname(folder)), '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
    await fs.access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the cache files of a claims file that name none of its current sources, and temporary
 * files left for an hour (their writer was killed).
 */
export async function pruneFolder(folder: string, claimsPath: string, keep: ReadonlySet<string>): Promise<void> {
  const prefix = filePrefix(claimsPath);
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const file = path.join(folder, name);
    if (name.endsWith('.tmp')) {
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > 3_600_000) await fs.rm(file, { force: true }).catch(() => undefined);
    } else if (name.startsWith(prefix) && !keep.has(file)) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

let buildPrint: string | undefined;

/**
 * This build of everything that anchoring and sentence splitting run: the names, sizes and times
 * of the files of the check, anchor, coverage and core packages. A rebuilt or upgraded factcheck
 * never reads results that an older one cached.
 */
export function thisBuild(): string {
  if (buildPrint !== undefined) return buildPrint;
  const require = createRequire(import.meta.url);
  const folders = [path.dirname(fileURLToPath(import.meta.url))];
  for (const name of ['@factcheck/anchor', '@factcheck/coverage', '@factcheck/core']) {
    try {
      folders.push(path.dirname(require.resolve(name)));
    } catch {
      folders.push(`${name} unresolved`);
    }
  }
  return (buildPrint = buildFingerprint(folders));
}
