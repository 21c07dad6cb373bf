// The claims of the workspace, built from what the walk read, and the checks that need more than
// one node: unique ids, evidence that cites a declared source, conflicts that name a real claim or
// quote. Each check runs on every item whose own fields it needs were read, so that a claim with a
// misspelt verdict still has its evidence checked.
import { OPEN_END, OPEN_START, parseDateInterval, type TimeScope } from '../dates.js';
import type { Draft } from '../format/infer.js';
import type { CLAIM_SPEC, CONFLICT_SPEC, EVIDENCE_SPEC, FACT_SPEC, HISTORY_ENTRY_SPEC } from '../format/spec.js';
import { describePath, type NodePath } from '../format/walk-context.js';
import { createMessage, showValue, suggest, type MessageInit } from '../messages.js';
import type { Claim, ConflictAck, Correction, Evidence, Fact, Place, Stance, Workspace } from '../types.js';
import type { BuildContext } from './build-workspace.js';
import { spanOf } from './spans.js';

type ClaimDraft = Draft<typeof CLAIM_SPEC>;

export type Report = (init: Omit<MessageInit, 'file'>) => void;

/** `declared`: the ids under sources, or undefined when sources is not a mapping (reported already). */
export function buildClaims(drafts: readonly (ClaimDraft | undefined)[], workspace: Workspace, declared: ReadonlySet<string> | undefined, ctx: BuildContext): Claim[] {
  const error: Report = (init) => ctx.errors.push(createMessage({ ...init, file: ctx.file }));
  reportDuplicateIds(drafts, error);
  // In an included file the sources may be declared in another file: checked once all are read.
  const sourcesKnown = ctx.included ? undefined : declared;
  const read = drafts.map((draft, index) => (draft ? readClaim(draft, ['claims', index], ctx.file, workspace, sourcesKnown, error) : undefined));
  const claims: Claim[] = [];
  for (const item of read) {
    if (!item?.claim) continue;
    const { claim } = item;
    if (claim.verdict === 'disputed' && !claim.note) {
      ctx.warnings.push(
        createMessage({
          ruleId: 'disputed-without-note',
          severity: 'warning',
          reason: `claim "${claim.id}" is disputed but has no note`,
          file: ctx.file,
          place: claim.idPlace,
          claimId: claim.id,
          note: 'Add a note that says what the sources disagree on.',
        }),
      );
    }
    const oneSided = oneSidedDispute(claim);
    if (oneSided) ctx.warnings.push(createMessage({ ...oneSided, file: ctx.file }));
    claims.push(claim);
  }
  const ids = ctx.included ? undefined : new Set(present(drafts.map((draft) => draft?.id)));
  // A claim whose id was not read cannot be named in the messages: its conflicts wait for the id.
  for (const item of read) if (item?.id !== undefined) checkConflicts(item.id, item.conflicts, item.evidenceCount, ids, error);
  return claims;
}

/**
 * A disputed claim says that its sources disagree: it cites evidence on both sides, at least one
 * quote `for` it and one `against` it. Undefined when the claim is not disputed or does.
 */
function oneSidedDispute(claim: Claim): Omit<MessageInit, 'file'> | undefined {
  if (claim.verdict !== 'disputed' || claim.evidence.length === 0) return undefined;
  const against = claim.evidence.filter((e) => e.stance === 'against').length;
  const forIt = claim.evidence.length - against;
  if (forIt > 0 && against > 0) return undefined;
  const side = against === 0 ? 'for' : 'against';
  const missing = against === 0 ? 'against' : 'for';
  return {
    ruleId: 'disputed-one-sided',
    severity: 'warning',
    reason: `claim "${claim.id}" is disputed but all of its evidence is ${side} it`,
    place: claim.idPlace,
    claimId: claim.id,
    note: `A disputed claim cites both sides: add the quote that speaks ${missing} it (with \`stance: ${missing}\`), or change the verdict${against === 0 ? ' to supported or unverified' : ' to refuted'} if the sources agree.`,
  };
}

/** What one claim item gives: the claim when its id, text and verdict were read, and what its checks need. */
interface ReadClaim {
  claim?: Claim;
  id: string | undefined;
  conflicts: ConflictAck[];
  /** Items in its evidence list as written, read or not. */
  evidenceCount: number;
}

