import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult, Message } from '@factcheck/core';
import { checkWorkspace, sha256Of } from '../src/index.js';

// Publishers edit their articles: they shorten them, move paragraphs, and correct words. Each
// edit is a finding about the claims it touches, never a reason to check nothing.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function check(files: Record<string, string>): Promise<CheckResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-edits-'));
  dirs.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  expect(checked.errors).toEqual([]);
  return checked.value!;
}

const statusOf = (result: CheckResult, id: string) => result.claims.find((c) => c.id === id)!.status;
const messagesOf = (result: CheckResult, id: string): Message[] => result.messages.filter((m) => m.claimId === id);

const ARTICLE = 'The account was closed on Friday. Officials gave no reason. A review will follow in the spring.';

function claimsYaml(claims: string, head = ''): string {
  return `version: 1\n${head}sources:\n  a:\n    path: a.txt\nclaims:\n${claims}`;
}

function claim(id: string, quote: string, span?: [number, number], extra = '', text = `Claim ${id}.`): string {
  return `  - id: ${id}\n    claim: ${JSON.stringify(text)}\n    verdict: supported\n    evidence:\n      - source: a\n        quote: ${JSON.stringify(quote)}\n${span ? `        span: [${span[0]}, ${span[1]}]\n` : ''}${extra}`;
}

describe('a span past the end of a source that got shorter', () => {
  // The publisher cut the first sentence: every later span now runs past the end.
  const shortened = 'Officials gave no reason. A review will follow in the spring.';
  const claims = claimsYaml(
    claim('review', 'A review will follow in the spring.', [60, 95]) +
      claim('reason-gone', 'Officials gave no reasons.', [34, 60]) +
      claim('reason', 'Officials gave no reason.', [0, 25]),
  );

  it('is a finding: the quote is moved (or changed), and every other claim is still checked', async () => {
    const result = await check({ 'claims.yaml': claims, 'a.txt': shortened });
    const review = result.claims.find((c) => c.id === 'review')!.evidence[0]!;
    expect(review).toMatchObject({ status: 'moved', span: [60, 95], found: [26, 61] });
    expect(statusOf(result, 'review')).toBe('passed');
    expect(result.claims.find((c) => c.id === 'reason-gone')!.evidence[0]!.status).toBe('changed');
    expect(statusOf(result, 'reason-gone')).toBe('failed');
    expect(result.claims.find((c) => c.id === 'reason')!.evidence[0]!.status).toBe('verified');
    const [moved] = messagesOf(result, 'review');
    expect(moved).toMatchObject({ ruleId: 'quote-moved', severity: 'warning', source: 'a' });
    expect(moved!.reason).toBe('quote moved in a.txt: span [60, 95] is now [26, 61]; the source got shorter (61 code points), so the span runs past its end');
  });
});

