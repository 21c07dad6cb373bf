// Progress of a long check on the terminal: "checked 1,200 of 2,000 sources (310 a second)". It
// shows only once a run has taken a second, on stderr (stdout stays the result). It is on when
// stdout is a terminal and CI is not set, unless --no-progress; --progress turns it on anywhere,
// as one line every few seconds where stderr is not a terminal (a CI log).
import { isCi } from '@factcheck/edit/ci';
import type { Io } from './io.js';

/** After how long a run shows its progress, and how often the line is redrawn on a terminal (ms). */
export const PROGRESS_AFTER_MS = 1000;
const REDRAW_MS = 100;
/** How often a line is written where stderr is not a terminal (a log), in ms. */
const LOG_EVERY_MS = 5000;

export type ProgressChoice = 'auto' | 'on' | 'off';

/** Whether a run shows its progress. */
export function showsProgress(io: Io, choice: ProgressChoice): boolean {
  if (choice !== 'auto') return choice === 'on';
  return io.stdout.isTTY === true && !isCi(io.env);
}

/**
 * A progress callback for check (sources done of the total), and `end`, which clears the line.
 * `now` is injected for tests.
 */
export function progressLine(io: Io, now: () => number = () => performance.now()): { onProgress: (done: number, total: number) => void; end: () => void } {
  const start = now();
  const terminal = io.stderr.isTTY === true;
  let last = -Infinity;
  let shown = false;
  // The rate counts from the first source done: loading claims.yaml and reading sources come before.
  let first: { at: number; done: number } | undefined;
  const format = (n: number) => n.toLocaleString('en-GB');
  return {
    onProgress(done, total) {
      const at = now();
      first ??= { at, done };
      const elapsed = at - start;
      if (elapsed < PROGRESS_AFTER_MS || (at - last < (terminal ? REDRAW_MS : LOG_EVERY_MS) && done < total)) return;
      last = at;
      const span = at - first.at;
      const rate = span > 0 ? ` (${format(Math.round(((done - first.done) / span) * 1000))} a second)` : '';
      const text = `checked ${format(done)} of ${format(total)} sources${rate}`;
      io.stderr.write(terminal ? `\r${text}\u001b[K` : `${text}\n`);
      shown = true;
    },
    end() {
      if (shown && terminal) io.stderr.write('\r\u001b[K');
    },
  };
}
