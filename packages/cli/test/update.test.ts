import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace, sha256Of } from '@factcheck/check';
import { updateCommand } from '../src/commands/update.js';
import { binPath, copyFixtureWorkspace, fakeIo, lineDiff, makeWorkspace, onlySpanNumbersChanged, read, readBytes, removeTempDirs, seedFile } from './fixtures/edit-workspace.js';
import { LOCKED_SENTENCE } from '@factcheck/test-fixtures';

afterAll(removeTempDirs);

const SOURCE = `${LOCKED_SENTENCE}\nA second line.\nA third line, said twice. A third line, said twice.\n`;
const INTRO = 'An intro paragraph.\n\n';

/** One claim per situation; positions match SOURCE. */
function claims(extra = ''): string {
  return `# claims for the update tests
version: 1
sources:
  bbc:
    path: a.txt   # the article
${extra}claims:
  - id: account-locked   # moved when the intro is added
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"
        span: [0, 27]

  - id: second-line
    claim: There is a second line.
    verdict: supported
    evidence:
      - source: bbc
        quote: A second line.
`;
}

function workspace(claimsText = claims(), source = SOURCE): string {
  return makeWorkspace({ 'claims.yaml': claimsText, 'a.txt': source });
}

async function run(root: string, args: string[] = [], env: Record<string, string> = {}) {
  const io = fakeIo(root, env);
  const code = await updateCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** How many quotes check finds moved. */
async function movedQuotes(root: string): Promise<number> {
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  if (!checked.value) throw new Error(checked.errors.map((e) => e.reason).join('\n'));
  return checked.value.claims.flatMap((c) => c.evidence).filter((e) => e.status === 'moved').length;
}

async function failedClaims(root: string): Promise<number> {
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  if (!checked.value) throw new Error(checked.errors.map((e) => e.reason).join('\n'));
  return checked.value.summary.failed;
}

describe('factcheck update: pinning', () => {
  it('re-pins a moved quote and pins an unpinned one, changing only those values', async () => {
    const root = workspace(claims(), INTRO + SOURCE);
    const before = read(root);
    expect(await movedQuotes(root)).toBe(1);
    const { code, out, err } = await run(root);
    expect(err).toBe('');
    expect(code).toBe(0);
    const after = read(root);
    expect(out).toBe(
      'claims.yaml:13:15  span [0, 27] → [21, 48]  (account-locked)\n' +
        'claims.yaml:21:15  span [94, 108] added  (second-line)\n' +
        '\n' +
        'Updated claims.yaml: 1 span re-pinned, 1 span added.\n',
    );
    expect(after.split('\n')[12]).toBe('        span: [21, 48]');
    expect(after.split('\n')[20]).toBe('        span: [94, 108]');
    expect(onlySpanNumbersChanged(before, after, true)).toEqual({ ok: true });
    expect(await movedQuotes(root)).toBe(0);
    expect(await failedClaims(root)).toBe(0);
    // Nothing left to do: a second run writes nothing (the file is not even replaced).
    const inode = statSync(path.join(root, 'claims.yaml')).ino;
    const again = await run(root);
    expect(again).toEqual({ code: 0, out: 'claims.yaml is up to date: nothing to pin.\n', err: '' });
    expect(statSync(path.join(root, 'claims.yaml')).ino).toBe(inode);
  });

  it('re-pins a span that runs past the end of a source that got shorter (a moved quote for check)', async () => {
    const text = claims().replace('quote: A second line.', 'quote: A second line.\n        span: [73, 87]');
    const root = workspace(text, 'The account has been locked.\nA second line.\n');
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    expect(checked.errors).toEqual([]);
    expect(checked.value!.claims.find((c) => c.id === 'second-line')!.evidence[0]).toMatchObject({ status: 'moved', span: [73, 87], found: [29, 43] });
    const { code, out } = await run(root);
    expect(code).toBe(0);
    expect(out).toContain('span [73, 87] → [29, 43]  (second-line)');
    expect(await failedClaims(root)).toBe(0);
  });

  it('--dry-run reports the same and writes nothing (also in CI)', async () => {
    const root = workspace(claims(), INTRO + SOURCE);
    const before = read(root);
    const { code, out } = await run(root, ['--dry-run'], { CI: 'true' });
    expect(code).toBe(0);
    expect(out).toContain('claims.yaml:13:15  span [0, 27] → [21, 48]  (account-locked)');
    expect(out).toContain('Dry run: claims.yaml not written; update would make 2 edits (1 span re-pinned, 1 span added).');
    expect(read(root)).toBe(before);
  });

  it('refuses to write in CI unless --force', async () => {
    const root = workspace(claims(), INTRO + SOURCE);
    const before = read(root);
    const refused = await run(root, [], { CI: 'true' });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('update: refusing to write claims.yaml because CI is set (CI=true)');
    expect(refused.err).toContain('--dry-run');
    expect(read(root)).toBe(before);
    const forced = await run(root, ['--force'], { CI: 'true' });
    expect(forced.code).toBe(0);
    expect(read(root)).not.toBe(before);
  });

  it('keeps CRLF line endings when it inserts a span', async () => {
    const root = workspace(claims().replace(/\n/g, '\r\n'));
    const { code } = await run(root);
    expect(code).toBe(0);
    const after = read(root);
    expect(after).toContain('        quote: A second line.\r\n        span: [73, 87]\r\n');
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('factcheck update: what it leaves to a person', () => {
  it('lists a changed quote without touching it (exit 1), and --accept takes the new words', async () => {
    const source = SOURCE.replace('has been locked', 'has been closed');
    const root = workspace(claims(), source);
    const before = read(root);
    const left = await run(root);
    expect(left.code).toBe(1);
    expect(left.out).toContain('Not changed, needs a person:\n');
    expect(left.out).toMatch(/^claims\.yaml:12:16 {2}quote changed in a\.txt:1:1 \(score 0\.\d\d\): .*\[-locked-\]\{\+closed\+\}.* {2}\(account-locked\)$/m);
    expect(left.out).toContain('    Check the new wording against the claim; `factcheck update --accept` takes it.');
    expect(left.out).toContain('1 evidence item left for you (1 changed).');
    // The unpinned second claim was still pinned.
    expect(lineDiff(before, read(root)).added.map((l) => l.text)).toEqual(['        span: [73, 87]\n']);

    const accepted = await run(root, ['--accept'], { FACTCHECK_TODAY: '2026-12-04' });
    expect(accepted.code).toBe(0);
    expect(accepted.out).toMatch(/^claims\.yaml:12:16 {2}quote accepted \(score 0\.\d\d\): "locked" → "closed"; span \[0, 27\] → \[0, 27\]; old words kept in history \(2026-12-04\) {2}\(account-locked\)$/m);
    expect(accepted.out).toContain('Updated claims.yaml: 1 quote accepted.');
    const after = read(root);
    expect(after).toContain('        quote: "The account has been closed"\n        span: [0, 27]\n        history:\n          - { date: 2026-12-04, was: "The account has been locked" }\n');
    expect(await failedClaims(root)).toBe(0);
  });

  it('lists ambiguous and missing quotes with places, exit 1, writing nothing for them', async () => {
    const text = claims().replace('quote: A second line.', 'quote: A third line, said twice.\n        span: [200, 223]').replace(
      'claims:\n',
      'claims:\n  - id: gone\n    claim: Gone.\n    verdict: supported\n    evidence:\n      - source: bbc\n        quote: Nothing like this is in the article at all.\n',
    );
    const root = workspace(text, `${SOURCE}${'padding '.repeat(20)}\n`);
    const before = read(root);
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toMatch(/^claims\.yaml:\d+:16 {2}quote not found in a\.txt {2}\(gone\)$/m);
    expect(out).toMatch(/^claims\.yaml:\d+:16 {2}quote occurs 2 times in a\.txt \(at 3:1, 3:27\) {2}\(second-line\)$/m);
    expect(out).toContain('Add `prefix:` or `suffix:`');
    expect(out).toContain('Correct the quote from the source, or remove this evidence.');
    expect(read(root)).toBe(before);
  });
});

describe('factcheck update: places it cannot edit safely', () => {
  it('leaves an aliased span alone (editing it would change another claim), saying what to write by hand', async () => {
    const text = claims()
      .replace('span: [0, 27]', 'span: &pinned [0, 27]')
      .replace('quote: A second line.', 'quote: "The account has been locked"\n        span: *pinned');
    const root = workspace(text, INTRO + SOURCE);
    const { code, out } = await run(root);
    expect(code).toBe(1);
    expect(out).toMatch(/^claims\.yaml:12:16 {2}could not pin this quote automatically: the edited file would not read back as intended .* {2}\(account-locked\)\n {4}Write `span: \[21, 48\]` here by hand\.$/m);
    expect(out).toMatch(/^claims\.yaml:20:16 {2}could not pin this quote automatically: the span is not written as a list of two numbers {2}\(second-line\)$/m);
    expect(out).toContain('2 evidence items left for you (2 not-editable).');
    expect(read(root)).toBe(text);
  });
});

describe('factcheck update: sha256', () => {
  const STALE = '0'.repeat(64);

  it('refreshes a recorded sha256 that no longer matches, and adds none where there is none', async () => {
    const root = makeWorkspace({
      'claims.yaml': claims('  other:\n    path: b.txt\n').replace('path: a.txt   # the article\n', `path: a.txt   # the article\n    sha256: "${STALE}"\n`),
      'a.txt': SOURCE,
      'b.txt': 'Other text.\n',
    });
    const before = read(root);
    const { code, out, err } = await run(root);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^claims\.yaml:6:13 {2}sha256 of bbc refreshed: 000000000000… → [0-9a-f]{12}…$/m);
    const after = read(root);
    expect(parse(after).sources.bbc.sha256).toBe(sha256Of(SOURCE));
    expect(parse(after).sources.other.sha256).toBeUndefined();
    expect(lineDiff(before, after).removed.map((l) => l.text)).toEqual([`    sha256: "${STALE}"\n`]);
    expect(await failedClaims(root)).toBe(0);
  });
});

describe('factcheck update: output and errors', () => {
  it('prints JSON when asked', async () => {
    const root = workspace(claims(), INTRO + SOURCE);
    const { code, out } = await run(root, ['--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ version: 1, claims: 'claims.yaml', dryRun: false, written: true, leftovers: [] });
    expect(json.edits).toEqual([
      { kind: 'repin', claimId: 'account-locked', source: 'bbc', file: 'claims.yaml', line: 13, column: 15, before: '[0, 27]', after: '[21, 48]', message: 'span [0, 27] → [21, 48]' },
      { kind: 'pin', claimId: 'second-line', source: 'bbc', file: 'claims.yaml', line: 21, column: 15, after: '[94, 108]', message: 'span [94, 108] added' },
    ]);
  });

  it('exits 2 on configuration errors, writing nothing', async () => {
    const root = workspace(claims().replace('verdict: supported', 'verdict: maybe'), INTRO + SOURCE);
    const before = read(root);
    const { code, out, err } = await run(root);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/9:14 {2}error {2}claims\[0\]\.verdict must be one of supported, refuted, disputed, unverified, got "maybe"/);
    expect(read(root)).toBe(before);
  });

  it('exits 2 when claims.yaml does not exist, or on a usage error', async () => {
    const root = workspace();
    const missing = await run(root, ['--claims', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.yaml does not exist');
    const unknown = await run(root, ['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("update: unknown flag '--frobnicate'");
    const format = await run(root, ['--format', 'github']);
    expect(format.code).toBe(2);
    expect(format.err).toContain('update: --format must be one of stylish, json, got "github"');
    const help = await run(root, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: factcheck update');
  });

  it('keeps the byte order mark of claims.yaml', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const root = makeWorkspace({ 'claims.yaml': Buffer.concat([bom, Buffer.from(claims())]), 'a.txt': INTRO + SOURCE });
    expect((await run(root)).code).toBe(0);
    const bytes = readBytes(root);
    expect(bytes.subarray(0, 3)).toEqual(bom);
    expect(bytes.subarray(3).toString('utf8')).toContain('span: [21, 48]');
  });
});

describe('factcheck update on a copy of the fixture workspace', () => {
  it('after a paragraph is added at the top of a seed: check reports moved quotes, update re-pins them, check passes; only span numbers change', async () => {
    const root = copyFixtureWorkspace();
    const seed = seedFile('002');
    const seedPath = path.join(root, seed);
    writeFileSync(seedPath, `A paragraph added at the top, as a correction note.\n\n${readFileSync(seedPath, 'utf8')}`);
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    const moved = checked.value!.claims.flatMap((c) => c.evidence).filter((e) => e.status === 'moved');
    expect(moved.length).toBeGreaterThan(0);
    expect(checked.value!.claims.flatMap((c) => c.evidence).every((e) => e.status === 'moved' || e.status === 'verified')).toBe(true);
    const before = read(root);
    const { code, out } = await run(root);
    expect(code).toBe(0);
    expect(out).toContain(`Updated claims.yaml: ${moved.length} spans re-pinned.`);
    const after = read(root);
    const diff = lineDiff(before, after);
    expect(diff.removed).toHaveLength(moved.length);
    expect(onlySpanNumbersChanged(before, after)).toEqual({ ok: true });
    expect(await failedClaims(root)).toBe(0);
  }, 60_000);
});

describe('factcheck update (the real binary)', () => {
  it('re-pins, then check passes; --dry-run in CI exits 0', () => {
    const root = workspace(claims(), INTRO + SOURCE);
    const env = { ...process.env, NO_COLOR: '1' };
    const dry = spawnSync(process.execPath, [binPath, 'update', '--dry-run'], { cwd: root, encoding: 'utf8', env: { ...env, CI: 'true' } });
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Dry run: claims.yaml not written');
    const update = spawnSync(process.execPath, [binPath, 'update'], { cwd: root, encoding: 'utf8', env: { ...env, CI: '' } });
    expect(update.stderr).toBe('');
    expect(update.status).toBe(0);
    const check = spawnSync(process.execPath, [binPath, 'check'], { cwd: root, encoding: 'utf8', env: { ...env, CI: '' } });
    expect(check.status).toBe(0);
  }, 60_000);
});
