import { anchorQuote, findQuote, formatDiff, nearestCandidates } from '@factcheck/anchor';
import { lineStartsOf, loadWorkspace, positionAt, suggest, VERDICTS, type AnchorOptions, type AnchorResult, type LoadedSource, type Span, type Verdict } from '@factcheck/core';
import { isSeq } from 'yaml';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import type { NewClaim, NewEvidence } from '../edit/append-claim.js';
import { deriveClaimId, isValidClaimId } from '../edit/claim-id.js';
import { editClaimsText, parseForEdit } from '../edit/claims-edit.js';
import {
  ciRefusal,
  commitClaimsText,
  encodeClaimsText,
  isCi,
  locateClaims,
  readClaimsFile,
  restoreClaimsFile,
  withClaimsLock,
  type ClaimsFile,
} from '../edit/claims-file.js';
import { printConfigErrors, usageError } from './check.js';

const ADD_FLAGS: FlagSpec = {
  source: { type: 'string' },
  quote: { type: 'string' },
  claim: { type: 'string' },
  id: { type: 'string' },
  verdict: { type: 'string' },
  prefix: { type: 'string' },
  suffix: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
};

export const ADD_FORMATS = ['stylish', 'json'] as const;

export const ADD_USAGE = `Usage: factcheck add --source ID --quote "…" --claim "…" [--id ID] [--verdict V]
                     [--prefix P] [--suffix S] [--claims PATH] [--dry-run] [--force] [--format stylish|json]

Finds the quote in the source, and appends a claim with that evidence, its span pinned, at the end
of the claims list (the rest of claims.yaml stays byte for byte).

  --source ID      a source id declared under sources:
  --quote TEXT     copied word for word from the source; it must occur once, or be told apart
  --prefix TEXT    with the text just before it, or
  --suffix TEXT    the text just after it (both are kept in the evidence)
  --claim TEXT     the claim, in your own words
  --id ID          kebab-case, unique (default: made from the claim's first words)
  --verdict V      ${VERDICTS.join(' | ')} (default: supported)
  --dry-run        print the YAML that would be appended, write nothing (allowed in CI)
  --force          write even when CI is set in the environment

Exit codes: 0 added, 1 the quote is not found once in the source, 2 usage or configuration errors.`;

interface AddOptions {
  claims: string;
  source: string;
  quote: string;
  claim: string;
  id: string | undefined;
  verdict: Verdict;
  prefix: string | undefined;
  suffix: string | undefined;
  dryRun: boolean;
  force: boolean;
  format: (typeof ADD_FORMATS)[number];
}

function readOptions(argv: string[], io: Io): AddOptions | number | 'help' {
  const parsed = parseFlags('add', argv, ADD_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), ADD_USAGE);
  const flags = parsed.value;
  if (booleanFlag(flags, 'help')) return 'help';
  const problem = flagProblem(flags);
  if (problem) return usageError(io, `add: ${problem}`, ADD_USAGE);
  return {
    claims: stringFlag(flags, 'claims') ?? 'claims.yaml',
    source: stringFlag(flags, 'source')!,
    quote: stringFlag(flags, 'quote')!,
    claim: stringFlag(flags, 'claim')!.trim(),
    id: stringFlag(flags, 'id'),
    verdict: (stringFlag(flags, 'verdict') ?? 'supported') as Verdict,
    prefix: stringFlag(flags, 'prefix'),
    suffix: stringFlag(flags, 'suffix'),
    dryRun: booleanFlag(flags, 'dry-run'),
    force: booleanFlag(flags, 'force'),
    format: (stringFlag(flags, 'format') ?? 'stylish') as AddOptions['format'],
  };
}

