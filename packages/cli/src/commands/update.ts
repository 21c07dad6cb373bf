import { parseDateInterval } from '@factcheck/core';
import { updateClaims } from '@factcheck/edit';
import { formatUpdateResult } from '@factcheck/report';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type Io } from '../io.js';
import { usageError } from './check.js';
import { noteOn, printEditResult } from './edit-output.js';

const UPDATE_FLAGS: FlagSpec = {
  accept: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  take: { type: 'string', multiple: true },
};

export const UPDATE_FORMATS = ['stylish', 'json'] as const;

export const UPDATE_USAGE = `Usage: factcheck update [--claims PATH] [--accept] [--take ID[:N]]... [--dry-run] [--force] [--format stylish|json]

Pins what can safely be pinned, changing only those values in claims.yaml (every other byte,
comments and layout included, stays as it is):
  - a quote that moved in its source gets its new span;
  - evidence without a span gets the span of the quote's only occurrence;
  - a source's sha256, where one is recorded, is refreshed (none is added).
Quotes whose words changed, that occur more than once, or that are gone are listed and left alone.

  --accept    also take the new wording of changed quotes (quote and span): review the list first;
              the old words go into the evidence's history with today's date (UTC, or
              FACTCHECK_TODAY=YYYY-MM-DD)
  --take ID[:N]
              a quote of claim ID that is missing takes the passage check suggested as its new
              wording (the first, or the N-th of up to 3): quote and span, the old words into its
              history; repeat for more claims. --accept never takes a suggestion
  --dry-run   show what would change, write nothing (allowed in CI)
  --force     write even when CI is set in the environment

Exit codes: 0 written (or nothing to do) and nothing left, 1 evidence left for a person, 2 usage
or configuration errors (also: claims.yaml locked by another writer, or changed while updating).`;

interface UpdateFlags {
  claims: string;
  accept: boolean;
  dryRun: boolean;
  force: boolean;
  format: (typeof UPDATE_FORMATS)[number];
  /** The day recorded with accepted corrections, YYYY-MM-DD (UTC). */
  today: string;
  /** --take: claim id → which suggestion (1-based). */
  take?: Map<string, number>;
}

const TAKE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?::([1-3]))?$/;

/** The --take values as claim id → suggestion number, or a usage error text. */
function takeOf(values: readonly string[]): Map<string, number> | { error: string } {
  const take = new Map<string, number>();
  for (const value of values) {
    const m = TAKE.exec(value);
    if (!m) return { error: `update: --take expects a claim id, optionally with the suggestion's number 1 to 3 (e.g. --take old-settlement or --take old-settlement:2), got ${JSON.stringify(value)}` };
    const n = Number(m[2] ?? 1);
    if (take.has(m[1]!) && take.get(m[1]!) !== n) return { error: `update: --take names claim ${m[1]} twice with different suggestions (${take.get(m[1]!)} and ${n}); take one` };
    take.set(m[1]!, n);
  }
  return take;
}

/** Today in UTC as YYYY-MM-DD, or the day FACTCHECK_TODAY names (for reproducible runs); a usage error text when it is not a date. */
function todayOf(env: Record<string, string | undefined>, now: Date = new Date()): string | { error: string } {
  const given = env.FACTCHECK_TODAY;
  if (given === undefined || given === '') return now.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || parseDateInterval(given).error) {
    return { error: `update: FACTCHECK_TODAY must be a day written YYYY-MM-DD, got ${JSON.stringify(given)}; set it to a real date such as 2026-12-04, or unset it to use today's date (UTC)` };
  }
  return given;
}

function readOptions(argv: string[], io: Io): UpdateFlags | number | 'help' {
  const parsed = parseFlags('update', argv, UPDATE_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), UPDATE_USAGE);
  const flags = parsed.value;
  if (booleanFlag(flags, 'help')) return 'help';
  const format = stringFlag(flags, 'format') ?? 'stylish';
  if (!(UPDATE_FORMATS as readonly string[]).includes(format)) return usageError(io, `update: --format must be one of ${UPDATE_FORMATS.join(', ')}, got "${format}"`, UPDATE_USAGE);
  const claims = stringFlag(flags, 'claims') ?? 'claims.yaml';
  if (claims.trim() === '') return usageError(io, 'update: --claims needs a path', UPDATE_USAGE);
  const today = todayOf(io.env);
  if (typeof today !== 'string') return usageError(io, today.error, UPDATE_USAGE);
  const takeValues = flags.values.take;
  const take = Array.isArray(takeValues) && takeValues.length ? takeOf(takeValues) : undefined;
  if (take && !(take instanceof Map)) return usageError(io, take.error, UPDATE_USAGE);
  return { claims, accept: booleanFlag(flags, 'accept'), dryRun: booleanFlag(flags, 'dry-run'), force: booleanFlag(flags, 'force'), format: format as UpdateFlags['format'], today, ...(take ? { take } : {}) };
}

/** `factcheck update`: re-pin moved quotes, pin unpinned ones, refresh sha256; see UPDATE_USAGE. */
export async function updateCommand(argv: string[], io: Io): Promise<number> {
  const options = readOptions(argv, io);
  if (options === 'help') {
    io.stdout.write(`${UPDATE_USAGE}\n`);
    return EXIT_OK;
  }
  if (typeof options === 'number') return options;
  const { format, ...update } = options;
  const result = await updateClaims({ ...update, cwd: io.cwd, env: io.env, onNote: noteOn(io, 'update') });
  return printEditResult(io, 'update', format, result, (done) => {
    io.stdout.write(formatUpdateResult(done, format));
    return done.leftovers.length ? EXIT_FINDINGS : EXIT_OK;
  });
}
