import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaims } from '../src/runtime.js';

// A quote that moved in its source still stands word for word: its claim's test passes, unless
// claims.yaml asks for exact spans with `anchor: { moved: error }`.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function workspace(head = ''): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-vitest-moved-'));
  dirs.push(root);
  writeFileSync(path.join(root, 'a.txt'), 'An editor added this line.\nThe account has been locked, and content deleted.\n');
  writeFileSync(
    path.join(root, 'claims.yaml'),
    `version: 1\n${head}sources:\n  bbc:\n    path: a.txt\nclaims:\n  - id: locked\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n`,
  );
  return path.join(root, 'claims.yaml');
}

describe('a moved quote under the vitest plugin', () => {
  it('passes its claim', async () => {
    const run = await loadClaims(workspace());
    expect(run.result!.claims[0]!.evidence[0]!.status).toBe('moved');
    expect(() => run.assertClaim('locked')).not.toThrow();
  });

  it('fails its claim at claims.yaml:line:col with `anchor: { moved: error }`', async () => {
    const run = await loadClaims(workspace('anchor: { moved: error }\n'));
    expect(() => run.assertClaim('locked')).toThrow(/claims\.yaml:13:15 {2}error {2}quote moved in a\.txt: span \[0, 27\] is now \[27, 54\] {2}quote-moved/);
  });
});