function readClaim(draft: ClaimDraft, at: NodePath, file: string, workspace: Workspace, declared: ReadonlySet<string> | undefined, error: Report): ReadClaim {
  const { id } = draft;
  const evidence = buildEvidence(draft.evidence ?? [], at, id, draft.verdict === 'refuted' ? 'against' : 'for', workspace, declared, error);
  const fact = draft.fact && buildFact(draft.fact, [...at, 'fact'], error);
  const conflicts = present((draft.conflicts ?? []).map((entry) => entry && conflictOf(entry)));
  // Positions count the evidence list as written, whether or not each item could be read.
  const read: ReadClaim = { id, conflicts, evidenceCount: draft.evidence?.length ?? 0 };
  if (id === undefined || draft.claim === undefined || draft.verdict === undefined) return read;
  const claim: Claim = {
    id,
    claim: draft.claim,
    verdict: draft.verdict,
    evidence,
    conflicts,
    file,
    place: draft.$place,
    idPlace: draft.$at.id ?? draft.$place,
    claimPlace: draft.$at.claim ?? draft.$place,
  };
  if (draft.note !== undefined) claim.note = draft.note;
  if (fact) claim.fact = fact;
  return { ...read, claim };
}

/** Reported at the second use of an id, naming the line of the first. */
function reportDuplicateIds(drafts: readonly (ClaimDraft | undefined)[], error: Report): void {
  const firstLine = new Map<string, number>();
  for (const draft of drafts) {
    if (draft?.id === undefined) continue;
    const place = draft.$at.id ?? draft.$place;
    const first = firstLine.get(draft.id);
    if (first === undefined) firstLine.set(draft.id, place.start.line);
    else error({ ruleId: 'duplicate-id', reason: `duplicate claim id "${draft.id}" (first used at line ${first})`, place, claimId: draft.id, note: 'Claim ids must be unique: rename one of them.' });
  }
}

function buildEvidence(
  drafts: readonly (Draft<typeof EVIDENCE_SPEC> | undefined)[],
  at: NodePath,
  claimId: string | undefined,
  defaultStance: Stance,
  workspace: Workspace,
  declared: ReadonlySet<string> | undefined,
  error: Report,
): Evidence[] {
  const evidence: Evidence[] = [];
  drafts.forEach((e, index) => {
    if (e?.source === undefined || e.quote === undefined) return;
    const where: NodePath = [...at, 'evidence', index];
    if (declared && !workspace.sources.has(e.source) && !declared.has(e.source)) unknownSource(e.source, e.$at.source ?? e.$place, claimId, workspace, error);
    const item: Evidence = { source: e.source, quote: e.quote, stance: e.stance ?? defaultStance, place: e.$place, sourcePlace: e.$at.source ?? e.$place, quotePlace: e.$at.quote ?? e.$place };
    if (e.span) {
      item.spanPlace = e.$at.span ?? e.$place;
      const span = spanOf(e.span, item.spanPlace, claimId, error);
      if (span) item.span = span;
    }
    if (e.prefix !== undefined) item.prefix = e.prefix;
    if (e.suffix !== undefined) item.suffix = e.suffix;
    if (e.history) item.history = buildHistory(e.history, [...where, 'history'], claimId, error);
    evidence.push(item);
  });
  return evidence;
}

export function unknownSource(source: string, place: Place, claimId: string | undefined, workspace: Pick<Workspace, 'sources'>, error: Report): void {
  const ids = [...workspace.sources.keys()];
  const hint = suggest(source, ids);
  error({
    ruleId: 'unknown-source',
    reason: `evidence cites source "${source}", which is not declared under sources${hint ? `; did you mean "${hint}"?` : ''}`,
    place,
    claimId,
    actual: source,
    expected: ids.join(', '),
    note: `Use the id of a source under sources: ${ids.join(', ') || 'none is declared yet'}.`,
  });
}

/** The corrections of a quote, oldest first; an impossible date (2026-02-30) is an error at its place. */
function buildHistory(drafts: readonly (Draft<typeof HISTORY_ENTRY_SPEC> | undefined)[], at: NodePath, claimId: string | undefined, error: Report): Correction[] {
  return drafts.flatMap((entry, index): Correction[] => {
    if (entry?.date === undefined || entry.was === undefined) return [];
    const problem = parseDateInterval(entry.date).error;
    if (problem) {
      error({
        ruleId: 'invalid-date',
        reason: `${describePath([...at, index, 'date'])}: ${problem}`,
        place: entry.$at.date ?? entry.$place,
        claimId,
        actual: entry.date,
        expected: 'YYYY-MM-DD',
        note: 'Write the day the change was accepted as YYYY-MM-DD.',
      });
      return [];
    }
    return [{ date: entry.date, was: entry.was, place: entry.$place }];
  });
}

