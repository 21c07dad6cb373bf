import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace } from '@factcheck/check';
import { addCommand } from '../src/commands/add.js';
import { binPath, copyFixtureWorkspace, fakeIo, isPureInsertion, makeWorkspace, read, removeTempDirs, seedFile } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

const REPEATED = 'The UK government has prohibited its ministers from using the Chinese-owned app TikTok on their official mobile devices due to security concerns.';

async function add(root: string, args: string[], env: Record<string, string> = {}) {
  const io = fakeIo(root, env);
  const code = await addCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

async function claimStatus(root: string, id: string) {
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  if (!checked.value) throw new Error(checked.errors.map((e) => e.reason).join('\n'));
  return checked.value.claims.find((c) => c.id === id);
}

const lastClaim = (root: string) => (parse(read(root)).claims as Record<string, unknown>[]).at(-1);

describe('factcheck add on a copy of the fixture workspace', () => {
  it('appends a claim whose quote is unique, pinned and verified; every other byte stays', async () => {
    const root = copyFixtureWorkspace();
    const before = read(root);
    const quote = 'TikTok has more than 1 billion users worldwide';
    const { code, out, err } = await add(root, ['--source', 'guardian-china-account-request', '--quote', quote, '--claim', 'TikTok has over a billion users worldwide, says the Guardian.']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const after = read(root);
    expect(isPureInsertion(before, after)).toBe(true);
    const start = readFileSync(path.join(root, seedFile('000')), 'utf8').indexOf(quote);
    expect(lastClaim(root)).toEqual({
      id: 'tiktok-over-billion-users-worldwide-says',
      claim: 'TikTok has over a billion users worldwide, says the Guardian.',
      verdict: 'supported',
      evidence: [{ source: 'guardian-china-account-request', quote, span: [start, start + quote.length] }],
    });
    const line = after.slice(0, after.lastIndexOf('- id: tiktok-over')).split('\n').length;
    expect(out).toBe(`Added claim "tiktok-over-billion-users-worldwide-says" at claims.yaml:${line}:5\n  quote found at ${seedFile('000')}:1:${start + 1}, span [${start}, ${start + quote.length}]\n`);
    expect((await claimStatus(root, 'tiktok-over-billion-users-worldwide-says'))?.status).toBe('passed');
  }, 60_000);

  it('refuses an ambiguous quote (exit 1), listing both places with a context that picks each', async () => {
    const root = copyFixtureWorkspace();
    const before = read(root);
    const { code, out } = await add(root, ['--source', 'web-ministers-device-ban', '--quote', REPEATED, '--claim', 'Ministers may not use TikTok on official devices.']);
    expect(code).toBe(1);
    const seed = seedFile('003');
    expect(out).toContain(`add: the quote occurs 2 times in ${seed}; a claim's evidence must point at one place. Nothing was written.`);
    const first = new RegExp(`^ {2}${seed}:1:1 {2}span \\[0, 145\\] {2}to choose it: --suffix "([^"]+)"$`, 'm').exec(out);
    const second = new RegExp(`^ {2}${seed}:3:1 {2}span \\[147, 292\\] {2}to choose it: (--suffix|--prefix) "([^"]+)"$`, 'm').exec(out);
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(out).toContain('Add --prefix "…" (the text just before the one you mean) or --suffix "…" (the text just after it).');
    expect(read(root)).toBe(before);

    // Following each suggestion pins the place it named.
    const pickFirst = await add(root, ['--source', 'web-ministers-device-ban', '--quote', REPEATED, '--claim', 'First copy.', '--id', 'first-copy', '--suffix', first![1]!]);
    expect(pickFirst.code).toBe(0);
    expect((lastClaim(root) as { evidence: { span: number[]; suffix: string }[] }).evidence[0]).toMatchObject({ span: [0, 145], suffix: first![1] });
    const pickSecond = await add(root, ['--source', 'web-ministers-device-ban', '--quote', REPEATED, '--claim', 'Second copy.', '--id', 'second-copy', second![1]!, second![2]!]);
    expect(pickSecond.code).toBe(0);
    expect((lastClaim(root) as { evidence: { span: number[] }[] }).evidence[0]!.span).toEqual([147, 292]);
    expect((await claimStatus(root, 'first-copy'))?.status).toBe('passed');
    expect((await claimStatus(root, 'second-copy'))?.status).toBe('passed');
  }, 60_000);

  it('takes --prefix to choose the second copy', async () => {
    const root = copyFixtureWorkspace();
    const { code } = await add(root, ['--source', 'web-ministers-device-ban', '--quote', REPEATED, '--claim', 'Ministers may not use TikTok.', '--prefix', 'due to security concerns.']);
    expect(code).toBe(0);
    expect(lastClaim(root)).toMatchObject({ id: 'ministers-may-not-use-tiktok', evidence: [{ span: [147, 292], prefix: 'due to security concerns.' }] });
  }, 60_000);

  it('refuses a quote that is not in the source (exit 1), listing the nearest text with scores', async () => {
    const root = copyFixtureWorkspace();
    const before = read(root);
    const near = await add(root, ['--source', 'guardian-china-account-request', '--quote', 'TikTok had over 1 billion users across the globe', '--claim', 'x y z']);
    expect(near.code).toBe(1);
    expect(near.out).toMatch(/^add: the quote is not in seeds\/000_[0-9a-f]+\.txt word for word\. Nothing was written\.$/m);
    expect(near.out).toMatch(/Nearest text in the source:\n {2}seeds\/000_[0-9a-f]+\.txt:1:889 {2}score 0\.56 {2}"TikTok has more than 1 billion users worldwide and"/);
    const close = await add(root, ['--source', 'guardian-china-account-request', '--quote', 'TikTok has more than 2 billion users across the world', '--claim', 'x y z']);
    expect(close.code).toBe(1);
    // The closest text ends inside "worldwide": snapped to the whole word it scores 0.72, below
    // the minimum, so it is listed as the nearest text, never taken as the quote's place.
    expect(close.out).not.toContain('closest:');
    expect(close.out).toContain(`Nearest text in the source:\n  ${seedFile('000')}:1:889  score 0.72  "TikTok has more than 1 billion users worldwide"\n`);
    const none = await add(root, ['--source', 'guardian-china-account-request', '--quote', 'Quantum chromodynamics explains the strong force between quarks', '--claim', 'x y z']);
    expect(none.code).toBe(1);
    expect(none.out).toContain('Nothing in the source comes close (no candidate scores 0.5 or more).');
    expect(read(root)).toBe(before);
  }, 60_000);

  it('shows the closest text when only the punctuation differs (a straight apostrophe)', async () => {
    const root = copyFixtureWorkspace();
    const { code, out } = await add(root, ['--source', 'guardian-china-account-request', '--quote', "TikTok's community guidelines state", '--claim', 'x']);
    expect(code).toBe(1);
    expect(out).toMatch(/closest: seeds\/000_[0-9a-f]+\.txt:1:\d+ {2}score 0\.\d\d {2}"TikTok’s community guidelines state"/);
  }, 60_000);
});

const SOURCE = 'Intro line.\nThe account has been locked, and content deleted.\nA second line: with a colon, # and a hash.\n';
const CLAIMS = `version: 1
sources:
  bbc:
    path: a.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: The account has been locked
        span: [12, 39]
`;

function small(claims = CLAIMS, source = SOURCE): string {
  return makeWorkspace({ 'claims.yaml': claims, 'a.txt': source });
}

const ARGS = ['--source', 'bbc', '--quote', 'A second line: with a colon, # and a hash.', '--claim', 'The text has a "second" line: with a colon.'];

describe('factcheck add: writing', () => {
  it('quotes values safely: colons, hashes and quotes read back exactly', async () => {
    const root = small();
    expect((await add(root, ARGS)).code).toBe(0);
    expect(read(root)).toBe(
      `${CLAIMS}  - id: text-second-line-colon\n    claim: "The text has a \\"second\\" line: with a colon."\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "A second line: with a colon, # and a hash."\n        span: [62, 104]\n`,
    );
    expect((await claimStatus(root, 'text-second-line-colon'))?.status).toBe('passed');
  });

  it('handles a quote across lines, and unicode', async () => {
    const root = small(CLAIMS, `Café “naïve” 😀 text.\nnext line\n${SOURCE}`);
    expect((await add(root, ['--source', 'bbc', '--quote', '“naïve” 😀 text.\nnext', '--claim', 'Ünïcödé works.', '--verdict', 'unverified'])).code).toBe(0);
    expect(lastClaim(root)).toEqual({ id: 'unicode-works', claim: 'Ünïcödé works.', verdict: 'unverified', evidence: [{ source: 'bbc', quote: '“naïve” 😀 text.\nnext', span: [5, 25] }] });
    expect((await claimStatus(root, 'unicode-works'))?.status).toBe('passed');
  });

  it('appends to a file without a final line break, keeping that ending', async () => {
    const text = CLAIMS.trimEnd();
    const root = small(text);
    expect((await add(root, ARGS)).code).toBe(0);
    const after = read(root);
    expect(after.startsWith(`${text}\n  - id: text-second-line-colon\n`)).toBe(true);
    expect(after.endsWith('span: [62, 104]')).toBe(true);
  });

  it('appends to an empty `claims: []`', async () => {
    const root = small('version: 1\nsources:\n  bbc:\n    path: a.txt\nclaims: []\n');
    expect((await add(root, ARGS)).code).toBe(0);
    expect(read(root)).toMatch(/^version: 1\nsources:\n {2}bbc:\n {4}path: a\.txt\nclaims:\n {2}- id: text-second-line-colon\n/);
    expect((await claimStatus(root, 'text-second-line-colon'))?.status).toBe('passed');
  });

  it('derives a unique id, and validates a given one', async () => {
    const root = small();
    expect((await add(root, [...ARGS])).code).toBe(0);
    expect((await add(root, [...ARGS])).code).toBe(0);
    expect((lastClaim(root) as { id: string }).id).toBe('text-second-line-colon-2');
    const taken = await add(root, [...ARGS, '--id', 'account-locked']);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('add: --id "account-locked" is already used by the claim at claims.yaml:6:9');
    const bad = await add(root, [...ARGS, '--id', 'Not_Kebab']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('add: --id must be kebab-case');
  });

  it('--dry-run prints the YAML it would append and writes nothing (also in CI)', async () => {
    const root = small();
    const inode = statSync(path.join(root, 'claims.yaml')).ino;
    const { code, out } = await add(root, [...ARGS, '--dry-run'], { CI: 'true' });
    expect(code).toBe(0);
    expect(out).toBe(
      'Dry run: claims.yaml not written. add would append claim "text-second-line-colon" at line 13 (quote found at a.txt:3:1, span [62, 104]):\n\n' +
        '  - id: text-second-line-colon\n    claim: "The text has a \\"second\\" line: with a colon."\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: "A second line: with a colon, # and a hash."\n        span: [62, 104]\n',
    );
    expect(read(root)).toBe(CLAIMS);
    expect(statSync(path.join(root, 'claims.yaml')).ino).toBe(inode);
  });

  it('refuses to write in CI unless --force', async () => {
    const root = small();
    const refused = await add(root, ARGS, { CI: '1' });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add: refusing to write claims.yaml because CI is set (CI=1)');
    expect(read(root)).toBe(CLAIMS);
    expect((await add(root, [...ARGS, '--force'], { CI: '1' })).code).toBe(0);
    expect(read(root)).not.toBe(CLAIMS);
  });

  it('with --format json, a refusal is an error message under its rule, on stdout', async () => {
    const root = small();
    const refused = await add(root, [...ARGS, '--format', 'json'], { CI: '1' });
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({
      errors: [{ ruleId: 'write-refused-in-ci', severity: 'error', file: 'claims.yaml', reason: expect.stringMatching(/^refusing to write claims\.yaml because CI is set \(CI=1\)/), note: expect.stringContaining('--force') }],
    });
    expect(read(root)).toBe(CLAIMS);
  });

  it('prints JSON when asked', async () => {
    const root = small();
    const { code, out } = await add(root, [...ARGS, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ version: 1, written: true, line: 13, column: 5, claim: { id: 'text-second-line-colon', evidence: [{ span: [62, 104], at: 'a.txt:3:1' }] } });
  });
});

describe('factcheck add: usage errors (exit 2, nothing written)', () => {
  it.each([
    [['--quote', 'q', '--claim', 'c'], 'add: --source is required (got none)'],
    [['--source', 'bbc'], 'add: --quote, --claim are required (got none)'],
    [['--source', 'bbc', '--quote', '   ', '--claim', 'c'], 'add: --quote is empty'],
    [['--source', 'bbc', '--quote', 'A second line', '--claim', ' \t'], 'add: --claim is empty'],
    [[...ARGS, '--verdict', 'suported'], 'add: --verdict must be one of supported, refuted, disputed, unverified, got "suported"; did you mean "supported"?'],
    [['--source', 'bcc', '--quote', 'A second line', '--claim', 'c'], 'add: unknown source "bcc"; did you mean "bbc"?'],
    [[...ARGS, '--format', 'xml'], 'add: --format must be one of stylish, json, got "xml"'],
    [[...ARGS, '--bogus'], "add: unknown flag '--bogus'"],
  ])('%j', async (args, message) => {
    const root = small();
    const { code, err } = await add(root, args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at .+:\d+:\d+\)/);
    expect(read(root)).toBe(CLAIMS);
  });
});

describe('factcheck add (the real binary)', () => {
  it('adds, and check passes', () => {
    const root = small();
    const env = { ...process.env, CI: '', NO_COLOR: '1' };
    const run = spawnSync(process.execPath, [binPath, 'add', ...ARGS, '--id', 'second-line'], { cwd: root, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Added claim "second-line" at claims.yaml:13:5');
    const check = spawnSync(process.execPath, [binPath, 'check'], { cwd: root, encoding: 'utf8', env });
    expect(check.stdout).toContain('2 passed, 0 failed');
  }, 60_000);
});
