// The report answers the question an editor opens it with: what in this article is true, false or
// disputed. Highlights show the verdict (colour and icon) apart from the check status (underline),
// every claim is in a table that searches quotes and filters by verdict, check and source, a claim
// against its own quote shows the quote, and on a phone nothing runs off the screen. Checked in
// Chromium on the real pipeline.
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectQuiet, fileUrl, reportInBrowser, watchPage, type PageWatch } from './fixtures/browser.js';
import { checkFixture } from './fixtures/check-result.js';
import { SELF_CONTRADICTED_QUOTE, SELF_CONTRADICTING_ID, writeVerdictsWorkspace } from './fixtures/verdicts.js';

const NOW = new Date('2026-12-04T10:00:00Z');
const SHOTS = process.env.FACTCHECK_SCREENSHOTS;

describe('verdicts first, in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let result: CheckResult;
  let reportDir: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ browser, result, reportDir, close } = await reportInBrowser('fc-verdicts-', writeVerdictsWorkspace, checkFixture, NOW));
  }, 120_000);

  afterAll(() => close?.());

  async function open(file: string, viewport = { width: 1280, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; watch: PageWatch }> {
    const page = await browser.newPage({ viewport, colorScheme });
    const watch = watchPage(page, reportDir);
    await page.goto(fileUrl(path.join(reportDir, file)));
    return { page, watch };
  }

  /** With FACTCHECK_SCREENSHOTS=DIR, saves what the screen shows, scrolled to `selector`, for a person to look at. */
  async function shot(page: Page, name: string, selector?: string): Promise<void> {
    if (!SHOTS) return;
    if (selector) await page.locator(selector).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  it('checks a workspace with supported, refuted, disputed and unverified claims, and one against its own quote', () => {
    expect(new Set(result.claims.map((c) => c.verdict))).toEqual(new Set(['supported', 'refuted', 'disputed', 'unverified']));
    const own = result.contradictions.find((c) => c.evidence);
    expect(own?.claims).toEqual([SELF_CONTRADICTING_ID, SELF_CONTRADICTING_ID]);
    expect(own?.evidence?.quote).toBe(SELF_CONTRADICTED_QUOTE);
  });

  it('highlights a refuted quote and a supported one in different colours and icons, and a mixed passage as mixed', async () => {
    const { page, watch } = await open('sources/council.html');
    const look = (quote: string) =>
      page.evaluate((words) => {
        const mark = [...document.querySelectorAll<HTMLElement>('mark.ev.ev-start')].find((m) => m.textContent === words);
        if (!mark) return null;
        const style = getComputedStyle(mark);
        return { classes: mark.className, background: style.backgroundColor, icon: getComputedStyle(mark, '::before').content, underline: style.borderBottomStyle };
      }, quote);
    const refuted = await look('The library opened in 1962.');
    const supported = await look('The city council voted on Tuesday to close the riverside library.');
    const mixed = await look(SELF_CONTRADICTED_QUOTE);
    expect(refuted?.classes).toContain('v-refuted');
    expect(supported?.classes).toContain('v-supported');
    expect(refuted!.background).not.toBe(supported!.background);
    expect(refuted!.icon).toBe('"✗"');
    // The corrected quote carries the correction mark after its verdict's icon.
    expect(supported!.icon).toBe('"✓ ✎"');
    // Both quotes stand: the same underline, whatever the verdict.
    expect(refuted!.underline).toBe('solid');
    expect(supported!.underline).toBe('solid');
    expect(mixed?.classes).toContain('v-mixed');
    expect(mixed!.icon).toBe('"◐"');
    expect(await page.getAttribute(`mark.v-mixed[title]`, 'data-verdict')).toBe('disputed supported');
    expect(await page.getAttribute(`mark.v-mixed[title]`, 'title')).toMatch(/^mixed verdicts: disputed, supported\n/);
    // The changed quote of a supported claim: the verdict's colour, the changed status's dotted line.
    const changed = await page.$eval('mark.ev-changed', (m) => ({ classes: m.className, underline: getComputedStyle(m).borderBottomStyle }));
    expect(changed.classes).toContain('v-supported');
    expect(changed.underline).toBe('dotted');
    // The legend explains both cues.
    const legend = (await page.locator('.legend').textContent()) ?? '';
    expect(legend).toContain('Verdict: colour and icon');
    expect(legend).toContain('Check status: underline');
    expect(legend).toMatch(/mixed: the passage backs claims with different verdicts/);
    expect(legend).toMatch(/dotted: quote changed/);
    await shot(page, 'source-desktop-light', '#source-text');
    await page.focus('mark.v-mixed[title]');
    await shot(page, 'source-desktop-light-panel');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'source-desktop-dark', '.legend');
    await shot(page, 'source-desktop-dark-text', '#source-text');
    expectQuiet(watch);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`gives verdict colours AA contrast (4.5:1) for text in ${scheme} mode`, async () => {
      const { page, watch } = await open('sources/council.html', undefined, scheme);
      const pairs = await page.evaluate(() => {
        const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const out: { what: string; fg: number[]; bg: number[] }[] = [];
        for (const swatch of document.querySelectorAll<HTMLElement>('[data-verdict-swatch]')) {
          const v = swatch.getAttribute('data-verdict-swatch');
          const bg = rgb(getComputedStyle(swatch).backgroundColor);
          out.push({ what: `${v} highlight text`, fg: rgb(getComputedStyle(swatch).color), bg });
          out.push({ what: `${v} highlight icon`, fg: rgb(getComputedStyle(swatch, '::before').color), bg });
        }
        for (const badge of document.querySelectorAll<HTMLElement>('.legend .verdict-legend .v-badge, .claims-block .v-badge')) {
          const style = getComputedStyle(badge);
          out.push({ what: `${badge.textContent} badge`, fg: rgb(style.color), bg: rgb(style.backgroundColor) });
        }
        return out;
      });
      const luminance = ([r, g, b]: number[]): number => {
        const [R, G, B] = [r!, g!, b!].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      const contrast = (a: number[], b: number[]): number => {
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      expect(pairs.filter((p) => p.what.endsWith('highlight text')).map((p) => p.what.split(' ')[0])).toEqual(['supported', 'refuted', 'disputed', 'unverified', 'mixed']);
      expect(new Set(pairs.filter((p) => p.what.endsWith('badge')).map((p) => p.what))).toEqual(new Set(['supported badge', 'refuted badge', 'disputed badge', 'unverified badge']));
      const backgrounds = new Set(pairs.filter((p) => p.what.endsWith('highlight text')).map((p) => p.bg.join()));
      expect(backgrounds.size).toBe(5);
      const low = pairs.map((p) => ({ what: p.what, ratio: Math.round(contrast(p.fg, p.bg) * 100) / 100 })).filter((p) => p.ratio < 4.5);
      expect(low).toEqual([]);
      expectQuiet(watch);
      await page.close();
    });
  }

  it('lists every claim in the claims table, finds a passing claim by a word of its quote, and filters by verdict and check', async () => {
    const { page, watch } = await open('index.html');
    const ids = (): Promise<string[]> => page.$$eval('#claims-body th code', (els) => els.map((e) => e.textContent ?? ''));
    expect(await ids()).toEqual(result.claims.map((c) => c.id));
    // Each claim links to its quote to look at first: the failing one, else its first.
    const links = await page.$$eval('#claims-body th a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      result.claims.map((c) => {
        const at = c.evidence.findIndex((e) => e.status !== 'verified' && e.status !== 'moved');
        const e = c.evidence[at === -1 ? 0 : at]!;
        return `sources/${e.source}.html#E-${c.id}-${e.index}`;
      }),
    );
    // "Tuesday" is only in the quote of council-voted-closure, whose quotes are verified.
    await page.fill('#filter', 'tuesday');
    await expect.poll(ids).toEqual(['council-voted-closure']);
    expect(result.claims.find((c) => c.id === 'council-voted-closure')?.status).toBe('passed');
    // Words of a note are found too.
    await page.fill('#filter', 'unpublished');
    await expect.poll(ids).toEqual(['repairs-two-million']);
    await page.fill('#filter', '');
    await expect.poll(ids).toHaveLength(result.claims.length);
    await page.selectOption('#claims-verdict', 'refuted');
    await expect.poll(ids).toEqual(['opened-in-1972']);
    await page.selectOption('#claims-verdict', 'supported');
    await page.selectOption('#claims-outcome', 'quotes-failing');
    await expect.poll(ids).toEqual(['hours-cut-april']);
    // Its quotes stand, but a contradiction fails it: the claim against its own quote, and the
    // claim giving the other figure.
    await page.selectOption('#claims-outcome', 'contradiction');
    await expect.poll(ids).toEqual(['council-repair-figure', SELF_CONTRADICTING_ID]);
    await page.selectOption('#claims-verdict', '');
    await page.selectOption('#claims-outcome', 'verified');
    const verified = result.claims.filter((c) => c.status === 'passed').map((c) => c.id);
    await expect.poll(ids).toEqual(verified);
    // The source filter: claims citing the trust's article.
    await page.selectOption('#claims-outcome', '');
    await page.selectOption('#claims-source', { label: 'Library trust disputes the repair bill' });
    await expect.poll(ids).toEqual(result.claims.filter((c) => c.evidence.some((e) => e.source === 'trust')).map((c) => c.id));
    await shot(page, 'index-desktop-claims', '#claims');
    const row = await page.$eval('#claims-body tr', (tr) => [...(tr as HTMLTableRowElement).cells].map((c) => (c as HTMLElement).innerText));
    expect(row).toEqual(['council-voted-closure', 'The city council voted to close the riverside library.', 'supported', 'quotes verified', 'Council votes to close the riverside library, Library trust disputes the repair bill', 'none']);
    expectQuiet(watch);
    await page.close();
  });

  it('shows the quote a claim contradicts, with its source and line, and a link to the passage', async () => {
    const { page, watch } = await open('index.html');
    // The claim's number against its quote's (the same quote also leaves "3 million" unsupported, a row of its own).
    const rows = page.locator('#contradictions-body tr', { has: page.locator('.own-quote') });
    expect(await rows.count()).toBe(2);
    const row = rows.filter({ hasText: "'3 million' vs '2 million'" });
    expect(await row.count()).toBe(1);
    await shot(page, 'index-desktop-contradictions', '#contradictions');
    const text = await row.innerText();
    expect(text).toContain(SELF_CONTRADICTING_ID);
    expect(text.match(new RegExp(SELF_CONTRADICTING_ID, 'g'))).toHaveLength(1);
    expect(text.toLowerCase()).toContain('versus its own quote');
    expect(await row.locator('.own-quote blockquote').innerText()).toBe(SELF_CONTRADICTED_QUOTE);
    expect(await row.locator('.own-quote .sub').innerText()).toBe('council, line 2');
    await row.locator('.own-quote a').click();
    await page.waitForURL(new RegExp(`sources/council\\.html#E-${SELF_CONTRADICTING_ID}-0$`));
    await expect.poll(() => page.textContent('#panel-body')).toContain(SELF_CONTRADICTING_ID);
    expectQuiet(watch);
    await page.close();
  });

  it('fits a 390 px phone: no element wider than the screen, failing rows as cards, the sheet flush with the bottom', async () => {
    const phone = { width: 390, height: 844 };
    for (const scheme of ['light', 'dark'] as const) {
      for (const file of ['index.html', 'sources/council.html', 'sources/trust.html']) {
        const { page, watch } = await open(file, phone, scheme);
        const wide = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const out: string[] = [];
          if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
          for (const e of document.querySelectorAll<HTMLElement>('body *')) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5) && !e.closest('.skip, thead')) out.push(`${e.tagName.toLowerCase()}.${e.className}: ${Math.round(r.left)}–${Math.round(r.right)}`);
          }
          return out;
        });
        expect(wide, `${file} (${scheme})`).toEqual([]);
        if (file === 'index.html') {
          await shot(page, `index-phone-${scheme}-claims`, '#claims-body');
          await shot(page, `index-phone-${scheme}-failing`, '#failing-body');
          await shot(page, `index-phone-${scheme}-contradictions`, '#contradictions-body');
          const cells = await page.$$eval('#failing-body tr:first-child > *', (els) =>
            els.map((e) => {
              const r = e.getBoundingClientRect();
              return { label: e.getAttribute('data-label'), left: r.left, right: r.right, height: r.height };
            }),
          );
          expect(cells.map((c) => c.label)).toEqual(['Claim', 'Statement', 'Verdict', 'Why it fails']);
          for (const cell of cells) {
            expect(cell.left).toBeGreaterThanOrEqual(0);
            expect(cell.right).toBeLessThanOrEqual(phone.width);
            expect(cell.height).toBeGreaterThan(0);
          }
        }
        if (file === 'sources/council.html') {
          await page.focus('mark.v-refuted');
          await expect.poll(() => page.isVisible('#panel')).toBe(true);
          const sheet = await page.$eval('#panel', (p) => {
            const r = p.getBoundingClientRect();
            return { left: r.left, right: r.right, bottom: r.bottom, overflow: getComputedStyle(p).overflowY };
          });
          expect(sheet).toEqual({ left: 0, right: phone.width, bottom: phone.height, overflow: 'auto' });
          // The selected passage is scrolled above the sheet, not hidden under it.
          const hidden = (): Promise<number> =>
            page.evaluate(() => document.activeElement!.getBoundingClientRect().bottom - document.getElementById('panel')!.getBoundingClientRect().top);
          await expect.poll(hidden).toBeLessThanOrEqual(0);
          await shot(page, `source-phone-${scheme}`);
        }
        expectQuiet(watch);
        await page.close();
      }
    }
  });
});
