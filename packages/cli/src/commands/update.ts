import { anchorQuote, formatDiff, wordDiff } from '@factcheck/anchor';
import { sha256Of } from '@factcheck/check';
import { lineStartsOf, loadWorkspace, parseClaimsText, positionAt, type LoadedSource, type LoadedWorkspace, type Span } from '@factcheck/core';
import type { Document } from 'yaml';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { parseForEdit } from '../edit/claims-edit.js';
import { ciRefusal, commitClaimsText, isCi, locateClaims, readClaimsFile, withClaimsLock } from '../edit/claims-file.js';
import { anchorAll, applyActions, claimIndices, loadForUpdate, planUpdate, type Leftover, type UpdateAction } from '../edit/update-plan.js';
import { printConfigErrors, usageError } from './check.js';

const UPDATE_FLAGS: FlagSpec = {
  accept: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
};

export const UPDATE_FORMATS = ['stylish', 'json'] as const;

export const UPDATE_USAGE = `Usage: factcheck update [--claims PATH] [--accept] [--dry-run] [--force] [--format stylish|json]

Pins what can safely be pinned, changing only those values in claims.yaml (every other byte,
comments and layout included, stays as it is):
  - a quote that moved in its source gets its new span;
  - evidence without a span gets the span of the quote's only occurrence;
  - a source's sha256, where one is recorded, is refreshed (none is added).
Quotes whose words changed, that occur more than once, or that are gone are listed and left alone.

  --accept    also take the new wording of changed quotes (quote and span): review the list first
  --dry-run   show what would change, write nothing (allowed in CI)
  --force     write even when CI is set in the environment

Exit codes: 0 written (or nothing to do) and nothing left, 1 evidence left for a person, 2 usage
or configuration errors (also: claims.yaml locked by another writer, or changed while updating).`;

interface UpdateOptions {
  claims: string;
  accept: boolean;
  dryRun: boolean;
  force: boolean;
  format: (typeof UPDATE_FORMATS)[number];
}

function readOptions(argv: string[], io: Io): UpdateOptions | number | 'help' {
  const parsed = parseFlags('update', argv, UPDATE_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), UPDATE_USAGE);
  const flags = parsed.value;
  if (booleanFlag(flags, 'help')) return 'help';
  const format = stringFlag(flags, 'format') ?? 'stylish';
  if (!(UPDATE_FORMATS as readonly string[]).includes(format)) return usageError(io, `update: --format must be one of ${UPDATE_FORMATS.join(', ')}, got "${format}"`, UPDATE_USAGE);
  const claims = stringFlag(flags, 'claims') ?? 'claims.yaml';
  if (claims.trim() === '') return usageError(io, 'update: --claims needs a path', UPDATE_USAGE);
  return { claims, accept: booleanFlag(flags, 'accept'), dryRun: booleanFlag(flags, 'dry-run'), force: booleanFlag(flags, 'force'), format: format as UpdateOptions['format'] };
}

/** `factcheck update`: re-pin moved quotes, pin unpinned ones, refresh sha256; see UPDATE_USAGE. */
export async function updateCommand(argv: string[], io: Io): Promise<number> {
  const options = readOptions(argv, io);
  if (options === 'help') {
    io.stdout.write(`${UPDATE_USAGE}\n`);
    return EXIT_OK;
  }
  if (typeof options === 'number') return options;
  const where = await locateClaims(io.cwd, options.claims);
  if (!options.dryRun && isCi(io.env) && !options.force) {
    io.stderr.write(`${ciRefusal('update', where.shown, io.env)}\n`);
    return EXIT_USAGE;
  }
  if (!where.real) return reportLoadErrors(io, options, where.absolute);
  const { absolute, real, shown } = where;
  return withClaimsLock('update', { real, shown }, io, options.dryRun, () => runUpdate(io, options, absolute, real, shown));
}

async function reportLoadErrors(io: Io, options: UpdateOptions, absolute: string): Promise<number> {
  const loaded = await loadWorkspace(absolute, { cwd: io.cwd });
  printConfigErrors(io, options.format, loaded.errors, loaded.warnings);
  return EXIT_USAGE;
}

