import * as path from 'node:path';
import { checkWorkspace } from '@factcheck/check';
import { formatCoverageTable } from '@factcheck/coverage';
import type { CheckResult, Message } from '@factcheck/core';
import { formatGithub, formatStylish, formatSummaryLine, toJsonErrorReport, toJsonReport, writeHtmlReport } from '@factcheck/report';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec, type ParsedFlags } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';

export const FORMATS = ['stylish', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

const CHECK_FLAGS: FlagSpec = {
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
};

export const CHECK_USAGE = `Usage: factcheck check [--claims PATH] [--format stylish|json|github] [--color | --no-color]

Confirms every claim in claims.yaml against its sources: every quote must still stand, verbatim,
at its span; no two claims may contradict each other; coverage must meet its thresholds.
Exit codes: 0 everything holds, 1 findings, 2 usage or configuration errors.`;

export const REPORT_USAGE = `Usage: factcheck report [--claims PATH] [--out DIR] [--format stylish|json|github] [--color | --no-color]

Runs the check and writes the HTML coverage report (default: reports/factcheck/ beside claims.yaml).
Exits like check.`;

export interface OutputOptions {
  format: Format;
  color: boolean;
  claimsPath: string;
}

/** Reads the flags that check and report share; returns a usage error text when they are wrong. */
export function readOutputFlags(flags: ParsedFlags, io: Io, command: string): OutputOptions | string {
  const format = stringFlag(flags, 'format') ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) return `${command}: --format must be one of ${FORMATS.join(', ')}, got "${format}"`;
  const wantColor = booleanFlag(flags, 'color');
  const noColor = booleanFlag(flags, 'no-color');
  if (wantColor && noColor) return `${command}: --color and --no-color conflict: give one of them`;
  if (wantColor && format !== 'stylish') return `${command}: --color goes with --format stylish, not ${format}`;
  const color = wantColor || (!noColor && format === 'stylish' && !io.env.NO_COLOR && io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0');
  return { format: format as Format, color, claimsPath: stringFlag(flags, 'claims') ?? 'claims.yaml' };
}

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  return runCheck('check', argv, io, CHECK_FLAGS, CHECK_USAGE);
}

export async function reportCommand(argv: string[], io: Io): Promise<number> {
  return runCheck('report', argv, io, { ...CHECK_FLAGS, out: { type: 'string' } }, REPORT_USAGE);
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
  const outFlag = stringFlag(parsed.value, 'out');
  if (outFlag !== undefined && outFlag.trim() === '') return usageError(io, `${command}: --out needs a directory`, usage);

  const checked = await checkWorkspace(options.claimsPath, { cwd: io.cwd });
  if (!checked.value) {
    printConfigErrors(io, options.format, checked.errors, checked.warnings);
    return EXIT_USAGE;
  }
  const result = checked.value;
  let reportNote = '';
  if (command === 'report') {
    const outDir = path.resolve(io.cwd, outFlag ?? path.join(result.workspace.root, 'reports', 'factcheck'));
    try {
      await writeHtmlReport(result, outDir);
      reportNote = `HTML report: ${path.relative(io.cwd, path.join(outDir, 'index.html')) || 'index.html'}\n`;
    } catch (error) {
      io.stderr.write(`report: could not write the report to ${outDir}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  printResult(io, options, result);
  if (reportNote) (options.format === 'stylish' ? io.stdout : io.stderr).write(reportNote);
  return exitCodeOf(result);
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
      const text = formatStylish(result.messages, { color: options.color });
      if (text) io.stdout.write(`${text}\n`);
      io.stdout.write(`${formatCoverageTable(result.coverage, { thresholds: result.workspace.coverage })}\n\n`);
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
