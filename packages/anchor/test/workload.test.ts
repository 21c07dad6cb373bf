// The generated re-anchoring workload (a 64 KB page made from the seed articles, 453 quotes,
// about 215 of them edited): the narrowed search gives exactly what the full scan gives, and a
// rewritten quote's new wording is found among the suggestions.
import { SourceText } from '@factcheck/core';
import { makeWorkload } from '@factcheck/test-fixtures/workload';
import { beforeAll, describe, expect, it } from 'vitest';
import { anchorQuote, editDistanceSearch, normalizeForMatch } from '../src/index.js';

const workload = makeWorkload();
let text: SourceText;
beforeAll(() => {
  text = new SourceText(workload.edited);
});

describe('the generated workload', () => {
  it('is what it says: 453 quotes, about 215 no longer word for word, on a page of about 64 KB', () => {
    expect(workload.quotes.length).toBe(453);
    expect(workload.page.length).toBeGreaterThan(64_000);
    const gone = workload.quotes.filter((q) => !workload.edited.includes(q.quote)).length;
    expect(gone).toBeGreaterThan(200);
    expect(gone).toBeLessThanOrEqual(215);
    // Deterministic: the same seed gives the same workload.
    expect(makeWorkload().edited).toBe(workload.edited);
  });

  it('the fuzzy search with the narrowed budget finds exactly what the full scan finds', () => {
    const norm = new SourceText(normalizeForMatch(workload.edited).text);
    let compared = 0;
    for (const q of workload.quotes) {
      if (q.fate === 'verbatim') continue;
      const pattern = normalizeForMatch(q.quote).text;
      const m = [...pattern].length;
      const k = Math.floor(0.25 * m + 1e-9);
      const slack = Math.ceil(0.05 * m);
      const auto = editDistanceSearch(norm, pattern, k, { limit: 20, slack });
      const scan = editDistanceSearch(norm, pattern, k, { limit: 20, slack, strategy: 'scan' });
      expect(auto, q.quote).toEqual(scan);
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  }, 120_000);

  it('a rewritten quote that is missing has its new wording among the suggestions, mostly first', () => {
    let missing = 0;
    let first = 0;
    let anywhere = 0;
    for (const q of workload.quotes) {
      if (q.fate !== 'rewritten' || !q.newSpan) continue;
      const result = anchorQuote(text, q);
      if (result.status !== 'missing') continue;
      missing++;
      const candidates = result.candidates ?? [];
      const same = (span: readonly [number, number]) => span[0] === q.newSpan![0] && span[1] === q.newSpan![1];
      if (candidates[0] && same(candidates[0].span)) first++;
      if (candidates.some((c) => same(c.span))) anywhere++;
    }
    expect(missing).toBeGreaterThan(20);
    // Measured: see the README (first suggestion exactly right for about two thirds).
    expect(first / missing).toBeGreaterThanOrEqual(0.6);
    expect(anywhere / missing).toBeGreaterThanOrEqual(0.75);
  }, 60_000);
});
