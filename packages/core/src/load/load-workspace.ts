// Reading a workspace from disk: claims.yaml (whose own problems get advice that fits it), then the
// sources it declares.
import * as path from 'node:path';
import { compareMessages, createMessage, lineStartsOf, placeAt, positionAt } from '../messages.js';
import { formatBytes, readTextFile, type ReadProblem } from '../read-source.js';
import type { Document } from 'yaml';
import type { LoadedSource, Message, Place, Result, Workspace } from '../types.js';
import { displayPathOf } from './display-path.js';
import { loadIncluded } from './include.js';
import { CACHE_DIR, parseClaimsCached } from './parse-cache.js';
import { parseClaims, type ParseOptions } from './parse-claims.js';
import { readSources } from './read-sources.js';

export interface LoadOptions {
  /** Directory that messages' file paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /** Largest claims.yaml (and included file) accepted, in bytes. Default 32 MiB. */
  maxClaimsBytes?: number;
  /** Read the sources too. Default true. */
  readSources?: boolean;
  /**
   * Keep the YAML document of claims.yaml in the result, for a caller that edits the file
   * (`update`, `add`), so that it is parsed once. Default false: a check lets it go at once, which
   * matters for memory on a large claims.yaml.
   */
  keepDocument?: boolean;
  /**
   * Keep the workspace parsed from claims.yaml in `.factcheck/cache/` beside it, and read it back
   * while claims.yaml is unchanged (see parse-cache.ts). Default false; the command line turns it
   * on unless given --no-cache. Not used with keepDocument.
   */
  cache?: boolean;
  /**
   * Read only the sources whose id this accepts (a shard of a sharded check reads its own); the
   * others are left out of `sources`. Default: every source.
   */
  sourceFilter?: (id: string) => boolean;
}

export const MAX_CLAIMS_BYTES = 32 * 1024 * 1024;

export interface LoadedWorkspace {
  workspace: Workspace;
  sources: Map<string, LoadedSource>;
  /** The text of claims.yaml as read (for editors that rewrite it). */
  claimsText: string;
  /** The YAML document claimsText was read from, with `keepDocument` (it must not be changed). */
  document?: Document.Parsed;
  /** The text of each included file as read, by absolute path (see Workspace.included). */
  includedTexts: Map<string, string>;
}

export { displayPathOf } from './display-path.js';

/**
 * Reads, parses and validates claims.yaml and the sources it names. Never throws for bad input:
 * every problem comes back in `errors`, each at its file:line:col.
 */
export async function loadWorkspace(claimsPath: string, options: LoadOptions = {}): Promise<Result<LoadedWorkspace>> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, claimsPath);
  const shown = displayPathOf(absolute, cwd);
  const read = await readTextFile(absolute, shown, options.maxClaimsBytes ?? MAX_CLAIMS_BYTES);
  if ('problem' in read) return { value: undefined, errors: [claimsFileProblem(read.problem, shown)], warnings: [] };
  const parseOptions = { file: shown, claimsPath: absolute };
  const parsed =
    options.cache && !options.keepDocument
      ? await parseClaimsCached(read.text, parseOptions, path.join(path.dirname(absolute), CACHE_DIR))
      : parseKeeping(read.text, parseOptions, options.keepDocument ?? false);
  const { workspace } = parsed;
  const errors = [...parsed.errors];
  const warnings = [...parsed.warnings];
  const document = parsed.document ? { document: parsed.document } : {};
  // The files claims.yaml includes, read even when claims.yaml has errors, like the sources.
  const includedTexts = new Map<string, string>();
  if (workspace?.include?.length) {
    const including = { cwd, cache: (options.cache ?? false) && !options.keepDocument, maxBytes: options.maxClaimsBytes ?? MAX_CLAIMS_BYTES };
    await loadIncluded(workspace, including, errors, warnings, includedTexts);
    warnings.sort(compareMessages);
  }
  const files = { claimsText: read.text, includedTexts, ...document };
  if (!workspace || options.readSources === false) {
    errors.sort(compareMessages);
    return { value: workspace && !errors.length ? { workspace, sources: new Map(), ...files } : undefined, errors, warnings };
  }
  // Sources are read even when claims.yaml has errors, so that one run reports every problem.
  const sources = await readSources(workspace, errors, options.sourceFilter);
  errors.sort(compareMessages);
  return { value: errors.length ? undefined : { workspace, sources, ...files }, errors, warnings };
}

/**
 * Parses claims.yaml, and lets its YAML document go unless it is to be kept: on a large file the
 * document takes many times the memory of the workspace built from it, and the sources are read
 * and checked after this.
 */
function parseKeeping(text: string, options: ParseOptions, keep: boolean): ReturnType<typeof parseClaims> {
  const { document, ...parsed } = parseClaims(text, options);
  return keep && document ? { ...parsed, document } : parsed;
}

/**
 * A problem with claims.yaml itself, with advice that fits claims.yaml (not a source). It is
 * placed at 1:1, or at the line:col of the offending byte when the problem has one.
 */
function claimsFileProblem(problem: ReadProblem, shown: string): Message {
  const notes: Partial<Record<ReadProblem['ruleId'], string>> = {
    'file-not-found': 'Create it (start with `version: 1`, `sources:` and `claims:`), or pass --claims PATH, relative to the current directory.',
    'not-a-file': 'Pass --claims with the path of the claims.yaml file itself, not of a folder.',
    'file-too-large': `claims.yaml is read whole into memory, so it may be at most ${formatBytes(MAX_CLAIMS_BYTES)}: check that this is the right file, and remove what does not belong in it.`,
  };
  return createMessage({
    ruleId: problem.ruleId,
    reason: problem.reason,
    file: shown,
    place: problem.at === undefined || !problem.bytes ? placeAt([0], 0) : bytePlace(problem.bytes, problem.at),
    note: notes[problem.ruleId] ?? problem.note,
  });
}

/** line:col of a byte offset, reading the (valid) UTF-8 before it. */
function bytePlace(bytes: Uint8Array, at: number): Place {
  const before = Buffer.from(bytes.subarray(0, at)).toString('utf8');
  const start = positionAt(lineStartsOf(before), before.length);
  return { start, end: start };
}
