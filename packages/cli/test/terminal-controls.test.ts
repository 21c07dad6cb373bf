import { afterAll, describe, expect, it } from 'vitest';
import { addCommand } from '../src/commands/add.js';
import { updateCommand } from '../src/commands/update.js';
import { fakeIo, makeWorkspace, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

// A source can hold characters that drive a terminal (CSI, U+009B, starts an escape sequence) or
// reorder what it shows (the direction marks and overrides). When add and update quote it, they
// write those characters as escapes, by the rule of @factcheck/core.
const SOURCE = 'The account was \u009B2Jclosed on \u202EFriday\u202C after \u061Creview\u200E by \u200Fstaff.\n';
const RAW_CONTROLS = /[\u009B\u202E\u202C\u061C\u200E\u200F]/;

const CLAIMS = `version: 1
sources:
  a:
    path: a.txt
claims:
  - id: closed
    claim: The account was closed.
    verdict: supported
    evidence:
      - source: a
        quote: "The account was closed on Friday after review by staff."
`;

describe('control characters from a source, in terminal output', () => {
  it('add shows the nearest text with its controls escaped', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const io = fakeIo(root);
    const code = await addCommand(['--source', 'a', '--quote', 'The account was closed on Friday after review by staff.', '--claim', 'Closed.'], io);
    expect(code).toBe(1);
    expect(io.out()).toContain('\\u009b2Jclosed on \\u202eFriday\\u202c after \\u061creview\\u200e by \\u200fstaff.');
    expect(io.out()).not.toMatch(RAW_CONTROLS);
  });

  it('update lists the quote it cannot pin with the source text escaped', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const io = fakeIo(root);
    const code = await updateCommand([], io);
    expect(code).toBe(1);
    expect(io.out()).toContain('Not changed, needs a person:');
    expect(io.out()).toMatch(/\\u009b|\\u202e|\\u061c/);
    expect(io.out()).not.toMatch(RAW_CONTROLS);
  });
});
