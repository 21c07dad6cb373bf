import { decode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
import { buildSourceMap, generateClaimsModule } from '../src/index.js';

const YAML = `version: 1
sources:
  bbc:
    path: seeds/a.txt
claims:
  - id: first-claim
    claim: One.
    verdict: supported
    evidence: [{source: bbc, quote: "x"}]
  - id: second-claim
    claim: Two.
    verdict: supported
    evidence: [{source: bbc, quote: "y"}]
`;

describe('generateClaimsModule', () => {
  it('makes one test per claim, per source and for the file itself', () => {
    const { code } = generateClaimsModule('/ws/claims.yaml', YAML, 'file:///runtime.js');
    expect(code).toContain(`test("claims.yaml is valid", () => run.assertValid());`);
    expect(code).toContain(`test("first-claim", () => run.assertClaim("first-claim"));`);
    expect(code).toContain(`test("second-claim", () => run.assertClaim("second-claim"));`);
    expect(code).toContain(`test("seeds/a.txt", () => run.assertCoverage("bbc"));`);
    expect(code).toContain(`import { loadClaims } from "file:///runtime.js";`);
  });

  it('maps each claim test back to the line of its id', () => {
    const { code, map } = generateClaimsModule('/ws/claims.yaml', YAML, 'file:///runtime.js');
    const lines = code.split('\n');
    const segments = JSON.parse(map).mappings.split(';');
    const secondLine = lines.findIndex((l) => l.includes('"second-claim"'));
    // Decode the running sum of source lines up to that generated line.
    let sourceLine = 0;
    for (let i = 0; i <= secondLine; i++) if (segments[i]) sourceLine += decodeThird(segments[i]);
    expect(sourceLine).toBe(9); // 0-based: `  - id: second-claim` is line 10
  });

  it('still makes the validity test when the file is invalid', () => {
    const { code } = generateClaimsModule('/ws/claims.yaml', 'version: [', 'file:///runtime.js');
    expect(code).toContain('is valid');
    expect(code).not.toContain('assertClaim');
  });
});

describe('source maps', () => {
  it('encodes each step between source lines as a VLQ value', () => {
    // Source lines 0, 1, 0, 15, 31, 15, 1015: steps of 0, 1, -1, 15, 16, -16 and 1000.
    const lines = [0, 1, 0, 15, 31, 15, 1015].map((line) => ({ line, column: 0 }));
    const { mappings } = JSON.parse(buildSourceMap('claims.yaml', '', lines)) as { mappings: string };
    // Each segment: generated column, source index, source line step, source column step.
    expect(mappings.split(';').map((s) => s.slice(2, -1))).toEqual(['A', 'C', 'D', 'e', 'gB', 'hB', 'w+B']);
  });

  it('maps each generated line to its source line and column, or to nothing', () => {
    const lines = [null, { line: 4, column: 2 }, { line: 4, column: 7 }, null, { line: 1, column: 0 }, null];
    const { mappings } = JSON.parse(buildSourceMap('claims.yaml', '', lines)) as { mappings: string };
    expect(mappings).toBe(';AAIE;AAAK;;AAHP;');
    expect(decode(mappings)).toEqual([[], [[0, 0, 4, 2]], [[0, 0, 4, 7]], [], [[0, 0, 1, 0]], []]);
  });

  it('writes a version 3 map with the YAML as its source', () => {
    const map = JSON.parse(buildSourceMap('claims.yaml', 'a: 1\n', [null, { line: 0, column: 0 }]));
    expect(map).toMatchObject({ version: 3, sources: ['claims.yaml'], sourcesContent: ['a: 1\n'], mappings: ';AAAA' });
  });
});

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeThird(segment: string): number {
  const values: number[] = [];
  let shift = 0;
  let value = 0;
  for (const ch of segment) {
    const digit = DIGITS.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values[2]!;
}
