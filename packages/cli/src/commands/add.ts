import { suggest, VERDICTS, type Verdict } from '@factcheck/core';
import { addClaim, isValidClaimId } from '@factcheck/edit';
import { formatAddResult } from '@factcheck/report';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../io.js';
import { usageError } from './check.js';
import { noteOn, printEditResult } from './edit-output.js';

const ADD_FLAGS: FlagSpec = {
  source: { type: 'string' },
  quote: { type: 'string' },
  claim: { type: 'string' },
  id: { type: 'string' },
  verdict: { type: 'string' },
  prefix: { type: 'string' },
  suffix: { type: 'string' },
  into: { type: 'string' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
};

export const ADD_FORMATS = ['stylish', 'json'] as const;

export const ADD_USAGE = `Usage: factcheck add --source ID --quote "…" --claim "…" [--id ID] [--verdict V]
                     [--prefix P] [--suffix S] [--into FILE] [--claims PATH] [--dry-run] [--force]
                     [--format stylish|json]

Finds the quote in the source, and appends a claim with that evidence, its span pinned, at the end
of the claims list (the rest of claims.yaml stays byte for byte).

  --source ID      a source id declared under sources:
  --quote TEXT     copied word for word from the source; it must occur once, or be told apart
  --prefix TEXT    with the text just before it, or
  --suffix TEXT    the text just after it (both are kept in the evidence)
  --claim TEXT     the claim, in your own words
  --id ID          kebab-case, unique (default: made from the claim's first words)
  --verdict V      ${VERDICTS.join(' | ')} (default: supported)
  --into FILE      append to this claims file instead: one that \`include:\` in claims.yaml matches
  --dry-run        print the YAML that would be appended, write nothing (allowed in CI)
  --force          write even when CI is set in the environment

Exit codes: 0 added, 1 the quote is not found once in the source, 2 usage or configuration errors.`;

interface AddFlags {
  claims: string;
  source: string;
  quote: string;
  claim: string;
  id: string | undefined;
  verdict: Verdict;
  prefix: string | undefined;
  suffix: string | undefined;
  into: string | undefined;
  dryRun: boolean;
  force: boolean;
  format: (typeof ADD_FORMATS)[number];
}

function readOptions(argv: string[], io: Io): AddFlags | number | 'help' {
  const parsed = parseFlags('add', argv, ADD_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), ADD_USAGE);
  const flags = parsed.value;
  if (booleanFlag(flags, 'help')) return 'help';
  const problem = flagProblem(flags);
  if (problem) return usageError(io, `add: ${problem}`, ADD_USAGE);
  // flagProblem has made sure that the three required flags are given.
  const required = (name: 'source' | 'quote' | 'claim') => stringFlag(flags, name) ?? '';
  return {
    claims: stringFlag(flags, 'claims') ?? 'claims.yaml',
    source: required('source'),
    quote: required('quote'),
    claim: required('claim').trim(),
    id: stringFlag(flags, 'id'),
    verdict: (stringFlag(flags, 'verdict') ?? 'supported') as Verdict,
    prefix: stringFlag(flags, 'prefix'),
    suffix: stringFlag(flags, 'suffix'),
    into: stringFlag(flags, 'into'),
    dryRun: booleanFlag(flags, 'dry-run'),
    force: booleanFlag(flags, 'force'),
    format: (stringFlag(flags, 'format') ?? 'stylish') as AddFlags['format'],
  };
}

/** The first thing wrong with the flags, phrased for the user; undefined when they are fine. */
function flagProblem(flags: ParsedFlags): string | undefined {
  const missing = ['source', 'quote', 'claim'].filter((name) => stringFlag(flags, name) === undefined);
  if (missing.length) return `${missing.map((m) => `--${m}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} required (got none)`;
  for (const name of ['source', 'quote', 'claim'] as const) {
    if ((stringFlag(flags, name) ?? '').trim() === '') return `--${name} is empty; give the ${name === 'source' ? 'source id' : name === 'quote' ? 'quote, copied from the source' : 'claim, in your own words'}`;
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
  const into = stringFlag(flags, 'into');
  if (into !== undefined && into.trim() === '') return '--into needs a path (a claims file that claims.yaml includes), or leave it out to add to claims.yaml';
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
  const { format, into, ...add } = options;
  const result = await addClaim({ ...add, ...(into !== undefined ? { into } : {}), cwd: io.cwd, env: io.env, onNote: noteOn(io, 'add') });
  return printEditResult(io, 'add', format, result, (done) => {
    io.stdout.write(formatAddResult(done, format));
    return done.kind === 'added' ? EXIT_OK : EXIT_FINDINGS;
  });
}
