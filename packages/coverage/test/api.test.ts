import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'COVERAGE_RULE_ID',
      'DEFAULT_WATERMARKS',
      'computeCoverage',
      'effectiveThresholds',
      'excludedRanges',
      'formatCoverageTable',
      'formatPercent',
      'formatUnquotedSentences',
      'isBelow',
      'measureSource',
      'mergeSpans',
      'percent',
      'splitSentences',
      'unquotedSentences',
      'watermarkClass',
    ]);
  });

  it('exports functions with the documented arity', () => {
    expect(api.computeCoverage.length).toBe(1);
    expect(api.splitSentences.length).toBe(1);
    expect(api.excludedRanges.length).toBe(2);
    expect(api.watermarkClass.length).toBe(1);
    expect(api.COVERAGE_RULE_ID).toBe('coverage-threshold');
    expect(Object.isFrozen(api.DEFAULT_WATERMARKS)).toBe(true);
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'CoverageInput',
      'CoverageTableOptions',
      'UnquotedFormatOptions',
      'UnquotedOptions',
      'UnquotedSentence',
      'WatermarkClass',
      'Watermarks',
    ]);
  });
});