/** The first thing wrong with the flags, phrased for the user; undefined when they are fine. */
function flagProblem(flags: ParsedFlags): string | undefined {
  const missing = ['source', 'quote', 'claim'].filter((name) => stringFlag(flags, name) === undefined);
  if (missing.length) return `${missing.map((m) => `--${m}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (got none)`;
  for (const name of ['source', 'quote', 'claim'] as const) {
    if (stringFlag(flags, name)!.trim() === '') return `--${name} is empty; give the ${name === 'source' ? 'source id' : name === 'quote' ? 'quote, copied from the source' : 'claim, in your own words'}`;
  }
  for (const name of ['prefix', 'suffix'] as const) {
    const value = stringFlag(flags, name);
    if (value !== undefined && value === '') return `--${name} is empty; give the text just ${name === 'prefix' ? 'before' : 'after'} the quote, or leave the flag out`;
  }
  const format = stringFlag(flags, 'format') ?? 'stylish';
  if (!(ADD_FORMATS as readonly string[]).includes(format)) return `--format must be one of ${ADD_FORMATS.join(', ')}, got "${format}"`;
  const verdict = stringFlag(flags, 'verdict');
  if (verdict !== undefined && !(VERDICTS as readonly string[]).includes(verdict)) {
    const hint = suggest(verdict, VERDICTS);
    return `--verdict must be one of ${VERDICTS.join(', ')}, got "${verdict}"${hint ? `; did you mean "${hint}"?` : ''}`;
  }
  const id = stringFlag(flags, 'id');
  if (id !== undefined && !isValidClaimId(id)) return `--id must be kebab-case (lower-case letters and digits joined by single hyphens, e.g. parliament-closed-account), got "${id}"`;
  const claims = stringFlag(flags, 'claims');
  if (claims !== undefined && claims.trim() === '') return '--claims needs a path';
  return undefined;
}

/** `factcheck add`: append a claim whose quote is found, once, in its source; see ADD_USAGE. */
export async function addCommand(argv: string[], io: Io): Promise<number> {
  const options = readOptions(argv, io);
  if (options === 'help') {
    io.stdout.write(`${ADD_USAGE}\n`);
    return EXIT_OK;
  }
  if (typeof options === 'number') return options;
  const where = await locateClaims(io.cwd, options.claims);
  if (!options.dryRun && isCi(io.env) && !options.force) {
    io.stderr.write(`${ciRefusal('add', where.shown, io.env)}\n`);
    return EXIT_USAGE;
  }
  if (!where.real) {
    const loaded = await loadWorkspace(where.absolute, { cwd: io.cwd });
    printConfigErrors(io, options.format, loaded.errors, loaded.warnings);
    return EXIT_USAGE;
  }
  const { absolute, real, shown } = where;
  return withClaimsLock('add', { real, shown }, io, options.dryRun, () => runAdd(io, options, absolute, real, shown));
}

async function runAdd(io: Io, options: AddOptions, absolute: string, real: string, shown: string): Promise<number> {
  const file = await readClaimsFile(real, shown);
  if ('problem' in file) {
    io.stderr.write(`add: ${file.problem}\n`);
    return EXIT_USAGE;
  }
  const loaded = await loadWorkspace(absolute, { cwd: io.cwd });
  if (!loaded.value) {
    printConfigErrors(io, options.format, loaded.errors, loaded.warnings);
    return EXIT_USAGE;
  }
  if (loaded.value.claimsText !== file.text) {
    io.stderr.write(`add: ${shown} changed while it was being read; nothing was written. Run again.\n`);
    return EXIT_USAGE;
  }
  const { workspace, sources } = loaded.value;
  const source = sources.get(options.source);
  if (!source) {
    const known = [...workspace.sources.keys()];
    const hint = suggest(options.source, known);
    io.stderr.write(`add: unknown source "${options.source}"${hint ? `; did you mean "${hint}"?` : ''}\nDeclared sources: ${known.join(', ') || 'none'}.\n`);
    return EXIT_USAGE;
  }
  const taken = new Set(workspace.claims.map((c) => c.id));
  if (options.id !== undefined && taken.has(options.id)) {
    const existing = workspace.claims.find((c) => c.id === options.id)!;
    io.stderr.write(`add: --id "${options.id}" is already used by the claim at ${shown}:${existing.idPlace.start.line}:${existing.idPlace.start.column}; choose another id, or leave --id out to derive one.\n`);
    return EXIT_USAGE;
  }
  const found = findQuote(source.text, options.quote, { prefix: options.prefix, suffix: options.suffix, options: workspace.anchor });
  if (found.status !== 'verified' || !found.found) return reportNotFound(io, options, source, found, workspace.anchor);

  const evidence: NewEvidence = { source: options.source, quote: options.quote, span: found.found };
  if (options.prefix !== undefined) evidence.prefix = options.prefix;
  if (options.suffix !== undefined) evidence.suffix = options.suffix;
  const claim: NewClaim = { id: options.id ?? deriveClaimId(options.claim, taken), claim: options.claim, verdict: options.verdict, evidence: [evidence] };
  const outcome = editClaimsText(file.text, [{ kind: 'append-claim', claim }]);
  if (!outcome.applied.length) {
    io.stderr.write(`add: cannot append to ${shown}: ${outcome.problems.map((p) => p.reason).join('; ')}; nothing was written.\n`);
    return EXIT_USAGE;
  }
  const appended = outcome.applied[0]!.edits.map((e) => e.text).join('');
  const place = claimPlace(outcome.text, workspace.claims.length);
  const contextNotes = contextMismatch(source, found.found, options);
  for (const note of contextNotes) io.stderr.write(`add: note: ${note}\n`);
  if (options.dryRun) {
    printAdded(io, options, { shown, claim, place, source, appended, written: false });
    return EXIT_OK;
  }
  const written = await commitClaimsText(file, outcome.text);
  if (!written.ok) {
    const why = written.kind === 'changed' ? `${shown} changed on disk while add ran (saved by an editor or another tool)` : written.message;
    io.stderr.write(`add: ${why}; nothing was written. Run the command again.\n`);
    return EXIT_USAGE;
  }
  const problem = await verifyAdded(absolute, io.cwd, claim);
  if (problem) return restore(io, file, outcome.text, shown, problem);
  printAdded(io, options, { shown, claim, place, source, appended, written: true });
  return EXIT_OK;
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

async function restore(io: Io, file: ClaimsFile, text: string, shown: string, problem: string): Promise<number> {
  const restored = await restoreClaimsFile(file, encodeClaimsText(file, text));
  io.stderr.write(
    restored.ok
      ? `add: the claim was written but ${problem}; ${shown} has been restored to what it was. This is a bug in factcheck; please report it.\n`
      : `add: the claim was written but ${problem}, and restoring ${shown} failed (${restored.message}). Your original text is still in version control.\n`,
  );
  return EXIT_USAGE;
}

/** Line and column of the item at `index` of the claims list in `text`. */
function claimPlace(text: string, index: number): { line: number; column: number } {
  const seq = parseForEdit(text).get('claims', true);
  const offset = isSeq(seq) ? ((seq.items[index] as { range?: number[] } | undefined)?.range?.[0] ?? 0) : 0;
  const p = positionAt(lineStartsOf(text), offset);
  return { line: p.line, column: p.column };
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Notes for a --prefix/--suffix that does not stand next to the quote (kept all the same). */
function contextMismatch(source: LoadedSource, span: Span, options: AddOptions): string[] {
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
export function shellQuote(text: string): string {
  return `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

/**
 * A --prefix or --suffix of whole words that makes findQuote choose `span`: the shortest that
 * works, from CONTEXT_MIN_WORDS (fewer would break at the next small edit of the source) up to
 * CONTEXT_MAX_WORDS, suffix first at each length.
 */
export function contextSuggestion(source: LoadedSource, quote: string, span: Span, anchor: AnchorOptions): { flag: '--prefix' | '--suffix'; value: string } | undefined {
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

function reportNotFound(io: Io, options: AddOptions, source: LoadedSource, result: AnchorResult, anchor: AnchorOptions): number {
  const path = source.decl.path;
  const out: string[] = [];
  if (result.status === 'ambiguous' && (result.candidates ?? []).some((c) => c.score === 1)) {
    const candidates = result.candidates ?? [];
    out.push(`add: the quote occurs ${candidates.length} times in ${path}; a claim's evidence must point at one place. Nothing was written.`);
    for (const c of candidates) {
      const hint = contextSuggestion(source, options.quote, c.span, anchor);
      out.push(`  ${sourceAt(source, c.span[0])}  span [${c.span[0]}, ${c.span[1]}]${c.score < 1 ? `  score ${c.score.toFixed(2)}` : ''}${hint ? `  to choose it: ${hint.flag} ${shellQuote(hint.value)}` : ''}`);
    }
    out.push('Add --prefix "…" (the text just before the one you mean) or --suffix "…" (the text just after it).');
  } else {
    out.push(`add: the quote is not in ${path} word for word. Nothing was written.`);
    if (result.status === 'changed' && result.found) {
      const diff = result.diff ? formatDiff(result.diff) : '';
      out.push(`  closest: ${sourceAt(source, result.found[0])}  score ${(result.score ?? 0).toFixed(2)}  ${showText(source.text.slice(result.found))}${diff ? `\n    difference: ${diff}` : ''}`);
    }
    const nearest = nearestCandidates(source.text, options.quote, 3, { ignoreCase: anchor.ignoreCase }).filter(
      (c) => !(result.found && c.span[0] === result.found[0] && c.span[1] === result.found[1]),
    );
    if (nearest.length) {
      out.push('Nearest text in the source:');
      for (const c of nearest) out.push(`  ${sourceAt(source, c.span[0])}  score ${c.score.toFixed(2)}  ${showText(c.text)}`);
    } else if (result.status !== 'changed') out.push('Nothing in the source comes close (no candidate scores 0.5 or more).');
    out.push('Copy the quote exactly from the source, curly quotes, dashes and spacing included.');
  }
  const text = `${out.join('\n')}\n`;
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ version: 1, written: false, status: result.status, source: options.source, candidates: (result.candidates ?? []).map((c) => ({ span: c.span, score: c.score, text: c.text, at: sourceAt(source, c.span[0]) })), message: text.trimEnd() }, null, 2)}\n`);
  } else io.stdout.write(text);
  return EXIT_FINDINGS;
}

function printAdded(io: Io, options: AddOptions, added: { shown: string; claim: NewClaim; place: { line: number; column: number }; source: LoadedSource; appended: string; written: boolean }): void {
  const { shown, claim, place, source } = added;
  const evidence = claim.evidence[0]!;
  if (options.format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        {
          version: 1,
          claims: shown,
          dryRun: !added.written,
          written: added.written,
          line: place.line,
          column: place.column,
          claim: { ...claim, evidence: claim.evidence.map((e) => ({ ...e, at: sourceAt(source, e.span[0]) })) },
          yaml: added.appended,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const where = `${sourceAt(source, evidence.span[0])}, span [${evidence.span[0]}, ${evidence.span[1]}]`;
  if (added.written) {
    io.stdout.write(`Added claim "${claim.id}" at ${shown}:${place.line}:${place.column}\n  quote found at ${where}\n`);
    return;
  }
  const block = added.appended.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)+$/, '');
  io.stdout.write(`Dry run: ${shown} not written. add would append claim "${claim.id}" at line ${place.line} (quote found at ${where}):\n\n${block}\n`);
}
