import { createHash } from 'node:crypto';
import { findContradictions } from '@factcheck/contradictions';
import { computeCoverage } from '@factcheck/coverage';
import { claimTypesMessages } from '@factcheck/types';
import {
  compareMessages,
  createMessage,
  loadWorkspace,
  type CheckResult,
  type Claim,
  type ClaimResult,
  type Contradiction,
  type EvidenceResult,
  type LoadedSource,
  type LoadedWorkspace,
  type LoadOptions,
  type Message,
  type Result,
  type Span,
  type Workspace,
} from '@factcheck/core';
import { anchorInProcess, anchorSources, type AnchoredSources, type AnchorStats } from './anchor-sources.js';
import { evidenceMessage } from './evidence-messages.js';
import { attributionMessages } from './attribution.js';
import { corroborationOf, policyMessages } from './corroboration.js';
import { staleWordingMessages } from './stale-wording.js';

export interface CheckOptions extends LoadOptions {
  /** Called as the quotes of each source have been anchored: how many sources are done, of how many. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads that anchor the sources: a number (1: none, everything in this thread), or, by
   * default, as many as the work and os.availableParallelism() call for (none on a small workspace).
   * The results are the same whatever the number.
   */
  workers?: number;
  /** Filled in with what the anchoring step did (sources and quotes anchored, read from the cache, workers used). */
  stats?: AnchorStats;
}

/**
 * The one orchestration shared by the CLI and the vitest plugin, so that both always agree:
 * load → anchor every evidence item → contradictions → coverage → messages.
 * Configuration errors come back in `errors` (and no value); findings are inside the value.
 */
export async function checkWorkspace(claimsPath: string, options: CheckOptions = {}): Promise<Result<CheckResult>> {
  const loaded = await loadWorkspace(claimsPath, options);
  if (!loaded.value) return { value: undefined, errors: loaded.errors, warnings: loaded.warnings };
  return { value: await checkLoadedWorkspace(loaded.value, loaded.warnings, options), errors: [], warnings: loaded.warnings };
}

/**
 * Everything checkWorkspace does once the workspace is loaded. `anchored`, when given, holds every
 * evidence item's result, anchored elsewhere (by the shards of a sharded check), and takes the
 * place of the anchoring step; every other step runs as in any check.
 */
export async function checkLoadedWorkspace(
  loaded: LoadedWorkspace,
  loadWarnings: readonly Message[],
  options: CheckOptions & { anchored?: ReadonlyMap<Claim, EvidenceResult[]> } = {},
): Promise<CheckResult> {
  const given: AnchoredSources = options.anchored
    ? { results: options.anchored, unchanged: unchangedSources(loaded.sources), sentences: new Map() }
    : await anchorLoadedSources(loaded, options);
  const result = checkLoaded(loaded, loadWarnings, options.onProgress, given);
  // Typed claims (`factcheck types`): claim ids that TypeScript in the workspace uses, and a
  // claims.generated.ts that no longer matches. Here rather than in checkLoaded because it reads
  // files (checkLoaded does no I/O); with no TypeScript importing the generated module it only
  // looks for one, and the compiler is never loaded.
  const typed = await claimTypesMessages(loaded.workspace, { cwd: options.cwd });
  if (typed.length) {
    for (const m of typed) result.messages.push(m);
    result.messages.sort(compareMessages);
  }
  return result;
}

/**
 * Checks an already loaded workspace (pure: no I/O). `given` is the anchoring step done already
 * (by anchorSources, with its cache and workers, or by the shards of a sharded check); without it
 * the sources are anchored here.
 */
