import { createHash } from 'node:crypto';
import { anchorQuote } from '@factcheck/anchor';
import { findContradictions } from '@factcheck/contradictions';
import { computeCoverage } from '@factcheck/coverage';
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
  type Workspace,
} from '@factcheck/core';
import { evidenceMessage } from './evidence-messages.js';

export interface CheckOptions extends LoadOptions {}

/**
 * The one orchestration shared by the CLI and the vitest plugin, so that both always agree:
 * load → anchor every evidence item → contradictions → coverage → messages.
 * Configuration errors come back in `errors` (and no value); findings are inside the value.
 */
export async function checkWorkspace(claimsPath: string, options: CheckOptions = {}): Promise<Result<CheckResult>> {
  const loaded = await loadWorkspace(claimsPath, options);
  if (!loaded.value) return { value: undefined, errors: loaded.errors, warnings: loaded.warnings };
  return { value: checkLoaded(loaded.value, loaded.warnings), errors: [], warnings: loaded.warnings };
}

/** Checks an already loaded workspace (pure: no I/O). */
export function checkLoaded(loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>, loadWarnings: readonly Message[] = []): CheckResult {
  const { workspace, sources } = loaded;
  const messages: Message[] = [...loadWarnings];
  const unchanged = unchangedSources(sources);
  const evidenceByClaim = new Map<string, EvidenceResult[]>();
  for (const claim of workspace.claims) {
    const results = claim.evidence.map((evidence, index) => {
      const source = sources.get(evidence.source)!;
      const result = anchorEvidence(claim, index, source, workspace, unchanged.has(evidence.source));
      const message = evidenceMessage(workspace, claim, evidence, result, source.decl.path, source.text);
      if (message) messages.push(message);
      return result;
    });
    evidenceByClaim.set(claim.id, results);
  }
  const contradictions = findContradictions({ claims: workspace.claims, properties: workspace.properties, entities: workspace.entities });
  messages.push(...contradictionMessages(workspace, contradictions));
  const failing = failingClaims(workspace.claims, evidenceByClaim, contradictions);
  const claims: ClaimResult[] = workspace.claims.map((claim) => ({
    id: claim.id,
    verdict: claim.verdict,
    status: failing.has(claim.id) ? 'failed' : 'passed',
    evidence: evidenceByClaim.get(claim.id) ?? [],
  }));
  const passingClaims = new Set(claims.filter((c) => c.status === 'passed').map((c) => c.id));
  const coverage = computeCoverage({ workspace, sources, evidence: claims.flatMap((c) => c.evidence), passingClaims });
  messages.push(...coverage.messages);
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

function anchorEvidence(claim: Claim, index: number, source: LoadedSource, workspace: Workspace, sourceUnchanged: boolean): EvidenceResult {
  const evidence = claim.evidence[index]!;
  const base = { claimId: claim.id, index, source: evidence.source, quote: evidence.quote, pinned: evidence.span !== undefined };
  // An unchanged source with a quote that still stands at its span needs no search: the span was
  // pinned against exactly these bytes. Anything else goes through the whole pipeline.
  if (sourceUnchanged && evidence.span && source.text.slice(evidence.span) === evidence.quote) {
    return { ...base, span: evidence.span, status: 'verified', found: evidence.span, score: 1, distance: 0, kind: 'exact', cached: true };
  }
  const result = anchorQuote(source.text, evidence, workspace.anchor);
  return { ...base, ...(evidence.span ? { span: evidence.span } : {}), ...result };
}

function failingClaims(claims: readonly Claim[], evidence: ReadonlyMap<string, EvidenceResult[]>, contradictions: readonly Contradiction[]): Set<string> {
  const failing = new Set<string>();
  for (const claim of claims) {
    if ((evidence.get(claim.id) ?? []).some((e) => e.status !== 'verified')) failing.add(claim.id);
  }
  for (const c of contradictions) {
    if (c.severity === 'error') c.claims.forEach((id) => failing.add(id));
  }
  return failing;
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
      messages.push(
        createMessage({
          ruleId: `contradiction-${c.kind}`,
          severity: c.severity,
          reason: `contradicts ${against}: ${c.reason}${c.acknowledged ? ` (acknowledged: ${c.acknowledged})` : ''}`,
          file: workspace.displayPath,
          place: claim.idPlace,
          claimId: self,
          note: c.acknowledged ? undefined : `If both claims stand, explain it with \`conflicts: [{with: ${other}, reason: "…"}]\`.`,
        }),
      );
    }
  }
  return messages;
}
