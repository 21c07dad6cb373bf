// With TypeScript that imports claims.generated, the claims' run checks the claim ids it uses.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '@factcheck/core';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { claimTypesModel, generateClaimTypes } from '@factcheck/types';
import { runVitest, writeConfig } from './run-vitest.js';

afterAll(removeTempDirs);

const SOURCE = 'The account has been locked, and content deleted, days after its launch.\n';
const CLAIMS = `version: 1\nsources:\n  bbc:\n    path: a.txt\nclaims:\n  - id: account-locked\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n`;

async function workspace(files: Record<string, string>): Promise<string> {
  const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE, ...files }, 'factcheck-vitest-typed-');
  const loaded = await loadWorkspace(path.join(root, 'claims.yaml'), { cwd: root });
  writeFileSync(path.join(root, 'claims.generated.ts'), generateClaimTypes(claimTypesModel(loaded.value!.workspace)));
  writeConfig(root, `{ include: ['claims.yaml'] }`);
  return root;
}

describe('claim ids in TypeScript', () => {
  it('fail the run at file.ts:line:col when TypeScript that imports the generated types uses an unknown id', async () => {
    const root = await workspace({ 'src/use.ts': "import { claim } from '../claims.generated.js';\nexport const c = claim('acount-locked');\n" });
    const { status, output } = runVitest(root, ['run']);
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL .*claim ids in TypeScript/);
    expect(output).toContain('src/use.ts:2:24  error  unknown claim id "acount-locked": claims.yaml has no such claim; the nearest is "account-locked"  unknown-claim-reference');
  }, 180_000);

  it('are not a test of a workspace whose TypeScript does not import them', async () => {
    const root = await workspace({ 'src/other.ts': "export const c = 'acount-locked';\n" });
    const { status, output } = runVitest(root, ['run']);
    expect(status, output).toBe(0);
    expect(output).not.toContain('claim ids in TypeScript');
    expect(output).toMatch(/Tests +4 passed/);
  }, 180_000);
});
