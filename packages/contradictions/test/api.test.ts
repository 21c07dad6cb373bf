import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_ALIGNMENT_OPTIONS',
      'DEFAULT_COMPARE_OPTIONS',
      'DEFAULT_CONTRADICTION_OPTIONS',
      'DEFAULT_EVIDENCE_RULE_OPTIONS',
      'DEFAULT_QUANTITY_OPTIONS',
      'NEGATION_CUES',
      'STOP_WORDS',
      'alignment',
      'analyse',
      'antonymLexiconSize',
      'antonymSource',
      'antonymsOf',
      'areAntonyms',
      'areOpposites',
      'candidatePairs',
      'clausesOf',
      'compareTexts',
      'entityNames',
      'evidenceConflicts',
      'extractDates',
      'extractQuantities',
      'findContradictions',
      'mayAlign',
      'normalizeValue',
      'quoteSegments',
      'rolesIn',
      'stem',
      'structuredConflicts',
      'subjectKey',
      'tokenize',
    ]);
  });

  it('documents its defaults as data', () => {
    expect(api.DEFAULT_CONTRADICTION_OPTIONS).toEqual({
      minSharedWords: 2,
      maxExtraWords: 0,
      synsetAntonyms: true,
      nounAntonyms: false,
      indirectAntonyms: true,
      affirmativeExtraWords: 2,
      approximateTolerance: 0.1,
      kinds: ['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported'],
      checkEvidence: true,
      paraphrase: true,
      claimEntities: false,
      evidenceExtraWords: 3,
      maxPostings: 1000,
    });
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'AliasTable',
      'AlignBounds',
      'Alignment',
      'AlignmentOptions',
      'AnalyseOptions',
      'Analysis',
      'AntonymFilter',
      'AntonymSource',
      'CandidateDepths',
      'CandidateLimits',
      'CompareOptions',
      'ContradictionOptions',
      'DateMention',
      'EvidenceConflict',
      'EvidenceConflictKind',
      'EvidenceRuleOptions',
      'FindInput',
      'Interval',
      'Item',
      'ItemKind',
      'PairConflict',
      'Quantity',
      'QuantityOptions',
      'StructuredInput',
      'TextConflict',
      'TextConflictKind',
      'Token',
      'WordSet',
    ]);
    // ts-morph starts the TypeScript compiler: seconds on a busy machine.
  }, 60_000);
});