export function checkLoaded(
  loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>,
  loadWarnings: readonly Message[] = [],
  onProgress?: (done: number, total: number) => void,
  given?: AnchoredSources,
): CheckResult {
  const { workspace, sources } = loaded;
  const messages: Message[] = [...loadWarnings];
  const { unchanged, results: anchored, sentences } = given ?? anchorInProcess(loaded, onProgress);
  const evidenceByClaim = new Map<string, EvidenceResult[]>();
  for (const claim of workspace.claims) {
    const results = claim.evidence.map((evidence, index) => {
      const source = sources.get(evidence.source)!;
      const result = anchored.get(claim)![index]!;
      const message = evidenceMessage(workspace, claim, evidence, result, source.decl.path, source.text, unchanged.has(evidence.source));
      if (message) messages.push(message);
      return result;
    });
    evidenceByClaim.set(claim.id, results);
  }
  // Appended one by one: a large workspace can have more findings than push(...list) takes arguments.
  for (const m of staleWordingMessages(workspace)) messages.push(m);
  for (const m of attributionMessages(workspace, sources, evidenceByClaim)) messages.push(m);
  const corroboration = new Map(workspace.claims.map((claim) => [claim.id, corroborationOf(claim, workspace)]));
  for (const m of policyMessages(workspace, corroboration)) messages.push(m);
  const contradictions = findContradictions(
    { claims: workspace.claims, properties: workspace.properties, entities: workspace.entities },
    workspace.contradictionKinds ? { kinds: workspace.contradictionKinds } : {},
  );
  for (const m of contradictionMessages(workspace, contradictions)) messages.push(m);
  return assembleResult({ workspace, sources, evidenceByClaim, contradictions, messages, corroboration, sentences });
}

/** What the steps of a check found, from which its result is assembled. */
export interface CheckFindings {
  workspace: Workspace;
  sources: Map<string, LoadedSource>;
  /** Each claim's evidence results, by claim id, in the order of its evidence. */
  evidenceByClaim: ReadonlyMap<string, EvidenceResult[]>;
  contradictions: Contradiction[];
  /** The messages so far (coverage's are added). */
  messages: Message[];
  /** Each claim's corroboration, when already counted (it is counted otherwise). */
  corroboration?: ReadonlyMap<string, ClaimResult['corroboration']>;
  /** Sentence spans of sources already split (by id); coverage splits the others. */
  sentences?: ReadonlyMap<string, readonly Span[]>;
}

/**
 * The last steps of every check, in one place: which claims fail (a quote that does not hold, or
 * an unacknowledged contradiction at error), each claim's result, the coverage of the quotes that
 * hold, the messages in order, and the summary. A caller that anchors by other means (a test that
 * pins every status) assembles its result here too, so the two cannot drift apart.
 */
export function assembleResult(findings: CheckFindings): CheckResult {
  const { workspace, sources, evidenceByClaim, contradictions, messages } = findings;
  const failing = failingClaims(workspace, evidenceByClaim, contradictions);
  const corroboration = findings.corroboration ?? new Map(workspace.claims.map((claim) => [claim.id, corroborationOf(claim, workspace)]));
  const claims: ClaimResult[] = workspace.claims.map((claim) => ({
    id: claim.id,
    verdict: claim.verdict,
    status: failing.has(claim.id) ? 'failed' : 'passed',
    evidence: evidenceByClaim.get(claim.id) ?? [],
    corroboration: corroboration.get(claim.id) ?? { sources: 0, publishers: 0 },
  }));
  const coverage = computeCoverage({ workspace, sources, evidence: claims.flatMap((c) => c.evidence), ...(findings.sentences ? { sentences: findings.sentences } : {}) });
  for (const m of coverage.messages) messages.push(m);
  messages.sort(compareMessages);
  const passed = claims.length - failing.size;
  return { workspace, sources, claims, contradictions, coverage, messages, summary: { passed, failed: failing.size } };
}

