// Each claim's test carries its place in claims.yaml, its meta and the status of each quote.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { runVitest, writeConfig } from './run-vitest.js';

afterAll(removeTempDirs);

const SOURCE = 'An editor added this line.\nThe account has been locked, and content deleted.\n';
// `  - id: locked` is line 6 (its id at column 9); `  - id: deleted` is line 12.
const CLAIMS = `version: 1
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
  - id: deleted
    claim: The content was deleted.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked, and content deleted"
        span: [27, 75]
      - source: bbc
        quote: "content was wiped"
`;

// A reporter that keeps what vitest knows of each test: its place, meta and annotations.
const RECORDER = `{ onTestRunEnd(modules) {
  const tests = modules.flatMap((m) => [...m.children.allTests()]).map((t) => ({ name: t.name, state: t.result().state, location: t.location, meta: t.meta(), annotations: t.annotations().map((a) => ({ type: a.type, message: a.message })), errors: (t.result().errors ?? []).map((e) => e.message) }));
  require('node:fs').writeFileSync('tests.json', JSON.stringify(tests));
} }`;

function workspace(): string {
  const root = makeWorkspace({ 'a.txt': SOURCE, 'claims.yaml': CLAIMS }, 'factcheck-vitest-locations-');
  writeFileSync(path.join(root, 'vitest.config.mjs'), '');
  writeConfig(root, `{ include: ['claims.yaml'], reporters: ['default', ${RECORDER}] }`);
  // The config is an ES module: give the recorder its require.
  const config = path.join(root, 'vitest.config.mjs');
  writeFileSync(config, `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${readFileSync(config, 'utf8')}`);
  return root;
}

interface Recorded {
  name: string;
  state: string;
  location?: { line: number; column: number };
  meta: Record<string, unknown>;
  annotations: { type: string; message: string }[];
  errors: string[];
}

describe('claims.yaml in vitest', () => {
  it('places each claim at the line of its id in `vitest list --json`', () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['list', '--json']);
    expect(status, output).toBe(0);
    const listed = JSON.parse(output.slice(output.indexOf('['), output.lastIndexOf(']') + 1)) as { name: string; file: string; location?: { line: number; column: number } }[];
    const byName = new Map(listed.map((t) => [t.name, t]));
    expect(byName.get('claims > locked')).toEqual({ name: 'claims > locked', file: path.join(root, 'claims.yaml'), location: { line: 6, column: 9 } });
    expect(byName.get('claims > deleted')?.location).toEqual({ line: 12, column: 9 });
    expect(byName.get('coverage > a.txt')?.location).toEqual({ line: 3, column: 3 });
  }, 180_000);

  it("gives each test its meta, each quote's status as an annotation, and a failure a frame of the YAML", () => {
    const root = workspace();
    const { status, output } = runVitest(root, ['run']);
    expect(status, output).toBe(1);
    const tests = JSON.parse(readFileSync(path.join(root, 'tests.json'), 'utf8')) as Recorded[];
    const locked = tests.find((t) => t.name === 'locked')!;
    expect(locked.state).toBe('passed');
    expect(locked.meta).toEqual({ claimId: 'locked', sources: ['bbc'], verdict: 'supported', status: 'passed' });
    expect(locked.annotations).toEqual([{ type: 'factcheck:verified', message: 'evidence 1 (bbc): verified at [27, 54]' }]);
    const deleted = tests.find((t) => t.name === 'deleted')!;
    expect(deleted.state).toBe('failed');
    expect(deleted.meta).toMatchObject({ claimId: 'deleted', status: 'failed' });
    expect(deleted.annotations.map((a) => a.type)).toEqual(['factcheck:verified', 'factcheck:missing']);
    // The failure names claims.yaml:line:col, then shows the YAML with a caret under the quote.
    const error = deleted.errors.join('\n');
    expect(error).toContain('claims.yaml:20:16  error  quote not found in a.txt');
    expect(error).toContain(['  19 |       - source: bbc', '> 20 |         quote: "content was wiped"', '     |                ^'].join('\n'));
  }, 180_000);
});
