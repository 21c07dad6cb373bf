import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'analyseAttribution',
      'anchorLoadedSources',
      'anchorSources',
      'assembleResult',
      'attributionMessages',
      'checkLoaded',
      'checkLoadedWorkspace',
      'checkShard',
      'checkWorkspace',
      'claimKeepsAttribution',
      'contradictionMessages',
      'corroborationOf',
      'evidenceMessage',
      'leadingAttribution',
      'parseShardSpec',
      'policyMessages',
      'readShardResults',
      'sha256Of',
      'shardOf',
      'suggestWording',
      'workspaceDigest',
    ]);
  });

  it('exports these as functions', () => {
    expect(typeof api.checkWorkspace).toBe('function');
    expect(typeof api.checkLoaded).toBe('function');
    expect(typeof api.anchorSources).toBe('function');
    expect(typeof api.contradictionMessages).toBe('function');
    expect(typeof api.evidenceMessage).toBe('function');
    expect(typeof api.sha256Of).toBe('function');
    for (const name of ['analyseAttribution', 'assembleResult', 'attributionMessages', 'claimKeepsAttribution', 'corroborationOf', 'leadingAttribution', 'policyMessages', 'suggestWording', 'anchorLoadedSources', 'checkLoadedWorkspace', 'checkShard', 'parseShardSpec', 'readShardResults', 'shardOf', 'workspaceDigest'] as const) {
      expect(typeof api[name]).toBe('function');
    }
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'AnchorSourcesOptions',
      'AnchorStats',
      'AnchoredSources',
      'Attribution',
      'AttributionFinding',
      'CheckFindings',
      'CheckOptions',
      'ShardCheck',
      'ShardFile',
      'ShardRecord',
      'ShardSpec',
    ]);
  });
});
