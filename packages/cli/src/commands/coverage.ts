import * as path from 'node:path';
import { checkWorkspace } from '@factcheck/check';
import { suggest } from '@factcheck/core';
import { formatUnquotedSentences, unquotedSentences } from '@factcheck/coverage';
import { parseFlags, stringFlag, type FlagSpec } from '../args.js';
import { EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { printConfigErrors, usageError } from './check.js';

const COVERAGE_FORMATS = ['stylish', 'json'] as const;
type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

const COVERAGE_FLAGS: FlagSpec = {
  source: { type: 'string' },
};

export const COVERAGE_USAGE = `Usage: factcheck coverage [--claims PATH] [--source ID] [--format stylish|json]

Lists the sentences that no standing quote touches (uncovered ones, and partial ones that only a
changed quote touches): the ones the coverage figures count as not quoted, each with its
file:line:col and its words. Excluded boilerplate is not listed. --source ID lists one source's.
Exit codes: 0 listed (whether or not any sentence is unquoted), 2 usage or configuration errors
(an unknown --source among them).`;

/** How many known ids an unknown --source message names before "and N more". */
const IDS_SHOWN = 20;

export async function coverageCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseFlags('coverage', argv, COVERAGE_FLAGS);
  if (!parsed.value) return usageError(io, parsed.errors.join('\n'), COVERAGE_USAGE);
  if (parsed.value.values.help === true) {
    io.stdout.write(`${COVERAGE_USAGE}\n`);
    return EXIT_OK;
  }
  const format = stringFlag(parsed.value, 'format') ?? 'stylish';
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) return usageError(io, `coverage: --format must be one of ${COVERAGE_FORMATS.join(', ')}, got "${format}"`, COVERAGE_USAGE);
  const claimsPath = stringFlag(parsed.value, 'claims') ?? 'claims.yaml';
  if (claimsPath.trim() === '') return usageError(io, 'coverage: --claims needs a path (got an empty value)', COVERAGE_USAGE);
  const source = stringFlag(parsed.value, 'source');
  if (source !== undefined && source.trim() === '') return usageError(io, 'coverage: --source needs a source id (got an empty value)', COVERAGE_USAGE);

  const checked = await checkWorkspace(claimsPath, { cwd: io.cwd });
  if (!checked.value) {
    printConfigErrors(io, format as CoverageFormat, checked.errors, checked.warnings);
    return EXIT_USAGE;
  }
  const result = checked.value;
  const ids = [...result.workspace.sources.keys()];
  if (source !== undefined && !result.workspace.sources.has(source)) {
    const hint = suggest(source, ids);
    const known = ids.length ? `${ids.slice(0, IDS_SHOWN).join(', ')}${ids.length > IDS_SHOWN ? `, and ${ids.length - IDS_SHOWN} more` : ''}` : 'none';
    io.stderr.write(`coverage: unknown source "${source}" in ${result.workspace.displayPath}${hint ? `; did you mean "${hint}"?` : ''}\nKnown sources: ${known}\nGive one of them to --source, or leave --source out to list every source.\n`);
    return EXIT_USAGE;
  }
  const sentences = unquotedSentences(result.coverage, result.sources, source === undefined ? {} : { source });
  const looked = source === undefined ? result.coverage.sources.length : 1;
  if (format === 'json') {
    const partial = sentences.filter((s) => s.state === 'partial').length;
    const report = { version: 1, sentences, summary: { sources: looked, sentences: sentences.length, partial } };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }
  const file = (s: { path: string }) => {
    const shown = path.relative(io.cwd, path.resolve(result.workspace.root, s.path));
    return shown === '' ? s.path : shown.split(path.sep).join('/');
  };
  io.stdout.write(`${formatUnquotedSentences(sentences, { file, sources: looked })}\n`);
  return EXIT_OK;
}
