// The report takes the meanings of the verdicts from VERDICT_MEANINGS: one for every verdict
// claims.yaml accepts, word for word what the README's table and the JSON Schema say.
import { readFileSync } from 'node:fs';
import { CLAIMS_SPEC, VERDICTS, type CheckResult, type EvidenceResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutcome } from '../src/html/meanings.js';
import { indexData, renderIndexHtml, renderSourceHtml, VERDICT_MEANINGS, type IndexData } from '../src/index.js';
import { checkByHand, makeTempDir, writeWorkspace } from './fixtures/check-result.js';
import { textOf } from './fixtures/html-check.js';
import { SAMPLE, SAMPLE_CONTRADICTIONS } from './fixtures/sample.js';

const NOW = new Date('2026-11-22T08:30:00Z');

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The rows of the README's verdict table: `| \`supported\` | meaning |`. */
function readmeVerdicts(): [string, string][] {
  const verdicts = new Set<string>(VERDICTS);
  return [...README.matchAll(/^\| `([a-z]+)` \| ([^|]+?) \|$/gm)].filter((m) => verdicts.has(m[1]!)).map((m) => [m[1]!, m[2]!]);
}

describe('VERDICT_MEANINGS', () => {
  it('gives a meaning to every verdict of claims.yaml, and to nothing else', () => {
    expect(Object.keys(VERDICT_MEANINGS)).toEqual([...VERDICTS]);
    for (const v of VERDICTS) expect(VERDICT_MEANINGS[v].length).toBeGreaterThan(10);
  });

  it('is what the README says each verdict means, in one table', () => {
    expect(readmeVerdicts()).toEqual(VERDICTS.map((v) => [v, VERDICT_MEANINGS[v]]));
  });

  it("is what the verdict's description in the JSON Schema says, so an editor shows the same words", () => {
    const description = CLAIMS_SPEC.fields.claims.items.fields.verdict.description;
    for (const v of VERDICTS) expect(description).toContain(`${v}: ${VERDICT_MEANINGS[v]}.`);
  });
});

describe('the outcome of a claim', () => {
  const evidence = (status: EvidenceResult['status']) => ({ status }) as EvidenceResult;
  it('tells failing quotes from a contradiction alone', () => {
    expect(checkOutcome({ status: 'passed', evidence: [evidence('verified')] }, false)).toBe('verified');
    expect(checkOutcome({ status: 'failed', evidence: [evidence('verified'), evidence('changed')] }, false)).toBe('quotes-failing');
    expect(checkOutcome({ status: 'failed', evidence: [evidence('verified'), evidence('moved')] }, false)).toBe('contradiction');
    expect(checkOutcome({ status: 'failed', evidence: [evidence('moved')] }, true)).toBe('quotes-failing');
  });
});

describe('the pages', () => {
  let result: CheckResult;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const temp = await makeTempDir('fc-meanings-');
    remove = temp.remove;
    result = (await checkByHand(await writeWorkspace(temp.dir, SAMPLE), { contradictions: SAMPLE_CONTRADICTIONS })).value!;
  });

  afterAll(() => remove?.());

  it('embed the meanings in index.html for report.js, which draws the verdict badges of the failing claims', () => {
    expect(indexData(result).verdicts).toEqual(VERDICT_MEANINGS);
    const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(renderIndexHtml(result, { now: NOW }))![1]!;
    expect((JSON.parse(json) as IndexData).verdicts).toEqual(VERDICT_MEANINGS);
  });

  it('label a claim whose quotes stand but which is in an unacknowledged contradiction as such, not as failing quotes', () => {
    const claim = result.claims.find((c) => c.id === 'tiktok-denies-control')!;
    expect(claim.status).toBe('failed');
    expect(claim.evidence.map((e) => e.status)).toEqual(['verified']);
    const page = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const head = /<article class="claim claim-failed" id="claim-tiktok-denies-control"[\s\S]*?<\/header>/.exec(page)![0];
    expect(textOf(head)).toContain('supported contradiction');
    expect(head).toContain(`title="supported: ${VERDICT_MEANINGS.supported}"`);
    expect(head).not.toContain('quotes failing');
  });
});
