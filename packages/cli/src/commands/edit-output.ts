import { refusalText, type EditResult } from '@factcheck/edit';
import { EXIT_USAGE, type Io } from '../io.js';
import { printConfigErrors } from './check.js';

/**
 * Prints each note of update or add on stderr as soon as it is said: a stale lock taken over is
 * told before anything is written (and a closed stderr ends the run there, the file untouched).
 */
export function noteOn(io: Io, command: string): (note: string) => void {
  return (note) => io.stderr.write(`${command}: note: ${note}\n`);
}

/**
 * Prints what update or add returned (its notes have been printed as they came): its value,
 * through `print`, which returns the exit code; or why nothing was done, with exit code 2: the
 * configuration errors of claims.yaml or a source, or a refusal (locked, CI, the disk full…),
 * which the json format prints as an error message like the others.
 */
export function printEditResult<T>(io: Io, command: string, format: 'stylish' | 'json', result: EditResult<T>, print: (value: T) => number): number {
  if (result.value !== undefined) return print(result.value);
  if (result.refusal === undefined) printConfigErrors(io, format, result.errors, result.warnings);
  // A refusal is a message like the configuration errors: JSON gets it as one; a person reads it
  // as a sentence that starts with the command, and what to do on the next line.
  else if (format === 'json') printConfigErrors(io, format, [result.refusal], result.warnings);
  else io.stderr.write(`${refusalText(command, result.refusal)}\n`);
  return EXIT_USAGE;
}
