import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { checkShard, checkWorkspace, parseShardSpec, type CheckOptions, type ShardSpec } from '@factcheck/check';
import { formatCoverageTable } from '@factcheck/coverage';
import type { CheckResult, Message } from '@factcheck/core';
import { formatCorroboration, formatGithub, formatStylish, formatSummaryLine, groupMovedQuotes, toJsonErrorReport, toJsonReport } from '@factcheck/report/formats';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { progressLine, showsProgress, type ProgressChoice } from '../progress.js';

export const FORMATS = ['stylish', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const CHECK_FLAGS: FlagSpec = {
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  workers: { type: 'string' },
};

export const CHECK_USAGE = `Usage: factcheck check [--claims PATH] [--format stylish|json|github] [--color | --no-color] [--verbose] [--out FILE] [--no-cache] [--workers N] [--shard i/n]

Confirms every claim in claims.yaml against its sources: every quote must still stand, verbatim,
at its span; no two claims may contradict each other; coverage must meet its thresholds.
A quote that stands verbatim elsewhere (moved) passes with a warning; the moved quotes of a source
are shown as one line, and --verbose lists them one by one, and gives each claim's corroboration.
--out FILE writes what would be printed on standard output to FILE instead, atomically.
claims.yaml, once parsed, and the quotes of each source, once anchored, are kept in
.factcheck/cache/ beside it and read back while they are unchanged; --no-cache neither reads nor
writes that cache.
--workers N anchors the sources in N worker threads (1: none); by default a large workspace uses
one per core, and a small one none.
A run that takes over a second shows how many sources are checked on stderr when stdout is a
terminal and CI is not set; --progress shows it anywhere, --no-progress never.
--shard i/n checks the quotes of the sources that fall in shard i of n (split by a stable hash of
the source id), reading only those sources; it reports their findings, and with --format json it
writes what \`factcheck merge\` needs to join the n shards into the result of a whole check.
Exit codes: 0 everything holds, 1 findings, 2 usage or configuration errors.`;

export const REPORT_USAGE = `Usage: factcheck report [--claims PATH] [--out DIR] [--format stylish|json|github] [--color | --no-color] [--verbose] [--no-cache] [--workers N]

Runs the check and writes the HTML coverage report (default: reports/factcheck/ beside claims.yaml).
Exits like check.`;

export interface OutputOptions {
  format: Format;
  color: boolean;
  claimsPath: string;
  /** List every message one by one (stylish groups the moved quotes of a source otherwise). */
  verbose?: boolean;
  /** Read and write the parse cache of claims.yaml (on unless --no-cache). */
  cache?: boolean;
  /** --progress, --no-progress, or neither (a terminal outside CI shows it). */
  progress?: ProgressChoice;
  /** --shard i/n: check the sources of one shard only. */
  shard?: ShardSpec;
  /** --workers N: worker threads that anchor the sources (absent: automatic). */
  workers?: number;
}

/** The most worker threads --workers takes. */
const MAX_WORKERS = 256;

/** Reads the flags that check and report share; returns a usage error text when they are wrong. */
export function readOutputFlags(flags: ParsedFlags, io: Io, command: string): OutputOptions | string {
  const format = stringFlag(flags, 'format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return `${command}: --format must be one of ${FORMATS.join(', ')}, got "${format}"`;
  const wantColor = booleanFlag(flags, 'color');
  const noColor = booleanFlag(flags, 'no-color');
  if (wantColor && noColor) return `${command}: --color and --no-color conflict: give one of them`;
  if (wantColor && format !== 'stylish') return `${command}: --color goes with --format stylish, not ${format}`;
  if (booleanFlag(flags, 'progress') && booleanFlag(flags, 'no-progress')) return `${command}: --progress and --no-progress conflict: give one of them`;
  const progress: ProgressChoice = booleanFlag(flags, 'progress') ? 'on' : booleanFlag(flags, 'no-progress') ? 'off' : 'auto';
  const color = wantColor || (!noColor && format === 'stylish' && !io.env.NO_COLOR && io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0');
  const workersFlag = stringFlag(flags, 'workers');
  const workers = workersFlag === undefined ? undefined : /^\d+$/.test(workersFlag.trim()) ? Number(workersFlag.trim()) : NaN;
  if (workers !== undefined && !(workers >= 1 && workers <= MAX_WORKERS)) return `${command}: --workers must be a whole number from 1 to ${MAX_WORKERS}, got "${workersFlag}"`;
  return {
    format: format as Format,
    color,
    claimsPath: stringFlag(flags, 'claims') ?? 'claims.yaml',
    verbose: booleanFlag(flags, 'verbose'),
    cache: !booleanFlag(flags, 'no-cache'),
    progress,
    ...(workers !== undefined ? { workers } : {}),
  };
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  return runCheck('check', argv, io, { ...CHECK_FLAGS, out: { type: 'string' }, shard: { type: 'string' } }, CHECK_USAGE);
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  return runCheck('report', argv, io, { ...CHECK_FLAGS, out: { type: 'string' }, shard: { type: 'string' } }, REPORT_USAGE);
}

async function runCheck(command: 'check' | 'report', argv: string[], io: Io, spec: FlagSpec, usage: string): Promise<number> {
  const parsed = parseFlags(command, argv, spec);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), usage);
  if (booleanFlag(parsed.value, 'help')) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const options = readOutputFlags(parsed.value, io, command);
  if (typeof options === 'string') return usageError(io, options, usage);
  if (options.claimsPath.trim() === '') return usageError(io, `${command}: --claims needs a path (got an empty value)`, usage);
  const shardFlag = stringFlag(parsed.value, 'shard');
  if (shardFlag !== undefined && command === 'report') {
    return usageError(io, 'report: --shard is for check: the HTML report of a sharded check is written by `factcheck merge FILE... --report DIR`, from the JSON of every shard', usage);
  }
  if (shardFlag !== undefined) {
    const shard = parseShardSpec(shardFlag);
    if (!shard.value) return usageError(io, `check: ${shard.error}`, usage);
    options.shard = shard.value;
  }
  const outFlag = stringFlag(parsed.value, 'out');
  if (outFlag !== undefined && outFlag.trim() === '') return usageError(io, `${command}: --out needs a ${command === 'report' ? 'directory' : 'file path'}`, usage);
  // check --out FILE: what stdout would get goes to FILE (report's --out is the HTML folder).
  const outFile = command === 'check' && outFlag !== undefined ? path.resolve(io.cwd, outFlag) : undefined;
  if (outFile === undefined) return (await runCheckWorkspace(command, io, options, outFlag)).code;

  const problem = await outFileProblem(outFile, outFlag!, path.resolve(io.cwd, options.claimsPath));
  if (problem) {
    io.stderr.write(`check: ${problem}\n`);
    return EXIT_USAGE;
  }
  // A file gets colours only when asked for: FORCE_COLOR is meant for terminals.
  if (!booleanFlag(parsed.value, 'color')) options.color = false;
  const output = bufferedStdout(io);
  const { code, result } = await runCheckWorkspace(command, output.io, options, outFlag);
  return (await writeOutput(io, 'check', result, outFile, outFlag!, output.text())) ? code : EXIT_USAGE;
}

/**
 * Writes what standard output would have got to --out FILE, unless FILE is one of the workspace's
 * sources (which must stay as they are); says why on stderr when it does not write.
 */
export async function writeOutput(io: Io, command: string, result: CheckResult | undefined, file: string, shown: string, text: string): Promise<boolean> {
  const source = result && [...result.workspace.sources.values()].find((s) => path.resolve(result.workspace.root, s.path) === file);
  if (source) {
    io.stderr.write(`${command}: --out ${shown} is the source "${source.id}"; name another file, so that the source stays as it is\n`);
    return false;
  }
  return writeOutFile(io, file, shown, text, command);
}

/** Checks the workspace and prints the outcome through `io` (and, for report, writes the HTML). */
async function runCheckWorkspace(command: 'check' | 'report', io: Io, options: OutputOptions, outFlag: string | undefined): Promise<{ code: number; result?: CheckResult }> {
  if (options.shard) return runShard(io, options, options.shard);
  const progress = showsProgress(io, options.progress ?? 'auto') ? progressLine(io) : undefined;
  const checked = await checkWorkspace(options.claimsPath, checkOptionsOf(io, options, progress));
  progress?.end();
  if (!checked.value) {
    printConfigErrors(io, options.format, checked.errors, checked.warnings);
    return { code: EXIT_USAGE };
  }
  const result = checked.value;
  const outDir = command === 'report' ? path.resolve(io.cwd, outFlag ?? path.join(result.workspace.root, 'reports', 'factcheck')) : undefined;
  return printWithReport(io, command, options, result, outDir);
}

/** The options of a check run from the command line: the parse and anchor caches on unless --no-cache. */
function checkOptionsOf(io: Io, options: OutputOptions, progress: ReturnType<typeof progressLine> | undefined): CheckOptions {
  return {
    cwd: io.cwd,
    cache: options.cache ?? true,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(progress ? { onProgress: progress.onProgress } : {}),
  };
}

/**
 * Writes the HTML report to `outDir` when there is one, then prints the result, and names the
 * report after it. A report that cannot be written is a usage error (exit 2).
 */
export async function printWithReport(io: Io, command: string, options: OutputOptions, result: CheckResult, outDir: string | undefined): Promise<{ code: number; result: CheckResult }> {
  let reportNote = '';
  if (outDir !== undefined) {
    try {
      // The HTML report's modules load only when it is written.
      const { writeHtmlReport } = await import('@factcheck/report');
      await writeHtmlReport(result, outDir);
      reportNote = `HTML report: ${path.relative(io.cwd, path.join(outDir, 'index.html')) || 'index.html'}\n`;
    } catch (error) {
      // The writer's message names the file and its folder (and says when the disk is full).
      io.stderr.write(`${command}: ${(error as Error).message}\n`);
      return { code: EXIT_USAGE, result };
    }
  }
  printResult(io, options, result);
  if (reportNote) (options.format === 'stylish' ? io.stdout : io.stderr).write(reportNote);
  return { code: exitCodeOf(result), result };
}

/** Checks one shard and prints its findings (with --format json, also what merge needs). */
async function runShard(io: Io, options: OutputOptions, shard: ShardSpec): Promise<{ code: number; result?: CheckResult }> {
  const progress = showsProgress(io, options.progress ?? 'auto') ? progressLine(io) : undefined;
  const checked = await checkShard(options.claimsPath, shard, checkOptionsOf(io, options, progress));
  progress?.end();
  if (!checked.value) {
    printConfigErrors(io, options.format, checked.errors, checked.warnings);
    return { code: EXIT_USAGE };
  }
  const { result, record } = checked.value;
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify({ ...toJsonReport(result), shard: record }, null, 2)}\n`);
  } else if (options.format === 'github') {
    const annotations = formatGithub(result.messages);
    if (annotations) io.stdout.write(`${annotations}\n`);
    io.stdout.write(`${formatSummaryLine(result.summary)}\n`);
  } else {
    const text = formatStylish(options.verbose ? result.messages : groupMovedQuotes(result), { color: options.color });
    if (text) io.stdout.write(`${text}\n`);
    const n = Object.keys(record.sources).length;
    io.stdout.write(
      `shard ${shard.index}/${shard.count}: ${record.evidence.length} quote${record.evidence.length === 1 ? '' : 's'} in ${n} source${n === 1 ? '' : 's'} checked; contradictions, coverage and the totals of the whole come from \`factcheck merge\` (run each shard with --format json)\n\n`,
    );
    io.stdout.write(`${formatSummaryLine(result.summary)}\n`);
  }
  return { code: exitCodeOf(result), result };
}

