import { isMap, isSeq, type Document } from 'yaml';
import { anchorQuote } from '@factcheck/anchor';
import { confinePath, loadWorkspace, readTextFile, SourceText, type EvidenceResult, type LoadedSource, type LoadedWorkspace, type Result, type Span, type Workspace } from '@factcheck/core';
import { editClaimsText, type ClaimsChange } from './claims-edit.js';

/**
 * What `update` does to one evidence item or source:
 * - repin: the quote moved; its span follows it.
 * - pin: the evidence had no span; the quote's only occurrence is written as its span.
 * - accept (only with --accept): the quote's words changed in the source; quote and span take the new text.
 * - sha256: a source's recorded sha256 no longer matches its text.
 */
export type UpdateKind = 'repin' | 'pin' | 'accept' | 'sha256';

export interface UpdateAction {
  kind: UpdateKind;
  source: string;
  /** The claim and the evidence item (absent for sha256). */
  claimId?: string;
  claim?: number;
  evidence?: number;
  changes: ClaimsChange[];
  span?: { before?: Span; after: Span };
  quote?: { before: string; after: string; score?: number };
  sha256?: { before: string; after: string };
}

/** Evidence that update leaves alone because a person has to decide. */
export interface Leftover {
  status: 'changed' | 'ambiguous' | 'missing';
  claimId: string;
  claim: number;
  evidence: number;
  source: string;
  result: EvidenceResult;
}

export interface UpdatePlan {
  actions: UpdateAction[];
  leftovers: Leftover[];
}

export interface PlanOptions {
  /** Take the new wording of changed quotes. Default false. */
  accept?: boolean;
  /** Hash of a source text, as check computes it (for refreshing sha256). */
  sha256Of: (text: string) => string;
}

/**
 * Loads the workspace for update. A span that runs past the end of its source (the source got
 * shorter) is a configuration error for check, but exactly what update repairs: when such spans
 * are the only errors, the workspace is loaded without that check and the sources are read as
 * the loader reads them. Any other error is returned as is.
 */
export async function loadForUpdate(claimsPath: string, cwd: string): Promise<Result<LoadedWorkspace>> {
  const loaded = await loadWorkspace(claimsPath, { cwd });
  if (loaded.value || !loaded.errors.length || !loaded.errors.every((e) => e.ruleId === 'span-out-of-range')) return loaded;
  const bare = await loadWorkspace(claimsPath, { cwd, readSources: false });
  if (!bare.value) return loaded;
  const { workspace } = bare.value;
  const sources = new Map<string, LoadedSource>();
  for (const decl of workspace.sources.values()) {
    const confined = await confinePath(workspace.root, decl.path);
    const read = 'problem' in confined ? confined : await readTextFile(confined.path, decl.path);
    if ('problem' in read) return loaded;
    sources.set(decl.id, { decl, text: new SourceText(read.text) });
  }
  return { value: { ...bare.value, sources }, errors: [], warnings: loaded.warnings };
}

/**
 * Anchors every evidence item as check does: one result list per claim, in workspace order.
 * (check skips anchoring for a source whose sha256 is unchanged only when the quote stands at its
 * span, which anchoring reports as verified too: the results agree.)
 */
export function anchorAll(loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>): EvidenceResult[][] {
  const { workspace, sources } = loaded;
  return workspace.claims.map((claim) =>
    claim.evidence.map((evidence, index): EvidenceResult => {
      const source = sources.get(evidence.source);
      const base = { claimId: claim.id, index, source: evidence.source, quote: evidence.quote, pinned: evidence.span !== undefined, ...(evidence.span ? { span: evidence.span } : {}) };
      if (!source) return { ...base, status: 'missing' };
      return { ...base, ...anchorQuote(source.text, evidence, workspace.anchor) };
    }),
  );
}

/**
 * Index of each workspace claim in the document's `claims:` list, matched by place (the loader
 * keeps every item of a valid file, so this is normally the identity).
 */
