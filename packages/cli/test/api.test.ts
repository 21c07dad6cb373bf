import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import { FORMATS } from '../src/commands/check.js';
import { COMMANDS } from '../src/main.js';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate. The CLI offers the
// command itself (main) and what its bin needs; the editing library is @factcheck/edit.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(['EXIT_BROKEN_PIPE', 'EXIT_FINDINGS', 'EXIT_OK', 'EXIT_USAGE', 'exitOnClosedOutput', 'main']);
  });

  it('exports these as functions', () => {
    expect(typeof api.main).toBe('function');
    expect(typeof api.exitOnClosedOutput).toBe('function');
  });
});

describe('exit codes', () => {
  it('follow the linters: 0 clean, 1 findings, 2 usage or config errors', () => {
    expect([api.EXIT_OK, api.EXIT_FINDINGS, api.EXIT_USAGE]).toEqual([0, 1, 2]);
    // A closed output pipe: 128 + SIGPIPE, as a shell reports for git or grep.
    expect(api.EXIT_BROKEN_PIPE).toBe(141);
  });
});

describe('commands', () => {
  it('are check, report, merge, update, add, coverage and types; check and report print stylish, json or github', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(['add', 'check', 'coverage', 'merge', 'report', 'types', 'update']);
    expect([...FORMATS]).toEqual(['stylish', 'json', 'github']);
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual(['Io', 'OutputProcess']);
  });
});
