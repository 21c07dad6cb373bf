/** What a command may touch of its process: injected so that tests can run commands in-process too. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

/** Exit codes (stable): 0 everything holds, 1 findings, 2 usage or configuration errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export type Command = (argv: string[], io: Io) => Promise<number>;
