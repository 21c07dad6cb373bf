import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { checkLoadedWorkspace, readShardResults, type ShardFile } from '@factcheck/check';
import { loadWorkspace, type CheckResult } from '@factcheck/core';
import { booleanFlag, parseFlags, stringFlag, type FlagSpec } from '../args.js';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { bufferedStdout, outFileProblem, printConfigErrors, printWithReport, readOutputFlags, usageError, writeOutput, type OutputOptions } from './check.js';

export const MERGE_USAGE = `Usage: factcheck merge [--claims PATH] [--format stylish|json|github] [--color | --no-color] [--verbose] [--out FILE] [--report DIR] [--no-cache] FILE...

Joins the results of a sharded check (the files that \`factcheck check --shard i/n --format json\`
wrote, one for each of the n shards, such as results-*.json) into the result of the whole check:
the shards' quotes are taken as they anchored them, and the rest of the check (contradictions,
coverage, corroboration, the summary) runs here on the whole workspace, which is read again.
The output is what \`factcheck check\` prints for the same claims.yaml and sources, byte for byte;
--out FILE writes it to FILE instead, and --report DIR also writes the HTML report (as
\`factcheck report --out DIR\` does). Every shard must be given once, all made from the same
claims.yaml and sources with the same n; otherwise nothing is merged.
Exit codes: 0 everything holds, 1 findings, 2 usage or configuration errors (and shard files
that do not fit together).`;

const MERGE_FLAGS: FlagSpec = {
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  verbose: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  out: { type: 'string' },
  report: { type: 'string' },
};

/** Results files larger than this are refused before they are read whole. */
const MAX_SHARD_FILE_BYTES = 1024 * 1024 * 1024;

export async function mergeCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags('merge', argv, MERGE_FLAGS, true);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), MERGE_USAGE);
  if (booleanFlag(parsed.value, 'help')) {
    io.stdout.write(`${MERGE_USAGE}\n`);
    return EXIT_OK;
  }
  const options = readOutputFlags(parsed.value, io, 'merge');
  if (typeof options === 'string') return usageError(io, options, MERGE_USAGE);
  if (options.claimsPath.trim() === '') return usageError(io, 'merge: --claims needs a path (got an empty value)', MERGE_USAGE);
  const files = parsed.value.positionals;
  if (!files.length) return usageError(io, 'merge: no results files given: name the JSON file of every shard (such as results-*.json)', MERGE_USAGE);
  const reportFlag = stringFlag(parsed.value, 'report');
  if (reportFlag !== undefined && reportFlag.trim() === '') return usageError(io, 'merge: --report needs a directory', MERGE_USAGE);
  const outFlag = stringFlag(parsed.value, 'out');
  if (outFlag !== undefined && outFlag.trim() === '') return usageError(io, 'merge: --out needs a file path', MERGE_USAGE);
  const outFile = outFlag !== undefined ? path.resolve(io.cwd, outFlag) : undefined;
  if (outFile !== undefined) {
    const problem = await outFileProblem(outFile, outFlag!, path.resolve(io.cwd, options.claimsPath));
    if (problem) {
      io.stderr.write(`merge: ${problem}\n`);
      return EXIT_USAGE;
    }
    if (!booleanFlag(parsed.value, 'color')) options.color = false;
  }

  const shardFiles: ShardFile[] = [];
  for (const file of files) {
    const read = await readShardFile(path.resolve(io.cwd, file), file);
    if (typeof read === 'string') {
      io.stderr.write(`merge: ${read}\n`);
      return EXIT_USAGE;
    }
    shardFiles.push(read);
  }

  const output = outFile !== undefined ? bufferedStdout(io) : undefined;
  const { code, result } = await runMerge(output?.io ?? io, options, shardFiles, reportFlag);
  // Nothing to write when the shards did not fit together (that is said on stderr).
  if (!output || (code === EXIT_USAGE && !output.text())) return code;
  return (await writeOutput(io, 'merge', result, outFile!, outFlag!, output.text())) ? code : EXIT_USAGE;
}

async function readShardFile(absolute: string, shown: string): Promise<ShardFile | string> {
  try {
    const bytes = await readFile(absolute);
    if (bytes.length > MAX_SHARD_FILE_BYTES) return `${shown}: over ${MAX_SHARD_FILE_BYTES / 1024 / 1024} MiB, too large for a shard's results; check that this is the right file`;
    return { file: shown, text: bytes.toString('utf8') };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return `${shown}: no such file: name the files that \`factcheck check --shard i/n --format json --out FILE\` wrote (a glob that matched nothing stays as written)`;
    if (code === 'EISDIR') return `${shown}: a directory, not a shard's results file: name the JSON files inside it`;
    return `${shown}: cannot be read (${(error as Error).message}): check its permissions`;
  }
}

/** Loads the workspace, takes the shards' anchored quotes, and runs the rest of the check. */
async function runMerge(io: Io, options: OutputOptions, files: ShardFile[], reportFlag: string | undefined): Promise<{ code: number; result?: CheckResult }> {
  const loaded = await loadWorkspace(options.claimsPath, { cwd: io.cwd, cache: options.cache ?? true });
  if (!loaded.value) {
    printConfigErrors(io, options.format, loaded.errors, loaded.warnings);
    return { code: EXIT_USAGE };
  }
  const shards = readShardResults(files, loaded.value);
  if (!shards.value) {
    for (const error of shards.errors) io.stderr.write(`merge: ${error}\n`);
    io.stderr.write(`${shards.errors.length} problem${shards.errors.length === 1 ? '' : 's'} with the results files: nothing was merged.\n`);
    return { code: EXIT_USAGE };
  }
  const result = await checkLoadedWorkspace(loaded.value, loaded.warnings, { cwd: io.cwd, anchored: shards.value });
  return printWithReport(io, 'merge', options, result, reportFlag === undefined ? undefined : path.resolve(io.cwd, reportFlag));
}
