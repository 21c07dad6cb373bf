import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Of } from '@factcheck/check';
import { checkCommand, reportCommand } from '../src/commands/check.js';
import { updateCommand } from '../src/commands/update.js';
import { fakeIo, lineDiff, makeWorkspace, read, removeTempDirs } from './fixtures/edit-workspace.js';

// A desk's sources are edited the way publishers edit: shortened, moved about, corrected. The
// commands treat each edit as findings about the claims it touches, and keep a record of the
// corrections a person accepts.

afterAll(removeTempDirs);

type Command = typeof checkCommand;

async function run(command: Command, root: string, args: string[] = [], env: Record<string, string> = {}) {
  const io = fakeIo(root, env);
  const code = await command(args, io);
  return { code, out: io.out(), err: io.err() };
}

const ARTICLE = 'The account was closed on Friday. Officials gave no reason. A review will follow in the spring.\n';

function evidence(quote: string, span?: readonly [number, number], extra = ''): string {
  return `      - source: a\n        quote: ${JSON.stringify(quote)}\n${span ? `        span: [${span[0]}, ${span[1]}]\n` : ''}${extra}`;
}

function claim(id: string, text: string, items: string, extra = ''): string {
  return `  - id: ${id}\n    claim: ${text}\n    verdict: supported\n${extra}    evidence:\n${items}`;
}

function claimsYaml(claims: string, head = '', source = ''): string {
  return `version: 1\n${head}sources:\n  a:\n    path: a.txt\n${source}claims:\n${claims}`;
}

describe('a source that got shorter', () => {
  // The publisher cut the first sentence: the review quote now runs past the end of the text,
  // and the publisher also reworded the reason.
  const SHORTENED = 'Officials gave no reasons. A review will follow in the spring.\n';
  const CLAIMS = claimsYaml(
    claim('review', 'A review will follow.', evidence('A review will follow in the spring.', [60, 95])) +
      claim('no-reason', 'No reason was given.', evidence('Officials gave no reason.', [34, 59])) +
      claim('spring', 'Something happens in the spring.', evidence('in the spring.', [81, 95])),
  );

  it('is checked like any edit: moved and changed quotes are findings (exit 1), and the report is still written', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SHORTENED });
    const checked = await run(checkCommand, root, ['--format', 'json']);
    expect(checked.err).toBe('');
    expect(checked.code).toBe(1);
    const json = JSON.parse(checked.out) as { claims: { id: string; status: string; evidence: { status: string; span: number[]; found: number[] }[] }[] };
    expect(json.claims.map((c) => [c.id, c.status, c.evidence[0]!.status])).toEqual([
      ['review', 'passed', 'moved'],
      ['no-reason', 'failed', 'changed'],
      ['spring', 'passed', 'moved'],
    ]);
    expect(json.claims[0]!.evidence[0]).toMatchObject({ span: [60, 95], found: [27, 62] });

    const reported = await run(reportCommand, root, ['--out', 'site']);
    expect(reported.code).toBe(1);
    expect(existsSync(path.join(root, 'site', 'index.html'))).toBe(true);
    expect(reported.out).toContain('HTML report: site/index.html');
    expect(reported.out).not.toContain('configuration error');
  });

  it('is repaired by update, which re-pins the spans past the end and leaves the changed quote to a person', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SHORTENED });
    const updated = await run(updateCommand, root);
    expect(updated.code).toBe(1);
    expect(updated.out).toContain('span [60, 95] → [27, 62]  (review)');
    expect(updated.out).toContain('span [81, 95] → [48, 62]  (spring)');
    expect(updated.out).toContain('1 evidence item left for you (1 changed).');
    const after = await run(checkCommand, root, ['--format', 'json']);
    const json = JSON.parse(after.out) as { claims: { id: string; evidence: { status: string }[] }[] };
    expect(json.claims.map((c) => c.evidence[0]!.status)).toEqual(['verified', 'changed', 'verified']);
  });
});

