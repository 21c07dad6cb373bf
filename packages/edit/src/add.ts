import { anchorQuote, findQuote, formatDiff, graphemeCut, nearestCandidates, similarity } from '@factcheck/anchor';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatScore, lineStartsOf, loadWorkspace, positionAt, suggest, type Message, type AnchorOptions, type AnchorResult, type LoadedSource, type Span, type Verdict } from '@factcheck/core';
import { isSeq, type Document } from 'yaml';
import type { NewClaim, NewEvidence } from './append-claim.js';
import { deriveClaimId } from './claim-id.js';
import { editClaimsText } from './claims-edit.js';
import { commitUnderLock, encodeClaimsText, restoreClaimsFile, type ClaimsFile } from './claims-file.js';
import { refusal, refused, succeeded, type EditResult } from './edit-result.js';
import type { HeldLock } from './lock.js';
import { runWriteCommand, type OpenClaims, type OpenFile } from './open-claims.js';

export interface AddOptions {
  /** claims.yaml, relative to `cwd`. */
  claims: string;
  cwd: string;
  /** The environment: with CI set, nothing is written unless `force`. */
  env: Record<string, string | undefined>;
  /** Say what would be appended, write nothing (and take no lock). */
  dryRun: boolean;
  force: boolean;
  /** The id of a declared source, and the quote, copied from it. */
  source: string;
  quote: string;
  /** The claim, in the user's words (trimmed). */
  claim: string;
  /** The claim's id; derived from the claim's words when absent. */
  id?: string;
  verdict: Verdict;
  /** The text just before or after the quote, to tell apart the places it stands. */
  prefix?: string;
  suffix?: string;
  /**
   * The claims file to append the claim to, relative to `cwd`: claims.yaml (the default) or one of
   * the files its `include:` matches. Any other file is refused (rule not-a-claims-file).
   */
  into?: string;
  /** Called with each note as it is said (they are all in the result's `notes` as well). */
  onNote?: (note: string) => void;
}

/** A place of the source that the quote could mean. */
export interface AddCandidate {
  span: Span;
  score: number;
  text: string;
  /** `path:line:col` in the source. */
  at: string;
}

export type AddResult =
  | {
      kind: 'added';
      /** claims.yaml as shown in messages. */
      claims: string;
      written: boolean;
      claim: NewClaim;
      /** Where the claim starts in claims.yaml (1-based). */
      line: number;
      column: number;
      /** `path:line:col` of each evidence item's quote in its source. */
      foundAt: string[];
      /** The text appended to claims.yaml. */
      yaml: string;
    }
  | {
      /** The quote is not found once, word for word and in whole characters: nothing is written. */
      kind: 'not-found';
      source: string;
      result: AnchorResult;
      candidates: AddCandidate[];
      /** What to tell the user, line by line: the places found, the nearest text, what to do. */
      lines: string[];
    };

/**
 * `factcheck add`: appends a claim whose quote is found once, in whole characters, in its source,
 * with its span pinned, at the end of the claims list; every other byte of claims.yaml stays. The
 * file is written atomically under the lock, then read back: should the claim not stand there,
 * verified, the old bytes are put back.
 */
export async function addClaim(options: AddOptions): Promise<EditResult<AddResult>> {
  return runWriteCommand('add', options, (opened, lock, say) => runAdd(opened, options, lock, say));
}

