import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore, formatSimilarity } from '../src/index.js';

describe('formatSimilarity', () => {
  it('shows whole percents as a rule', () => {
    expect(formatSimilarity(0.93)).toBe('93%');
    expect(formatSimilarity(0.926)).toBe('93%');
    expect(formatSimilarity(0.5)).toBe('50%');
    expect(formatSimilarity(0)).toBe('0%');
  });

  it('reads 100% only for an exact match', () => {
    expect(formatSimilarity(1)).toBe('100%');
    // One edit in 10,000 characters.
    expect(formatSimilarity(1 - 1 / 10_000)).toBe('99.99%');
    expect(formatSimilarity(0.997)).toBe('99.7%');
    expect(formatSimilarity(1 - 1 / 30_000)).toBe('99.996%');
    expect(formatSimilarity(1 - 1 / 1_000_000)).toBe('99.9999%');
    // Just below the next figure: truncated, never rounded up to it.
    expect(formatSimilarity(1 - 1 / 124_993)).toBe('99.9991%');
  });

  it('never shows a score below 1 as 100%, nor as more than it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (edits, length) => {
        fc.pre(edits < length);
        const score = 1 - edits / length;
        const shown = formatSimilarity(score);
        expect(shown).toMatch(/^\d+(\.\d+)?%$/);
        expect(shown).not.toBe('100%');
        expect(Number.parseFloat(shown)).toBeLessThan(100);
        // Whole percents are rounded as before; only the extra digits are truncated.
        if (shown.includes('.')) expect(Number.parseFloat(shown)).toBeLessThanOrEqual(score * 100 + 1e-9);
      }),
    );
  });
});

describe('formatScore', () => {
  it('shows two decimals as a rule, more when a score below 1 would read 1.00', () => {
    expect(formatScore(0.93)).toBe('0.93');
    expect(formatScore(1)).toBe('1.00');
    expect(formatScore(0.9999)).toBe('0.9999');
    expect(formatScore(0.996)).toBe('0.996');
    expect(formatScore(0.5)).toBe('0.50');
  });

  it('never shows a score below 1 as 1.00', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (edits, length) => {
        fc.pre(edits < length);
        const shown = formatScore(1 - edits / length);
        expect(Number(shown)).toBeLessThan(1);
      }),
    );
  });
});