describe('moved quotes in check output', () => {
  const SENTENCES = ['The account was closed on Friday.', 'Officials gave no reason.', 'A review will follow in the spring.'];
  const CLAIMS = claimsYaml(SENTENCES.map((s, i) => claim(`claim-${i + 1}`, `Claim ${i + 1}.`, evidence(s, [ARTICLE.indexOf(s), ARTICLE.indexOf(s) + s.length]))).join(''));
  const MOVED = `Updated on Monday.\n${ARTICLE}`;

  it('pass (exit 0) and are summed up in one line per source', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': MOVED });
    const { code, out } = await run(checkCommand, root);
    expect(code).toBe(0);
    expect(out).toMatch(/^ +3:3 {2}warning {2}a\.txt: 3 quotes moved by \+19 characters; run factcheck update to pin them {2}quote-moved$/m);
    expect(out.match(/quote-moved/g)).toHaveLength(1);
    expect(out).toContain('3 passed, 0 failed');
  });

  it('are listed one by one with --verbose', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': MOVED });
    const { code, out } = await run(checkCommand, root, ['--verbose']);
    expect(code).toBe(0);
    expect(out.match(/quote-moved/g)).toHaveLength(3);
    expect(out).toMatch(/warning {2}quote moved in a\.txt: span \[0, 33\] is now \[19, 52\] {2}quote-moved {2}\(claim-1\)$/m);
  });

  it('fail with `anchor: { moved: error }`, listed one by one', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS.replace('version: 1\n', 'version: 1\nanchor: { moved: error }\n'), 'a.txt': MOVED });
    const { code, out } = await run(checkCommand, root);
    expect(code).toBe(1);
    expect(out.match(/error {2}quote moved in a\.txt/g)).toHaveLength(3);
    expect(out).toContain('0 passed, 3 failed');
  });
});

