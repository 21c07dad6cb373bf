// The files that claims.yaml includes (`include:`): found by their globs, read and parsed at
// once (each through the parse cache, keyed by its own text), and merged into the workspace of
// claims.yaml. Each claim and source keeps the file it came from (Claim.file, SourceDecl.file), so
// that every message about it names that file; ids are unique across all the files, and the
// references between files (a quote citing a source, a conflict naming a claim) are checked here,
// once every file is read.
import * as path from 'node:path';
import { createMessage, lineStartsOf, placeAt, positionAt } from '../messages.js';
import { confinePath, readTextFile, type ReadProblem } from '../read-source.js';
import type { Claim, IncludedFile, Message, Place, Workspace } from '../types.js';
import { checkConflicts, unknownSource, type Report } from './build-claims.js';
import { matchGlob, parseGlob } from './glob.js';
import { displayPathOf } from './display-path.js';
import { CACHE_DIR, parseClaimsCached } from './parse-cache.js';
import { parseClaims, type ParseOptions } from './parse-claims.js';
import { mapConcurrently } from './read-sources.js';

/** How many included files are read and parsed at once. */
const INCLUDE_READ_CONCURRENCY = 8;

export interface IncludeOptions {
  cwd: string;
  cache: boolean;
  maxBytes: number;
}

/**
 * The files `include:` names, each once, in order: the matches of each pattern sorted, the
 * patterns in the order written. claims.yaml itself is never included (a `**\/*.yaml` matches it).
 */
export async function findIncluded(workspace: Workspace, cwd: string, errors: Message[]): Promise<IncludedFile[]> {
  const seen = new Set<string>([workspace.claimsPath]);
  const files: IncludedFile[] = [];
  const matches = await Promise.all(
    (workspace.include ?? []).map(async ({ pattern, place }) => {
      const parsed = parseGlob(pattern);
      if ('problem' in parsed) {
        const { outside, reason, note } = parsed.problem;
        errors.push(createMessage({ ruleId: outside ? 'include-outside-workspace' : 'invalid-include', reason, note, file: workspace.displayPath, place, actual: pattern }));
        return [];
      }
      const found = await matchGlob(workspace.root, parsed.segments);
      if (!found.length) {
        errors.push(
          createMessage({
            ruleId: 'include-no-match',
            reason: `include ${JSON.stringify(pattern)} matches no file in ${displayPathOf(workspace.root, cwd) || '.'}`,
            file: workspace.displayPath,
            place,
            actual: pattern,
            note: 'Check the spelling and the folder (globs are relative to the folder of claims.yaml; * and ? stay within a name and skip names that start with a dot; ** spans folders), or remove the entry.',
          }),
        );
      }
      // A match that is a link to a file outside the workspace is refused at the pattern.
      const confined = await Promise.all(found.map((relative) => confinePath(workspace.root, relative)));
      return found.flatMap((relative, i) => {
        const outcome = confined[i]!;
        if ('path' in outcome) return [path.resolve(workspace.root, relative)];
        errors.push(
          createMessage({
            ruleId: outcome.problem.ruleId === 'path-outside-workspace' ? 'include-outside-workspace' : outcome.problem.ruleId,
            reason: `include ${JSON.stringify(pattern)} matches ${relative}: ${outcome.problem.reason.replace(/^source path /, 'the path ')}`,
            file: workspace.displayPath,
            place,
            actual: relative,
            note: 'Included files must be inside the workspace: copy the file below the folder of claims.yaml instead of linking to it.',
          }),
        );
        return [];
      });
    }),
  );
  for (const file of matches.flat()) {
    if (seen.has(file)) continue;
    seen.add(file);
    files.push({ path: file, displayPath: displayPathOf(file, cwd) });
  }
  return files;
}

/** One included file, read and parsed: its workspace (claims and sources) when its YAML could be read. */
interface Part {
  file: IncludedFile;
  workspace?: Workspace;
}

/**
 * Reads and parses every included file (at most INCLUDE_READ_CONCURRENCY at a time), then merges
 * them into `workspace`, in order. Problems go to `errors` and `warnings`, each at its file.
 */