/** Sources whose bytes still hash to the sha256 recorded in claims.yaml. */
function unchangedSources(sources: ReadonlyMap<string, LoadedSource>): Set<string> {
  const unchanged = new Set<string>();
  for (const [id, source] of sources) {
    if (source.decl.sha256 && source.decl.sha256 === sha256Of(source.text.text)) unchanged.add(id);
  }
  return unchanged;
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
/**
 * The anchoring step on the loaded sources (a shard loads only its own): with the result cache
 * (`cache`, as for the parse cache) and worker threads. Items of sources not loaded are left empty.
 */
export function anchorLoadedSources(loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>, options: CheckOptions = {}): Promise<AnchoredSources> {
  return anchorSources(loaded, {
    cache: options.cache === true,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
  });
}

/** A quote holds when it stands verbatim: at its span, or moved (unless `anchor: { moved: error }`). */
export function quoteHolds(result: EvidenceResult, workspace: Pick<Workspace, 'anchor'>): boolean {
  return result.status === 'verified' || (result.status === 'moved' && workspace.anchor.moved !== 'error');
}

/**
 * A claim fails when one of its quotes does not stand verbatim (a moved quote does, and fails only
 * with `anchor: { moved: error }`), or when an unacknowledged contradiction is an error.
 */
function failingClaims(workspace: Workspace, evidence: ReadonlyMap<string, EvidenceResult[]>, contradictions: readonly Contradiction[]): Set<string> {
  const failing = new Set<string>();
  for (const claim of workspace.claims) {
    if (!(evidence.get(claim.id) ?? []).every((e) => quoteHolds(e, workspace))) failing.add(claim.id);
  }
  for (const c of contradictions) {
    if (c.severity === 'error') c.claims.forEach((id) => failing.add(id));
  }
  return failing;
}

/** Position of the evidence item a contradiction names, inside its claim; -1 when none matches. */
function ownEvidenceIndex(claim: Claim, evidence: { source: string; quote: string }): number {
  return claim.evidence.findIndex((e) => e.source === evidence.source && e.quote === evidence.quote);
}

/** How to resolve a contradiction, for its message. */
function contradictionAdvice(claim: Claim, c: Contradiction, other: string): string {
  if (c.kind === 'unsupported') {
    return 'Cite a quote that states it, or take it out of the claim; if the claim stands as written, explain it with `conflicts: [{evidence: N, reason: "…"}]` (N: any of its quotes, from 0), or switch the kind off with `contradictions: { unsupported: false }`.';
  }
  if (!c.evidence) return `If both claims stand, explain it with \`conflicts: [{with: ${other}, reason: "…"}]\`.`;
  const index = ownEvidenceIndex(claim, c.evidence);
  const ack = index >= 0 ? `explain it with \`conflicts: [{evidence: ${index}, reason: "…"}]\`` : 'explain it with a `conflicts:` entry that names the quote by its position (`evidence: N`, from 0)';
  return `Fix the claim, or change its verdict (a refuted claim may contradict its evidence); if the claim stands although this quote says otherwise, ${ack}.`;
}

/** A message at each of the two claims, naming the other claim and the reason. */
export function contradictionMessages(workspace: Workspace, contradictions: readonly Contradiction[]): Message[] {
  const byId = new Map(workspace.claims.map((c) => [c.id, c]));
  const messages: Message[] = [];
  for (const c of contradictions) {
    const [a, b] = c.claims;
    const ends: [string, string][] = a === b ? [[a, b]] : [[a, b], [b, a]];
    for (const [self, other] of ends) {
      const claim = byId.get(self);
      if (!claim) continue;
      const against = c.evidence ? `its own evidence in ${c.evidence.source}` : `claim "${other}"`;
      const what = c.kind === 'unsupported' ? 'states a detail its evidence does not mention' : `contradicts ${against}`;
      messages.push(
        createMessage({
          ruleId: `contradiction-${c.kind}`,
          severity: c.severity,
          reason: `${what}: ${c.reason}${c.acknowledged ? ` (acknowledged: ${c.acknowledged})` : ''}`,
          file: claim.file,
          place: claim.idPlace,
          claimId: self,
          note: c.acknowledged ? undefined : contradictionAdvice(claim, c, other),
        }),
      );
    }
  }
  return messages;
}
