import { formatSimilarity, type CheckResult, type Claim, type ClaimResult, type Contradiction, type Correction, type EvidenceResult, type LoadedSource, type Message, type SourceCoverage, type SourceDecl } from '@factcheck/core';
import { evidenceElementId, sourcePageNames } from './names.js';

/** What every page needs to know about a check result, indexed once. */
export interface ReportModel {
  result: CheckResult;
  /** Every declared source, in the order of claims.yaml. */
  decls: SourceDecl[];
  /** File name of each loaded source's page (inside `sources/`). */
  pageNames: Map<string, string>;
  claims: Map<string, Claim>;
  claimResults: Map<string, ClaimResult>;
  evidenceBySource: Map<string, EvidenceResult[]>;
  coverageBySource: Map<string, SourceCoverage>;
  contradictionsByClaim: Map<string, Contradiction[]>;
  messagesByClaim: Map<string, Message[]>;
}

const models = new WeakMap<CheckResult, ReportModel>();

/** Builds (once per result) the indexes the renderers share. */
export function reportModel(result: CheckResult): ReportModel {
  const cached = models.get(result);
  if (cached) return cached;
  const decls = [...result.workspace.sources.values()];
  for (const [id, loaded] of result.sources) if (!result.workspace.sources.has(id)) decls.push(loaded.decl);
  const model: ReportModel = {
    result,
    decls,
    pageNames: sourcePageNames(decls.filter((d) => result.sources.has(d.id)).map((d) => d.id)),
    claims: new Map(result.workspace.claims.map((c) => [c.id, c])),
    claimResults: new Map(result.claims.map((c) => [c.id, c])),
    evidenceBySource: groupBy(
      result.claims.flatMap((c) => c.evidence),
      (e) => e.source,
    ),
    coverageBySource: new Map(result.coverage.sources.map((s) => [s.source, s])),
    contradictionsByClaim: new Map(),
    messagesByClaim: groupBy(
      result.messages.filter((m) => m.claimId !== undefined),
      (m) => m.claimId!,
    ),
  };
  for (const c of result.contradictions) {
    for (const id of new Set(c.claims)) {
      const list = model.contradictionsByClaim.get(id);
      if (list) list.push(c);
      else model.contradictionsByClaim.set(id, [c]);
    }
  }
  models.set(result, model);
  return model;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function loadedSource(model: ReportModel, id: string): LoadedSource | undefined {
  return model.result.sources.get(id);
}

/** A source's name for people: its title, else its id. */
export function sourceLabel(decl: SourceDecl | undefined, id: string): string {
  return decl?.title?.trim() || id;
}

/**
 * Link to an evidence item on its source's page, from the report root (`sources/x.html#E-…`)
 * or from another source page (`x.html#E-…`). Undefined when the source has no page.
 */
export function evidenceHref(model: ReportModel, evidence: Pick<EvidenceResult, 'source' | 'claimId' | 'index'>, from: 'root' | 'sources'): string | undefined {
  const page = model.pageNames.get(evidence.source);
  if (!page) return undefined;
  return `${from === 'root' ? 'sources/' : ''}${page}#${evidenceElementId(evidence.claimId, evidence.index)}`;
}

/**
 * The evidence a failing claim's link should open: the first whose quote no longer stands (a moved
 * quote still does), else the first that is not verified, else the first.
 */
export function focusEvidence(claim: ClaimResult): EvidenceResult | undefined {
  return claim.evidence.find((e) => e.status !== 'verified' && e.status !== 'moved') ?? claim.evidence.find((e) => e.status !== 'verified') ?? claim.evidence[0];
}

/** True when the evidence is drawn as passing: its quote is verified and its claim passed. */
export function isPassingEvidence(model: ReportModel, evidence: EvidenceResult): boolean {
  return evidence.status === 'verified' && model.claimResults.get(evidence.claimId)?.status === 'passed';
}

/** The accepted corrections of an evidence item's quote, oldest first (none for most quotes). */
export function correctionsOf(model: ReportModel, evidence: Pick<EvidenceResult, 'claimId' | 'index'>): readonly Correction[] {
  return model.claims.get(evidence.claimId)?.evidence[evidence.index]?.history ?? [];
}

/** One correction for people: `corrected on 2026-12-04; was: “the old words”`. */
export function describeCorrection(correction: Pick<Correction, 'date' | 'was'>): string {
  return `corrected on ${correction.date}; was: “${correction.was}”`;
}

/** One line describing what an evidence item's status means, for people. */
export function describeEvidence(evidence: EvidenceResult, source: LoadedSource | undefined): string {
  const where = (span: readonly [number, number]): string => {
    if (!source) return '';
    const pos = source.text.position(Math.min(span[0], source.text.length));
    return ` at line ${pos.line}, column ${pos.column}`;
  };
  switch (evidence.status) {
    case 'verified':
      return 'quote verified';
    case 'moved':
      return `quote moved: found verbatim${evidence.found ? where(evidence.found) : ''}, not at its span`;
    case 'changed':
      return `quote changed: the closest text${evidence.found ? where(evidence.found) : ''} differs${evidence.score !== undefined ? ` (similarity ${formatSimilarity(evidence.score)})` : ''}`;
    case 'ambiguous':
      return `quote ambiguous: ${evidence.candidates?.length ?? 'several'} equally good matches`;
    case 'missing':
      return 'quote missing: nothing similar enough in the source';
  }
}

/**
 * Why a claim fails, for people. The run's own error messages about the claim come first; when
 * there are none, the reasons are derived from its evidence and contradictions.
 */
export function failureReasons(model: ReportModel, claim: ClaimResult): string[] {
  const own = (model.messagesByClaim.get(claim.id) ?? []).filter((m) => m.severity === 'error').map((m) => m.reason);
  if (own.length) return [...new Set(own)];
  const reasons: string[] = [];
  for (const e of claim.evidence) {
    if (e.status !== 'verified') reasons.push(`${e.source}: ${describeEvidence(e, model.result.sources.get(e.source))}`);
  }
  for (const c of model.contradictionsByClaim.get(claim.id) ?? []) {
    if (c.acknowledged || c.severity !== 'error') continue;
    const other = c.claims[0] === claim.id ? c.claims[1] : c.claims[0];
    reasons.push(`contradicts ${other}: ${c.reason}`);
  }
  if (!reasons.length) reasons.push('the check marked this claim as failed');
  return reasons;
}
