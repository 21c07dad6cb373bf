import type { Message, Result } from '@factcheck/core';

/**
 * What update and add return: the loader's `{ value, errors, warnings }` (`errors`: claims.yaml or
 * a source cannot be loaded, each at its file:line:col), and what else a writer can meet.
 */
export interface EditResult<T> extends Result<T> {
  /**
   * Why nothing was done although nothing in the files is wrong: CI is set, another writer holds
   * the lock, the file changed on disk, the disk is full… One text, phrased for a person, that
   * starts with the command (`update: …`) and says what to do.
   */
  refusal?: string;
  /** Said on the way, whatever the outcome (a stale lock taken over, a --prefix that is not next to the quote); see also the option onNote. */
  notes: string[];
}

export function refused<T>(refusal: string): EditResult<T> {
  return { value: undefined, errors: [], warnings: [], refusal, notes: [] };
}

export function succeeded<T>(value: T, warnings: readonly Message[] = []): EditResult<T> {
  return { value, errors: [], warnings: [...warnings], notes: [] };
}

/**
 * Notes as they are said: kept for the result, and passed on at once to `onNote`, so that a CLI
 * can print them straight away (before anything is written: a reader that went away then stops
 * the run before it writes).
 */
export function noteTaker(onNote: ((note: string) => void) | undefined): { say: (note: string) => void; said: string[] } {
  const said: string[] = [];
  return {
    said,
    say(note) {
      said.push(note);
      onNote?.(note);
    },
  };
}

/** The outcome with every note said on the way. */
export function withNotes<T>(result: EditResult<T>, notes: readonly string[]): EditResult<T> {
  return { ...result, notes: [...notes] };
}
