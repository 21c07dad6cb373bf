import { isMap, isSeq, type Document } from 'yaml';
import { anchorQuote } from '@factcheck/anchor';
import { sha256Of } from '@factcheck/check';
import type { EvidenceResult, LoadedWorkspace, Span, Workspace } from '@factcheck/core';
import { editClaimsText, type ClaimsChange, type HistoryEntry } from './claims-edit.js';

/**
 * One evidence item: its claim's id, and where it stands in the document (`claims[claim]`,
 * its `evidence[evidence]`), which is where update edits it.
 */
export interface EvidenceRef {
  claimId: string;
  /** The claims file that declares the claim, as shown in messages (claims.yaml or an included file). */
  file: string;
  claim: number;
  evidence: number;
  source: string;
}

/** The evidence statuses that a person has to settle: update never edits them on its own. */
export type LeftStatus = 'changed' | 'ambiguous' | 'missing';

/**
 * What `update` does to one evidence item or source:
 * - pin: the evidence has no span; the quote's only occurrence (where it stands, or where it
 *   moved to) is written as its span.
 * - repin: the quote moved; its span follows it.
 * - accept (only with --accept): the quote's words changed in the source; quote and span take the
 *   new text, and the old words go into the evidence's `history:` with the day (unless the source
 *   is unchanged since it was pinned: a quote that differs from an unchanged source was a typo,
 *   not a correction).
 *   With `suggestion` (only with --take): the quote is missing, and one of the passages suggested
 *   as its new wording (1-based, best first) was chosen; the old words always go into `history:`.
 * - refresh-sha256: a source's recorded sha256 no longer matches its text.
 * - left-for-a-person: the quote changed (without --accept), occurs more than once, or is gone.
 */
export type UpdateAction =
  | { kind: 'pin'; evidence: EvidenceRef; span: Span }
  | { kind: 'repin'; evidence: EvidenceRef; before: Span; after: Span }
  | { kind: 'accept'; evidence: EvidenceRef; quote: { before: string; after: string }; span: { before?: Span; after: Span }; score?: number; history?: HistoryEntry; suggestion?: number }
  | { kind: 'refresh-sha256'; source: string; before: string; after: string; /** The claims file that declares the source. */ file: string }
  | { kind: 'left-for-a-person'; evidence: EvidenceRef; status: LeftStatus; result: EvidenceResult };

/** The actions that change claims.yaml. */
export type EditAction = Exclude<UpdateAction, { kind: 'left-for-a-person' }>;
export type LeftForAPerson = Extract<UpdateAction, { kind: 'left-for-a-person' }>;

export const isEditAction = (action: UpdateAction): action is EditAction => action.kind !== 'left-for-a-person';

/** What the plan needs of an opened claims.yaml: the workspace, its sources, and its document. */
export interface PlanInput {
  loaded: Pick<LoadedWorkspace, 'workspace' | 'sources'>;
  /** The document of claims.yaml. */
  doc: Document.Parsed;
  /** The documents of the files claims.yaml includes, each with its name as Claim.file gives it. */
  included?: readonly { shown: string; doc: Document.Parsed }[];
}

export interface PlanOptions {
  /** Take the new wording of changed quotes. */
  accept: boolean;
  /** Hash of a source text (for refreshing sha256). Default: check's, which claims.yaml records. */
  sha256Of?: (text: string) => string;
  /** The day recorded with an accepted correction, YYYY-MM-DD. */
  today: string;
  /**
   * Claims whose missing quotes take a suggested passage: claim id → which suggestion (0-based,
   * best first). Nothing else ever takes a suggestion (not --accept).
   */
  take?: ReadonlyMap<string, number>;
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
      const base = { claimId: claim.id, index, source: evidence.source, quote: evidence.quote, stance: evidence.stance, pinned: evidence.span !== undefined, ...(evidence.span ? { span: evidence.span } : {}) };
      if (!source) return { ...base, status: 'missing' };
      return { ...base, ...anchorQuote(source.text, evidence, workspace.anchor) };
    }),
  );
}

/**
 * Index of each workspace claim in the document's `claims:` list, matched by place (the loader
 * keeps every item of a valid file, so this is normally the identity).
 */
export function claimIndices(doc: Document.Parsed, workspace: Workspace, included: PlanInput['included'] = []): number[] {
  const byStart = (d: Document.Parsed) => {
    const seq = d.get('claims', true);
    const starts = new Map<number, number>();
    if (isSeq(seq)) seq.items.forEach((item, index) => isMap(item) && item.range && !starts.has(item.range[0]) && starts.set(item.range[0], index));
    return starts;
  };
  const files = new Map(included.map((part) => [part.shown, byStart(part.doc)]));
  const own = byStart(doc);
  // The claims of each file follow one another in the workspace: a claim's fallback is its position in its file.
  const seen = new Map<string, number>();
  return workspace.claims.map((claim) => {
    const inFile = seen.get(claim.file) ?? 0;
    seen.set(claim.file, inFile + 1);
    return (files.get(claim.file) ?? own).get(claim.place.start.offset) ?? inFile;
  });
}

/**
 * Decides every change update makes, and what it leaves for a person: the evidence of each claim
 * in order, then the sources. Pure, given the anchoring results.
 */
