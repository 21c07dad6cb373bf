import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadClaims } from '../src/index.js';

// Two sources with the same file: their coverage tests must tell them apart by id, not by the
// path that starts each message.
const SOURCE = 'One two three. Four five six.\n';
const CLAIMS = `version: 1
coverage: { sentences: 60 }
sources:
  first:
    path: a.txt
    coverage: { sentences: 50 }
  second:
    path: a.txt
    coverage: { sentences: 100 }
claims:
  - id: one-two
    claim: One two three.
    verdict: supported
    evidence:
      - source: first
        quote: "One two three."
        span: [0, 14]
`;

function workspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-vitest-coverage-'));
  writeFileSync(path.join(root, 'a.txt'), SOURCE);
  writeFileSync(path.join(root, 'claims.yaml'), CLAIMS);
  return path.join(root, 'claims.yaml');
}

describe('coverage tests', () => {
  it('fail only the source whose own threshold is not met, and the total for the global one', async () => {
    const run = await loadClaims(workspace());
    run.assertValid();
    expect(() => run.assertCoverage('first')).not.toThrow();
    expect(() => run.assertCoverage('second')).toThrow(/a\.txt: 0\.0% of sentences covered, threshold 100%/);
    // One sentence of four is covered in all: 25%, below the global 60%.
    expect(() => run.assertTotalCoverage()).toThrow(/all sources: 25\.0% of sentences covered, threshold 60%/);
    expect(() => run.assertTotalCoverage()).not.toThrow(/threshold 100%/);
  }, 60_000);
});
