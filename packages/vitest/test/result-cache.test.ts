import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadClaims } from '../src/runtime.js';

// The claims run keeps the caches the command line keeps: claims.yaml parsed, and each source's
// anchored quotes, in .factcheck/cache/ beside claims.yaml; a second run reads them back.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the claims run and the result cache', () => {
  it('keeps one anchor cache file per source, and a second run gives the same results', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'factcheck-vitest-cache-'));
    dirs.push(root);
    writeFileSync(path.join(root, 'a.txt'), 'An editor added this line.\nThe account has been locked, and content deleted.\n');
    writeFileSync(path.join(root, 'b.txt'), 'No reason was given.\n');
    writeFileSync(
      path.join(root, 'claims.yaml'),
      'version: 1\nsources:\n  bbc:\n    path: a.txt\n  other:\n    path: b.txt\nclaims:\n  - id: locked\n    claim: The account was locked.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "The account has been locked"\n        span: [0, 27]\n      - source: other\n        quote: "No reason was given."\n        span: [0, 20]\n',
    );
    const first = await loadClaims(path.join(root, 'claims.yaml'));
    expect(readdirSync(path.join(root, '.factcheck/cache/anchor')).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    const second = await loadClaims(path.join(root, 'claims.yaml'));
    expect(second.result!.claims[0]!.evidence.map((e) => e.status)).toEqual(['moved', 'verified']);
    expect(JSON.stringify(second.result!.claims)).toBe(JSON.stringify(first.result!.claims));
    expect(JSON.stringify(second.result!.coverage)).toBe(JSON.stringify(first.result!.coverage));
  });
});
