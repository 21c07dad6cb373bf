import { anchorQuote, formatDiff } from '@factcheck/anchor';
import { sha256Of } from '@factcheck/check';
import { formatScore, lineStartsOf, positionAt, suggest, type LoadedSource, type Message, type Span } from '@factcheck/core';
import type { Document } from 'yaml';
import { MAX_ALIAS_COUNT } from './claims-edit.js';
import { commitUnderLock, encodeClaimsText, restoreClaimsFile } from './claims-file.js';
import { refusal, refused, succeeded, type EditResult } from './edit-result.js';
import type { HeldLock } from './lock.js';
import { runWriteCommand, type OpenClaims, type OpenFile } from './open-claims.js';
import { anchorAll, applyActions, isEditAction, planUpdate, type AppliedUpdate, type EditAction, type LeftForAPerson, type NotEditable, type UpdateAction } from './update-plan.js';
import { wordChanges } from './word-changes.js';

export interface UpdateOptions {
  /** claims.yaml, relative to `cwd`. */
  claims: string;
  cwd: string;
  /** The environment: with CI set, nothing is written unless `force`. */
  env: Record<string, string | undefined>;
  /** Also take the new wording of changed quotes. */
  accept: boolean;
  /** Say what would change, write nothing (and take no lock). */
  dryRun: boolean;
  force: boolean;
  /** The day recorded with accepted corrections, YYYY-MM-DD (UTC). */
  today: string;
  /**
   * Claims whose missing quotes take a suggested passage as their new wording: claim id → which
   * suggestion (1-based, best first). Each must name a claim with a missing quote that has that
   * suggestion, or nothing is written.
   */
  take?: ReadonlyMap<string, number>;
  /** Called with each note as it is said (they are all in the result's `notes` as well). */
  onNote?: (note: string) => void;
}

/** One line of update's account: an action, where it stands in claims.yaml (1-based), and what it says. */
export interface UpdateLine<A> {
  action: A;
  /** The claims file the line and column are in: claims.yaml, or a file it includes. */
  file: string;
  line: number;
  column: number;
  /** What was done, or found, in one line. */
  text: string;
}

/** What update leaves for a person: evidence it must not decide on, and edits it could not make safely. */
export type UpdateLeftover = LeftForAPerson | NotEditable;

/** A line about what is left for a person, with what they should do about it. */
export interface LeftoverLine extends UpdateLine<UpdateLeftover> {
  note: string;
}

/** What update did (or, in a dry run, would do), and what it left; places refer to claims.yaml as it is on disk afterwards. */
export interface UpdateResult {
  /** claims.yaml as shown in messages. */
  claims: string;
  /** The claims files edited (or, in a dry run, that would be), claims.yaml first, then the included ones in order. */
  files: string[];
  dryRun: boolean;
  written: boolean;
  edits: UpdateLine<EditAction>[];
  leftovers: LeftoverLine[];
}

/**
 * `factcheck update`: re-pins moved quotes, pins unpinned ones, refreshes recorded sha256s and,
 * with `accept`, takes the new words of changed quotes; lists what it leaves for a person.
 * claims.yaml is parsed once, by the loader, whose document serves planning, applying and the
 * account; the edited text is parsed once to check it, and written atomically, under the lock,
 * only if every edited quote then stands verified at its span.
 */
export async function updateClaims(options: UpdateOptions): Promise<EditResult<UpdateResult>> {
  return runWriteCommand('update', options, (opened, lock) => runUpdate(opened, options, lock));
}

async function runUpdate(opened: OpenClaims, options: UpdateOptions, lock: HeldLock | undefined): Promise<EditResult<UpdateResult>> {
  // Loading a large workspace keeps the heartbeat from running: touch the lock before anchoring
  // (whether it is still ours is asked again, and decided, before writing).
  await lock?.refresh();
  const take = options.take ? new Map([...options.take].map(([id, n]) => [id, n - 1])) : undefined;
  const actions = planUpdate(opened, anchorAll(opened.loaded), { accept: options.accept, today: options.today, ...(take ? { take } : {}) });
  const untaken = take ? untakenProblems(opened, actions, options.take!) : [];
  if (untaken.length) return refused(refusal('nothing-to-take', opened.shown, untaken.join('\n')));
  // Each claims file is edited on its own: the edits of its claims and of the sources it declares.
  const edits = actions.filter(isEditAction);
  const outcomes: FileOutcome[] = [opened, ...opened.included].map((open) => ({ open, outcome: applyActions(open.file.text, open.doc, edits.filter((a) => fileOfAction(a) === open.shown)) }));
  for (const { open, outcome } of outcomes) {
    const unsafe = outcome.applied.length ? editedEvidenceProblems(outcome, opened) : [];
    if (unsafe.length) {
      return refused(refusal('edit-unsafe', open.shown, `update: internal safety check failed, nothing was written: ${unsafe.join('; ')}\nThis is a bug in factcheck; please report it with ${open.shown}.`));
    }
  }
  const changed = outcomes.filter((o) => o.outcome.applied.length);
  let written = false;
  if (!options.dryRun && changed.length) {
    const problem = await commitAll('update', changed, lock);
    if (problem) return refused(problem);
    written = true;
  }
  return succeeded(describeUpdate(opened, actions, outcomes, { dryRun: options.dryRun, written }));
}

