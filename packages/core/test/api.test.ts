import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

it('pins the public API', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "CLAIMS_SPEC",
      "DEFAULT_ANCHOR_OPTIONS",
      "EVIDENCE_STATUSES",
      "ID_PATTERN",
      "MAX_CLAIMS_BYTES",
      "MAX_SOURCE_BYTES",
      "SourceText",
      "VERDICTS",
      "compareMessages",
      "confinePath",
      "createMessage",
      "decodeUtf8",
      "displayPathOf",
      "editDistance",
      "formatBytes",
      "formatLocation",
      "lineStartsOf",
      "loadWorkspace",
      "parseClaimsText",
      "parseDateInterval",
      "placeAt",
      "positionAt",
      "readTextFile",
      "regexProblem",
      "scopesOverlap",
      "showValue",
      "suggest",
      "toJsonSchema",
      "utf16SpanHint",
    ]
  `);
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'AnchorOptions',
      'AnchorResult',
      'Candidate',
      'CheckResult',
      'Claim',
      'ClaimResult',
      'ClaimStatus',
      'ConflictAck',
      'Contradiction',
      'ContradictionKind',
      'CoverageResult',
      'CoverageThresholds',
      'DiffPart',
      'EntityDecl',
      'Evidence',
      'EvidenceResult',
      'EvidenceStatus',
      'Fact',
      'LoadOptions',
      'LoadedSource',
      'LoadedWorkspace',
      'Message',
      'MessageInit',
      'ParseOptions',
      'Place',
      'Position',
      'PropertyDecl',
      'ReadOutcome',
      'ReadProblem',
      'Result',
      'SentenceCoverage',
      'Severity',
      'SourceCoverage',
      'SourceDecl',
      'Span',
      'Spec',
      'TimeScope',
      'Verdict',
      'Workspace',
      'YamlPlace',
    ]);
    // ts-morph starts the TypeScript compiler: seconds on a busy machine.
  }, 60_000);
});