export function claimIndices(doc: Document.Parsed, workspace: Workspace): number[] {
  const seq = doc.get('claims', true);
  const starts = isSeq(seq) ? seq.items.map((item) => (isMap(item) ? item.range?.[0] : undefined)) : [];
  return workspace.claims.map((claim, i) => {
    const found = starts.indexOf(claim.place.start.offset);
    return found >= 0 ? found : i;
  });
}

/** Decides every change update makes, and what it leaves for a person. Pure. */
export function planUpdate(
  loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>,
  results: readonly (readonly EvidenceResult[])[],
  indices: readonly number[],
  options: PlanOptions,
): UpdatePlan {
  const actions: UpdateAction[] = [];
  const leftovers: Leftover[] = [];
  loaded.workspace.claims.forEach((claim, c) => {
    const at = indices[c] ?? c;
    (results[c] ?? []).forEach((result, e) => {
      const evidence = claim.evidence[e];
      if (!evidence) return;
      const where = { claimId: claim.id, claim: at, evidence: e, source: evidence.source };
      const found = result.found;
      const sourceText = loaded.sources.get(evidence.source)?.text;
      switch (result.status) {
        case 'verified':
          if (!evidence.span && found) actions.push({ kind: 'pin', ...where, changes: [{ kind: 'span', claim: at, evidence: e, span: found }], span: { after: found } });
          return;
        case 'moved':
          if (found) actions.push({ kind: evidence.span ? 'repin' : 'pin', ...where, changes: [{ kind: 'span', claim: at, evidence: e, span: found }], span: { ...(evidence.span ? { before: evidence.span } : {}), after: found } });
          return;
        case 'changed':
          if (options.accept && found && sourceText) {
            const actual = sourceText.slice(found);
            actions.push({
              kind: 'accept',
              ...where,
              changes: [
                { kind: 'quote', claim: at, evidence: e, quote: actual },
                { kind: 'span', claim: at, evidence: e, span: found },
              ],
              span: { ...(evidence.span ? { before: evidence.span } : {}), after: found },
              quote: { before: evidence.quote, after: actual, ...(result.score !== undefined ? { score: result.score } : {}) },
            });
          } else leftovers.push({ status: 'changed', ...where, result });
          return;
        case 'ambiguous':
        case 'missing':
          leftovers.push({ status: result.status, ...where, result });
      }
    });
  });
  for (const [id, decl] of loaded.workspace.sources) {
    const source = loaded.sources.get(id);
    if (decl.sha256 === undefined || !source) continue;
    const now = options.sha256Of(source.text.text);
    if (now !== decl.sha256) actions.push({ kind: 'sha256', source: id, changes: [{ kind: 'sha256', source: id, sha256: now }], sha256: { before: decl.sha256, after: now } });
  }
  return { actions, leftovers };
}

export interface AppliedUpdate {
  text: string;
  applied: UpdateAction[];
  /** Actions whose edit could not be made safely, with the reason. */
  failed: { action: UpdateAction; reason: string }[];
}

/**
 * Makes the planned actions' edits. An action is all or nothing (accepting a quote changes both
 * quote and span): if any of its changes cannot be made, none are.
 */
export function applyActions(text: string, actions: readonly UpdateAction[]): AppliedUpdate {
  let pending = [...actions];
  const failed: { action: UpdateAction; reason: string }[] = [];
  for (;;) {
    const outcome = editClaimsText(
      text,
      pending.flatMap((a) => a.changes),
    );
    const reasons = new Map(outcome.problems.map((p) => [p.change, p.reason]));
    const bad = pending.filter((a) => a.changes.some((c) => reasons.has(c)));
    if (!bad.length) return { text: outcome.text, applied: pending, failed };
    for (const action of bad) failed.push({ action, reason: action.changes.map((c) => reasons.get(c)).find(Boolean) ?? 'the edit could not be made' });
    pending = pending.filter((a) => !bad.includes(a));
    if (!pending.length) return { text, applied: [], failed };
  }
}
