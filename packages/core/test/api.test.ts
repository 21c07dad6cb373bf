import { expect, it } from 'vitest';
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
