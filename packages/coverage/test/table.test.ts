import { describe, expect, it } from 'vitest';
import { computeCoverage, DEFAULT_WATERMARKS, formatCoverageTable, watermarkClass } from '../src/index.js';
import { decl, evidenceAt, loaded, workspace } from './helpers.js';

describe('formatCoverageTable', () => {
  const textA = 'One. Two. Three. Four.';
  const textB = 'Five. Six.';
  const a = decl('guardian-kanter', { coverage: { sentences: 80 } });
  const b = decl('bbc-parliament');
  const coverage = computeCoverage({
    workspace: workspace([a, b], { sentences: 50 }),
    sources: new Map([
      [a.id, loaded(a, textA)],
      [b.id, loaded(b, textB)],
    ]),
    evidence: [evidenceAt(textA, 'One', { claimId: 'c', source: a.id }), evidenceAt(textB, 'Six', { claimId: 'c', source: b.id })],
  });

  it('prints one row per source with covered/total, sentence % and character %', () => {
    // Characters: guardian 3 of 19 ("One" of "One.Two.Three.Four."), bbc 3 of 9 ("Six" of "Five.Six."), total 6 of 28.
    const table = formatCoverageTable(coverage, { thresholds: { sentences: 50 } });
    const lines = table.split('\n');
    expect(lines[0]).toBe('Coverage: sentences quoted (not facts checked)');
    expect(lines[1]).toMatch(/^source\s+quoted\s+%\s+chars %$/);
    expect(lines[2]).toMatch(/^guardian-kanter\s+1\/4\s+25\.0%\s+15\.7%\s+✗ sentences < 80%$/);
    expect(lines[3]).toMatch(/^bbc-parliament\s+1\/2\s+50\.0%\s+33\.3%\s+✓$/);
    expect(lines[4]).toMatch(/^-+$/);
    expect(lines[5]).toMatch(/^total\s+2\/6\s+33\.3%\s+21\.4%\s+✗ sentences < 50%$/);
  });

  it('aligns the columns', () => {
    const lines = formatCoverageTable(coverage).split('\n');
    const percentEnds = [2, 3, 5].map((i) => lines[i]!.indexOf('%') );
    expect(new Set(percentEnds).size).toBe(1);
  });

  it('leaves the total unmarked when no global thresholds are given', () => {
    const last = formatCoverageTable(coverage).split('\n').at(-1)!;
    expect(last).toMatch(/^total\s+2\/6\s+33\.3%\s+21\.4%$/);
  });
});

describe('watermarkClass', () => {
  it('bands percentages istanbul-style with the default watermarks', () => {
    expect(DEFAULT_WATERMARKS).toEqual({ low: 50, high: 80 });
    expect([0, 49.9, 50, 79.9, 80, 100].map((p) => watermarkClass(p))).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('accepts other watermarks', () => {
    expect(watermarkClass(84.9, { low: 85, high: 95 })).toBe('low');
    expect(watermarkClass(90, { low: 85, high: 95 })).toBe('medium');
  });
});
