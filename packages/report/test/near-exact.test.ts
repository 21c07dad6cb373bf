import * as path from 'node:path';
import type { CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatStylish, renderIndexHtml, renderSourceHtml, toJsonReport } from '../src/index.js';
import { checkFixture, makeTempDir, writeWorkspace } from './fixtures/check-result.js';

const NOW = new Date('2026-11-22T08:30:00Z');

/** A passage of exactly `length` characters: numbered words, so that no part of it repeats. */
function passage(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `word${i} `;
  return text.slice(0, length - 1) + '.';
}

describe('a quote with one edit in 10,000 characters, in the reports', () => {
  const source = passage(10_000);
  const at = source.indexOf('word700 ');
  const quote = `${source.slice(0, at + 6)}1${source.slice(at + 7)}`;
  let result: CheckResult;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await makeTempDir('fc-near-exact-');
    cleanup = temp.remove;
    const claimsPath = await writeWorkspace(path.join(temp.dir, 'ws'), {
      sources: [{ id: 'long', path: 'seeds/long.txt', text: source }],
      claims: [{ id: 'long-quote', claim: 'The source says all of this.', verdict: 'supported', evidence: [{ source: 'long', quote, span: [0, 10_000] }] }],
    });
    const checked = await checkFixture(claimsPath);
    expect(checked.errors).toEqual([]);
    result = checked.value!;
  });
  afterAll(() => cleanup());

  it('keeps the exact score in JSON', () => {
    const evidence = toJsonReport(result).claims[0]!.evidence[0]!;
    expect(evidence.status).toBe('changed');
    expect(evidence.score).toBe(1 - 1 / 10_000);
  });

  it('never shows it as 100% similar, in the stylish output or the HTML pages', () => {
    const stylish = formatStylish(result.messages);
    const index = renderIndexHtml(result, { now: NOW });
    const page = renderSourceHtml(result, 'long', { now: NOW });
    // Without the check's messages the pages describe the evidence themselves.
    const described = renderIndexHtml({ ...result, messages: [] }, { now: NOW });
    for (const text of [stylish, index, page]) expect(text).toContain('99.99% similar');
    expect(described).toContain('similarity 99.99%');
    for (const text of [stylish, index, page, described]) expect(text).not.toMatch(/100% similar|similarity 100%/);
  });
});