export function planUpdate(input: PlanInput, results: readonly (readonly EvidenceResult[])[], options: PlanOptions): UpdateAction[] {
  const { workspace, sources } = input.loaded;
  const indices = claimIndices(input.doc, workspace, input.included);
  const actions: UpdateAction[] = [];
  // Only sources with a recorded sha256 are hashed: the others have nothing to compare or refresh.
  const hashes = new Map<string, string>();
  const hash = options.sha256Of ?? sha256Of;
  for (const [id, source] of sources) if (workspace.sources.get(id)?.sha256 !== undefined) hashes.set(id, hash(source.text.text));
  const changedSincePinned = (id: string) => {
    const recorded = workspace.sources.get(id)?.sha256;
    return recorded === undefined || recorded !== hashes.get(id);
  };
  workspace.claims.forEach((claim, c) => {
    (results[c] ?? []).forEach((result, e) => {
      const evidence = claim.evidence[e];
      if (!evidence) return;
      const ref: EvidenceRef = { claimId: claim.id, file: claim.file, claim: indices[c] ?? c, evidence: e, source: evidence.source };
      const found = result.found;
      switch (result.status) {
        case 'verified':
          if (!evidence.span && found) actions.push({ kind: 'pin', evidence: ref, span: found });
          return;
        case 'moved':
          if (found) actions.push(evidence.span ? { kind: 'repin', evidence: ref, before: evidence.span, after: found } : { kind: 'pin', evidence: ref, span: found });
          return;
        case 'changed': {
          const sourceText = sources.get(evidence.source)?.text;
          if (!options.accept || !found || !sourceText) {
            actions.push({ kind: 'left-for-a-person', evidence: ref, status: 'changed', result });
            return;
          }
          const history = changedSincePinned(evidence.source) ? { date: options.today, was: evidence.quote } : undefined;
          actions.push({
            kind: 'accept',
            evidence: ref,
            quote: { before: evidence.quote, after: sourceText.slice(found) },
            span: { ...(evidence.span ? { before: evidence.span } : {}), after: found },
            ...(result.score !== undefined ? { score: result.score } : {}),
            ...(history ? { history } : {}),
          });
          return;
        }
        case 'missing': {
          const choice = options.take?.get(claim.id);
          const suggestion = choice === undefined ? undefined : result.candidates?.[choice];
          if (choice !== undefined && suggestion) {
            actions.push({
              kind: 'accept',
              evidence: ref,
              quote: { before: evidence.quote, after: suggestion.text },
              span: { ...(evidence.span ? { before: evidence.span } : {}), after: suggestion.span },
              score: suggestion.score,
              history: { date: options.today, was: evidence.quote },
              suggestion: choice + 1,
            });
            return;
          }
          actions.push({ kind: 'left-for-a-person', evidence: ref, status: 'missing', result });
          return;
        }
        case 'ambiguous':
          actions.push({ kind: 'left-for-a-person', evidence: ref, status: result.status, result });
      }
    });
  });
  for (const [id, decl] of workspace.sources) {
    const now = hashes.get(id);
    if (decl.sha256 !== undefined && now !== undefined && now !== decl.sha256) actions.push({ kind: 'refresh-sha256', source: id, before: decl.sha256, after: now, file: decl.file });
  }
  return actions;
}

/** The changes to claims.yaml that make one action (accepting a quote is two or three). */
export function changesOf(action: EditAction): ClaimsChange[] {
  if (action.kind === 'refresh-sha256') return [{ kind: 'sha256', source: action.source, sha256: action.after }];
  const at = { claim: action.evidence.claim, evidence: action.evidence.evidence };
  switch (action.kind) {
    case 'pin':
      return [{ kind: 'span', ...at, span: action.span }];
    case 'repin':
      return [{ kind: 'span', ...at, span: action.after }];
    case 'accept':
      return [
        { kind: 'quote', ...at, quote: action.quote.after },
        { kind: 'span', ...at, span: action.span.after },
        ...(action.history ? [{ kind: 'history' as const, ...at, entry: action.history }] : []),
      ];
  }
}

/** An action whose edit could not be made safely (an unusual layout, an alias), and why. */
export interface NotEditable {
  kind: 'not-editable';
  action: EditAction;
  reason: string;
}

export interface AppliedUpdate {
  /** claims.yaml with the applied actions made (the text given when none could be). */
  text: string;
  applied: EditAction[];
  notEditable: NotEditable[];
  /** `text` as parsed to check it, when any action was applied. */
  readBack?: Document.Parsed;
}

/**
 * Makes the edits of `actions` in `text`, whose document `doc` is (parsed once, by the caller).
 * An action is all or nothing (accepting a quote changes both quote and span): if any of its
 * changes cannot be made, none are, and the others are made without it.
 */
export function applyActions(text: string, doc: Document.Parsed, actions: readonly EditAction[]): AppliedUpdate {
  if (!actions.length) return { text, applied: [], notEditable: [] };
  const changes = new Map(actions.map((action) => [action, changesOf(action)]));
  let pending = [...actions];
  const notEditable: NotEditable[] = [];
  for (;;) {
    const outcome = editClaimsText(text, pending.flatMap((a) => changes.get(a) ?? []), doc);
    const reasons = new Map(outcome.problems.map((p) => [p.change, p.reason]));
    const bad = pending.filter((a) => (changes.get(a) ?? []).some((c) => reasons.has(c)));
    if (!bad.length) return { text: outcome.text, applied: pending, notEditable, ...(outcome.readBack ? { readBack: outcome.readBack } : {}) };
    for (const action of bad) notEditable.push({ kind: 'not-editable', action, reason: (changes.get(action) ?? []).map((c) => reasons.get(c)).find(Boolean) ?? 'the edit could not be made' });
    pending = pending.filter((a) => !bad.includes(a));
    if (!pending.length) return { text, applied: [], notEditable };
  }
}