describe('update --accept keeps a history of corrections', () => {
  const CORRECTED = ARTICLE.replace('closed on Friday', 'closed on Sunday');
  const QUOTE = 'The account was closed on Friday.';
  const TODAY = { FACTCHECK_TODAY: '2026-12-04' };

  it('changes only the quote line and adds the history lines, dated', async () => {
    const before = claimsYaml(claim('closed', 'The account was closed on Friday.', evidence(QUOTE, [0, 33]) + '        # checked by the desk\n'));
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': CORRECTED });
    const { code, out } = await run(updateCommand, root, ['--accept'], TODAY);
    expect(code).toBe(0);
    expect(out).toContain('quote accepted (score 0.91): "Friday" → "Sunday"; span [0, 33] → [0, 33]; old words kept in history (2026-12-04)  (closed)');
    const after = read(root);
    const diff = lineDiff(before, after);
    expect(diff.removed.map((l) => l.text)).toEqual(['        quote: "The account was closed on Friday."\n']);
    expect(diff.added.map((l) => l.text)).toEqual([
      '        quote: "The account was closed on Sunday."\n',
      '        history:\n',
      '          - { date: 2026-12-04, was: "The account was closed on Friday." }\n',
    ]);
    expect(after.indexOf('history:')).toBeLessThan(after.indexOf('# checked by the desk'));
  });

  it('appends to an existing history, and the claim that kept the old word gets a stale-wording warning', async () => {
    const history = '        history:\n          - { date: 2026-11-02, was: "The account was shut on Friday." }\n';
    const before = claimsYaml(claim('closed', 'The account was closed on Friday.', evidence(QUOTE, [0, 33], history)));
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': CORRECTED });
    expect((await run(updateCommand, root, ['--accept'], TODAY)).code).toBe(0);
    const after = read(root);
    expect(lineDiff(before, after).added.map((l) => l.text)).toEqual([
      '        quote: "The account was closed on Sunday."\n',
      '          - { date: 2026-12-04, was: "The account was closed on Friday." }\n',
    ]);
    const { code, out } = await run(checkCommand, root);
    expect(code).toBe(0);
    expect(out).toMatch(/^ +7:12 {2}warning {2}claim still says "Friday" where a\.txt now says "Sunday" \(quote corrected on 2026-12-04\) {2}stale-wording {2}\(closed\)$/m);
  });

  it('writes the history in the layout of the evidence: flow mappings and flow lists, and after a span it adds', async () => {
    const flowItem = '      - { source: a, quote: "The account was closed on Friday.", span: [0, 33] }\n';
    const flowList = evidence(QUOTE, [0, 33], '        history: [{ date: 2026-11-02, was: "The account was shut." }]\n');
    const unpinned = evidence(QUOTE);
    const before = claimsYaml(claim('flow-item', 'Closed.', flowItem) + claim('flow-list', 'Closed.', flowList) + claim('unpinned', 'Closed.', unpinned));
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': CORRECTED });
    const { code, out } = await run(updateCommand, root, ['--accept'], TODAY);
    expect(out).toContain('Updated claims.yaml: 3 quotes accepted.');
    expect(code).toBe(0);
    const after = read(root);
    expect(after).toContain('      - { source: a, quote: "The account was closed on Sunday.", span: [0, 33], history: [{ date: 2026-12-04, was: "The account was closed on Friday." }] }\n');
    expect(after).toContain('        history: [{ date: 2026-11-02, was: "The account was shut." }, { date: 2026-12-04, was: "The account was closed on Friday." }]\n');
    expect(after).toContain('        quote: "The account was closed on Sunday."\n        span: [0, 33]\n        history:\n          - { date: 2026-12-04, was: "The account was closed on Friday." }\n');
    expect((await run(checkCommand, root)).code).toBe(0);
  });

  it('keeps CRLF line endings in the lines it adds', async () => {
    const before = claimsYaml(claim('closed', 'Closed.', evidence(QUOTE, [0, 33]))).replace(/\n/g, '\r\n');
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': CORRECTED });
    expect((await run(updateCommand, root, ['--accept'], TODAY)).code).toBe(0);
    const after = read(root);
    expect(after).toContain('        history:\r\n          - { date: 2026-12-04, was: "The account was closed on Friday." }\r\n');
    expect(after.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('records no correction when the source is unchanged since it was pinned: the quote had a typo', async () => {
    const source = `    sha256: ${sha256Of(ARTICLE)}\n`;
    const before = claimsYaml(claim('closed', 'Closed.', evidence('The acount was closed on Friday.', [0, 33])), '', source);
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': ARTICLE });
    const checked = await run(checkCommand, root);
    expect(checked.out).toContain('quote differs from the text at its span [0, 33] in a.txt, which is unchanged since it was pinned: The [-acount-]{+account+} was closed on Friday.');
    expect(checked.out).not.toContain('--accept');
    const listed = await run(updateCommand, root);
    expect(listed.code).toBe(1);
    expect(listed.out).toContain('    The source is unchanged since it was pinned, so the quote in claims.yaml has a typo: correct it to the words of the source.\n');
    expect(listed.out).not.toContain('--accept');
    const { code, out } = await run(updateCommand, root, ['--accept'], TODAY);
    expect(code).toBe(0);
    expect(out).not.toContain('history');
    expect(lineDiff(before, read(root)).added.map((l) => l.text)).toEqual(['        quote: "The account was closed on Friday."\n']);
  });

  it('refuses a FACTCHECK_TODAY that is not a day, writing nothing (exit 2)', async () => {
    const before = claimsYaml(claim('closed', 'Closed.', evidence(QUOTE, [0, 33])));
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': CORRECTED });
    for (const bad of ['04/12/2026', '2026-02-30']) {
      const { code, err } = await run(updateCommand, root, ['--accept'], { FACTCHECK_TODAY: bad });
      expect(code).toBe(2);
      expect(err).toContain(`update: FACTCHECK_TODAY must be a day written YYYY-MM-DD, got "${bad}"`);
    }
    expect(read(root)).toBe(before);
  });
});

describe('a claim that contradicts its own evidence', () => {
  const QUOTE = 'A spokesperson said TikTok has never shared user data with the Chinese government.';

  it('fails with advice that, once applied, makes the finding an info and the check pass', async () => {
    const before = claimsYaml(claim('shares', 'TikTok shares user data with the Chinese government.', evidence(QUOTE, [0, QUOTE.length])));
    const root = makeWorkspace({ 'claims.yaml': before, 'a.txt': QUOTE });
    const failing = await run(checkCommand, root);
    expect(failing.code).toBe(1);
    const advice = /`(conflicts: \[\{evidence: 0, reason: "…"\}\])`/.exec(failing.out)?.[1];
    expect(advice, failing.out).toBeDefined();
    writeFileSync(path.join(root, 'claims.yaml'), before.replace('    evidence:\n', `    ${advice!.replace('…', 'The company denies what regulators found.')}\n    evidence:\n`));
    const passing = await run(checkCommand, root);
    expect(passing.err).toBe('');
    expect(passing.code).toBe(0);
    expect(passing.out).toMatch(/ info +contradicts its own evidence in a: .*\(acknowledged: The company denies what regulators found\.\) {2}contradiction-negation {2}\(shares\)$/m);
    expect(passing.out).toContain('1 passed, 0 failed');
  });
});
