// `--shard=i/n` splits the claims of one claims file among the shards; their blob reports merge
// into one result and one HTML report.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace } from '@factcheck/test-fixtures';
import { removeTempDirs, tempDir } from '@factcheck/test-fixtures/edit-workspace';
import { rmSync } from 'node:fs';
import { runVitest, writeConfig } from './run-vitest.js';

const copies: string[] = [];
afterAll(() => {
  removeTempDirs();
  copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

interface JsonResults {
  numTotalTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
}

const claimIds = (results: JsonResults) => results.testResults.flatMap((f) => f.assertionResults.filter((t) => t.ancestorTitles[0] === 'claims').map((t) => t.title));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as JsonResults;

describe('sharded runs', () => {
  const root = copyWorkspace('factcheck-vitest-shards-');
  copies.push(root);
  const ids = [...readFileSync(path.join(root, 'claims.yaml'), 'utf8').matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]!);
  const blobs = tempDir('factcheck-vitest-blobs-');
  writeConfig(root, `{ include: ['claims.yaml'], reporters: ['default', 'json', new FactcheckReportWriter({ outDir: 'merged-report' })], outputFile: { json: 'merged.json' } }`);

  it('run every claim exactly once between --shard=1/2 and --shard=2/2', () => {
    const shards = [1, 2].map((index) => {
      const { status, output } = runVitest(root, ['run', `--shard=${index}/2`, '--reporter=json', `--outputFile.json=shard-${index}.json`, '--reporter=blob', `--outputFile.blob=${path.join(blobs, `blob-${index}.json`)}`]);
      expect(status, output).toBe(0);
      return claimIds(readJson(path.join(root, `shard-${index}.json`)));
    });
    expect(ids.length).toBeGreaterThan(100);
    expect(shards[0]!.length).toBeGreaterThan(0);
    expect(shards[1]!.length).toBeGreaterThan(0);
    expect([...shards[0]!, ...shards[1]!].sort()).toEqual([...ids].sort());
    // The config's reporters did not run in the shards (--reporter replaces them): no report yet.
    expect(existsSync(path.join(root, 'merged-report'))).toBe(false);
  }, 240_000);

  it('merge with --merge-reports into one result with every claim, and one HTML report', () => {
    const { status, output } = runVitest(root, ['run', `--merge-reports=${blobs}`]);
    expect(status, output).toBe(0);
    const merged = readJson(path.join(root, 'merged.json'));
    expect(merged.numFailedTests).toBe(0);
    expect(claimIds(merged).sort()).toEqual([...ids].sort());
    // The config's reporters ran once, on the merged results: one report, naming every claim.
    const report = path.join(root, 'merged-report');
    expect(readdirSync(report)).toContain('index.html');
    const pages = readdirSync(path.join(report, 'sources')).map((name) => readFileSync(path.join(report, 'sources', name), 'utf8')).join('\n');
    for (const id of ids) expect(pages).toContain(id);
    expect(output.match(/HTML report written to/g)).toHaveLength(1);
  }, 240_000);
});
