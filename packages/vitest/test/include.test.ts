// The claims of the files that claims.yaml includes run as tests of claims.yaml's module.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { generateClaimsModule } from '../src/index.js';
import { runVitest, writeConfig } from './run-vitest.js';

afterAll(removeTempDirs);

const SOURCE = 'The account has been locked, and content deleted.\n';
// The include entry is line 3, column 5.
const CLAIMS = `version: 1
include:
  - more/*.yaml
sources:
  bbc:
    path: a.txt
claims:
  - id: locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"
        span: [0, 27]
`;
// `  - id: deleted` is line 2; the quote of `wiped` is line 14, column 16.
const MORE = `claims:
  - id: deleted
    claim: The content was deleted.
    verdict: supported
    evidence:
      - source: bbc
        quote: "content deleted"
        span: [33, 48]
  - id: wiped
    claim: The content was wiped.
    verdict: supported
    evidence:
      - source: bbc
        quote: "content was wiped"
`;

const RECORDER = `{ onTestRunEnd(modules) {
  const tests = modules.flatMap((m) => [...m.children.allTests()]).map((t) => ({ name: t.fullName, state: t.result().state, location: t.location, errors: (t.result().errors ?? []).map((e) => e.message) }));
  require('node:fs').writeFileSync('tests.json', JSON.stringify(tests));
} }`;

describe('included claims files in vitest', () => {
  it('generates a test for each claim of each included file, grouped by file, placed at the include entry', () => {
    const { code } = generateClaimsModule('/ws/claims.yaml', CLAIMS, 'file:///runtime.js', {
      included: [{ file: 'more/b.yaml', claims: [{ id: 'deleted', verdict: 'supported', evidence: [] }] }],
    });
    expect(code).toContain(`describe("more/b.yaml", () => {`);
    expect(code).toContain(`test("deleted", { meta: {"claimId":"deleted","sources":[],"verdict":"supported"} }, (context) => run.claimTest("deleted", context));`);
  });

  it('runs them, and a failure names the included file:line:col with a frame of that file', () => {
    const root = makeWorkspace({ 'a.txt': SOURCE, 'claims.yaml': CLAIMS, 'more/b.yaml': MORE }, 'factcheck-vitest-include-');
    writeConfig(root, `{ include: ['claims.yaml'], reporters: ['default', ${RECORDER}] }`);
    const config = path.join(root, 'vitest.config.mjs');
    writeFileSync(config, `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${readFileSync(config, 'utf8')}`);
    const { status, output } = runVitest(root, ['run']);
    expect(status, output).toBe(1);
    const tests = JSON.parse(readFileSync(path.join(root, 'tests.json'), 'utf8')) as { name: string; state: string; location?: { line: number; column: number }; errors: string[] }[];
    const byName = new Map(tests.map((t) => [t.name, t]));
    expect(byName.get('claims > locked')).toMatchObject({ state: 'passed', location: { line: 8, column: 9 } });
    expect(byName.get('claims > more/b.yaml > deleted')).toMatchObject({ state: 'passed', location: { line: 3, column: 5 } });
    const wiped = byName.get('claims > more/b.yaml > wiped')!;
    expect(wiped.state).toBe('failed');
    const error = wiped.errors.join('\n');
    expect(error).toContain('more/b.yaml:14:16  error  quote not found in a.txt');
    expect(error).toContain(['  13 |       - source: bbc', '> 14 |         quote: "content was wiped"', '     |                ^'].join('\n'));
  }, 180_000);
});
