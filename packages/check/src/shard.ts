// A sharded check: `check --shard i/n` anchors the evidence of the sources that fall in shard i,
// and `merge` puts the shards' results back together and runs every other step of the check once,
// on the whole workspace, so that the merged result is the result of an unsharded check.
//
// - Sources are split by a stable hash of their id (FNV-1a, 32 bits, of its UTF-8 bytes, mod n):
//   the same id falls in the same shard on every machine and run, whatever the order of claims.yaml.
// - A claim whose evidence cites sources of several shards has each quote anchored by the shard of
//   its source; merge puts its evidence back in order and decides its status from all of it.
// - Contradictions, corroboration, attribution, coverage, the typed-claims check and the summary
//   read the whole workspace: shards leave them out, and merge runs them once.
import * as path from 'node:path';
import { compareMessages, loadWorkspace, type CheckResult, type Claim, type ClaimResult, type EvidenceResult, type LoadedWorkspace, type Message, type Result } from '@factcheck/core';
import { anchorLoadedSources, quoteHolds, sha256Of, type CheckOptions } from './check-workspace.js';
import { corroborationOf } from './corroboration.js';
import { evidenceMessage } from './evidence-messages.js';

export interface ShardSpec {
  /** 1-based: 1 ≤ index ≤ count. */
  index: number;
  count: number;
}

/** What a shard hands to merge (the `shard` key of its JSON output). */
export interface ShardRecord {
  index: number;
  count: number;
  /** sha256 of claims.yaml, of the files it includes and of the ids and paths of its sources: merge refuses the shards of another claims.yaml. */
  workspace: string;
  /** The sources of the shard, by id, with the sha256 of the text that was anchored. */
  sources: Record<string, string>;
  /** Every evidence result of the shard, whole (merge uses them as they are). */
  evidence: EvidenceResult[];
}

export interface ShardCheck {
  /**
   * The shard's findings, as a check result: the claims with evidence in the shard, each with that
   * evidence only, and the messages about it. No contradictions or coverage: merge gives those.
   */
  result: CheckResult;
  record: ShardRecord;
}

