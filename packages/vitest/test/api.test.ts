import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ClaimError',
      'FactcheckReportWriter',
      'RUN_META_KEY',
      'buildSourceMap',
      'codeFrame',
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

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'ClaimTestContext',
      'ClaimTestMeta',
      'ClaimsPlugin',
      'ClaimsRun',
      'ClaimsRunData',
      'ClaimsShard',
      'FactcheckPluginOptions',
      'GenerateOptions',
      'GeneratedModule',
      'IncludedClaims',
      'LineMapping',
      'ReportWriterOptions',
      'ReportedModule',
    ]);
  });
});