async function runUpdate(io: Io, options: UpdateOptions, absolute: string, real: string, shown: string): Promise<number> {
  const file = await readClaimsFile(real, shown);
  if ('problem' in file) {
    io.stderr.write(`update: ${file.problem}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadForUpdate(absolute, io.cwd);
  if (!loaded.value) {
    printConfigErrors(io, options.format, loaded.errors, loaded.warnings);
    return EXIT_USAGE;
  }
  if (loaded.value.claimsText !== file.text) {
    io.stderr.write(`update: ${shown} changed while it was being read; nothing was written. Run again.\n`);
    return EXIT_USAGE;
  }
  const oldDoc = parseForEdit(file.text);
  const plan = planUpdate(loaded.value, anchorAll(loaded.value), claimIndices(oldDoc, loaded.value.workspace), { accept: options.accept, sha256Of });
  const outcome = applyActions(file.text, plan.actions);
  const { leftovers } = plan;
  const unsafe = outcome.applied.length ? editedEvidenceProblems(outcome.text, outcome.applied, loaded.value, absolute, shown) : [];
  if (unsafe.length) {
    io.stderr.write(`update: internal safety check failed, nothing was written:\n${unsafe.map((u) => `  ${u}`).join('\n')}\nThis is a bug in factcheck; please report it with claims.yaml.\n`);
    return EXIT_USAGE;
  }
  let written = false;
  if (!options.dryRun && outcome.applied.length) {
    const result = await commitClaimsText(file, outcome.text);
    if (!result.ok) {
      const why = result.kind === 'changed' ? `${shown} changed on disk while update ran (saved by an editor or another tool)` : result.message;
      io.stderr.write(`update: ${why}; nothing was written. Run \`factcheck update\` again.\n`);
      return EXIT_USAGE;
    }
    written = true;
  }
  const report = buildReport({ shown, options, written, applied: outcome.applied, failed: outcome.failed, leftovers, newText: written ? outcome.text : file.text, loaded: loaded.value });
  printReport(io, options, report);
  return report.leftovers.length ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The edited text must load, and every evidence item update touched must now be verified at its
 * span. A failure here means a bug, and nothing is written.
 */
