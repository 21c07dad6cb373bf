import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factcheck, twoClaimWorkspace } from './fixtures/two-claims.js';

// Two sources: in `a` the first sentence is quoted, the second is touched only by a changed quote,
// the copyright line is boilerplate and the last sentence is not quoted; `b` is quoted nowhere.
const TEXT_A = 'The account has been locked.\nContent was deleted days after its launch.\nCopyright Example News\nNo reason was given.\n';
const TEXT_B = 'Officials said nothing. The ban stands.\n';
const CLAIMS = `version: 1
sources:
  bbc:
    path: seeds/a.txt
    exclude: ["/^Copyright.*$/m"]
  wire:
    path: seeds/b.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked."
        span: [0, 28]
  - id: content-deleted
    claim: Content was removed days after the launch.
    verdict: supported
    evidence:
      - source: bbc
        quote: "Content was removed days after its launch."
        span: [29, 71]
`;

const roots: string[] = [];
function workspace(): string {
  const root = twoClaimWorkspace(CLAIMS, TEXT_A, 'factcheck-coverage-');
  roots.push(root);
  writeFileSync(path.join(root, 'seeds', 'b.txt'), TEXT_B);
  return root;
}
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('factcheck coverage (the real binary)', () => {
  it('lists each sentence not quoted with file:line:col and its words, and exits 0', () => {
    const { status, stdout, stderr } = factcheck(['coverage'], workspace());
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n')).toEqual([
      'seeds/a.txt:2:1   (partly: only a changed quote) Content was deleted days after its launch.',
      'seeds/a.txt:4:1   No reason was given.',
      'seeds/b.txt:1:1   Officials said nothing.',
      'seeds/b.txt:1:25  The ban stands.',
      '4 sentences not quoted (1 only by changed quotes) in 2 sources; excluded boilerplate is not listed',
    ]);
    expect(stdout).not.toContain('Copyright');
  });

  it('shows paths from the current folder when claims.yaml is elsewhere', () => {
    const root = workspace();
    const { status, stdout } = factcheck(['coverage', '--claims', 'claims.yaml', '--source', 'wire'], root);
    expect(status).toBe(0);
    const parent = factcheck(['coverage', '--claims', path.join(path.basename(root), 'claims.yaml'), '--source', 'wire'], path.dirname(root));
    expect(parent.status).toBe(0);
    expect(parent.stdout.split('\n')[0]).toMatch(new RegExp(`^${path.basename(root)}/seeds/b\\.txt:1:1 +Officials said nothing\\.$`));
    expect(stdout.trimEnd().split('\n')).toEqual(['seeds/b.txt:1:1   Officials said nothing.', 'seeds/b.txt:1:25  The ban stands.', '2 sentences not quoted in 1 source; excluded boilerplate is not listed']);
  });

  it('prints JSON with --format json', () => {
    const { status, stdout } = factcheck(['coverage', '--format', 'json', '--source', 'bbc'], workspace());
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as { version: number; sentences: { source: string; path: string; state: string; start: { line: number; column: number; offset: number }; text: string }[]; summary: unknown };
    expect(json.version).toBe(1);
    expect(json.sentences.map((s) => [s.source, s.path, s.state, s.start.line, s.start.column, s.start.offset, s.text])).toEqual([
      ['bbc', 'seeds/a.txt', 'partial', 2, 1, 29, 'Content was deleted days after its launch.'],
      ['bbc', 'seeds/a.txt', 'uncovered', 4, 1, 95, 'No reason was given.'],
    ]);
    expect(json.summary).toEqual({ sources: 1, sentences: 2, partial: 1 });
  });

  it('exits 2 on an unknown --source, naming the known ids and the nearest', () => {
    const { status, stdout, stderr } = factcheck(['coverage', '--source', 'wirre'], workspace());
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('coverage: unknown source "wirre" in claims.yaml; did you mean "wire"?');
    expect(stderr).toContain('Known sources: bbc, wire');
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('exits 2 on a format it does not write, and on a claims file that is not there', () => {
    const root = workspace();
    const github = factcheck(['coverage', '--format', 'github'], root);
    expect(github.status).toBe(2);
    expect(github.stderr).toContain('coverage: --format must be one of stylish, json, got "github"');
    const missing = factcheck(['coverage', '--claims', 'nope.yaml'], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(missing.stdout).toBe('');
  });
});