/** An Io whose stdout is kept in memory, to be written to a file at the end. */
export function bufferedStdout(io: Io): { io: Io; text: () => string } {
  let text = '';
  return { io: { ...io, stdout: { write: (chunk: string) => (text += chunk) } }, text: () => text };
}

/** Why --out cannot name `file` (claims.yaml itself, a folder, in a folder that does not exist), before anything runs. */
export async function outFileProblem(file: string, shown: string, claimsFile: string): Promise<string | undefined> {
  if (file === claimsFile) return `--out ${shown} is the claims file itself; name another file`;
  const isFolder = async (target: string) => (await stat(target).catch(() => undefined))?.isDirectory();
  if (await isFolder(file)) return `--out ${shown} is a directory; give a file path, such as ${path.join(shown, 'factcheck.json')}`;
  if ((await isFolder(path.dirname(file))) !== true) return `--out ${shown}: the folder ${path.dirname(shown)} does not exist; create it first`;
  return undefined;
}

/** Replaces `file` with `text` atomically (whole, or as it was); says why on stderr when it cannot. */
async function writeOutFile(io: Io, file: string, shown: string, text: string, command: string): Promise<boolean> {
  // Only --out writes a file: the editing modules load then.
  const { writeFileAtomic } = await import('@factcheck/edit');
  const written = await writeFileAtomic(file, Buffer.from(text, 'utf8'));
  if (written.ok) return true;
  io.stderr.write(`${command}: ${written.message.replace(path.basename(file), shown)}; ${shown} is as it was. Check that its folder is writable and has room.\n`);
  return false;
}