describe('moved quotes', () => {
  const moved = claimsYaml(claim('reason', 'Officials gave no reason.', [0, 25]) + claim('closed', 'The account was closed on Friday.', [0, 33]));

  it('pass with a warning that says to pin them', async () => {
    const result = await check({ 'claims.yaml': moved, 'a.txt': ARTICLE });
    expect(result.claims.find((c) => c.id === 'reason')!.evidence[0]!.status).toBe('moved');
    expect(result.summary).toEqual({ passed: 2, failed: 0 });
    expect(messagesOf(result, 'reason')).toEqual([expect.objectContaining({ ruleId: 'quote-moved', severity: 'warning', note: 'Run `factcheck update` to pin the new span.' })]);
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('fail with `anchor: { moved: error }`', async () => {
    const result = await check({ 'claims.yaml': moved.replace('version: 1\n', 'version: 1\nanchor: { moved: error }\n'), 'a.txt': ARTICLE });
    expect(result.summary).toEqual({ passed: 1, failed: 1 });
    expect(statusOf(result, 'reason')).toBe('failed');
    expect(messagesOf(result, 'reason')).toEqual([expect.objectContaining({ ruleId: 'quote-moved', severity: 'error' })]);
  });

  it('cover the sentences they stand in', async () => {
    const result = await check({ 'claims.yaml': moved, 'a.txt': ARTICLE });
    expect(result.coverage.sources[0]!.detail.map((s) => s.state)).toEqual(['covered', 'covered', 'uncovered']);
  });
});

describe('coverage per source', () => {
  it('counts a claim\'s verified quote in one source although its quote in another changed', async () => {
    const yaml = `version: 1\nsources:\n  a:\n    path: a.txt\n  b:\n    path: b.txt\nclaims:\n  - id: closed\n    claim: The account was closed.\n    verdict: supported\n    evidence:\n      - source: a\n        quote: "The account was closed on Friday."\n        span: [0, 33]\n      - source: b\n        quote: "Parliament closed the account on Friday."\n        span: [0, 40]\n`;
    const result = await check({ 'claims.yaml': yaml, 'a.txt': ARTICLE, 'b.txt': 'Parliament shut the account on Friday. More soon.' });
    expect(statusOf(result, 'closed')).toBe('failed');
    const [a, b] = result.coverage.sources;
    expect(a!.detail.map((s) => s.state)).toEqual(['covered', 'uncovered', 'uncovered']);
    expect(b!.detail.map((s) => s.state)).toEqual(['partial', 'uncovered']);
  });
});

describe('a quote that differs from an unchanged source', () => {
  const typo = claim('closed', 'The acount was closed on Friday.', [0, 33]);

  it('is a typo in claims.yaml: the message says the quote differs, shows the words, and does not offer --accept', async () => {
    const yaml = claimsYaml(typo).replace('    path: a.txt\n', `    path: a.txt\n    sha256: ${sha256Of(ARTICLE)}\n`);
    const result = await check({ 'claims.yaml': yaml, 'a.txt': ARTICLE });
    const [message] = messagesOf(result, 'closed');
    expect(message).toMatchObject({ ruleId: 'quote-changed', severity: 'error', source: 'a', expected: 'The acount was closed on Friday.', actual: 'The account was closed on Friday.' });
    expect(message!.reason).toBe('quote differs from the text at its span [0, 33] in a.txt, which is unchanged since it was pinned: The [-acount-]{+account+} was closed on Friday.');
    expect(message!.note).toContain('the quote in claims.yaml has a typo');
    expect(message!.note).not.toContain('--accept');
    expect(message!.place!.start.line).toBe(12);
  });

  it('is a change of the source when the sha256 no longer matches: then --accept is offered', async () => {
    const yaml = claimsYaml(typo).replace('    path: a.txt\n', `    path: a.txt\n    sha256: ${sha256Of('an older text')}\n`);
    const [message] = messagesOf(await check({ 'claims.yaml': yaml, 'a.txt': ARTICLE }), 'closed');
    expect(message!.reason).toMatch(/^quote changed in a\.txt \(fuzzy match, 97% similar\)/);
    expect(message!.note).toContain('factcheck update --accept');
  });
});

describe('stale wording after an accepted correction', () => {
  const corrected = 'The account was closed after a serious breach. Officials gave no reason.';
  const history = '        history:\n          - { date: 2026-12-04, was: "The account was closed after a major breach." }\n';

  it('warns when the claim still uses a content word the correction removed', async () => {
    const yaml = claimsYaml(claim('breach', 'The account was closed after a serious breach.', [0, 46], history, 'A MAJOR breach closed the account.'));
    const result = await check({ 'claims.yaml': yaml, 'a.txt': corrected });
    expect(statusOf(result, 'breach')).toBe('passed');
    const [message] = messagesOf(result, 'breach');
    expect(message).toMatchObject({ ruleId: 'stale-wording', severity: 'warning', source: 'a', actual: 'MAJOR', expected: 'serious' });
    expect(message!.reason).toBe('claim still says "MAJOR" where a.txt now says "serious" (quote corrected on 2026-12-04)');
    expect(message!.place!.start.line).toBe(7);
  });

  it('stays quiet when the claim was reworded, or when only stop words changed', async () => {
    const reworded = claimsYaml(claim('breach', 'The account was closed after a serious breach.', [0, 46], history, 'A serious breach closed the account.'));
    expect(messagesOf(await check({ 'claims.yaml': reworded, 'a.txt': corrected }), 'breach')).toEqual([]);
    const stopWords = claimsYaml(
      claim('breach', 'The account was closed after a serious breach.', [0, 46], '        history:\n          - { date: 2026-12-04, was: "An account was closed after the serious breach." }\n', 'An account was closed after the serious breach.'),
    );
    expect(messagesOf(await check({ 'claims.yaml': stopWords, 'a.txt': corrected }), 'breach')).toEqual([]);
  });
});

describe('a claim that contradicts its own evidence', () => {
  const quote = 'A spokesperson said TikTok has never shared user data with the Chinese government.';
  const base = claimsYaml(claim('shares', quote, [0, quote.length], '', 'TikTok shares user data with the Chinese government.'));

  it('says how to acknowledge it, and the advice, once applied, makes the error an info', async () => {
    const before = await check({ 'claims.yaml': base, 'a.txt': quote });
    const [error] = messagesOf(before, 'shares').filter((m) => m.ruleId.startsWith('contradiction-'));
    expect(error).toMatchObject({ severity: 'error', ruleId: 'contradiction-negation' });
    expect(error!.note).toContain('Fix the claim, or change its verdict');
    const advice = /`(conflicts: \[\{evidence: 0, reason: "…"\}\])`/.exec(error!.note!)![1]!;
    expect(statusOf(before, 'shares')).toBe('failed');

    const applied = base.replace('    evidence:\n', `    ${advice.replace('…', 'TikTok denies it; the claim reports what regulators found.')}\n    evidence:\n`);
    const after = await check({ 'claims.yaml': applied, 'a.txt': quote });
    const [info] = messagesOf(after, 'shares').filter((m) => m.ruleId.startsWith('contradiction-'));
    expect(info).toMatchObject({ severity: 'info', ruleId: 'contradiction-negation' });
    expect(info!.reason).toContain('(acknowledged: TikTok denies it; the claim reports what regulators found.)');
    expect(after.contradictions).toEqual([expect.objectContaining({ severity: 'info', acknowledged: 'TikTok denies it; the claim reports what regulators found.' })]);
    expect(statusOf(after, 'shares')).toBe('passed');
  });
});
