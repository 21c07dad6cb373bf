// The plugin in another project's vitest config: its claims files at other paths, several of them,
// beside the project's own TypeScript tests.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { runVitest, writeConfig } from './run-vitest.js';

afterAll(removeTempDirs);

const SOURCE = 'The account has been locked, and content deleted, days after its launch.\n';
const claims = (id: string, quote: string) =>
  `version: 1\nsources:\n  bbc:\n    path: a.txt\nclaims:\n  - id: ${id}\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "${quote}"\n        span: [0, 27]\n`;

interface JsonResults {
  numFailedTests: number;
  testResults: { name: string; assertionResults: { title: string; status: string }[] }[];
}

describe('the plugin in another project', () => {
  it('collects claims files named in its options, at any path, with the project own tests', () => {
    const root = makeWorkspace(
      {
        'fact-checks/politics/checks.yaml': claims('politics-locked', 'The account has been locked'),
        'fact-checks/politics/a.txt': SOURCE,
        'docs/claims.yaml': claims('docs-locked', 'The account has been frozen'),
        'docs/a.txt': SOURCE,
        'src/sum.test.ts': "import { expect, test } from 'vitest';\ntest('adds', () => expect(1 + 1).toBe(2));\n",
        // A YAML file that is not a claims file: neither collected nor read.
        'config/settings.yaml': 'not: [a claims file\n',
      },
      'factcheck-vitest-project-',
    );
    writeConfig(
      root,
      `{ include: ['src/**/*.test.ts', 'fact-checks/**/*.yaml', 'docs/claims.yaml'], reporters: ['default', 'json', new FactcheckReportWriter()], outputFile: { json: 'results.json' } }`,
      `{ include: ['fact-checks/politics/checks.yaml', 'claims.yaml'] }`,
    );
    const { status, output } = runVitest(root, ['run']);
    expect(status).toBe(1);
    const results = JSON.parse(readFileSync(path.join(root, 'results.json'), 'utf8')) as JsonResults;
    const byFile = Object.fromEntries(results.testResults.map((f) => [path.relative(root, f.name), Object.fromEntries(f.assertionResults.map((t) => [t.title, t.status]))]));
    expect(Object.keys(byFile).sort()).toEqual(['docs/claims.yaml', 'fact-checks/politics/checks.yaml', 'src/sum.test.ts']);
    expect(byFile['src/sum.test.ts']).toEqual({ adds: 'passed' });
    expect(byFile['fact-checks/politics/checks.yaml']).toMatchObject({ 'politics-locked': 'passed' });
    expect(byFile['docs/claims.yaml']).toMatchObject({ 'docs-locked': 'failed' });
    expect(results.numFailedTests).toBe(1);
    expect(output).toMatch(/docs\/claims\.yaml:12:15 {2}error {2}quote changed in a\.txt/);
    // One report beside each claims file.
    expect(readFileSync(path.join(root, 'fact-checks/politics/reports/factcheck/index.html'), 'utf8')).toContain('politics');
    expect(readFileSync(path.join(root, 'docs/reports/factcheck/index.html'), 'utf8')).toContain('docs-locked');
  }, 180_000);
});
