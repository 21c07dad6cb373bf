import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { addClaim } from '../src/add.js';
import { acquireLock } from '../src/lock.js';
import { openClaims } from '../src/open-claims.js';
import { updateClaims, type UpdateOptions } from '../src/update.js';
import { refusalText } from '../src/edit-result.js';
import { anchorAll, applyActions, isEditAction, planUpdate } from '../src/update-plan.js';
import { makeWorkspace, read, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);
afterEach(() => vi.restoreAllMocks());

const STALE = '0'.repeat(64);
const SOURCE = 'An intro. The account was closed after a week. A line said twice. A line said twice.\n';
const CLAIMS = `version: 1
sources:
  a:
    path: a.txt
    sha256: "${STALE}"
claims:
  - id: closed
    claim: The account was closed.
    verdict: supported
    evidence:
      - source: a
        quote: The account was closed
        span: [0, 22]
      - source: a
        quote: after a week
      - source: a
        quote: The acount was closed after a week.
  - id: twice
    claim: A line is said twice.
    verdict: supported
    evidence:
      - source: a
        quote: A line said twice.
`;

const options = (root: string, more: Partial<UpdateOptions> = {}): UpdateOptions => ({ claims: 'claims.yaml', cwd: root, env: {}, accept: false, dryRun: false, force: false, today: '2026-12-04', ...more });

describe('planning an update: one action per evidence item or source, each of its own kind', () => {
  it('pins, re-pins, accepts (with --accept), refreshes sha256, and leaves the rest for a person', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const opened = await openClaims('claims.yaml', { cwd: root });
    if (!opened.value) throw new Error(JSON.stringify(opened));
    const results = anchorAll(opened.value.loaded);
    const ref = (claimId: string, claim: number, evidence: number) => ({ claimId, file: opened.value!.shown, claim, evidence, source: 'a' });
    const plain = planUpdate(opened.value, results, { accept: false, today: '2026-12-04' });
    expect(plain.map((a) => a.kind)).toEqual(['repin', 'pin', 'left-for-a-person', 'left-for-a-person', 'refresh-sha256']);
    expect(plain[0]).toEqual({ kind: 'repin', evidence: ref('closed', 0, 0), before: [0, 22], after: [10, 32] });
    expect(plain[1]).toEqual({ kind: 'pin', evidence: ref('closed', 0, 1), span: [33, 45] });
    expect(plain[2]).toMatchObject({ kind: 'left-for-a-person', evidence: ref('closed', 0, 2), status: 'changed' });
    expect(plain[3]).toMatchObject({ kind: 'left-for-a-person', evidence: ref('twice', 1, 0), status: 'ambiguous' });
    expect(plain[4]).toMatchObject({ kind: 'refresh-sha256', source: 'a', before: STALE });

    const accepting = planUpdate(opened.value, results, { accept: true, today: '2026-12-04' });
    expect(accepting[2]).toMatchObject({
      kind: 'accept',
      quote: { before: 'The acount was closed after a week.', after: 'The account was closed after a week.' },
      span: { after: [10, 46] },
      // The source changed since its sha256 was recorded: the old words are a correction to keep.
      history: { date: '2026-12-04', was: 'The acount was closed after a week.' },
    });

    // Applying is pure: the text changes, the file does not.
    const applied = applyActions(opened.value.file.text, opened.value.doc, accepting.filter(isEditAction));
    expect(applied.notEditable).toEqual([]);
    expect(applied.applied.map((a) => a.kind)).toEqual(['repin', 'pin', 'accept', 'refresh-sha256']);
    expect(applied.text).toContain('span: [10, 32]\n      - source: a\n        quote: after a week\n        span: [33, 45]\n');
    expect(read(root)).toBe(CLAIMS);
  });

  it('an edit it cannot make safely is not made, and says why', async () => {
    const aliased = CLAIMS.replace('span: [0, 22]', 'span: &pinned [0, 22]').replace('quote: after a week\n', 'quote: after a week\n        span: *pinned\n');
    const root = makeWorkspace({ 'claims.yaml': aliased, 'a.txt': SOURCE });
    const result = await updateClaims(options(root));
    const notEditable = result.value?.leftovers.filter((l) => l.action.kind === 'not-editable').map((l) => [l.line, l.text, l.note]);
    expect(notEditable).toEqual([
      [12, expect.stringMatching(/^could not pin this quote automatically: the edited file would not read back as intended/), 'Write `span: [10, 32]` here by hand.'],
      [15, 'could not pin this quote automatically: the span is not written as a list of two numbers', 'Write `span: [33, 45]` here by hand.'],
    ]);
    expect(result.value?.edits.map((e) => e.action.kind)).toEqual(['refresh-sha256']);
  });
});

