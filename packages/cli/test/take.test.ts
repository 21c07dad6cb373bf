import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace } from '@factcheck/check';
import { updateCommand } from '../src/commands/update.js';
import { fakeIo, lineDiff, makeWorkspace, read, readBytes, removeTempDirs } from './fixtures/edit-workspace.js';

// A publisher rewrote a sentence: the quote is missing and check suggests the new wording.
// Only an explicit `update --take ID` takes it (never --accept), and the old words go into the
// quote's correction history.

afterAll(removeTempDirs);

const BEFORE = 'Human beings have lived here for over ten millennia.';
const AFTER = 'Humans have lived in the Americas for over ten thousand years.';
const SOURCE = `The valley is old.\n\n${AFTER}\n\nTheir descendants still farm here.\n`;
const CLAIMS = `# settlement claims
version: 1
sources:
  a:
    path: a.txt   # the article
claims:
  - id: old-settlement   # rewritten by the publisher
    claim: People have lived in the valley for ten thousand years.
    verdict: supported
    evidence:
      - source: a
        quote: ${JSON.stringify(BEFORE)}
        span: [19, 71]

  - id: old-valley
    claim: The valley is old.
    verdict: supported
    evidence:
      - source: a
        quote: The valley is old.
        span: [0, 18]
`;

const workspace = () => makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE }, 'factcheck-take-');

async function run(root: string, args: string[]) {
  const io = fakeIo(root, { FACTCHECK_TODAY: '2026-12-05' });
  const code = await updateCommand(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('update --take', () => {
  it('--accept leaves a missing quote alone, suggestion and all', async () => {
    const root = workspace();
    const before = readBytes(root);
    const { code, out } = await run(root, ['--accept']);
    expect(code).toBe(1);
    expect(out).toContain(`quote not found in a.txt; maybe reworded as: ${JSON.stringify(AFTER)} at a.txt:3:1`);
    expect(out).toContain('`factcheck update --take old-settlement`');
    expect(readBytes(root).equals(before)).toBe(true);
  });

  it('takes the first suggestion: quote and span, the old words in history, every other byte kept', async () => {
    const root = workspace();
    const { code, out, err } = await run(root, ['--take', 'old-settlement']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/suggestion 1 taken \(score [\d.]+\): .*span \[19, 71\] → \[20, 82\]; old words kept in history \(2026-12-05\)/);
    const text = read(root);
    const evidence = parse(text).claims[0].evidence[0];
    expect(evidence).toEqual({ source: 'a', quote: AFTER, span: [20, 82], history: [{ date: '2026-12-05', was: BEFORE }] });
    // Only the quote and span lines changed, and the history lines were added.
    const diff = lineDiff(CLAIMS, text);
    expect(diff.removed.map((l) => l.text.trim())).toEqual([`quote: ${JSON.stringify(BEFORE)}`, 'span: [19, 71]']);
    expect(diff.added.every((l) => /quote:|span:|history:|date:|was:/.test(l.text))).toBe(true);
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    expect(checked.value!.claims.map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(checked.value!.claims[0]!.evidence[0]!.status).toBe('verified');
  });

  it('--format json names the taken suggestion and its history entry', async () => {
    const root = workspace();
    const { code, out } = await run(root, ['--take', 'old-settlement:1', '--format', 'json']);
    expect(code).toBe(0);
    const [edit] = JSON.parse(out).edits;
    expect(edit).toMatchObject({ kind: 'accept', claimId: 'old-settlement', before: BEFORE, after: AFTER, suggestion: 1, history: { date: '2026-12-05', was: BEFORE } });
  });

  it('refuses, writing nothing, when the claim has no such suggestion, is not missing, or does not exist', async () => {
    const root = workspace();
    const before = readBytes(root);
    const cases: [string[], RegExp][] = [
      [['--take', 'old-settlement:3'], /--take old-settlement:3: its missing quote has [12] suggestions?, not 3\. Nothing was written/],
      [['--take', 'old-valley'], /--take old-valley: none of the claim's quotes is missing/],
      [['--take', 'old-setlement'], /--take old-setlement: no claim in claims\.yaml has this id; did you mean old-settlement\?/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run(root, args);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(message);
      expect(readBytes(root).equals(before)).toBe(true);
    }
  });

  it('is a usage error with a malformed value', async () => {
    const root = workspace();
    const { code, err } = await run(root, ['--take', 'Old Settlement']);
    expect(code).toBe(2);
    expect(err).toContain('update: --take expects a claim id, optionally with the suggestion\'s number 1 to 3');
  });
});
