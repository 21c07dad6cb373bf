import { createMessage, placeAt, type Message, type Place, type Result, type RuleId } from '@factcheck/core';

/**
 * What update and add return: the loader's `{ value, errors, warnings }` (`errors`: claims.yaml or
 * a source cannot be loaded, each at its file:line:col), and what else a writer can meet.
 */
export interface EditResult<T> extends Result<T> {
  /**
   * Why nothing was done although nothing in the files is wrong: CI is set, another writer holds
   * the lock, the file changed on disk, the disk is full… A message like any other (its rule says
   * which refusal it is, its note what to do), at claims.yaml; `refusalText` words it for a person.
   */
  refusal?: Message;
  /** Said on the way, whatever the outcome (a stale lock taken over, a --prefix that is not next to the quote); see also the option onNote. */
  notes: string[];
}

export function refused<T>(refusal: Message): EditResult<T> {
  return { value: undefined, errors: [], warnings: [], refusal, notes: [] };
}

/**
 * A refusal as a message. `text` is phrased for a person, command first: `update: what happened`,
 * then, on the lines after, what to do. The command goes (refusalText puts it back), the first
 * line is the reason, the others the note.
 */
export function refusal(ruleId: RuleId, file: string, text: string, place: Place = placeAt([0], 0)): Message {
  const [first = '', ...rest] = text.split('\n');
  const reason = first.replace(/^[a-z]+: /, '');
  return createMessage({ ruleId, file, place, reason, ...(rest.length ? { note: rest.join(' ') } : {}) });
}

/** A refusal as the command line prints it: `update: what happened`, then what to do. */
export function refusalText(command: string, message: Pick<Message, 'reason' | 'note'>): string {
  return `${command}: ${message.reason}${message.note ? `\n${message.note}` : ''}`;
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
