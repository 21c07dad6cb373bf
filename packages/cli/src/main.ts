import { suggest } from '@factcheck/core';
import { checkCommand, reportCommand } from './commands/check.js';
import { coverageCommand } from './commands/coverage.js';
import { EXIT_BROKEN_PIPE, EXIT_OK, EXIT_USAGE, isBrokenPipe, type Command, type Io } from './io.js';

// The commands that edit files load their modules (and the reporters they use) when they run,
// so that a check does not load them.
const updateCommand: Command = async (argv, io) => (await import('./commands/update.js')).updateCommand(argv, io);
const addCommand: Command = async (argv, io) => (await import('./commands/add.js')).addCommand(argv, io);
const typesCommand: Command = async (argv, io) => (await import('./commands/types.js')).typesCommand(argv, io);
const mergeCommand: Command = async (argv, io) => (await import('./commands/merge.js')).mergeCommand(argv, io);

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: checkCommand, summary: 'confirm every claim against its sources' },
  report: { run: reportCommand, summary: 'check, and write the HTML coverage report' },
  merge: { run: mergeCommand, summary: 'join the JSON results of check --shard i/n into the whole result' },
  update: { run: updateCommand, summary: 'pin moved and unpinned quotes (--accept also takes changed ones)' },
  add: { run: addCommand, summary: 'append a claim with its quote found and pinned' },
  coverage: { run: coverageCommand, summary: 'list the sentences no standing quote touches, with file:line:col' },
  types: { run: typesCommand, summary: 'write claims.generated.ts: ClaimId, SourceId, claims and claim()' },
};

export const VERSION = '0.1.0';

export const USAGE = `Usage: factcheck <command> [--claims PATH] [--format stylish|json|github]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run \`factcheck <command> --help\` for a command's flags.
Exit codes: 0 everything holds, 1 findings, 2 usage or configuration errors, 141 output closed early.`;

/**
 * Runs the CLI; returns the exit code. Never throws and never prints a stack trace. A write that
 * fails because the reader closed the pipe ends the run quietly with EXIT_BROKEN_PIPE.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (isBrokenPipe(error)) return EXIT_BROKEN_PIPE;
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`factcheck: internal error: ${detail}\nThis is a bug in factcheck; please report it with the command you ran.\n`);
    if (io.env.FACTCHECK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`factcheck: no command given\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    const hint = suggest(name, Object.keys(COMMANDS));
    const what = name.startsWith('-') ? `expected a command before flags, got "${name}"` : `unknown command "${name}"`;
    io.stderr.write(`factcheck: ${what}${hint ? `; did you mean "${hint}"?` : ''}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}
