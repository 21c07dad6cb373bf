// The report says what it checked: "quotes verified", not "passed"; "sentences quoted", not
// "covered"; what each verdict means; and, on a claim's card, its note, its fact and when, and the
// conflicts it acknowledges with their reasons, and its evidence for and against it apart.
// Checked in Chromium on the real pipeline.
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { VERDICTS, type CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_MEANINGS } from '../src/index.js';
import { expectQuiet, fileUrl, reportInBrowser, watchPage, type PageWatch } from './fixtures/browser.js';
import { checkFixture } from './fixtures/check-result.js';
import { CONFLICT_REASON, EDITORIAL_NOTE, OWN_QUOTE_REASON, writeEditorialWorkspace } from './fixtures/editorial.js';

const NOW = new Date('2026-12-01T10:00:00Z');

/** The text of every verdict badge in `scope`, with its tooltip. */
function badgesIn(page: Page, scope: string): Promise<{ verdict: string; title: string }[]> {
  return page.$$eval(`${scope} .badge[class*="verdict-"]`, (els) => els.map((e) => ({ verdict: e.textContent ?? '', title: e.getAttribute('title') ?? '' })));
}

function expectMeanings(badges: { verdict: string; title: string }[]): void {
  expect(badges.length).toBeGreaterThan(0);
  for (const { verdict, title } of badges) expect(title).toBe(`${verdict}: ${VERDICT_MEANINGS[verdict as keyof typeof VERDICT_MEANINGS]}`);
}

