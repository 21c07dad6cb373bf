import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'anchorQuote',
      'contextFor',
      'editDistanceInCodePoints',
      'editDistanceSearch',
      'findQuote',
      'formatDiff',
      'graphemeCut',
      'nearestCandidates',
      'normalizeForMatch',
      'resolveAnchorOptions',
      'similarity',
      'splitsGrapheme',
      'wordDiff',
    ]);
  });

  it('exports functions only', () => {
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'CodePointView',
      'EditMatch',
      'EditSearchOptions',
      'EvidenceQuote',
      'FindQuoteOptions',
      'NearestOptions',
      'NormalizeOptions',
      'NormalizedText',
    ]);
    // ts-morph starts the TypeScript compiler: seconds on a busy machine.
  }, 60_000);
});