/** 1 when any message is an error (a failing claim, an unacknowledged contradiction, a threshold). */
export function exitCodeOf(result: CheckResult): number {
  return result.messages.some((m) => m.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

export function printResult(io: Io, options: OutputOptions, result: CheckResult): void {
  switch (options.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(toJsonReport(result), null, 2)}\n`);
      return;
    case 'github': {
      const annotations = formatGithub(result.messages);
      if (annotations) io.stdout.write(`${annotations}\n`);
      io.stdout.write(`${formatSummaryLine(result.summary)}\n`);
      return;
    }
    case 'stylish': {
      const text = formatStylish(options.verbose ? result.messages : groupMovedQuotes(result), { color: options.color });
      if (text) io.stdout.write(`${text}\n`);
      io.stdout.write(`${formatCoverageTable(result.coverage, { thresholds: result.workspace.coverage })}\n\n`);
      const corroboration = formatCorroboration(result.claims, { perClaim: options.verbose });
      if (corroboration) io.stdout.write(`${corroboration}\n\n`);
      io.stdout.write(`${formatSummaryLine(result.summary)}\n`);
    }
  }
}

export function printConfigErrors(io: Io, format: Format, errors: readonly Message[], warnings: readonly Message[]): void {
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(toJsonErrorReport(errors, warnings), null, 2)}\n`);
    return;
  }
  if (format === 'github') {
    io.stdout.write(`${formatGithub([...errors, ...warnings])}\n`);
    return;
  }
  io.stderr.write(`${formatStylish([...errors, ...warnings])}\n`);
  const n = errors.length;
  io.stderr.write(`${n} configuration error${n === 1 ? '' : 's'}: nothing was checked. Fix ${n === 1 ? 'it' : 'them'} and run again.\n`);
}

export function usageError(io: Io, text: string, usage: string): number {
  io.stderr.write(`${text}\n\n${usage}\n`);
  return EXIT_USAGE;
}
