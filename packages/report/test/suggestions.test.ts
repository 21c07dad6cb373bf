import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '@factcheck/check';
import type { CheckResult } from '@factcheck/core';
import { renderSourceHtml, toJsonReport } from '../src/index.js';

// A quote whose sentence was rewritten is missing; the reports carry the passages that may be
// its new wording (JSON: span, text, similarity; HTML: on the quote's card, with a line link).

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const BEFORE = 'Human beings have lived here for over ten millennia.';
const AFTER = 'Humans have lived in the Americas for over ten thousand years.';
const ARTICLE = `The valley is old.\n\n${AFTER}\n\nTheir descendants still farm here.\n`;
const CLAIMS = `version: 1\nsources:\n  a:\n    path: a.txt\nclaims:\n  - id: old-settlement\n    claim: People have lived in the valley for ten thousand years.\n    verdict: supported\n    evidence:\n      - source: a\n        quote: ${JSON.stringify(BEFORE)}\n        span: [19, 71]\n`;

async function check(): Promise<CheckResult> {
  const root = await mkdtemp(path.join(tmpdir(), 'factcheck-report-suggest-'));
  dirs.push(root);
  await writeFile(path.join(root, 'claims.yaml'), CLAIMS);
  await writeFile(path.join(root, 'a.txt'), ARTICLE);
  const checked = await checkWorkspace('claims.yaml', { cwd: root });
  expect(checked.errors).toEqual([]);
  return checked.value!;
}

describe('suggestions for a missing quote', () => {
  it('JSON: each candidate has its span, text and similarity, best first', async () => {
    const evidence = toJsonReport(await check()).claims[0]!.evidence[0]!;
    expect(evidence.status).toBe('missing');
    const [best] = evidence.candidates!;
    expect(best).toEqual({ span: [20, 20 + AFTER.length], score: expect.any(Number), text: AFTER });
    expect(best!.score).toBeLessThan(0.75);
    expect(evidence.candidates!.length).toBeLessThanOrEqual(3);
  });

  it('HTML: the quote card lists the candidates as "maybe reworded as", each linked to its line', async () => {
    const html = renderSourceHtml(await check(), 'a');
    const at = html.indexOf('id="E-old-settlement-0"');
    expect(at).toBeGreaterThan(0);
    const card = html.slice(at, html.indexOf('</ul>\n</li>', at));
    expect(card).toContain('<p class="candidates-title">Maybe reworded as:</p>');
    expect(card).toMatch(/<ul class="candidates"[^>]*><li><a href="#L3">line 3<\/a>: “<bdi>Humans have lived in the Americas for over ten thousand years\.<\/bdi>” <span class="muted">\(\d+%\)<\/span><\/li>/);
  });
});
