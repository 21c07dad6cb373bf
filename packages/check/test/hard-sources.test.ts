// Two sources the check must take in its stride: a quote one edit away from 10,000 characters of
// text (the score shows the difference), and one sentence repeated 100,000 times (the quote is
// ambiguous, found without scoring every occurrence).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../src/index.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A passage of exactly `length` characters: numbered words, so that no part of it repeats. */
function passage(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `word${i} `;
  return text.slice(0, length - 1) + '.';
}

/** A workspace with one source and one claim whose quote is `quote`, pinned at `span` when given. */
function workspaceWith(source: string, quote: string, span?: [number, number]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-hard-source-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'source.txt'), source);
  const claims = {
    version: 1,
    sources: { long: { path: 'source.txt' } },
    claims: [{ id: 'long-quote', claim: 'The source says all of this.', verdict: 'supported', evidence: [{ source: 'long', quote, ...(span ? { span } : {}) }] }],
  };
  writeFileSync(path.join(dir, 'claims.yaml'), JSON.stringify(claims, null, 2));
  return dir;
}

describe('a quote with one edit in 10,000 characters', () => {
  const source = passage(10_000);
  const middle = source.indexOf('word700 ');
  // One substitution: "word700" becomes "word701" (which stands elsewhere, but not there).
  const quote = `${source.slice(0, middle + 6)}1${source.slice(middle + 7)}`;

  it('is changed, with its exact score, and its message never reads 100% similar', async () => {
    expect(quote).toHaveLength(10_000);
    expect(quote).not.toBe(source);
    const result = await checkWorkspace('claims.yaml', { cwd: workspaceWith(source, quote, [0, 10_000]) });
    expect(result.errors).toEqual([]);
    const evidence = result.value!.claims[0]!.evidence[0]!;
    expect(evidence.status).toBe('changed');
    expect(evidence.score).toBe(1 - 1 / 10_000);
    const message = result.value!.messages.find((m) => m.ruleId === 'quote-changed')!;
    expect(message.reason).toContain('99.99% similar');
    expect(message.reason).not.toContain('100% similar');
  });
});

describe('a source that repeats one sentence 100,000 times on one line', () => {
  const sentence = 'The committee approved the plan after a long debate on Tuesday.';

  it('answers ambiguous for the quote of that sentence, and counts every sentence', async () => {
    const result = await checkWorkspace('claims.yaml', { cwd: workspaceWith(`${sentence} `.repeat(100_000), sentence) });
    expect(result.errors).toEqual([]);
    const evidence = result.value!.claims[0]!.evidence[0]!;
    expect(evidence.status).toBe('ambiguous');
    expect(evidence.candidates).toHaveLength(20);
    expect(result.value!.coverage.total.sentences).toBe(100_000);
    expect(result.value!.coverage.total.covered).toBe(0);
  });
});