describe('updateClaims: what it returns when it does not write', () => {
  it('claims.yaml that does not load: the loader’s messages, each at its line and column', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS.replace('verdict: supported', 'verdict: maybe'), 'a.txt': SOURCE });
    const result = await updateClaims(options(root));
    expect(result.value).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ ruleId: 'invalid-value', severity: 'error', file: 'claims.yaml', place: expect.objectContaining({ start: expect.objectContaining({ line: 9, column: 14 }) }) })]);
  });

  it('CI set without force, and a lock held by another writer: refusals that say what to do; nothing written', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const ci = await updateClaims(options(root, { env: { CI: 'true' } }));
    expect(ci).toMatchObject({ value: undefined, errors: [], refusal: { ruleId: 'write-refused-in-ci', severity: 'error', file: 'claims.yaml' } });
    expect(refusalText('update', ci.refusal!)).toMatch(/^update: refusing to write claims\.yaml because CI is set \(CI=true\).*\nRun `factcheck update --dry-run`/);
    const held = await acquireLock(path.join(root, 'claims.yaml'), { command: 'factcheck add' });
    if (!held.ok) throw new Error('no lock');
    const locked = await updateClaims(options(root));
    expect(locked.refusal?.ruleId).toBe('claims-locked');
    expect(refusalText('update', locked.refusal!)).toMatch(/^update: claims\.yaml is being written by another process \(pid \d+ .*factcheck add/);
    await held.lock.release();
    expect(read(root)).toBe(CLAIMS);
  });

  it('a stale lock taken over is said as soon as it is taken, before anything is written', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const stale = { pid: 4242, started: '2020-01-01T00:00:00.000Z', host: 'elsewhere', command: 'factcheck update', token: 'theirs' };
    fs.writeFileSync(path.join(root, '.claims.yaml.lock'), JSON.stringify(stale));
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, '.claims.yaml.lock'), old, old);
    const heard: { note: string; claims: string }[] = [];
    const result = await updateClaims(options(root, { onNote: (note) => heard.push({ note, claims: read(root) }) }));
    expect(heard).toEqual([{ note: expect.stringMatching(/^took over the stale lock \.claims\.yaml\.lock left by process 4242 .* on elsewhere, which has not refreshed it for 60 s$/), claims: CLAIMS }]);
    expect(result.notes).toEqual(heard.map((h) => h.note));
    expect(result.value?.written).toBe(true);
  });

  it('a lock taken over while update ran: nothing is written', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const readFile = fs.promises.readFile.bind(fs.promises);
    // Whenever update looks at its lock, it finds another process's.
    vi.spyOn(fs.promises, 'readFile').mockImplementation((async (file: fs.PathLike, ...rest: unknown[]) =>
      path.basename(String(file)) === '.claims.yaml.lock'
        ? JSON.stringify({ pid: 1, started: '2020-01-01T00:00:00.000Z', host: 'elsewhere', command: 'factcheck add', token: 'theirs' })
        : (readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest)) as typeof fs.promises.readFile);
    const result = await updateClaims(options(root));
    vi.restoreAllMocks();
    expect(result.refusal?.ruleId).toBe('lock-lost');
    expect(refusalText('update', result.refusal!)).toBe(
      'update: the lock on claims.yaml was taken over by another process while update ran (it had stalled for longer than the lock stays fresh); nothing was written.\nRun `factcheck update` again.',
    );
    expect(read(root)).toBe(CLAIMS);
    // Release left the lock it no longer recognised as its own; the exit hook would remove it.
    fs.rmSync(path.join(root, '.claims.yaml.lock'), { force: true });
  });
});

describe('addClaim', () => {
  const add = (root: string, more: Partial<Parameters<typeof addClaim>[0]> = {}) =>
    addClaim({ claims: 'claims.yaml', cwd: root, env: {}, dryRun: false, force: false, source: 'a', quote: 'An intro.', claim: 'There is an intro.', verdict: 'supported', ...more });

  it('appends the claim and says where, with notes for a context that does not stand next to the quote', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const heard: string[] = [];
    const result = await add(root, { suffix: 'Nothing like this', onNote: (note) => heard.push(note) });
    expect(result.notes).toEqual(['--suffix "Nothing like this" is not the text just after the quote in a.txt']);
    expect(heard).toEqual(result.notes);
    expect(result.value).toMatchObject({ kind: 'added', written: true, line: 24, column: 5, foundAt: ['a.txt:1:1'], claim: { id: 'intro', evidence: [{ span: [0, 9], suffix: 'Nothing like this' }] } });
    expect(read(root).startsWith(CLAIMS)).toBe(true);
  });

  it('a quote not found once is a result (nothing written), an unknown source a refusal', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const twice = await add(root, { quote: 'A line said twice.' });
    expect(twice.value).toMatchObject({ kind: 'not-found', source: 'a', result: { status: 'ambiguous' }, candidates: [{ at: 'a.txt:1:48' }, { at: 'a.txt:1:67' }] });
    const unknown = await add(root, { source: 'b' });
    expect(unknown).toMatchObject({ value: undefined, refusal: { ruleId: 'unknown-source', file: 'claims.yaml', reason: 'unknown source "b"; did you mean "a"?', note: 'Declared sources: a.' } });
    const taken = await add(root, { id: 'closed' });
    expect(taken.refusal).toMatchObject({ ruleId: 'duplicate-id', place: { start: { line: expect.any(Number), column: expect.any(Number) } } });
    expect(read(root)).toBe(CLAIMS);
  });
});
