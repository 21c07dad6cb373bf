import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ONE_LINE_SOURCE } from '@factcheck/test-fixtures';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const repo = path.resolve(packageDir, '../..');
const vitestBin = path.join(repo, 'node_modules/vitest/vitest.mjs');

const SOURCE = ONE_LINE_SOURCE;

function workspace(quote: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-vitest-'));
  writeFileSync(path.join(root, 'a.txt'), SOURCE);
  writeFileSync(
    path.join(root, 'claims.yaml'),
    `version: 1\nsources:\n  bbc:\n    path: a.txt\nclaims:\n  - id: good-claim\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n  - id: bad-claim\n    claim: The account was deleted.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "${quote}"\n        span: [0, 27]\n`,
  );
  writeFileSync(
    path.join(root, 'vitest.config.mjs'),
    `import { factcheckPlugin } from ${JSON.stringify(path.join(packageDir, 'dist/index.js'))};\nexport default { plugins: [factcheckPlugin()], test: { include: ['claims.yaml'], reporters: [['json', { outputFile: 'out.json' }], 'default'] } };\n`,
  );
  return root;
}

function runVitest(root: string) {
  const run = spawnSync(process.execPath, [vitestBin, 'run', '--config', 'vitest.config.mjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  return { status: run.status, output: `${run.stdout}${run.stderr}`, json: JSON.parse(readFileSync(path.join(root, 'out.json'), 'utf8')) };
}

describe('claims.yaml as a vitest test file', () => {
  it('passes every claim that holds', () => {
    const root = workspace('The account has been locked');
    const { status, json } = runVitest(root);
    expect(status).toBe(0);
    expect(json.numPassedTests).toBe(5); // valid, two claims, one source, total
    expect(json.numFailedTests).toBe(0);
  }, 60_000);

  it('fails a claim whose quote is gone, naming claims.yaml:line:col', () => {
    const root = workspace('The account has been frozen');
    const { status, output, json } = runVitest(root);
    expect(status).toBe(1);
    expect(json.numFailedTests).toBe(1);
    const failed = json.testResults[0].assertionResults.find((t: { status: string }) => t.status === 'failed');
    expect(failed.title).toBe('bad-claim');
    expect(failed.failureMessages.join('\n')).toMatch(/claims\.yaml:19:15 {2}error {2}quote (changed|not found)/);
    expect(output).toContain('bad-claim');
  }, 60_000);
});
