import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../src/index.js';
import { expectQuiet, fileUrl, launchChromium, reportInBrowser, watchPage, type PageWatch } from './fixtures/browser.js';
import { checkByHand, makeTempDir, writeWorkspace, type FixtureWorkspace } from './fixtures/check-result.js';
import { SAMPLE, SAMPLE_CONTRADICTIONS } from './fixtures/sample.js';

const NOW = new Date('2026-11-22T08:30:00Z');

describe('the HTML report in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let result: CheckResult;
  let reportDir: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ browser, result, reportDir, close } = await reportInBrowser('fc-browser-', (dir) => writeWorkspace(dir, SAMPLE), (claims) => checkByHand(claims, { contradictions: SAMPLE_CONTRADICTIONS }), NOW));
  }, 120_000);

  afterAll(() => close?.());

  async function open(file: string, hash = ''): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const watch = watchPage(page, reportDir);
    await page.goto(fileUrl(path.join(reportDir, file), hash));
    return { page, watch };
  }

  function claimsOf(sourceId: string): { claims: number; failing: number } {
    const ids = new Set(result.claims.filter((c) => c.evidence.some((e) => e.source === sourceId)).map((c) => c.id));
    const failing = result.claims.filter((c) => ids.has(c.id) && c.status === 'failed').length;
    return { claims: ids.size, failing };
  }

  it('lists every source on the index with its figures', async () => {
    const { page, watch } = await open('index.html');
    const rows = await page.$$eval('#sources-body tr', (trs) =>
      trs.map((tr) => ({
        title: tr.querySelector('th a')?.textContent ?? '',
        href: tr.querySelector('th a')?.getAttribute('href') ?? '',
        id: tr.querySelector('th code')?.textContent ?? '',
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual([...result.workspace.sources.keys()]);
    for (const row of rows) {
      const decl = result.workspace.sources.get(row.id)!;
      const coverage = result.coverage.sources.find((s) => s.source === row.id)!;
      const { claims, failing } = claimsOf(row.id);
      expect(row.title).toBe(decl.title);
      expect(row.href).toBe(`sources/${row.id}.html`);
      expect(row.cells[0]).toBe(decl.publisher ?? '');
      expect(row.cells[1]).toBe(String(claims));
      expect(row.cells[2]).toBe(String(failing));
      expect(row.cells[3]).toContain(`${coverage.sentencePct.toFixed(1)}%`);
      expect(row.cells[3]).toContain(`${coverage.covered} of ${coverage.sentences - coverage.excluded}`);
      expect(row.cells[4]).toBe(`${coverage.characterPct.toFixed(1)}%`);
    }
    const summary = await page.textContent('.cards');
    expect(summary).toContain(`${result.summary.passed} with quotes verified`);
    expect(summary).toContain(`${result.summary.failed} failing the check`);
    expect(summary).toContain(`${result.coverage.total.sentencePct.toFixed(1)}%`);
    expect(await page.$$eval('#failing-body tr', (trs) => trs.length)).toBe(result.summary.failed);
    expect(await page.$$eval('#contradictions-body tr', (trs) => trs.length)).toBe(result.contradictions.length);
    expectQuiet(watch);
    await page.close();
  });

  it('sorts the sources table from its headers, with aria-sort', async () => {
    const { page, watch } = await open('index.html');
    const header = page.locator('#sources th[data-key="pct"]');
    const pcts = (): Promise<number[]> => page.$$eval('#sources-body .pct', (els) => els.map((e) => parseFloat(e.textContent ?? '')));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await pcts();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await pcts();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    await page.locator('#sources th[data-key="title"] button').click();
    expect(await header.getAttribute('aria-sort')).toBeNull();
    const titles = await page.$$eval('#sources-body th a', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expectQuiet(watch);
    await page.close();
  });

  it('filters the tables with the filter box', async () => {
    const { page, watch } = await open('index.html');
    await page.fill('#filter', 'example wire');
    await page.waitForFunction(() => document.querySelectorAll('#sources-body tr').length === 1);
    expect(await page.textContent('#sources-body th code')).toBe('gov-device-ban');
    expect(await page.textContent('#sources-status')).toBe('Showing 1–1 of 1 (filtered from 3)');
    await page.fill('#filter', 'ByteDance');
    await page.waitForFunction(() => document.querySelector('#failing-status')?.textContent?.includes('filtered'));
    const failing = await page.$$eval('#failing-body th code', (els) => els.map((e) => e.textContent));
    expect(failing).toEqual(['bytedance-owner', 'tiktok-denies-control', 'tiktok-controlled']);
    expect(await page.textContent('#sources-body td.empty')).toBe('Nothing matches the filter.');
    expectQuiet(watch);
    await page.close();
  });

  it('shows one highlight per evidence item with a place, after a click from the index', async () => {
    const { page, watch } = await open('index.html');
    await page.click('#sources-body a[href="sources/bbc-parliament.html"]');
    await page.waitForURL(/sources\/bbc-parliament\.html$/);
    const keys = await page.$$eval('mark.ev', (marks) => [...new Set(marks.flatMap((m) => (m.getAttribute('data-ev') ?? '').split(' ')))]);
    const placed = result.claims.flatMap((c) => c.evidence).filter((e) => e.source === 'bbc-parliament' && e.found);
    expect(keys).toHaveLength(placed.length);
    expect(await page.$$eval('.ev-anchor', (els) => els.length)).toBe(placed.length);
    const placeless = result.claims.flatMap((c) => c.evidence).filter((e) => e.source === 'bbc-parliament' && !e.found);
    expect(await page.$$eval('.placeless-item', (els) => els.length)).toBe(placeless.length);
    expectQuiet(watch);
    await page.close();
  });

  it('moves the focus to the next and previous uncovered sentence with n and p', async () => {
    const { page, watch } = await open('sources/bbc-parliament.html');
    const ids = await page.$$eval('.s.uncovered[tabindex="-1"]', (els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
    await page.keyboard.press('n');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('n');
    expect(await focused()).toBe(ids[1]);
    const inView = await page.evaluate((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, ids[1]!);
    expect(inView).toBe(true);
    await page.keyboard.press('p');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('p');
    expect(await focused()).toBe(ids[ids.length - 1]);
    expect(await page.textContent('#nav-status')).toBe(`Uncovered sentence ${ids.length} of ${ids.length}`);
    // The toolbar button does what n does, from the last sentence visited.
    await page.click('#next-uncovered');
    expect(await focused()).toBe(ids[0]);
    expectQuiet(watch);
    await page.close();
  });

  it('shows the claims of a quote on hover and on keyboard focus', async () => {
    const { page, watch } = await open('sources/bbc-parliament.html');
    await page.hover('mark.ev-changed');
    await expect.poll(() => page.textContent('#panel-body')).toContain('assurances-called-for');
    const panel = await page.textContent('#panel-body');
    expect(panel).toContain('Senior MPs wanted the account closed until TikTok gave assurances.');
    expect(panel).toContain('changed');
    expect(await page.$$eval('#panel-body del, #panel-body ins', (els) => els.map((e) => e.textContent))).toEqual(['clos', 'remov']);
    expect(await page.getAttribute('mark.ev-changed', 'title')).toContain('source now reads');

    // Keyboard: Tab until a quote has the focus.
    await page.mouse.move(0, 0);
    await page.focus('#next-uncovered');
    let tag = '';
    for (let i = 0; i < 40 && tag !== 'MARK'; i++) {
      await page.keyboard.press('Tab');
      tag = await page.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(tag).toBe('MARK');
    const claimIds = await page.evaluate(() => {
      const mark = document.activeElement!;
      const cards = [...document.querySelectorAll('.claims-block article.claim')];
      return (mark.getAttribute('data-c') ?? '').split(' ').map((i) => cards[Number(i)]!.id.replace(/^claim-/, ''));
    });
    const shown = await page.$$eval('#panel-body article.claim code', (els) => els.map((e) => e.textContent));
    expect(shown).toEqual(claimIds);
    expect(await page.$$eval('#panel-body .ev-item.current', (els) => els.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement!.classList.contains('active'))).toBe(true);
    // Cloned cards carry no ids, so ids stay unique.
    const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expectQuiet(watch);
    await page.close();
  });

  it("opens a failing claim's quote from the index", async () => {
    const { page, watch } = await open('index.html');
    await page.click('#failing-body a:has(code:text-is("assurances-called-for"))');
    await page.waitForURL(/bbc-parliament\.html#E-assurances-called-for-0$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('ev-changed');
    await expect.poll(() => page.textContent('#panel-body')).toContain('assurances-called-for');
    expectQuiet(watch);
    await page.close();
  });

  it('follows the colour scheme of the system', async () => {
    const page = await browser.newPage();
    await page.goto(fileUrl(path.join(reportDir, 'sources', 'bbc-parliament.html')));
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(light).toBe('rgb(246, 246, 243)');
    expect(dark).toBe('rgb(20, 23, 27)');
    await page.close();
  });

  it('opens every page without console errors, page errors or requests outside the report', async () => {
    const pages = ['index.html', ...(await readdir(path.join(reportDir, 'sources'))).map((f) => `sources/${f}`)];
    expect(pages).toHaveLength(1 + result.sources.size);
    for (const file of pages) {
      const { page, watch } = await open(file);
      await page.waitForLoadState('load');
      for (const mark of await page.$$('mark.ev')) await mark.focus();
      await page.keyboard.press('n');
      expectQuiet(watch);
      await page.close();
    }
  });
});

describe('a report with many sources in Chromium', { timeout: 120_000 }, () => {
  it('pages through the table, 50 rows at a time', async () => {
    const temp = await makeTempDir('fc-pages-');
    const browser = await launchChromium();
    try {
      const fixture: FixtureWorkspace = {
        sources: Array.from({ length: 120 }, (_, i) => ({ id: `source-${String(i).padStart(3, '0')}`, path: `s/${i}.txt`, text: `Sentence number ${i}. Another one.` })),
        claims: [{ id: 'first', claim: 'The first source counts.', verdict: 'supported', evidence: [{ source: 'source-000', quote: 'Sentence number 0.', span: 'auto' }] }],
      };
      const checked = await checkByHand(await writeWorkspace(path.join(temp.dir, 'ws'), fixture));
      const dir = path.join(temp.dir, 'report');
      await writeHtmlReport(checked.value!, dir, { now: NOW });
      const page = await browser.newPage();
      const watch = watchPage(page, dir);
      await page.goto(fileUrl(path.join(dir, 'index.html')));
      const firstIds = (): Promise<string[]> => page.$$eval('#sources-body th code', (els) => els.map((e) => e.textContent ?? ''));
      expect(await firstIds()).toHaveLength(50);
      expect((await firstIds())[0]).toBe('source-000');
      expect(await page.textContent('#sources-status')).toBe('Showing 1–50 of 120');
      expect(await page.isDisabled('#sources-prev')).toBe(true);
      await page.click('#sources-next');
      expect((await firstIds())[0]).toBe('source-050');
      await page.click('#sources-next');
      expect(await firstIds()).toHaveLength(20);
      expect(await page.textContent('#sources-status')).toBe('Showing 101–120 of 120');
      expect(await page.isDisabled('#sources-next')).toBe(true);
      // Sorting keeps the page within range; filtering goes back to the first page.
      await page.fill('#filter', 'source-11');
      await page.waitForFunction(() => document.querySelector('#sources-status')?.textContent === 'Showing 1–10 of 10 (filtered from 120)');
      expect(await page.isHidden('#sources-next')).toBe(true);
      expectQuiet(watch);
    } finally {
      await browser.close();
      await temp.remove();
    }
  });
});