/** One claims file and its edited text. */
interface FileOutcome {
  open: OpenFile;
  outcome: AppliedUpdate;
}

/** The claims file an edit changes: the claim's, or for a sha256 the file that declares the source. */
const fileOfAction = (action: EditAction | LeftForAPerson): string => (action.kind === 'refresh-sha256' ? action.file : action.evidence.file);

/**
 * Writes each edited file, atomically, under the lock. Should one fail, the files written before
 * it are put back as they were, so that the claims files never disagree with one another.
 */
async function commitAll(command: string, changed: readonly FileOutcome[], lock: HeldLock | undefined): Promise<Message | undefined> {
  const done: FileOutcome[] = [];
  for (const item of changed) {
    const problem = await commitUnderLock(command, item.open, item.outcome.text, lock, `Run \`factcheck ${command}\` again.`);
    if (!problem) {
      done.push(item);
      continue;
    }
    const unrestored: string[] = [];
    for (const d of done) if (!(await restoreClaimsFile(d.open.file, encodeClaimsText(d.open.file, d.outcome.text))).ok) unrestored.push(d.open.shown);
    if (done.length === 0) return problem;
    const back = unrestored.length
      ? `; restoring ${unrestored.join(', ')} failed: your original text is still in version control`
      : `; ${done.map((d) => d.open.shown).join(', ')} ${done.length === 1 ? 'was' : 'were'} put back as ${done.length === 1 ? 'it was' : 'they were'}`;
    return { ...problem, reason: `${problem.reason}${back}` };
  }
  return undefined;
}

/**
 * What --take asked for that cannot be done: a claim id that names no claim, or a claim none of
 * whose quotes is missing with that suggestion. Nothing is written then.
 */
function untakenProblems(opened: OpenClaims, actions: readonly UpdateAction[], take: ReadonlyMap<string, number>): string[] {
  const claims = new Map(opened.loaded.workspace.claims.map((c) => [c.id, c]));
  const taken = new Set(actions.flatMap((a) => (a.kind === 'accept' && a.suggestion !== undefined ? [a.evidence.claimId] : [])));
  const problems: string[] = [];
  for (const [id, n] of take) {
    if (taken.has(id)) continue;
    if (!claims.has(id)) {
      const hint = suggest(id, [...claims.keys()]);
      problems.push(`update: --take ${id}: no claim in ${opened.shown} has this id${hint ? `; did you mean ${hint}?` : ''}. Nothing was written.`);
      continue;
    }
    const missing = actions.filter((a): a is LeftForAPerson => a.kind === 'left-for-a-person' && a.evidence.claimId === id && a.status === 'missing');
    const offered = Math.max(0, ...missing.map((a) => a.result.candidates?.length ?? 0));
    problems.push(
      missing.length === 0
        ? `update: --take ${id}: none of the claim's quotes is missing, so there is no suggestion to take. Nothing was written. Run \`factcheck check\` to see its status.`
        : `update: --take ${id}${n > 1 ? `:${n}` : ''}: ${offered === 0 ? 'its missing quote has no suggested passage' : `its missing quote has ${offered} suggestion${offered === 1 ? '' : 's'}, not ${n}`}. Nothing was written. Correct the quote by hand from the source, or take a suggestion it lists.`,
    );
  }
  return problems;
}