async function runAdd(opened: OpenClaims, options: AddOptions, lock: HeldLock | undefined, say: (note: string) => void): Promise<EditResult<AddResult>> {
  const target = await intoFile(opened, options);
  if ('problem' in target) return refused(target.problem);
  const { file, shown } = target;
  const { workspace, sources } = opened.loaded;
  const source = sources.get(options.source);
  if (!source) {
    const known = [...workspace.sources.keys()];
    const hint = suggest(options.source, known);
    return refused(refusal('unknown-source', shown, `add: unknown source "${options.source}"${hint ? `; did you mean "${hint}"?` : ''}\nDeclared sources: ${known.join(', ') || 'none'}.`));
  }
  const taken = new Set(workspace.claims.map((c) => c.id));
  const existing = options.id === undefined ? undefined : workspace.claims.find((c) => c.id === options.id);
  if (existing) {
    return refused(
      refusal('duplicate-id', existing.file, `add: --id "${options.id}" is already used by the claim at ${existing.file}:${existing.idPlace.start.line}:${existing.idPlace.start.column}; choose another id, or leave --id out to derive one.`, existing.idPlace),
    );
  }
  const found = wholeCharacters(source, options.quote, findQuote(source.text, options.quote, { prefix: options.prefix, suffix: options.suffix, options: workspace.anchor }));
  if (found.status !== 'verified' || !found.found) return succeeded(notFound(options, source, found, workspace.anchor));

  const evidence: NewEvidence = { source: options.source, quote: options.quote, span: found.found };
  if (options.prefix !== undefined) evidence.prefix = options.prefix;
  if (options.suffix !== undefined) evidence.suffix = options.suffix;
  const claim: NewClaim = { id: options.id ?? deriveClaimId(options.claim, taken), claim: options.claim, verdict: options.verdict, evidence: [evidence] };
  const outcome = editClaimsText(file.text, [{ kind: 'append-claim', claim }], target.doc);
  const appendedEdits = outcome.applied[0]?.edits;
  if (!appendedEdits || !outcome.readBack) return refused(refusal('edit-unsafe', shown, `add: cannot append to ${shown}: ${outcome.problems.map((p) => p.reason).join('; ')}; nothing was written.`));
  for (const note of contextMismatch(source, found.found, options)) say(note);
  const place = claimPlace(outcome.readBack, outcome.text, claimCount(target.doc));
  const added = (written: boolean): AddResult => ({
    kind: 'added',
    claims: shown,
    written,
    claim,
    ...place,
    foundAt: claim.evidence.map((e) => sourceAt(source, e.span[0])),
    yaml: appendedEdits.map((e) => e.text).join(''),
  });
  if (options.dryRun) return succeeded(added(false));
  const problem = await commitUnderLock('add', target, outcome.text, lock, 'Run the command again.');
  if (problem) return refused(problem);
  const unverified = await verifyAdded(workspace.claimsPath, options.cwd, claim);
  if (unverified) return refused(refusal('edit-unsafe', shown, await restore(file, outcome.text, shown, unverified)));
  return succeeded(added(true));
}

/**
 * A span is never pinned inside a character (between a letter and its combining mark, inside an
 * emoji sequence or a flag, between CR and LF): such a match becomes `changed`, with the reason.
 * findQuote already says so; this keeps add safe whatever the search returns.
 */
function wholeCharacters(source: LoadedSource, quote: string, found: AnchorResult): AnchorResult {
  const cut = found.status === 'verified' && found.found ? graphemeCut(source.text, found.found) : undefined;
  if (!cut) return found;
  const actual = source.text.slice(cut.whole);
  return { status: 'changed', found: cut.whole, kind: 'exact', actual, reason: cut.reason, score: similarity(quote, actual) };
}

/** Reloads claims.yaml from disk: it must load, and hold the new claim, its quote verified at its span. */
async function verifyAdded(absolute: string, cwd: string, claim: NewClaim): Promise<string | undefined> {
  const reloaded = await loadWorkspace(absolute, { cwd });
  if (!reloaded.value) return `the file no longer loads (${reloaded.errors[0]?.reason ?? 'unknown error'})`;
  const added = reloaded.value.workspace.claims.find((c) => c.id === claim.id);
  const evidence = added?.evidence[0];
  if (!added || !evidence) return `the new claim "${claim.id}" is not in the file as read back`;
  const source = reloaded.value.sources.get(evidence.source);
  if (!source) return `source "${evidence.source}" could not be read back`;
  const result = anchorQuote(source.text, evidence, reloaded.value.workspace.anchor);
  return result.status === 'verified' ? undefined : `the new claim's quote is ${result.status} when read back`;
}