function editedEvidenceProblems(text: string, applied: readonly UpdateAction[], loaded: LoadedWorkspace, claimsPath: string, shown: string): string[] {
  const parsed = parseClaimsText(text, { file: shown, claimsPath });
  if (!parsed.value) return parsed.errors.map((e) => `${e.reason} (line ${e.place?.start.line ?? '?'})`);
  const problems: string[] = [];
  const { workspace } = parsed.value;
  for (const action of applied) {
    if (!action.claimId || action.evidence === undefined) continue;
    const claim = workspace.claims.find((c) => c.id === action.claimId);
    const evidence = claim?.evidence[action.evidence];
    const source = evidence && loaded.sources.get(evidence.source);
    if (!evidence || !source) {
      problems.push(`claim "${action.claimId}" lost its evidence ${action.evidence + 1}`);
      continue;
    }
    const result = anchorQuote(source.text, evidence, workspace.anchor);
    if (result.status !== 'verified') problems.push(`claim "${action.claimId}" evidence ${action.evidence + 1} is ${result.status} after the edit`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The report

interface ReportLine {
  kind: string;
  claimId?: string;
  source: string;
  file: string;
  line: number;
  column: number;
  text: string;
  before?: string;
  after?: string;
  score?: number;
  note?: string;
}

interface UpdateReport {
  shown: string;
  dryRun: boolean;
  written: boolean;
  edits: ReportLine[];
  leftovers: ReportLine[];
  counts: Record<string, number>;
}

const showSpan = (span: Span | undefined) => (span ? `[${span[0]}, ${span[1]}]` : 'none');
const score2 = (score: number | undefined) => (score === undefined ? '?' : score.toFixed(2));
const short = (text: string, max = 80) => {
  const one = JSON.stringify(text);
  return one.length > max ? `${one.slice(0, max - 2)}…"` : one;
};

/** Offset of the first node among `paths` that exists in the document (for line:col). */
function nodeOffset(doc: Document.Parsed, paths: readonly (readonly (string | number)[])[]): number {
  for (const p of paths) {
    const node = doc.getIn(p, true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

/** The words that changed: `"old" → "new"`, `added "new"` or `removed "old"` for each changed stretch. */
export function wordChanges(before: string, after: string): string {
  // Spacing is not wording: compare the words with whitespace runs folded to one space.
  const fold = (text: string) => text.trim().replace(/\s+/g, ' ');
  const parts = wordDiff(fold(before), fold(after));
  const stretches: string[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    const old = removed.trim();
    const now = added.trim();
    if (old && now) stretches.push(`${JSON.stringify(old)} → ${JSON.stringify(now)}`);
    else if (now) stretches.push(`added ${JSON.stringify(now)}`);
    else if (old) stretches.push(`removed ${JSON.stringify(old)}`);
    removed = '';
    added = '';
  };
  for (const part of parts) {
    if (part.op === 'equal') flush();
    else if (part.op === 'delete') removed += part.text;
    else added += part.text;
  }
  flush();
  return stretches.join(', ') || 'whitespace only';
}

function sourceAt(source: LoadedSource | undefined, cp: number): string {
  if (!source) return '';
  const p = source.text.position(cp);
  return `${source.decl.path}:${p.line}:${p.column}`;
}

function buildReport(input: {
  shown: string;
  options: UpdateOptions;
  written: boolean;
  applied: UpdateAction[];
  failed: { action: UpdateAction; reason: string }[];
  leftovers: Leftover[];
  newText: string;
  loaded: LoadedWorkspace;
}): UpdateReport {
  const { shown, loaded } = input;
  // Places refer to the file as it is on disk after the command.
  const doc = parseForEdit(input.newText);
  const starts = lineStartsOf(input.newText);
  const at = (offset: number) => {
    const p = positionAt(starts, offset);
    return { file: shown, line: p.line, column: p.column };
  };
  const counts: Record<string, number> = {};
  const edits: ReportLine[] = input.applied.map((action) => {
    counts[action.kind] = (counts[action.kind] ?? 0) + 1;
    const evidencePath = ['claims', action.claim ?? 0, 'evidence', action.evidence ?? 0];
    switch (action.kind) {
      case 'sha256':
        return {
          kind: 'sha256',
          source: action.source,
          ...at(nodeOffset(doc, [['sources', action.source, 'sha256']])),
          text: `sha256 of ${action.source} refreshed: ${action.sha256!.before.slice(0, 12)}… → ${action.sha256!.after.slice(0, 12)}…`,
          before: action.sha256!.before,
          after: action.sha256!.after,
        };
      case 'accept':
        return {
          kind: 'accept',
          claimId: action.claimId!,
          source: action.source,
          ...at(nodeOffset(doc, [[...evidencePath, 'quote']])),
          text: `quote accepted (score ${score2(action.quote!.score)}): ${wordChanges(action.quote!.before, action.quote!.after)}; span ${showSpan(action.span!.before)} → ${showSpan(action.span!.after)}`,
          before: action.quote!.before,
          after: action.quote!.after,
          ...(action.quote!.score !== undefined ? { score: action.quote!.score } : {}),
        };
      default:
        return {
          kind: action.kind,
          claimId: action.claimId!,
          source: action.source,
          ...at(nodeOffset(doc, [[...evidencePath, 'span'], [...evidencePath, 'quote']])),
          text: action.kind === 'pin' ? `span ${showSpan(action.span!.after)} added` : `span ${showSpan(action.span!.before)} → ${showSpan(action.span!.after)}`,
          ...(action.span!.before ? { before: showSpan(action.span!.before) } : {}),
          after: showSpan(action.span!.after),
        };
    }
  });
  const leftovers: ReportLine[] = input.leftovers.map((left) => {
    counts[left.status] = (counts[left.status] ?? 0) + 1;
    const source = loaded.sources.get(left.source);
    const place = at(nodeOffset(doc, [['claims', left.claim, 'evidence', left.evidence, 'quote']]));
    const r = left.result;
    const path = source?.decl.path ?? left.source;
    switch (left.status) {
      case 'changed': {
        const diff = r.diff ? formatDiff(r.diff) : r.actual !== undefined ? `${short(r.quote)} → ${short(r.actual)}` : '';
        return {
          kind: 'changed',
          claimId: left.claimId,
          source: left.source,
          ...place,
          text: `quote changed in ${r.found ? sourceAt(source, r.found[0]) : path} (score ${score2(r.score)}): ${diff}`,
          ...(r.actual !== undefined ? { before: r.quote, after: r.actual } : {}),
          ...(r.score !== undefined ? { score: r.score } : {}),
          note: 'Check the new wording against the claim; `factcheck update --accept` takes it.',
        };
      }
      case 'ambiguous': {
        const places = (r.candidates ?? []).map((c) => sourceAt(source, c.span[0]).replace(`${path}:`, '')).join(', ');
        return {
          kind: 'ambiguous',
          claimId: left.claimId,
          source: left.source,
          ...place,
          text: `quote occurs ${r.candidates?.length ?? 'several'} times in ${path}${places ? ` (at ${places})` : ''}`,
          note: 'Add `prefix:` or `suffix:` (the text just before or after the right one) to the evidence, then run update again.',
        };
      }
      default: {
        const best = r.candidates?.[0];
        return {
          kind: 'missing',
          claimId: left.claimId,
          source: left.source,
          ...place,
          text: `quote not found in ${path}${best ? `; nearest: ${short(best.text, 60)} at ${sourceAt(source, best.span[0])} (score ${score2(best.score)})` : ''}`,
          note: 'Correct the quote from the source, or remove this evidence.',
        };
      }
    }
  });
  // Edits that could not be made safely (an unusual layout, an alias): left for a person too.
  for (const { action, reason } of input.failed) {
    counts['not-editable'] = (counts['not-editable'] ?? 0) + 1;
    const evidencePath = ['claims', action.claim ?? 0, 'evidence', action.evidence ?? 0];
    const sha = action.kind === 'sha256';
    const what = sha ? `refresh the sha256 of ${action.source}` : action.kind === 'accept' ? 'take the new wording of this quote' : 'pin this quote';
    const byHand = sha ? `sha256: ${action.sha256!.after}` : action.kind === 'accept' ? `quote: ${JSON.stringify(action.quote!.after)} and span: ${showSpan(action.span!.after)}` : `span: ${showSpan(action.span!.after)}`;
    leftovers.push({
      kind: 'not-editable',
      ...(action.claimId ? { claimId: action.claimId } : {}),
      source: action.source,
      ...at(nodeOffset(doc, sha ? [['sources', action.source, 'sha256']] : [[...evidencePath, 'quote']])),
      text: `could not ${what} automatically: ${reason}`,
      note: `Write \`${byHand}\` here by hand.`,
    });
  }
  return { shown, dryRun: input.options.dryRun, written: input.written, edits, leftovers, counts };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summaryOf(report: UpdateReport): string {
  const c = report.counts;
  const parts = [
    c.repin ? `${plural(c.repin, 'span')} re-pinned` : '',
    c.pin ? `${plural(c.pin, 'span')} added` : '',
    c.accept ? `${plural(c.accept, 'quote')} accepted` : '',
    c.sha256 ? `${plural(c.sha256, 'sha256', 'sha256s')} refreshed` : '',
  ].filter(Boolean);
  let head: string;
  if (!report.edits.length) head = `${report.shown} is up to date: nothing to pin.`;
  else if (report.dryRun) head = `Dry run: ${report.shown} not written; update would make ${plural(report.edits.length, 'edit')} (${parts.join(', ')}).`;
  else head = `Updated ${report.shown}: ${parts.join(', ')}.`;
  if (!report.leftovers.length) return head;
  const left = ['changed', 'ambiguous', 'missing', 'not-editable'].filter((k) => c[k]).map((k) => `${c[k]} ${k}`);
  return `${head}\n${plural(report.leftovers.length, 'evidence item')} left for you (${left.join(', ')}).`;
}

function printReport(io: Io, options: UpdateOptions, report: UpdateReport): void {
  if (options.format === 'json') {
    const strip = ({ text, ...rest }: ReportLine) => ({ ...rest, message: text });
    io.stdout.write(
      `${JSON.stringify({ version: 1, claims: report.shown, dryRun: report.dryRun, written: report.written, edits: report.edits.map(strip), leftovers: report.leftovers.map(strip), summary: summaryOf(report) }, null, 2)}\n`,
    );
    return;
  }
  const line = (r: ReportLine) => `${r.file}:${r.line}:${r.column}  ${r.text}${r.claimId ? `  (${r.claimId})` : ''}\n`;
  for (const r of report.edits) io.stdout.write(line(r));
  if (report.leftovers.length) {
    io.stdout.write(`${report.edits.length ? '\n' : ''}Not changed, needs a person:\n`);
    for (const r of report.leftovers) {
      io.stdout.write(line(r));
      if (r.note) io.stdout.write(`    ${r.note}\n`);
    }
  }
  io.stdout.write(`${report.edits.length || report.leftovers.length ? '\n' : ''}${summaryOf(report)}\n`);
}