describe('what the HTML report says it checked, in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let result: CheckResult;
  let reportDir: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ browser, result, reportDir, close } = await reportInBrowser('fc-editorial-', writeEditorialWorkspace, checkFixture, NOW));
  }, 120_000);

  afterAll(() => close?.());

  async function open(file: string, hash = ''): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, reportDir);
    await page.goto(fileUrl(path.join(reportDir, file), hash));
    return { page, watch };
  }

  it('checks a workspace with a claim of every verdict, one failing quote and one acknowledged contradiction', () => {
    expect(new Set(result.claims.map((c) => c.verdict))).toEqual(new Set(VERDICTS));
    expect(result.summary).toEqual({ passed: 6, failed: 1 });
    expect(result.claims.find((c) => c.status === 'failed')?.id).toBe('hours-cut-april');
    expect(result.contradictions.map((c) => [c.claims, c.severity])).toEqual([[['council-repair-figure', 'trust-repair-figure'], 'info']]);
  });

  it('counts claims whose quotes are verified, and sentences quoted, on the index', async () => {
    const { page, watch } = await open('index.html');
    const cards = await page.$$eval('.cards .card', (els) => els.map((e) => ({ heading: e.querySelector('h2')?.textContent ?? '', text: (e as HTMLElement).innerText })));
    const claims = cards.find((c) => c.heading === 'Claims')!;
    expect(claims.text).toContain('6 with quotes verified');
    expect(claims.text).toContain('1 failing the check');
    expect(claims.text).toContain('not that the claims are true');
    const sentences = cards.find((c) => c.heading === 'Sentences quoted')!;
    const total = result.coverage.total;
    expect(sentences.text).toContain(`${total.covered} of ${total.sentences - total.excluded} sentences quoted`);
    expect(cards.map((c) => c.heading)).not.toContain('Sentences');
    const headings = await page.$$eval('#sources thead th', (ths) => ths.map((th) => th.textContent ?? ''));
    expect(headings).toEqual(['Source', 'Publisher', 'Claims', 'Failing the check', 'Sentences quoted', 'Characters quoted']);
    expect(await page.textContent('#failing-title')).toContain('Claims failing the check');
    // No "passed" or "failed" anywhere a reader looks: those words read as "true" and "false".
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/\b(passed|failed|passes|covered)\b/i);
    expectQuiet(watch);
    await page.close();
  });

  it('shows what each verdict means: in the legend as text, and on every verdict badge as its tooltip', async () => {
    const { page, watch } = await open('index.html');
    const legend = await page.$$eval('#about .verdict-legend li', (lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(legend).toEqual(VERDICTS.map((v) => `${v} ${VERDICT_MEANINGS[v]}`));
    expect(await page.isVisible('#about .verdict-legend')).toBe(true);
    const about = await page.textContent('#about');
    expect(about).toContain('Quotes verified');
    expect(about).toContain('not that the claim is true');
    expect(about).toContain('Sentences quoted');
    expect(about).toContain('not how many of its facts are checked');
    expectMeanings(await badgesIn(page, '#about'));
    // The failing claims table is drawn by report.js: its badges carry the meaning too.
    const failing = await badgesIn(page, '#failing-body');
    expect(failing.map((b) => b.verdict)).toEqual(['supported']);
    expectMeanings(failing);
    expectQuiet(watch);
    await page.close();
  });

  it('labels a source page with sentences quoted, and explains its badges in the legend', async () => {
    const { page, watch } = await open('sources/council.html');
    const coverage = result.coverage.sources.find((s) => s.source === 'council')!;
    const line = await page.textContent('.cov-line');
    expect(line).toContain(`${coverage.sentencePct.toFixed(1)}% of sentences quoted`);
    expect(line).toContain('of characters quoted');
    expect(line).not.toMatch(/covered/);
    const legend = await page.$$eval('.legend .verdict-legend li', (lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(legend).toEqual(VERDICTS.map((v) => `${v} ${VERDICT_MEANINGS[v]}`));
    expect(await page.textContent('.legend .meanings')).toContain('not that the claim is true');
    expectMeanings(await badgesIn(page, '.claims-block'));
    const outcomes = await page.$$eval('.claims-block article.claim', (cards) =>
      cards.map((card) => [card.id, card.querySelector('.badge[class*="status-"]')?.textContent ?? '', card.querySelector('.badge[class*="status-"]')?.getAttribute('title') ?? '']),
    );
    expect(outcomes.map(([id, label]) => [id, label])).toEqual([
      ['claim-council-voted-closure', 'quotes verified'],
      ['claim-opened-in-1972', 'quotes verified'],
      ['claim-repairs-two-million', 'quotes verified'],
      ['claim-council-repair-figure', 'quotes verified'],
      ['claim-hours-cut-april', 'quotes failing'],
    ]);
    expect(outcomes[0]![2]).toContain('not that the claim is true');
    // The report's own words, the source's text aside (this one says "the vote passed").
    const own = await page.$$eval('.top, .legend, .claim-head', (els) => els.map((e) => (e as HTMLElement).innerText).join('\n'));
    expect(own).not.toMatch(/\b(passed|failed)\b/i);
    expectQuiet(watch);
    await page.close();
  });

  it("shows a claim's note, fact and when, and its corrections, on its card and in the side panel", async () => {
    const { page, watch } = await open('sources/council.html');
    const card = page.locator('#claim-council-voted-closure');
    expect(await card.locator('.note').innerText()).toBe("Note: The vote is on the council's record.");
    const fact = await card.locator('dl.fact').evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(fact).toEqual([
      ['Subject', 'Riverside Library riverside-library'],
      ['Property', 'status'],
      ['Value', 'closing'],
      ['When', '2026-11'],
    ]);
    expect(await card.locator('.history').innerText()).toContain('Corrected on 2026-11-20; was: “The city council voted on Monday to close the riverside library.”');
    expect(await page.locator('#claim-council-repair-figure .fact-when').innerText()).toBe('2026-01 to 2026-12');
    expect(await page.locator('#claim-repairs-two-million .note').innerText()).toBe(`Note: ${EDITORIAL_NOTE}`);

    // The side panel shows a copy of the card, with the same meanings and facts.
    await page.focus('mark.ev[data-c="0"]');
    await expect.poll(() => page.textContent('#panel-body')).toContain('council-voted-closure');
    expectMeanings(await badgesIn(page, '#panel-body'));
    const panel = await page.locator('#panel-body').innerText();
    expect(panel).toContain('2026-11');
    expect(panel).toContain('closing');
    expect(panel).toContain("The vote is on the council's record.");
    expectQuiet(watch);
    await page.close();
  });

  it('shows the conflicts a claim acknowledges, with their reasons and links to what they name', async () => {
    const { page, watch } = await open('sources/council.html');
    const withClaim = page.locator('#claim-council-repair-figure .conflicts li');
    expect(await withClaim.count()).toBe(1);
    const text = await withClaim.innerText();
    expect(text).toContain('With claim trust-repair-figure');
    expect(text).toContain('The library trust said the repairs would cost 800,000 pounds.');
    expect(text).toContain(CONFLICT_REASON);
    const own = await page.locator('#claim-opened-in-1972 .conflicts li').innerText();
    expect(own).toBe(`With its own quote 1 (council: “The library opened in 1962.”): ${OWN_QUOTE_REASON}`);
    expect(await page.getAttribute('#claim-opened-in-1972 .conflicts a', 'href')).toBe('#E-opened-in-1972-0');
    // The other claim cites only the other source: the link opens its card there.
    await withClaim.locator('a').click();
    await page.waitForURL(/sources\/trust\.html#claim-trust-repair-figure$/);
    expect(await page.locator('#claim-trust-repair-figure .claim-text').innerText()).toBe('The library trust said the repairs would cost 800,000 pounds.');
    expectMeanings(await badgesIn(page, '.claims-block'));
    expect(await page.$$eval('.claims-block .badge[class*="verdict-"]', (els) => els.map((e) => e.textContent))).toEqual(['supported', 'disputed', 'unverified', 'supported']);
    expectQuiet(watch);
    await page.close();
  });

  it('shows the evidence for and against a claim apart, and how many sources and publishers back it', async () => {
    const { page, watch } = await open('sources/council.html');
    const sides = (id: string) =>
      page.$$eval(`#claim-${id} section.side`, (els) =>
        els.map((side) => ({
          label: side.querySelector('.side-label')?.textContent ?? '',
          here: [...side.querySelectorAll('.ev-item blockquote')].map((q) => q.textContent),
          elsewhere: [...side.querySelectorAll('.backing li > a:first-child')].map((a) => a.getAttribute('href')),
          backing: side.querySelector('.corroboration')?.textContent ?? null,
        })),
      );
    expect(await sides('repairs-two-million')).toEqual([
      { label: 'Evidence for the claim 1', here: ['Councillor Ana Reyes said the building needed repairs costing 2 million pounds.'], elsewhere: [], backing: 'Backed by 1 source from 1 publisher.' },
      { label: 'Evidence against the claim 1', here: [], elsewhere: ['trust.html#E-repairs-two-million-1'], backing: null },
    ]);
    // A refuted claim's evidence is against it unless claims.yaml says otherwise.
    expect(await sides('opened-in-1972')).toEqual([{ label: 'Evidence against the claim 1', here: ['The library opened in 1962.'], elsewhere: [], backing: null }]);
    expect(await sides('council-voted-closure')).toEqual([
      {
        label: 'Evidence for the claim 2',
        here: ['The city council voted on Tuesday to close the riverside library.'],
        elsewhere: ['trust.html#E-council-voted-closure-1'],
        backing: 'Backed by 2 sources from 2 publishers.',
      },
    ]);
    const claim = result.claims.find((c) => c.id === 'council-voted-closure')!;
    expect(claim.corroboration).toEqual({ sources: 2, publishers: 2 });
    expectQuiet(watch);
    await page.close();
  });
});