/** Puts the old bytes back after a write that did not read back as intended; the refusal says how that went. */
async function restore(file: ClaimsFile, text: string, shown: string, problem: string): Promise<string> {
  const restored = await restoreClaimsFile(file, encodeClaimsText(file, text));
  return restored.ok
    ? `add: the claim was written but ${problem}; ${shown} has been restored to what it was. This is a bug in factcheck; please report it.`
    : `add: the claim was written but ${problem}, and restoring ${shown} failed (${restored.message}). Your original text is still in version control.`;
}

/**
 * The claims file that --into names (claims.yaml without it): it must be claims.yaml or one of
 * the files claims.yaml includes, compared by their real paths.
 */
async function intoFile(opened: OpenClaims, options: Pick<AddOptions, 'into' | 'cwd'>): Promise<OpenFile | { problem: Message }> {
  if (options.into === undefined) return opened;
  const absolute = path.resolve(options.cwd, options.into);
  const real = await fs.realpath(absolute).catch(() => absolute);
  const files = [opened, ...opened.included];
  const found = files.find((f) => f.file.path === real);
  if (found) return found;
  const names = files.map((f) => f.shown).join(', ');
  return {
    problem: refusal(
      'not-a-claims-file',
      opened.shown,
      `add: --into ${options.into} is not one of the claims files of ${opened.shown}; nothing was written.\n` +
        `Give ${opened.included.length ? `one of: ${names}` : opened.shown} (a file that \`include:\` in ${opened.shown} matches, or ${opened.shown} itself), or add the file to its \`include:\` first.`,
    ),
  };
}

/** How many items the claims list of a document holds. */
function claimCount(doc: Document.Parsed): number {
  const seq = doc.get('claims', true);
  return isSeq(seq) ? seq.items.length : 0;
}

