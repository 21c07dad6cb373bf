// `vitest -u` pins moved quotes through `factcheck update`: byte for byte, and not in CI unless forced.
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, onlySpanNumbersChanged, read, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { runVitest, writeConfig } from './run-vitest.js';

afterAll(removeTempDirs);

// The quote stood at [0, 27]; an editor added a line above it, so it now stands at [27, 54].
const SOURCE = 'An editor added this line.\nThe account has been locked, and content deleted.\n';
const CLAIMS = `# A comment, "quoted" words and a blank line stay as they are.
version: 1

sources:
  bbc:
    path: a.txt
claims:
  - id: locked
    claim: 'The account was locked.'
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"   # the first words
        span: [0, 27]
`;

function workspace(): string {
  const root = makeWorkspace({ 'a.txt': SOURCE, 'claims.yaml': CLAIMS }, 'factcheck-vitest-update-');
  writeConfig(root, `{ include: ['claims.yaml'] }`);
  return root;
}

describe('vitest -u', () => {
  it('pins the moved quote, changing only the numbers of its span', () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['run', '-u']);
    expect(status, output).toBe(0);
    expect(read(root)).toBe(CLAIMS.replace('span: [0, 27]', 'span: [27, 54]'));
    expect(onlySpanNumbersChanged(CLAIMS, read(root))).toEqual({ ok: true });
    expect(output).toContain('1 span re-pinned');
  }, 180_000);

  it('is refused under CI: a test fails saying why, and claims.yaml is left as it was', () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['run', '-u'], { CI: 'true' });
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL .*claims\.yaml is updated/);
    expect(output).toContain('refusing to write claims.yaml because CI is set');
    expect(output).toContain('FACTCHECK_FORCE=1');
    expect(read(root)).toBe(CLAIMS);
  }, 180_000);

  it('writes under CI when forced with FACTCHECK_FORCE=1', () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['run', '-u'], { CI: 'true', FACTCHECK_FORCE: '1' });
    expect(status, output).toBe(0);
    expect(read(root)).toContain('span: [27, 54]');
  }, 180_000);

  it('leaves claims.yaml alone without -u', () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['run']);
    expect(status, output).toBe(0);
    expect(read(root)).toBe(CLAIMS);
  }, 180_000);
});
