import { describe, expect, it } from 'vitest';
import { analyseAttribution, suggestWording } from '../src/attribution.js';
import { ATTRIBUTION_CASES } from './fixtures/attribution-cases.js';

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  wrong: string[];
}

function score(rule: 'cuts' | 'dropped'): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const k of ATTRIBUTION_CASES) {
    const fired = analyseAttribution(k.claim, k.before, k.quote, k.after)[rule] !== undefined;
    if (fired && k[rule]) tp++;
    else if (fired) {
      fp++;
      wrong.push(`false positive: ${k.name}`);
    } else if (k[rule]) {
      fn++;
      wrong.push(`missed: ${k.name}`);
    }
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), tp, fp, fn, wrong };
}

describe('attribution rules on labelled cases', () => {
  it('has enough cases of both kinds for each rule', () => {
    expect(ATTRIBUTION_CASES.length).toBeGreaterThanOrEqual(40);
    for (const rule of ['cuts', 'dropped'] as const) {
      expect(ATTRIBUTION_CASES.filter((k) => k[rule]).length).toBeGreaterThanOrEqual(12);
      expect(ATTRIBUTION_CASES.filter((k) => !k[rule]).length).toBeGreaterThanOrEqual(12);
    }
  });

  for (const rule of ['cuts', 'dropped'] as const) {
    it(`${rule === 'cuts' ? 'quote-cuts-attribution' : 'attribution-dropped'}: precision at least 0.9`, () => {
      const s = score(rule);
      console.log(`${rule === 'cuts' ? 'quote-cuts-attribution' : 'attribution-dropped'}: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})${s.wrong.length ? `\n  ${s.wrong.join('\n  ')}` : ''}`);
      expect(s.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.recall).toBeGreaterThanOrEqual(0.7);
    });
  }
});

describe('attribution messages', () => {
  it('shows the reporting clause', () => {
    const found = analyseAttribution('The bridge will reopen in March.', 'In her closing remarks, she noted that ', 'the bridge would reopen in March.', '');
    expect(found.cuts?.clause).toBe('she noted that');
    expect(found.dropped?.clause).toBe('she noted that');
  });

  it('suggests a wording that keeps the attribution', () => {
    const noted = analyseAttribution('The bridge will reopen in March.', 'Kanter noted that ', 'the bridge would reopen in March.', '');
    expect(suggestWording('The bridge will reopen in March.', noted.dropped!)).toBe('Kanter noted that the bridge will reopen in March.');
    const according = analyseAttribution('The two banks agreed a price of £4bn.', 'According to Bloomberg, ', 'the two banks agreed a price.', '');
    expect(suggestWording('The two banks agreed a price of £4bn.', according.dropped!)).toBe('According to Bloomberg, the two banks agreed a price of £4bn.');
    const trailing = analyseAttribution('Services resume on Monday.', '', 'Services resume on Monday', ', a spokesperson said.');
    expect(suggestWording('Services resume on Monday.', trailing.dropped!)).toBe('Services resume on Monday, a spokesperson said.');
  });
});
