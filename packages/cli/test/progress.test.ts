import { describe, expect, it } from 'vitest';
import type { Io } from '../src/io.js';
import { progressLine, showsProgress } from '../src/progress.js';

function io(options: { stdoutTty?: boolean; stderrTty?: boolean; env?: Record<string, string> } = {}): Io & { err: string[] } {
  const err: string[] = [];
  return {
    cwd: '.',
    env: options.env ?? {},
    stdout: { write: () => true, isTTY: options.stdoutTty ?? false },
    stderr: { write: (chunk: string) => err.push(chunk), isTTY: options.stderrTty ?? false },
    err,
  };
}

describe('whether a check shows its progress', () => {
  it.each([
    ['a terminal, outside CI', { stdoutTty: true }, 'auto', true],
    ['a terminal, in CI', { stdoutTty: true, env: { CI: 'true' } }, 'auto', false],
    ['a terminal, CI=false', { stdoutTty: true, env: { CI: 'false' } }, 'auto', true],
    ['a pipe or a file', { stdoutTty: false }, 'auto', false],
    ['--progress, in CI', { stdoutTty: false, env: { CI: '1' } }, 'on', true],
    ['--no-progress, on a terminal', { stdoutTty: true }, 'off', false],
  ] as const)('%s', (_name, options, choice, shown) => {
    expect(showsProgress(io(options), choice)).toBe(shown);
  });
});

describe('the progress line', () => {
  it('on a terminal: nothing in the first second, then one line redrawn at most every 100 ms, cleared at the end', () => {
    const out = io({ stderrTty: true });
    let clock = 0;
    const line = progressLine(out, () => clock);
    clock = 500;
    line.onProgress(1, 10);
    expect(out.err).toEqual([]);
    clock = 1000;
    line.onProgress(2, 10);
    clock = 1050;
    line.onProgress(3, 10);
    clock = 2500;
    line.onProgress(10, 10);
    line.end();
    // The rate counts from the first source done (at 500 ms): 9 more in 2 s.
    expect(out.err).toEqual(['\rchecked 2 of 10 sources (2 a second)\u001b[K', '\rchecked 10 of 10 sources (5 a second)\u001b[K', '\r\u001b[K']);
  });

  it('in a log (stderr not a terminal): a line every few seconds and the last one, nothing to clear', () => {
    const out = io({ stderrTty: false });
    let clock = 0;
    const line = progressLine(out, () => clock);
    for (let done = 1; done <= 1000; done++) {
      clock = done * 12;
      line.onProgress(done, 1000);
    }
    line.end();
    expect(out.err).toEqual([
      'checked 84 of 1,000 sources (83 a second)\n',
      'checked 501 of 1,000 sources (83 a second)\n',
      'checked 918 of 1,000 sources (83 a second)\n',
      'checked 1,000 of 1,000 sources (83 a second)\n',
    ]);
  });

  it('counts the rate from the first source done, not from the start of the run', () => {
    const out = io({ stderrTty: false });
    let clock = 0;
    const line = progressLine(out, () => clock);
    // Loading took 3 s; then 100 sources in 2 s.
    clock = 3000;
    line.onProgress(1, 101);
    clock = 5000;
    line.onProgress(101, 101);
    expect(out.err).toEqual(['checked 1 of 101 sources\n', 'checked 101 of 101 sources (50 a second)\n']);
  });

  it('a quick run shows nothing, and clears nothing', () => {
    const out = io({ stderrTty: true });
    let clock = 0;
    const line = progressLine(out, () => clock);
    clock = 900;
    line.onProgress(4, 4);
    line.end();
    expect(out.err).toEqual([]);
  });
});