/** Reads `i/n` (as given to --shard); the error says what is wrong and what is accepted. */
export function parseShardSpec(text: string): { value?: ShardSpec; error?: string } {
  const match = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  const accepted = 'give it as i/n, the shard i of n, with 1 ≤ i ≤ n (such as --shard 2/4)';
  if (!match) return { error: `--shard "${text}" is not of the form i/n: ${accepted}` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return { error: `--shard ${text}: there must be at least one shard: ${accepted}` };
  if (index < 1 || index > count) return { error: `--shard ${text}: shard ${index} does not exist among ${count}: ${accepted}` };
  return { value: { index, count } };
}

/** The shard (1 to count) that a source id falls in: FNV-1a (32 bits) of its UTF-8 bytes, mod count. */
export function shardOf(sourceId: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(sourceId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/** sha256 of claims.yaml's text and of its sources' ids and paths, in order. */
export function workspaceDigest(loaded: Pick<LoadedWorkspace, 'workspace' | 'claimsText' | 'includedTexts'>): string {
  const sources = [...loaded.workspace.sources.values()].map((s) => `${s.id}\t${s.path}\n`).join('');
  // Included claims files count too, named relative to claims.yaml: shards run in other checkouts.
  const base = path.dirname(loaded.workspace.claimsPath);
  const included = [...(loaded.includedTexts ?? new Map<string, string>())]
    .map(([file, text]) => [path.relative(base, file).split(path.sep).join('/'), text] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, text]) => `${file}\u0000${text}\u0000`)
    .join('');
  return sha256Of(`factcheck workspace 1\n${loaded.claimsText}\u0000${sources}${included}`);
}

/**
 * Checks one shard: reads claims.yaml and only the sources of the shard, and anchors their
 * evidence. Configuration errors come back in `errors`, as in checkWorkspace.
 */
export async function checkShard(claimsPath: string, shard: ShardSpec, options: CheckOptions = {}): Promise<Result<ShardCheck>> {
  const loaded = await loadWorkspace(claimsPath, { ...options, sourceFilter: (id) => shardOf(id, shard.count) === shard.index });
  if (!loaded.value) return { value: undefined, errors: loaded.errors, warnings: loaded.warnings };
  const { workspace, sources } = loaded.value;
  const hashes = new Map([...sources].map(([id, source]) => [id, sha256Of(source.text.text)]));
  const { results: anchored, unchanged } = await anchorLoadedSources(loaded.value, options);
  const messages: Message[] = [...loaded.warnings];
  const evidence: EvidenceResult[] = [];
  const claims: ClaimResult[] = [];
  let failed = 0;
  for (const claim of workspace.claims) {
    const own: EvidenceResult[] = [];
    claim.evidence.forEach((item, index) => {
      const source = sources.get(item.source);
      const result = anchored.get(claim)?.[index];
      if (!source || !result) return;
      own.push(result);
      const message = evidenceMessage(workspace, claim, item, result, source.decl.path, source.text, unchanged.has(item.source));
      if (message) messages.push(message);
    });
    if (!own.length) continue;
    for (const result of own) evidence.push(result);
    const fails = !own.every((e) => quoteHolds(e, workspace));
    if (fails) failed++;
    claims.push({ id: claim.id, verdict: claim.verdict, status: fails ? 'failed' : 'passed', evidence: own, corroboration: corroborationOf(claim, workspace) });
  }
  messages.sort(compareMessages);
  const total = { sentences: 0, covered: 0, partial: 0, excluded: 0, characters: 0, coveredCharacters: 0, sentencePct: 0, characterPct: 0 };
  const result: CheckResult = {
    workspace,
    sources,
    claims,
    contradictions: [],
    coverage: { sources: [], total, messages: [] },
    messages,
    summary: { passed: claims.length - failed, failed },
  };
  const record: ShardRecord = { index: shard.index, count: shard.count, workspace: workspaceDigest(loaded.value), sources: Object.fromEntries(hashes), evidence };
  return { value: { result, record }, errors: [], warnings: loaded.warnings };
}

/** A shard's results file, as read: its name (as given) and its text. */
export interface ShardFile {
  file: string;
  text: string;
}

const STATUSES: ReadonlySet<string> = new Set(['verified', 'moved', 'changed', 'ambiguous', 'missing']);

/**
 * The evidence results of the whole workspace, taken from the shards' results files, for
 * checkLoadedWorkspace. Every problem is one line that names the file, says what is wrong and how
 * to fix it: a file that is not a shard's JSON, shards of another claims.yaml or split another
 * way, a shard given twice or missing, a source changed since its shard read it.
 */
export function readShardResults(files: readonly ShardFile[], loaded: Pick<LoadedWorkspace, 'workspace' | 'sources' | 'claimsText' | 'includedTexts'>): { value: Map<Claim, EvidenceResult[]> | undefined; errors: string[] } {
  const errors: string[] = [];
  const rerun = 'run `factcheck check --shard i/n --format json --out FILE` for each shard';
  const records: { file: string; record: ShardRecord }[] = [];
  if (!files.length) return { value: undefined, errors: [`no results files given: ${rerun}, then give every FILE to merge`] };
  for (const { file, text } of files) {
    const read = readRecord(file, text);
    if (typeof read === 'string') errors.push(read);
    else records.push({ file, record: read });
  }
  if (errors.length) return { value: undefined, errors };

  const first = records[0]!;
  const count = first.record.count;
  for (const { file, record } of records) {
    if (record.count !== count) errors.push(`${file}: shard ${record.index}/${record.count}, but ${first.file} is shard ${first.record.index}/${count}: the shards must all split the work the same way; run every shard with --shard i/${count}`);
  }
  if (errors.length) return { value: undefined, errors };
  const byIndex = new Map<number, string>();
  for (const { file, record } of records) {
    const other = byIndex.get(record.index);
    if (other === file) errors.push(`${file}: given twice: give each shard's file once`);
    else if (other !== undefined) errors.push(`${file}: shard ${record.index}/${count} is given twice (${other} is the same shard): give each shard's file once`);
    else byIndex.set(record.index, file);
  }
  for (let index = 1; index <= count; index++) {
    if (!byIndex.has(index)) errors.push(`shard ${index}/${count} is missing: none of the files given holds it; run \`factcheck check --shard ${index}/${count} --format json --out FILE\` and give FILE to merge too`);
  }
  if (errors.length) return { value: undefined, errors };

  const digest = workspaceDigest(loaded);
  const shown = loaded.workspace.displayPath;
  for (const { file, record } of records) {
    if (record.workspace !== digest) {
      errors.push(`${file}: shard ${record.index}/${count} was checked against another ${shown} (or other included claims files, or other source paths) than the one here: run every shard and merge on the same claims files and sources`);
    }
  }
  if (errors.length) return { value: undefined, errors };

  for (const { file, record } of records) {
    for (const [id, source] of loaded.sources) {
      if (shardOf(id, count) !== record.index) continue;
      const hash = record.sources[id];
      if (hash === undefined) errors.push(`${file}: shard ${record.index}/${count} did not read source "${id}", which falls in it: run that shard again`);
      else if (hash !== sha256Of(source.text.text)) {
        errors.push(`${file}: source "${id}" (${source.decl.path}) changed since shard ${record.index}/${count} checked it: run every shard again on the sources as they are now`);
      }
    }
    for (const id of Object.keys(record.sources)) {
      if (!loaded.sources.has(id) || shardOf(id, count) !== record.index) errors.push(`${file}: shard ${record.index}/${count} holds source "${id}", which does not fall in it here: run that shard again`);
    }
  }
  if (errors.length) return { value: undefined, errors };

  const byId = new Map(loaded.workspace.claims.map((claim) => [claim.id, claim]));
  const anchored = new Map<Claim, EvidenceResult[]>(loaded.workspace.claims.map((claim) => [claim, new Array<EvidenceResult>(claim.evidence.length)]));
  for (const { file, record } of records) {
    record.evidence.forEach((result, position) => {
      const claim = byId.get(result.claimId);
      const item = claim?.evidence[result.index];
      const where = `${file}: evidence[${position}]`;
      if (!claim || !item || item.source !== result.source || item.quote !== result.quote || shardOf(item.source, count) !== record.index) {
        errors.push(`${where} (claim "${result.claimId}", quote ${result.index}) is not evidence of shard ${record.index}/${count} in ${shown}: run that shard again`);
        return;
      }
      const slot = anchored.get(claim)!;
      if (slot[result.index]) errors.push(`${where}: claim "${claim.id}", quote ${result.index} has a result twice: run that shard again`);
      slot[result.index] = result;
    });
  }
  for (const [claim, results] of anchored) {
    claim.evidence.forEach((item, index) => {
      if (results[index]) return;
      const file = byIndex.get(shardOf(item.source, count));
      errors.push(`${file}: claim "${claim.id}", quote ${index} (source "${item.source}") has no result: run shard ${shardOf(item.source, count)}/${count} again`);
    });
  }
  return errors.length ? { value: undefined, errors } : { value: anchored, errors: [] };
}

/** A shard's record from its file's text, or why it is not one. */
function readRecord(file: string, text: string): ShardRecord | string {
  const expected = 'give the files that `factcheck check --shard i/n --format json --out FILE` wrote';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const at = /at position (\d+)/.exec(reason);
    return `${file}${at ? placeOf(text, Number(at[1])) : ''}: not JSON (${reason}): ${expected}`;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(json)) return `${file}: not the JSON output of a shard (it is not an object): ${expected}`;
  const shard = json.shard;
  if (shard === undefined) {
    if (Array.isArray(json.errors)) return `${file}: the output of a check that could not run (its configuration errors are under "errors"): fix them, then run that shard again`;
    const what = 'claims' in json && 'summary' in json ? 'the output of a check without --shard' : 'not the JSON output of a shard (it has no "shard" key)';
    return `${file}: ${what}: ${expected}`;
  }
  const bad = (what: string) => `${file}: its "shard" key is damaged (${what}): ${expected}, again`;
  if (!isObject(shard)) return bad('not an object');
  const { index, count, workspace, sources, evidence } = shard;
  if (!Number.isSafeInteger(count) || (count as number) < 1) return bad('"count" is not a whole number of at least 1');
  if (!Number.isSafeInteger(index) || (index as number) < 1 || (index as number) > (count as number)) return bad('"index" is not between 1 and "count"');
  if (typeof workspace !== 'string') return bad('no "workspace" digest');
  if (!isObject(sources) || !Object.values(sources).every((h) => typeof h === 'string')) return bad('"sources" is not a mapping of ids to hashes');
  if (!Array.isArray(evidence)) return bad('"evidence" is not a list');
  for (const [i, e] of evidence.entries()) {
    const ok =
      isObject(e) &&
      typeof e.claimId === 'string' &&
      Number.isSafeInteger(e.index) &&
      typeof e.source === 'string' &&
      typeof e.quote === 'string' &&
      typeof e.status === 'string' &&
      STATUSES.has(e.status) &&
      isSpan(e.span) &&
      isSpan(e.found);
    if (!ok) return bad(`evidence[${i}] is not an evidence result`);
  }
  return { index: index as number, count: count as number, workspace, sources: sources as Record<string, string>, evidence: evidence as EvidenceResult[] };
}

/** Absent, or two whole numbers from 0, the first not after the second. */
function isSpan(value: unknown): boolean {
  if (value === undefined) return true;
  return Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && n >= 0) && value[0] <= value[1];
}

/** `:line:col` (from 1) of a UTF-16 offset in `text`. */
function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${offset - before.lastIndexOf('\n')}`;
}
