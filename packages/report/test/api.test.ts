import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as formats from '../src/formats.js';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CONTENT_SECURITY_POLICY',
      'DEFAULT_MAX_LIST_ITEMS',
      'SOURCES_DIR',
      'SUMMARY_FILE',
      'VERDICT_MEANINGS',
      'claimRows',
      'coverageSummary',
      'escapeGithubData',
      'escapeGithubProperty',
      'escapeHtml',
      'evidenceElementId',
      'formatAddResult',
      'formatCorroboration',
      'formatGithub',
      'formatStylish',
      'formatSummaryLine',
      'formatUpdateResult',
      'groupMovedQuotes',
      'indexData',
      'jsonForScript',
      'passageVerdict',
      'renderDiff',
      'renderIndexHtml',
      'renderSourceHtml',
      'renderText',
      'safeHttpUrl',
      'safeToken',
      'sourcePageNames',
      'textFragmentUrl',
      'toJsonErrorReport',
      'toJsonReport',
      'writeHtmlReport',
    ]);
  });

  it('exports these as functions', () => {
    expect(typeof api.formatStylish).toBe('function');
    expect(typeof api.formatGithub).toBe('function');
    expect(typeof api.toJsonReport).toBe('function');
    expect(typeof api.writeHtmlReport).toBe('function');
    expect(typeof api.escapeHtml).toBe('function');
    expect(typeof api.safeHttpUrl).toBe('function');
  });
});

describe('escaping helpers', () => {
  it('escape HTML and refuse non-http links', () => {
    expect(api.escapeHtml('<a href="x">&\'</a>')).not.toMatch(/[<>"']/);
    expect(api.safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(api.safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
  });
});

describe('passageVerdict', () => {
  it('gives the verdict the claims of a passage share, and mixed when they differ', () => {
    expect(api.passageVerdict(['refuted', 'refuted'])).toBe('refuted');
    expect(api.passageVerdict(['supported'])).toBe('supported');
    expect(api.passageVerdict(['supported', 'refuted'])).toBe('mixed');
    expect(api.passageVerdict(['disputed', 'supported', 'disputed'])).toBe('mixed');
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'CharacterFigures',
      'CheckOutcome',
      'ClaimRow',
      'ContradictionQuote',
      'ContradictionRow',
      'CoverageSummary',
      'FailingRow',
      'HtmlRenderOptions',
      'IndexData',
      'JsonClaim',
      'JsonContradiction',
      'JsonCoverage',
      'JsonCoverageTotal',
      'JsonEvidence',
      'JsonMessage',
      'JsonReport',
      'SentenceFigures',
      'SourceRow',
      'StylishOptions',
    ]);
    // ts-morph starts the TypeScript compiler: seconds on a busy machine.
  }, 60_000);

  it('@factcheck/report/formats holds the text formatters alone, the same functions as the main entry', () => {
    expect(Object.keys(formats).sort()).toEqual([
      'escapeGithubData',
      'escapeGithubProperty',
      'formatCorroboration',
      'formatGithub',
      'formatStylish',
      'formatSummaryLine',
      'groupMovedQuotes',
      'toJsonErrorReport',
      'toJsonReport',
    ]);
    for (const [name, value] of Object.entries(formats)) expect(value, name).toBe((api as Record<string, unknown>)[name]);
  });
});
