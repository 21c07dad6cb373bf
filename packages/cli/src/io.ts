/** What a command may touch of its process: injected so that tests can run commands in-process too. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  /** isTTY: a terminal (as process.stdout and process.stderr say); absent is not one. */
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

/** Exit codes (stable): 0 everything holds, 1 findings, 2 usage or configuration errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/**
 * The reader of stdout or stderr went away (`factcheck check | head`): 128 + SIGPIPE (13), what a
 * shell reports for git or grep in the same place, so that it is never taken for findings (1).
 */
export const EXIT_BROKEN_PIPE = 141;

export type Command = (argv: string[], io: Io) => Promise<number>;

/** The error of a write to a pipe (or socket) whose reader has closed it. */
export function isBrokenPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/** What exitOnClosedOutput needs of the process (the real one in bin/factcheck.js). */
export interface OutputProcess {
  stdout: NodeJS.EventEmitter & { write(chunk: string): unknown };
  stderr: NodeJS.EventEmitter & { write(chunk: string): unknown };
  on(event: NodeJS.Signals, listener: () => void): unknown;
  exit(code: number): void;
}

/** Signals that end a run, with their numbers: the exit code is 128 + the number, as a shell shows it. */
const ENDING_SIGNALS: readonly [NodeJS.Signals, number][] = [
  ['SIGHUP', 1],
  ['SIGINT', 2],
  ['SIGTERM', 15],
];

/**
 * Ends the run the way git and grep do when their reader goes away: quietly (no stack trace, no
 * message) with EXIT_BROKEN_PIPE, at the first write that fails. Another error on stdout (a full
 * disk behind `>`) gets one line on stderr and EXIT_USAGE; SIGHUP, SIGINT and SIGTERM exit with
 * 128 + their number. Every way out goes through process.exit, so the exit hooks of the lock and
 * of the atomic writer run: the lock file is removed, a half-written temporary file too, and
 * claims.yaml is whole (already replaced, or not touched).
 */
export function exitOnClosedOutput(proc: OutputProcess): void {
  let ending = false;
  const end = (code: number) => {
    if (ending) return;
    ending = true;
    proc.exit(code);
  };
  proc.stdout.on('error', (error: unknown) => {
    if (isBrokenPipe(error)) return end(EXIT_BROKEN_PIPE);
    try {
      proc.stderr.write(`factcheck: cannot write to standard output (${errorSummary(error)})\n`);
    } catch {
      // stderr is gone too: the exit code says it.
    }
    end(EXIT_USAGE);
  });
  // Nothing can be said when stderr itself fails: end with the code alone.
  proc.stderr.on('error', (error: unknown) => end(isBrokenPipe(error) ? EXIT_BROKEN_PIPE : EXIT_USAGE));
  for (const [signal, number] of ENDING_SIGNALS) proc.on(signal, () => end(128 + number));
}

function errorSummary(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
