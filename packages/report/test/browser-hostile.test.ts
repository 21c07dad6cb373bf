import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport } from '../src/index.js';
import { fileUrl, launchChromium, watchPage } from './fixtures/browser.js';
import { checkFixture, makeTempDir, writeWorkspace } from './fixtures/check-result.js';
import { HOSTILE, HOSTILE_TITLE, JAVASCRIPT_URL, PAYLOADS, RLO, withHostileIds } from './fixtures/hostile.js';

const NOW = new Date('2026-11-22T08:30:00Z');

interface PageFindings {
  pwned: unknown;
  title: string;
  scripts: string[];
  handlers: string[];
  badLinks: string[];
  foreignElements: string[];
  text: string;
  controls: number;
}

/** What a page holds after it ran: anything a payload could have changed. */
function inspect(): PageFindings {
  const all = [...document.querySelectorAll('*')];
  return {
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    title: document.title,
    scripts: [...document.scripts].map((s) => (s.src ? new URL(s.src).pathname.split('/').pop()! : `inline:${s.type}`)),
    handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
    badLinks: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).protocol).filter((p) => !['http:', 'https:', 'file:'].includes(p)),
    foreignElements: [...document.querySelectorAll('img, svg, iframe, object, embed, style, base, form, textarea, meta[http-equiv="refresh"], body script:not([type="application/json"])')].map((el) => el.tagName),
    text: document.body.innerText,
    controls: document.querySelectorAll('.ctl').length,
  };
}

describe('hostile content in the HTML report', { timeout: 180_000 }, () => {
  let browser: Browser;
  let cleanup: () => Promise<void>;
  const reports: { name: string; dir: string; files: string[]; result: CheckResult }[] = [];

  beforeAll(async () => {
    const temp = await makeTempDir('fc-hostile-');
    cleanup = temp.remove;
    const checked = await checkFixture(await writeWorkspace(path.join(temp.dir, 'ws'), HOSTILE));
    expect(checked.errors).toEqual([]);
    const result = checked.value!;
    // claims.yaml only accepts http(s) urls; a javascript: url set anyway must be dropped by the report.
    result.workspace.sources.get('second-page')!.url = JAVASCRIPT_URL;
    const hostileIds = withHostileIds(result, { 'hostile-page': `"><img src=x onerror=window.__pwned=1>` }, { 'script-quote': '</script><script>window.__pwned=1</script>', 'img-quote': `x" onmouseover="window.__pwned=1` });
    for (const [name, r] of [
      ['loaded', result],
      ['hostile ids', hostileIds],
    ] as const) {
      const dir = path.join(temp.dir, name.replace(' ', '-'));
      const { files } = await writeHtmlReport(r, dir, { now: NOW });
      reports.push({ name, dir, files, result: r });
    }
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  it('runs none of it, on any page, after focusing every quote and filtering', async () => {
    let pagesOpened = 0;
    for (const report of reports) {
      const htmlFiles = ['index.html', ...(await readdir(path.join(report.dir, 'sources'))).map((f) => `sources/${f}`)];
      const allowed = new Set(report.files.map((f) => fileUrl(f)));
      for (const file of htmlFiles) {
        const page = await browser.newPage();
        const watch = watchPage(page, report.dir);
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url().split('#')[0]!));
        await page.goto(fileUrl(path.join(report.dir, file)));
        await page.waitForLoadState('load');
        if (file === 'index.html') {
          await page.fill('#filter', '<img');
          await page.waitForTimeout(200);
          await page.fill('#filter', '');
          await page.waitForTimeout(200);
        } else {
          for (const mark of await page.$$('mark.ev')) {
            await mark.hover();
            await mark.focus();
          }
          await page.keyboard.press('n');
        }
        const found = await page.evaluate(inspect);
        const context = `${report.name}: ${file}`;
        expect(found.pwned, context).toBeUndefined();
        expect(found.title, context).not.toBe('pwned');
        expect(found.scripts, context).toEqual(file === 'index.html' ? ['claims.js', 'report.js', 'inline:application/json'] : ['report.js']);
        expect(found.handlers, context).toEqual([]);
        expect(found.badLinks, context).toEqual([]);
        expect(found.foreignElements, context).toEqual([]);
        expect(found.text.includes('\u202E'), context).toBe(false);
        expect(watch, context).toEqual({ console: [], errors: [], dialogs: [], foreignRequests: [], failedRequests: [] });
        expect(requests.filter((r) => !allowed.has(r)), context).toEqual([]);
        pagesOpened++;
        await page.close();
      }
    }
    expect(pagesOpened).toBe(reports.reduce((n, r) => n + 1 + r.result.sources.size, 0));
  });

  it('shows the hostile text literally, with direction overrides neutralised', async () => {
    const report = reports[0]!;
    const page = await browser.newPage();
    await page.goto(fileUrl(path.join(report.dir, 'sources', 'hostile-page.html')));
    const found = await page.evaluate(inspect);
    for (const payload of PAYLOADS) expect(found.text).toContain(payload);
    expect(found.text).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(found.text).toContain('U+202Edesrever si txet sihtU+202C');
    expect(found.controls).toBeGreaterThanOrEqual(4);
    expect(found.title).toBe(`${HOSTILE_TITLE.replace(/\u202E/g, '[U+202E]').replace(/\u202C/g, '[U+202C]')} · factcheck`);
    expect(await page.textContent('h1')).toBe(HOSTILE_TITLE.replace(/\u202E/g, 'U+202E').replace(/\u202C/g, 'U+202C'));
    // The url keeps its (percent-encoded) text, as a link to the same https page.
    const original = await page.getAttribute('a.ext', 'href');
    expect(new URL(original!).origin).toBe('https://example.org');
    await page.close();

    const second = await browser.newPage();
    await second.goto(fileUrl(path.join(report.dir, 'sources', 'second-page.html')));
    expect(await second.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? '').filter((h) => /javascript/i.test(h)))).toEqual([]);
    expect(await second.$$eval('a.ext', (as) => as.length)).toBe(0);
    await second.close();

    const index = await browser.newPage();
    await index.goto(fileUrl(path.join(report.dir, 'index.html')));
    const titles = await index.$$eval('#sources-body th a', (as) => as.map((a) => a.textContent));
    expect(titles).toContain(HOSTILE_TITLE.replace(/\u202E/g, 'U+202E').replace(/\u202C/g, 'U+202C'));
    expect(await index.$$eval('#sources-body td:nth-child(2)', (tds) => tds.map((td) => td.textContent))).toContain(HOSTILE.sources[0]!.publisher);
    expect(RLO).toContain('\u202E');
    await index.close();
  });

  it('has a Content-Security-Policy that would block inline code even if markup slipped through', async () => {
    const report = reports[0]!;
    for (const file of ['index.html', 'sources/hostile-page.html']) {
      const page = await browser.newPage();
      const watch = watchPage(page, report.dir);
      await page.goto(fileUrl(path.join(report.dir, file)));
      // Simulate an escaping bug: put live markup into the page from outside.
      await page.evaluate(() => {
        document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__csp=1"><a id="csp-link" href="javascript:window.__csp=2">x</a>');
        const script = document.createElement('script');
        script.textContent = 'window.__csp = 3';
        document.body.appendChild(script);
      });
      await page.click('#csp-link');
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __csp?: unknown }).__csp), file).toBeUndefined();
      expect(watch.console.filter((m) => m.includes('Content Security Policy')).length, file).toBeGreaterThanOrEqual(3);
      await page.close();
    }
  });
});