/** Line and column of the item at `index` of the claims list, in the edited text and its document. */
function claimPlace(doc: Document.Parsed, text: string, index: number): { line: number; column: number } {
  const seq = doc.get('claims', true);
  const offset = isSeq(seq) ? ((seq.items[index] as { range?: number[] } | undefined)?.range?.[0] ?? 0) : 0;
  const p = positionAt(lineStartsOf(text), offset);
  return { line: p.line, column: p.column };
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Notes for a --prefix/--suffix that does not stand next to the quote (kept all the same). */
function contextMismatch(source: LoadedSource, span: Span, options: Pick<AddOptions, 'prefix' | 'suffix'>): string[] {
  const notes: string[] = [];
  const text = source.text;
  if (options.prefix !== undefined) {
    const before = collapse(text.slice([Math.max(0, span[0] - options.prefix.length - 20), span[0]]));
    if (!before.endsWith(collapse(options.prefix))) notes.push(`--prefix ${JSON.stringify(options.prefix)} is not the text just before the quote in ${source.decl.path}`);
  }
  if (options.suffix !== undefined) {
    const after = collapse(text.slice([span[1], Math.min(text.length, span[1] + options.suffix.length + 20)]));
    if (!after.startsWith(collapse(options.suffix))) notes.push(`--suffix ${JSON.stringify(options.suffix)} is not the text just after the quote in ${source.decl.path}`);
  }
  return notes;
}

const CONTEXT_MIN_WORDS = 3;
const CONTEXT_MAX_WORDS = 8;

/** A string as a shell argument in double quotes, for suggestions the user can paste. */
function shellQuote(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * A --prefix or --suffix of whole words that makes findQuote choose `span`: the shortest that
 * works, from CONTEXT_MIN_WORDS (fewer would break at the next small edit of the source) up to
 * CONTEXT_MAX_WORDS, suffix first at each length.
 */
function contextSuggestion(source: LoadedSource, quote: string, span: Span, anchor: AnchorOptions): { flag: '--prefix' | '--suffix'; value: string } | undefined {
  const text = source.text;
  const after = text.slice([span[1], Math.min(text.length, span[1] + 300)]).trim().split(/\s+/).filter(Boolean);
  const before = text.slice([Math.max(0, span[0] - 300), span[0]]).trim().split(/\s+/).filter(Boolean);
  const picks = (find: { prefix?: string; suffix?: string }) => {
    const r = findQuote(text, quote, { ...find, options: anchor });
    return r.found !== undefined && r.found[0] === span[0] && r.found[1] === span[1];
  };
  for (let n = 1; n <= CONTEXT_MAX_WORDS; n++) {
    if (n < Math.min(CONTEXT_MIN_WORDS, Math.max(after.length, before.length))) continue;
    if (n <= after.length) {
      const value = after.slice(0, n).join(' ');
      if (picks({ suffix: value })) return { flag: '--suffix', value };
    }
    if (n <= before.length) {
      const value = before.slice(-n).join(' ');
      if (picks({ prefix: value })) return { flag: '--prefix', value };
    }
  }
  return undefined;
}

function sourceAt(source: LoadedSource, cp: number): string {
  const p = source.text.position(cp);
  return `${source.decl.path}:${p.line}:${p.column}`;
}

const showText = (text: string, max = 70) => {
  const one = JSON.stringify(text);
  return one.length > max ? `${one.slice(0, max - 2)}…"` : one;
};

/** Why the quote cannot be pinned, where it might be meant, and what to do. */
function notFound(options: Pick<AddOptions, 'source' | 'quote'>, source: LoadedSource, result: AnchorResult, anchor: AnchorOptions): AddResult {
  const path = source.decl.path;
  const out: string[] = [];
  if (result.status === 'ambiguous' && (result.candidates ?? []).some((c) => c.score === 1)) {
    const candidates = result.candidates ?? [];
    out.push(`add: the quote occurs ${candidates.length} times in ${path}; a claim's evidence must point at one place. Nothing was written.`);
    for (const c of candidates) {
      const hint = contextSuggestion(source, options.quote, c.span, anchor);
      out.push(`  ${sourceAt(source, c.span[0])}  span [${c.span[0]}, ${c.span[1]}]${c.score < 1 ? `  score ${formatScore(c.score)}` : ''}${hint ? `  to choose it: ${hint.flag} ${shellQuote(hint.value)}` : ''}`);
    }
    out.push('Add --prefix "…" (the text just before the one you mean) or --suffix "…" (the text just after it).');
  } else if (result.status === 'changed' && result.reason && result.found) {
    out.push(`add: the quote stands in ${path} word for word, but ${result.reason}. Nothing was written.`);
    out.push(`  whole characters: ${sourceAt(source, result.found[0])}  span [${result.found[0]}, ${result.found[1]}]  ${showText(source.text.slice(result.found))}`);
    out.push('A span never cuts a character in two: quote whole characters (copy the quote again, with the marks, joiners, flag or line break at its ends).');
  } else {
    out.push(`add: the quote is not in ${path} word for word. Nothing was written.`);
    if (result.status === 'changed' && result.found) {
      const diff = result.diff ? formatDiff(result.diff) : '';
      out.push(`  closest: ${sourceAt(source, result.found[0])}  score ${formatScore(result.score ?? 0)}  ${showText(source.text.slice(result.found))}${diff ? `\n    difference: ${diff}` : ''}`);
    }
    const nearest = nearestCandidates(source.text, options.quote, 3, { ignoreCase: anchor.ignoreCase }).filter(
      (c) => !(result.found && c.span[0] === result.found[0] && c.span[1] === result.found[1]),
    );
    if (nearest.length) {
      out.push('Nearest text in the source:');
      for (const c of nearest) out.push(`  ${sourceAt(source, c.span[0])}  score ${formatScore(c.score)}  ${showText(c.text)}`);
    } else if (result.status !== 'changed') out.push('Nothing in the source comes close (no candidate scores 0.5 or more).');
    out.push('Copy the quote exactly from the source, curly quotes, dashes and spacing included.');
  }
  const candidates = (result.candidates ?? []).map((c) => ({ span: c.span, score: c.score, text: c.text, at: sourceAt(source, c.span[0]) }));
  return { kind: 'not-found', source: options.source, result, candidates, lines: out };
}