/** The evidence of claims.yaml as data: what the check below reads of each item. */
interface EvidenceData {
  source?: unknown;
  quote?: unknown;
  span?: unknown;
  prefix?: unknown;
  suffix?: unknown;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isSpan = (value: unknown): value is Span => Array.isArray(value) && value.length === 2 && value.every(Number.isInteger);

/**
 * Every evidence item update touched must now stand verified at its span, in the edited text as
 * it was read back (editClaimsText parsed it, and found it to be the old data, which loaded, with
 * exactly the planned values changed). A failure here means a bug, and nothing is written.
 */
function editedEvidenceProblems(outcome: AppliedUpdate, opened: OpenClaims): string[] {
  const data = outcome.readBack?.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as { claims?: { id?: unknown; evidence?: EvidenceData[] }[] } | undefined;
  if (!data) return ['the edited file was not read back'];
  const problems: string[] = [];
  for (const action of outcome.applied) {
    if (action.kind === 'refresh-sha256') continue;
    const { claimId, claim, evidence: index } = action.evidence;
    const item = data.claims?.[claim];
    const evidence = item?.id === claimId ? item.evidence?.[index] : undefined;
    const source = isText(evidence?.source) ? opened.loaded.sources.get(evidence.source) : undefined;
    if (!evidence || !source || !isText(evidence.quote) || !isSpan(evidence.span)) {
      problems.push(`claim "${claimId}" lost its evidence ${index + 1}`);
      continue;
    }
    const quote = { quote: evidence.quote, span: evidence.span, prefix: isText(evidence.prefix) ? evidence.prefix : undefined, suffix: isText(evidence.suffix) ? evidence.suffix : undefined };
    const result = anchorQuote(source.text, quote, opened.loaded.workspace.anchor);
    if (result.status !== 'verified') problems.push(`claim "${claimId}" evidence ${index + 1} is ${result.status} after the edit`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The account of what was done

const showSpan = (span: Span | undefined) => (span ? `[${span[0]}, ${span[1]}]` : 'none');
const score2 = (score: number | undefined) => (score === undefined ? '?' : formatScore(score));
const short = (text: string, max = 80) => {
  const one = JSON.stringify(text);
  return one.length > max ? `${one.slice(0, max - 2)}…"` : one;
};

type NodePath = readonly (string | number)[];

/** Offset of the first node among `paths` that exists in the document (for line:col). */
function nodeOffset(doc: Document.Parsed, paths: readonly NodePath[]): number {
  for (const p of paths) {
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

function sourceAt(source: LoadedSource | undefined, cp: number): string {
  if (!source) return '';
  const p = source.text.position(cp);
  return `${source.decl.path}:${p.line}:${p.column}`;
}

/** Where a line about an action points: the value it changed (or would change), else its quote. */
function placesOf(action: EditAction | LeftForAPerson): NodePath[] {
  if (action.kind === 'refresh-sha256') return [['sources', action.source, 'sha256']];
  const evidence = ['claims', action.evidence.claim, 'evidence', action.evidence.evidence];
  return action.kind === 'pin' || action.kind === 'repin' ? [[...evidence, 'span'], [...evidence, 'quote']] : [[...evidence, 'quote']];
}

function editText(action: EditAction): string {
  switch (action.kind) {
    case 'refresh-sha256':
      return `sha256 of ${action.source} refreshed: ${action.before.slice(0, 12)}… → ${action.after.slice(0, 12)}…`;
    case 'accept':
      if (action.suggestion !== undefined) {
        return `suggestion ${action.suggestion} taken (score ${score2(action.score)}): ${wordChanges(action.quote.before, action.quote.after)}; span ${showSpan(action.span.before)} → ${showSpan(action.span.after)}${action.history ? `; old words kept in history (${action.history.date})` : ''}`;
      }
      return `quote accepted (score ${score2(action.score)}): ${wordChanges(action.quote.before, action.quote.after)}; span ${showSpan(action.span.before)} → ${showSpan(action.span.after)}${action.history ? `; old words kept in history (${action.history.date})` : ''}`;
    case 'pin':
      return `span ${showSpan(action.span)} added`;
    case 'repin':
      return `span ${showSpan(action.before)} → ${showSpan(action.after)}`;
  }
}

/** What a person reads about evidence left to them, and what to do. */
function leftText(left: LeftForAPerson, source: LoadedSource | undefined, unchangedSincePinned: (source: LoadedSource) => boolean): { text: string; note: string } {
  const r = left.result;
  const path = source?.decl.path ?? left.evidence.source;
  switch (left.status) {
    case 'changed': {
      const diff = r.diff ? formatDiff(r.diff) : r.actual !== undefined ? `${short(r.quote)} → ${short(r.actual)}` : '';
      const typo = source !== undefined && unchangedSincePinned(source);
      return {
        text: `quote changed in ${r.found ? sourceAt(source, r.found[0]) : path} (score ${score2(r.score)}): ${diff}`,
        note: typo
          ? 'The source is unchanged since it was pinned, so the quote in claims.yaml has a typo: correct it to the words of the source.'
          : 'Check the new wording against the claim; `factcheck update --accept` takes it.',
      };
    }
    case 'ambiguous': {
      const places = (r.candidates ?? []).map((c) => sourceAt(source, c.span[0]).replace(`${path}:`, '')).join(', ');
      return {
        text: `quote occurs ${r.candidates?.length ?? 'several'} times in ${path}${places ? ` (at ${places})` : ''}`,
        note: 'Add `prefix:` or `suffix:` (the text just before or after the right one) to the evidence, then run update again.',
      };
    }
    case 'missing': {
      const best = r.candidates?.[0];
      return {
        text: `quote not found in ${path}${best ? `; maybe reworded as: ${short(best.text, 100)} at ${sourceAt(source, best.span[0])} (score ${score2(best.score)})` : ''}`,
        note: best
          ? `If that passage still backs the claim, \`factcheck update --take ${left.evidence.claimId}\` takes it as the quote (the old words go into its history); otherwise correct the quote from the source, or remove this evidence.`
          : 'Correct the quote from the source, or remove this evidence.',
      };
    }
  }
}

/** What a person reads about an edit update could not make, and what to write by hand. */
function notEditableText({ action, reason }: NotEditable): { text: string; note: string } {
  const [what, byHand] =
    action.kind === 'refresh-sha256'
      ? [`refresh the sha256 of ${action.source}`, `sha256: ${action.after}`]
      : action.kind === 'accept'
        ? ['take the new wording of this quote', `quote: ${JSON.stringify(action.quote.after)} and span: ${showSpan(action.span.after)}`]
        : ['pin this quote', `span: ${showSpan(action.kind === 'pin' ? action.span : action.after)}`];
  return { text: `could not ${what} automatically: ${reason}`, note: `Write \`${byHand}\` here by hand.` };
}

/**
 * The account of an update, each line placed in claims.yaml as it is on disk after the command:
 * the edited text (through the document its check parsed) when it was written, else the text as
 * read. No parse of its own.
 */
function describeUpdate(opened: OpenClaims, actions: readonly UpdateAction[], outcomes: readonly FileOutcome[], run: { dryRun: boolean; written: boolean }): UpdateResult {
  const onDisk = new Map(
    outcomes.map(({ open, outcome }) => {
      const disk = run.written && outcome.readBack ? { doc: outcome.readBack, text: outcome.text } : { doc: open.doc, text: open.file.text };
      return [open.shown, { ...disk, starts: lineStartsOf(disk.text) }];
    }),
  );
  const at = (file: string, paths: readonly NodePath[]) => {
    const disk = onDisk.get(file) ?? onDisk.get(opened.shown)!;
    const p = positionAt(disk.starts, nodeOffset(disk.doc, paths));
    return { file, line: p.line, column: p.column };
  };
  const applied = outcomes.flatMap(({ outcome }) => outcome.applied);
  const notEditable = outcomes.flatMap(({ outcome }) => outcome.notEditable);
  const edits = applied.map((action): UpdateLine<EditAction> => ({ action, ...at(fileOfAction(action), placesOf(action)), text: editText(action) }));
  const left = actions.filter((a): a is LeftForAPerson => a.kind === 'left-for-a-person');
  // A changed quote in a source that matches its recorded sha256 is a typo: each source hashed once.
  const unchanged = new Map<LoadedSource, boolean>();
  const unchangedSincePinned = (source: LoadedSource) => {
    let same = unchanged.get(source);
    if (same === undefined) unchanged.set(source, (same = source.decl.sha256 !== undefined && source.decl.sha256 === sha256Of(source.text.text)));
    return same;
  };
  const leftovers: LeftoverLine[] = [
    ...left.map((action) => ({ action, ...at(fileOfAction(action), placesOf(action)), ...leftText(action, opened.loaded.sources.get(action.evidence.source), unchangedSincePinned) })),
    // Edits that could not be made safely (an unusual layout, an alias): left for a person too.
    ...notEditable.map((failed) => ({
      action: failed,
      ...at(fileOfAction(failed.action), failed.action.kind === 'refresh-sha256' ? placesOf(failed.action) : [['claims', failed.action.evidence.claim, 'evidence', failed.action.evidence.evidence, 'quote']]),
      ...notEditableText(failed),
    })),
  ];
  const files = outcomes.filter(({ outcome }) => outcome.applied.length).map(({ open }) => open.shown);
  return { claims: opened.shown, files, dryRun: run.dryRun, written: run.written, edits, leftovers };
}
