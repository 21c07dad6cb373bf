import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '@factcheck/check';
import type { CheckResult } from '@factcheck/core';
import { formatStylish, groupMovedQuotes, renderSourceHtml, toJsonReport } from '../src/index.js';

// How the reporters show what publishers do to their sources: quotes that moved (many at once
// when a paragraph is added), quotes that changed, and corrections accepted in the past.

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function check(claims: string, source: string): Promise<CheckResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'factcheck-report-edits-'));
  dirs.push(root);
  await writeFile(path.join(root, 'claims.yaml'), claims);
  await writeFile(path.join(root, 'a.txt'), source);
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  expect(checked.errors).toEqual([]);
  return checked.value!;
}

const SENTENCES = ['The account was closed on Friday.', 'Officials gave no reason.', 'A review will follow in the spring.', 'Staff were told on Monday.'];
const ARTICLE = SENTENCES.join(' ');
const INTRO = 'Updated with new detail. ';

/** One claim per sentence, pinned where it stands in ARTICLE; `head` goes before `sources:`. */
function claims(quotes: readonly string[] = SENTENCES, head = ''): string {
  const items = quotes.map((quote, i) => {
    const start = ARTICLE.indexOf(quote);
    const span = start >= 0 ? `\n        span: [${start}, ${start + quote.length}]` : '';
    return `  - id: claim-${i + 1}\n    claim: Claim ${i + 1}.\n    verdict: supported\n    evidence:\n      - source: a\n        quote: ${JSON.stringify(quote)}${span}\n`;
  });
  return `version: 1\n${head}sources:\n  a:\n    path: a.txt\nclaims:\n${items.join('')}`;
}

describe('groupMovedQuotes and stylish output', () => {
  it('puts the moved quotes of a source on one line, with the common shift, and keeps changed quotes as errors', async () => {
    // A paragraph added at the top moves every quote; the publisher also reworded one sentence.
    const result = await check(claims(), INTRO + ARTICLE.replace('on Monday', 'on Sunday'));
    const lines = formatStylish(groupMovedQuotes(result)).split('\n');
    expect(lines.map((l) => l.trim())).toContain('3:3  warning  a.txt: 3 quotes moved by +25 characters; run factcheck update to pin them  quote-moved');
    expect(lines.filter((l) => l.includes('quote-moved'))).toHaveLength(1);
    const changed = lines.filter((l) => l.includes('quote-changed'));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^ {2}\d+:\d+ +error +quote changed in a\.txt .*\(claim-4\)$/);
    // Every message is still in the result (and so in JSON and --verbose).
    expect(result.messages.filter((m) => m.ruleId === 'quote-moved')).toHaveLength(3);
  });

  it('names no shift when the quotes moved by different amounts', async () => {
    const shuffled = [SENTENCES[1], SENTENCES[0], SENTENCES[3], SENTENCES[2]].join(' ');
    const grouped = groupMovedQuotes(await check(claims(), shuffled));
    expect(grouped.filter((m) => m.ruleId === 'quote-moved').map((m) => m.reason)).toEqual(['a.txt: 4 quotes moved; run factcheck update to pin them']);
  });

  it('lists a single moved quote as it is, with its place', async () => {
    const result = await check(claims(SENTENCES.slice(0, 1)), INTRO + ARTICLE);
    expect(groupMovedQuotes(result)).toEqual(result.messages);
  });

  it('lists moved quotes one by one when they fail the check (anchor: { moved: error })', async () => {
    const result = await check(claims(SENTENCES, 'anchor: { moved: error }\n'), INTRO + ARTICLE);
    const moved = groupMovedQuotes(result).filter((m) => m.ruleId === 'quote-moved');
    expect(moved).toHaveLength(4);
    expect(moved.every((m) => m.severity === 'error' && m.claimId !== undefined)).toBe(true);
  });
});

describe('corrections in the reports', () => {
  const HISTORY = '        history:\n          - { date: 2026-12-04, was: "The account was <b>shut</b> on Friday." }\n';
  const corrected = claims(SENTENCES.slice(0, 1)).replace(/(span: \[0, 33\]\n)/, `$1${HISTORY}`);

  it('JSON adds the history of a corrected quote', async () => {
    const json = toJsonReport(await check(corrected, ARTICLE));
    expect(json.claims[0]!.evidence[0]!.history).toEqual([{ date: '2026-12-04', was: 'The account was <b>shut</b> on Friday.' }]);
  });

  it('the source page shows it on the passage and on the claim, escaped', async () => {
    const html = renderSourceHtml(await check(corrected, ARTICLE), 'a');
    expect(html).toContain('<ul class="history" aria-label="Corrections of this quote"><li>Corrected on <time datetime="2026-12-04">2026-12-04</time>; was: “The account was &lt;b&gt;shut&lt;/b&gt; on Friday.”</li></ul>');
    const mark = /<mark class="ev ev-verified v-supported ev-corrected ev-start"[^>]*title="([^"]*)"/.exec(html)!;
    const title = mark[1]!;
    expect(title).toBe('claim-1: supported; quote verified\ncorrected on 2026-12-04; was: “The account was &lt;b&gt;shut&lt;/b&gt; on Friday.”');
    expect(html).not.toContain('<b>shut</b>');
  });

  it('shows nothing of the kind for a quote never corrected', async () => {
    const html = renderSourceHtml(await check(claims(SENTENCES.slice(0, 1)), ARTICLE), 'a');
    expect(html).not.toContain('class="history"');
    expect(html).not.toContain('corrected on');
  });
});