function buildFact(draft: Draft<typeof FACT_SPEC>, at: NodePath, error: Report): Fact | undefined {
  const { subject, property, value } = draft;
  if (subject === undefined || property === undefined || value === undefined) return undefined;
  const fact: Fact = { subject, property, value: String(value), place: draft.$place };
  if (draft.when === undefined) return fact;
  const when = scopeOf(draft.when);
  if ('backwards' in when) {
    error({
      ruleId: 'invalid-date',
      reason: `${describePath([...at, 'when'])} runs backwards: from ${when.backwards.from} is after to ${when.backwards.to}`,
      place: draft.$at.when ?? draft.$place,
      note: 'Swap from and to.',
    });
  } else fact.when = when;
  return fact;
}

/** A fact's time scope: a date as read, or a range with its open ends filled in (unless it runs backwards). */
function scopeOf(when: NonNullable<Draft<typeof FACT_SPEC>['when']>): TimeScope | { backwards: { from: string; to: string } } {
  if (!('$place' in when)) return when;
  const from = when.from?.from ?? OPEN_START;
  const to = when.to?.to ?? OPEN_END;
  // Both ends are given when it runs backwards: an open end never does.
  if (from > to) return { backwards: { from: when.from?.text ?? from, to: when.to?.text ?? to } };
  return { from, to, text: `${when.from?.text ?? '…'} to ${when.to?.text ?? '…'}` };
}

/** An acknowledged disagreement, placed at the claim or quote it names. */
function conflictOf(entry: Draft<typeof CONFLICT_SPEC>): ConflictAck | undefined {
  const { reason } = entry;
  if (reason === undefined) return undefined;
  if (entry.with !== undefined) return { with: entry.with, reason, place: entry.$at.with ?? entry.$place };
  if (entry.evidence !== undefined) return { evidence: entry.evidence, reason, place: entry.$at.evidence ?? entry.$place };
  return undefined;
}

/**
 * Each conflict must name a quote the claim has, or another claim that exists (`ids`: every
 * claim id, or undefined when the claims named are checked later, across files).
 */
export function checkConflicts(claimId: string, conflicts: readonly ConflictAck[], evidenceCount: number, ids: ReadonlySet<string> | undefined, error: Report): void {
  for (const ack of conflicts) {
    if (ack.evidence !== undefined) {
      // Without an evidence list (reported already) no position can be checked.
      if (ack.evidence < evidenceCount || evidenceCount === 0) continue;
      const items = evidenceCount === 1 ? 'only item 0' : `items 0 to ${evidenceCount - 1}`;
      error({
        ruleId: 'unknown-evidence',
        reason: `claim "${claimId}" lists a conflict with its evidence ${ack.evidence}, but its evidence list holds ${items}`,
        place: ack.place,
        claimId,
        actual: String(ack.evidence),
        expected: evidenceCount === 1 ? '0' : `0 to ${evidenceCount - 1}`,
        note: '`evidence` is the position of one of this claim\'s quotes in its evidence list, counting from 0.',
      });
    } else if (ack.with === undefined) continue;
    else if (ack.with === claimId) {
      error({
        ruleId: 'invalid-conflict',
        reason: `claim "${claimId}" lists a conflict with itself`,
        place: ack.place,
        claimId,
        note: '`with` names another claim. When the claim contradicts one of its own quotes, write `{evidence: N, reason: "…"}` with the position of that quote in its evidence list (from 0).',
      });
    } else if (ids && !ids.has(ack.with)) {
      const hint = suggest(ack.with, ids);
      error({
        ruleId: 'unknown-claim',
        reason: `claim "${claimId}" lists a conflict with ${showValue(ack.with)}, which is not a claim id${hint ? `; did you mean "${hint}"?` : ''}`,
        place: ack.place,
        claimId,
        actual: ack.with,
        note: '`with` takes the id of another claim (in this file or in a file that claims.yaml includes).',
      });
    }
  }
}

/** The items of a list that were read (the others were reported). */
export function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
