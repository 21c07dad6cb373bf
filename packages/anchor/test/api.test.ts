import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'anchorQuote',
      'contextFor',
      'editDistance',
      'editDistanceSearch',
      'findQuote',
      'formatDiff',
      'nearestCandidates',
      'normalizeForMatch',
      'resolveAnchorOptions',
      'similarity',
      'wordDiff',
    ]);
  });

  it('exports functions only', () => {
    for (const [name, value] of Object.entries(api)) expect(typeof value, name).toBe('function');
  });
});
