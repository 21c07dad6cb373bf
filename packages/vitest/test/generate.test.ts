import { decode } from '@jridgewell/sourcemap-codec';
import { describe, expect, it } from 'vitest';
import { buildSourceMap, codeFrame, generateClaimsModule } from '../src/index.js';

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
    expect(code).toContain(`test("claims.yaml is valid", (context) => run.validTest(context));`);
    expect(code).toContain(`test("first-claim", { meta: {"claimId":"first-claim","sources":["bbc"],"verdict":"supported"} }, (context) => run.claimTest("first-claim", context));`);
    expect(code).toContain(`test("second-claim", { meta: {"claimId":"second-claim","sources":["bbc"],"verdict":"supported"} }, (context) => run.claimTest("second-claim", context));`);
    expect(code).toContain(`test("seeds/a.txt", (context) => run.coverageTest("bbc", context));`);
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
    expect(code).not.toContain('claimTest');
  });

  it('adds the test of the claim ids in TypeScript only when TypeScript imports the generated types, and a failing test for a refused update', () => {
    const plain = generateClaimsModule('/ws/claims.yaml', YAML, 'file:///runtime.js').code;
    expect(plain).not.toContain('referencesTest');
    expect(plain).not.toContain('is updated');
    const typed = generateClaimsModule('/ws/claims.yaml', YAML, 'file:///runtime.js', { typedReferences: true, refusal: 'not in CI' }).code;
    expect(typed).toContain(`test('claim ids in TypeScript', (context) => run.referencesTest(context));`);
    expect(typed).toContain(`test("claims.yaml is updated", () => run.refuse("not in CI"));`);
  });

  it('gives each shard every count-th claim, and the tests of the whole file to the first shard', () => {
    const shard = (index: number) => generateClaimsModule('/ws/claims.yaml', YAML, 'file:///runtime.js', { shard: { index, count: 2 } }).code;
    expect(shard(1)).toContain('run.claimTest("first-claim"');
    expect(shard(1)).not.toContain('run.claimTest("second-claim"');
    expect(shard(2)).toContain('run.claimTest("second-claim"');
    expect(shard(2)).not.toContain('run.claimTest("first-claim"');
    expect(shard(1)).toContain('is valid');
    expect(shard(1)).toContain('run.coverageTest("bbc"');
    expect(shard(2)).not.toContain('is valid');
    expect(shard(2)).not.toContain('coverageTest');
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

describe('codeFrame', () => {
  it('shows the lines around a place, numbered, with the line marked and a caret under the column', () => {
    const text = 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n';
    expect(codeFrame(text, 3, 4)).toBe(['  1 | a: 1', '  2 | b: 2', '> 3 | c: 3', '    |    ^', '  4 | d: 4', '  5 | e: 5'].join('\n'));
    expect(codeFrame(text, 1, 1, 1)).toBe(['> 1 | a: 1', '    | ^', '  2 | b: 2'].join('\n'));
  });
});
