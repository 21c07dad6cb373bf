import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ClaimError',
      'FactcheckReportWriter',
      'buildSourceMap',
      'encodeVlq',
      'factcheckPlugin',
      'generateClaimsModule',
      'loadClaims',
    ]);
  });

  it('exports these as functions', () => {
    expect(typeof api.factcheckPlugin).toBe('function');
    expect(typeof api.loadClaims).toBe('function');
    expect(typeof api.generateClaimsModule).toBe('function');
    expect(typeof api.buildSourceMap).toBe('function');
  });
});
