import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '@factcheck/check';
import { main } from '../src/main.js';
import { fakeIo, makeWorkspace, readBytes, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

// claims.yaml and two included files; a contradiction between a claim of claims.yaml and one of
// claims/b.yaml, a quote that no longer stands and one that moved, both in claims/c.yaml.
const SEED_A = 'The bank closed on Monday. The account has been locked since Monday.\n';
const SEED_B = 'The bank closed on Tuesday.\n';

const CLAIMS = `version: 1
include:
  - claims/*.yaml
properties:
  closed-on:
    single-valued: true
sources:
  bbc:
    path: seeds/a.txt
claims:
  - id: closed-monday
    claim: The bank closed on Monday.
    verdict: supported
    fact: { subject: bank, property: closed-on, value: Monday }
    evidence:
      - source: bbc
        quote: "The bank closed on Monday."
        span: [0, 26]
`;

const B = `sources:
  gov:
    path: seeds/b.txt
claims:
  - id: closed-tuesday
    claim: The bank closed on Tuesday.
    verdict: supported
    fact: { subject: bank, property: closed-on, value: Tuesday }
    evidence:
      - source: gov
        quote: "The bank closed on Tuesday."
        span: [0, 27]
`;

const C = `# Claims about the account.
claims:
  - id: account-frozen
    claim: The account was frozen.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been frozen"
        span: [27, 54]

  - id: since-monday
    claim: It has been locked since Monday.
    verdict: supported
    evidence:
      - source: bbc
        quote: "locked since Monday"   # moved
        span: [0, 19]
`;

function workspace(): string {
  return makeWorkspace({ 'claims.yaml': CLAIMS, 'claims/b.yaml': B, 'claims/c.yaml': C, 'seeds/a.txt': SEED_A, 'seeds/b.txt': SEED_B }, 'factcheck-include-');
}

async function run(root: string, argv: string[]) {
  const io = fakeIo(root);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

interface JsonOut {
  claims: { id: string; file: string; status: string }[];
  messages: { ruleId: string; file: string; claimId?: string; place?: { start: { line: number; column: number } } }[];
  coverage: { sources: { source: string }[] };
}

const at = (m: JsonOut['messages'][number]) => `${m.file}:${m.place?.start.line}:${m.place?.start.column} ${m.ruleId}${m.claimId ? ` ${m.claimId}` : ''}`;

describe('a workspace split with include:', () => {
  it('checks the claims of every file, each message at its own file:line:col', async () => {
    const root = workspace();
    const { code, out } = await run(root, ['check', '--format', 'json', '--no-cache']);
    expect(code).toBe(1);
    const json = JSON.parse(out) as JsonOut;
    expect(json.claims.map((c) => [c.id, c.file, c.status])).toEqual([
      ['closed-monday', 'claims.yaml', 'failed'],
      ['closed-tuesday', 'claims/b.yaml', 'failed'],
      ['account-frozen', 'claims/c.yaml', 'failed'],
      ['since-monday', 'claims/c.yaml', 'passed'],
    ]);
    expect(json.messages.map(at)).toEqual([
      'claims.yaml:11:9 contradiction-structured closed-monday',
      'claims/b.yaml:5:9 contradiction-structured closed-tuesday',
      'claims/c.yaml:9:15 quote-changed account-frozen',
      'claims/c.yaml:17:15 quote-moved since-monday',
    ]);
    // Coverage counts the sources of every file.
    expect(json.coverage.sources.map((s) => s.source)).toEqual(['bbc', 'gov']);
  });

  it('places github annotations and stylish lines in the included files', async () => {
    const root = workspace();
    const github = await run(root, ['check', '--format', 'github', '--no-cache']);
    expect(github.out).toContain('::error file=claims/c.yaml,line=9,col=15');
    expect(github.out).toContain('::error file=claims/b.yaml,line=5,col=9');
    const stylish = await run(root, ['check', '--no-cache']);
    expect(stylish.out).toMatch(/^claims\/c\.yaml$/m);
    expect(stylish.out).toMatch(/^claims\/b\.yaml$/m);
  });

  it('update re-pins a quote in an included file: only its span changes, claims.yaml and the other file stay byte for byte', async () => {
    const root = workspace();
    const before = { claims: readBytes(root), b: readBytes(root, 'claims/b.yaml'), c: readFileSync(path.join(root, 'claims/c.yaml'), 'utf8') };
    const { code, out } = await run(root, ['update']);
    // 1: the changed quote of account-frozen is left for a person.
    expect(code).toBe(1);
    expect(out).toContain('claims/c.yaml:17:15  span [0, 19] → [48, 67]');
    expect(readBytes(root).equals(before.claims)).toBe(true);
    expect(readBytes(root, 'claims/b.yaml').equals(before.b)).toBe(true);
    const after = readFileSync(path.join(root, 'claims/c.yaml'), 'utf8');
    expect(after).toBe(before.c.replace('        span: [0, 19]\n', '        span: [48, 67]\n'));
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    expect(checked.value?.claims.find((c) => c.id === 'since-monday')?.evidence[0]?.status).toBe('verified');
  });

  it('add --into appends to the included file, and leaves claims.yaml as it was', async () => {
    const root = workspace();
    const before = { claims: readBytes(root), b: readFileSync(path.join(root, 'claims/b.yaml'), 'utf8') };
    const { code, out, err } = await run(root, ['add', '--into', 'claims/b.yaml', '--source', 'bbc', '--quote', 'The account has been locked', '--claim', 'The account is locked.', '--id', 'account-locked']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Added claim "account-locked" at claims/b.yaml:13:5');
    expect(readBytes(root).equals(before.claims)).toBe(true);
    const after = readFileSync(path.join(root, 'claims/b.yaml'), 'utf8');
    expect(after.startsWith(before.b)).toBe(true);
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    const claim = checked.value?.workspace.claims.find((c) => c.id === 'account-locked');
    expect(claim?.file).toBe('claims/b.yaml');
    expect(checked.value?.claims.find((c) => c.id === 'account-locked')?.status).toBe('passed');
  });

  it('add without --into appends to claims.yaml', async () => {
    const root = workspace();
    const b = readBytes(root, 'claims/b.yaml');
    const { code } = await run(root, ['add', '--source', 'gov', '--quote', 'The bank closed on Tuesday', '--claim', 'It closed on Tuesday.', '--id', 'tuesday']);
    expect(code).toBe(0);
    expect(readBytes(root, 'claims/b.yaml').equals(b)).toBe(true);
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    expect(checked.value?.workspace.claims.find((c) => c.id === 'tuesday')?.file).toBe('claims.yaml');
  });

  it('add --into refuses a file that is not one of the claims files (exit 2), and writes nothing', async () => {
    const root = workspace();
    const before = readBytes(root);
    const { code, err } = await run(root, ['add', '--into', 'seeds/a.txt', '--source', 'bbc', '--quote', 'The account has been locked', '--claim', 'Locked.']);
    expect(code).toBe(2);
    expect(err).toContain('add: --into seeds/a.txt is not one of the claims files of claims.yaml; nothing was written.');
    expect(err).toContain('claims.yaml, claims/b.yaml, claims/c.yaml');
    expect(readBytes(root).equals(before)).toBe(true);
    expect(readBytes(root, 'seeds/a.txt').toString()).toBe(SEED_A);
    const empty = await run(root, ['add', '--into', '', '--source', 'bbc', '--quote', 'x', '--claim', 'y']);
    expect(empty.code).toBe(2);
  });

  it('the HTML report counts the claims of every file', async () => {
    const root = workspace();
    const { code } = await run(root, ['report', '--out', 'out', '--no-cache']);
    expect(code).toBe(1);
    const index = readFileSync(path.join(root, 'out', 'index.html'), 'utf8');
    const table = readFileSync(path.join(root, 'out', 'claims.js'), 'utf8');
    for (const id of ['closed-monday', 'closed-tuesday', 'account-frozen', 'since-monday']) expect(table).toContain(`"${id}"`);
    // The failing claims are listed on the page itself, whichever file declares them.
    for (const id of ['closed-monday', 'closed-tuesday', 'account-frozen']) expect(index).toContain(id);
    expect(index).not.toContain('since-monday');
    // Passed out of all: 1 of the 4 claims of the three files.
    expect(index).toContain('1<span class="of"> / 4</span>');
  });
});

describe('update in a split workspace', () => {
  it('refreshes the sha256 of a source in the file that declares it', async () => {
    const stale = 'a'.repeat(64);
    const root = makeWorkspace(
      { 'claims.yaml': CLAIMS, 'claims/b.yaml': B.replace('    path: seeds/b.txt\n', `    path: seeds/b.txt\n    sha256: ${stale}\n`), 'claims/c.yaml': 'claims: []\n', 'seeds/a.txt': SEED_A, 'seeds/b.txt': SEED_B },
      'factcheck-include-sha-',
    );
    const before = { claims: readBytes(root), b: readFileSync(path.join(root, 'claims/b.yaml'), 'utf8') };
    const { code, out, err } = await run(root, ['update', '--format', 'json']);
    expect(err).toBe('');
    expect(code, out).toBe(0);
    const json = JSON.parse(out) as { edits: { kind: string; file: string; line: number; column: number }[] };
    expect(json.edits).toEqual([expect.objectContaining({ kind: 'sha256', file: 'claims/b.yaml', line: 4, column: 13 })]);
    expect(readBytes(root).equals(before.claims)).toBe(true);
    const fresh = createHash('sha256').update(SEED_B).digest('hex');
    expect(readFileSync(path.join(root, 'claims/b.yaml'), 'utf8')).toBe(before.b.replace(stale, fresh));
  });
});