export async function loadIncluded(workspace: Workspace, options: IncludeOptions, errors: Message[], warnings: Message[], texts: Map<string, string>): Promise<void> {
  const files = await findIncluded(workspace, options.cwd, errors);
  workspace.included = files;
  if (!files.length) return;
  const cacheDir = path.join(workspace.root, CACHE_DIR);
  const parts = await mapConcurrently(files, INCLUDE_READ_CONCURRENCY, async (file): Promise<Part> => {
    const read = await readTextFile(file.path, file.displayPath, options.maxBytes);
    if ('problem' in read) {
      errors.push(fileProblem(read.problem, file.displayPath));
      return { file };
    }
    texts.set(file.path, read.text);
    const parseOptions: ParseOptions = { file: file.displayPath, claimsPath: workspace.claimsPath, included: true };
    const parsed = options.cache ? await parseClaimsCached(read.text, parseOptions, cacheDir) : parseClaims(read.text, parseOptions);
    for (const m of parsed.errors) errors.push(m);
    for (const m of parsed.warnings) warnings.push(m);
    return parsed.workspace ? { file, workspace: parsed.workspace } : { file };
  });
  mergeParts(workspace, parts, errors);
}

/** Where a claim or source stands, as `file:line:col`. */
const at = (file: string, place: Place) => `${file}:${place.start.line}:${place.start.column}`;

/**
 * Adds the claims and sources of the included files to the workspace of claims.yaml, reports ids
 * used in two files (at both places), and checks the references that cross files.
 */
function mergeParts(workspace: Workspace, parts: readonly Part[], errors: Message[]): void {
  const claimsById = new Map<string, Claim>();
  for (const claim of workspace.claims) if (!claimsById.has(claim.id)) claimsById.set(claim.id, claim);
  const included: Claim[] = [];
  for (const part of parts) {
    if (!part.workspace) continue;
    for (const decl of part.workspace.sources.values()) {
      const first = workspace.sources.get(decl.id);
      if (first) duplicate('duplicate-source', 'source', decl, first, errors);
      else workspace.sources.set(decl.id, decl);
    }
    for (const claim of part.workspace.claims) {
      const first = claimsById.get(claim.id);
      if (first) duplicate('duplicate-id', 'claim', { id: claim.id, file: claim.file, place: claim.idPlace }, { id: first.id, file: first.file, place: first.idPlace }, errors);
      else claimsById.set(claim.id, claim);
      workspace.claims.push(claim);
      included.push(claim);
    }
  }
  // claims.yaml was checked on its own: what it cites from an included file is no error.
  const crossFile = (m: Message) =>
    m.file === workspace.displayPath && m.actual !== undefined && ((m.ruleId === 'unknown-source' && workspace.sources.has(m.actual)) || (m.ruleId === 'unknown-claim' && claimsById.has(m.actual)));
  const kept = errors.filter((m) => !crossFile(m));
  errors.length = 0;
  for (const m of kept) errors.push(m);
  const ids = new Set(claimsById.keys());
  for (const claim of included) {
    const error: Report = (init) => errors.push(createMessage({ ...init, file: claim.file }));
    for (const evidence of claim.evidence) {
      if (!workspace.sources.has(evidence.source)) unknownSource(evidence.source, evidence.sourcePlace ?? evidence.place, claim.id, workspace, error);
    }
    // Positions and self-references were checked with the file; here only the claims named.
    checkConflicts(claim.id, claim.conflicts.filter((ack) => ack.with !== undefined && ack.with !== claim.id), 0, ids, error);
  }
}

/** An id declared in two files: an error at each, naming the other place. */
function duplicate(ruleId: 'duplicate-id' | 'duplicate-source', what: 'claim' | 'source', second: { id: string; file: string; place: Place }, first: { id: string; file: string; place: Place }, errors: Message[]): void {
  const note = `${what === 'claim' ? 'Claim' : 'Source'} ids must be unique across claims.yaml and the files it includes: rename one of them${what === 'source' ? ', or keep one declaration and remove the other' : ''}.`;
  const about = what === 'claim' ? { claimId: second.id } : { source: second.id };
  errors.push(createMessage({ ruleId, reason: `duplicate ${what} id "${second.id}" (also declared at ${at(first.file, first.place)})`, file: second.file, place: second.place, ...about, note }));
  errors.push(createMessage({ ruleId, reason: `duplicate ${what} id "${first.id}" (also declared at ${at(second.file, second.place)})`, file: first.file, place: first.place, ...about, note }));
}

/** An included file that cannot be read, at 1:1 or at the offending byte. */
function fileProblem(problem: ReadProblem, shown: string): Message {
  const notes: Partial<Record<ReadProblem['ruleId'], string>> = {
    'not-a-file': 'The glob matched a folder: end it with a file name pattern such as *.yaml.',
  };
  let place = placeAt([0], 0);
  if (problem.at !== undefined && problem.bytes) {
    const before = Buffer.from(problem.bytes.subarray(0, problem.at)).toString('utf8');
    const start = positionAt(lineStartsOf(before), before.length);
    place = { start, end: start };
  }
  return createMessage({ ruleId: problem.ruleId, reason: problem.reason, file: shown, place, note: notes[problem.ruleId] ?? problem.note });
}
