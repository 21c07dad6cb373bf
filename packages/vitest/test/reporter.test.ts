// The report writer builds the HTML report from what the run recorded, without checking again.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import * as check from '@factcheck/check';
import { FactcheckReportWriter, loadClaims, RUN_META_KEY, type ClaimsRunData } from '../src/index.js';

// Every call of checkWorkspace, from the runtime or from the reporter, is counted.
vi.mock('@factcheck/check', async (importOriginal) => {
  const original = await importOriginal<typeof import('@factcheck/check')>();
  return { ...original, checkWorkspace: vi.fn(original.checkWorkspace) };
});

afterAll(removeTempDirs);

const SOURCE = 'The account has been locked, and content deleted, days after its launch.\n';
const CLAIMS = `version: 1\nsources:\n  bbc:\n    path: a.txt\nclaims:\n  - id: locked\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n`;

const pagesOf = (dir: string) => [path.join(dir, 'index.html'), ...readdirSync(path.join(dir, 'sources')).map((n) => path.join(dir, 'sources', n))].map((f) => readFileSync(f, 'utf8')).join('\n');

describe('FactcheckReportWriter', () => {
  it("writes the report from the run's recorded results and does not run the check again", async () => {
    const root = makeWorkspace({ 'a.txt': SOURCE, 'claims.yaml': CLAIMS }, 'factcheck-vitest-reporter-');
    const claims = path.join(root, 'claims.yaml');
    const run = await loadClaims(claims);
    expect(run.data?.summary).toEqual({ passed: 1, failed: 0 });
    const checkWorkspace = vi.mocked(check.checkWorkspace);
    expect(checkWorkspace).toHaveBeenCalledTimes(1);
    // What the run recorded says the claim failed (on disk it holds): the report must say what the run said.
    const recorded: ClaimsRunData = { ...run.data!, claims: run.data!.claims.map((c) => ({ ...c, status: 'failed' })), summary: { passed: 0, failed: 1 } };
    const outDir = path.join(root, 'out');
    const module = { moduleId: `${claims}?factcheck-shard=1-of-1`, meta: () => ({ [RUN_META_KEY]: recorded }) };
    const written = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await new FactcheckReportWriter({ outDir }).onTestRunEnd([module]);
      expect(checkWorkspace).toHaveBeenCalledTimes(1);
      await new FactcheckReportWriter({ outDir: path.join(root, 'fresh') }).onTestRunEnd([{ moduleId: claims, meta: () => ({ [RUN_META_KEY]: run.data }) }]);
    } finally {
      written.mockRestore();
    }
    const failing = pagesOf(outDir);
    const passing = pagesOf(path.join(root, 'fresh'));
    // The two reports differ only by what the run recorded.
    expect(failing).not.toBe(passing);
    expect(failing).toMatch(/quotes failing|failing the check/);
    expect(checkWorkspace).toHaveBeenCalledTimes(1);
  });

  it('writes nothing for a module that recorded no results', async () => {
    const root = makeWorkspace({ 'a.txt': SOURCE, 'claims.yaml': CLAIMS }, 'factcheck-vitest-reporter-');
    await new FactcheckReportWriter({ outDir: path.join(root, 'out') }).onTestRunEnd([{ moduleId: path.join(root, 'claims.yaml'), meta: () => ({}) }]);
    expect(() => readdirSync(path.join(root, 'out'))).toThrow(/ENOENT/);
  });
});
