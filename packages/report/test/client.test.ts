import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CONTROL_CHARS } from '@factcheck/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportScript, wrapClient } from '../src/html/assets/client.js';
import { writeHtmlReport } from '../src/index.js';
import { fileUrl, launchChromium, watchPage } from './fixtures/browser.js';
import { checkFixture, makeTempDir, writeWorkspace } from './fixtures/check-result.js';

describe('report.js', () => {
  it('is one classic script, with no import or export, that defines the control-character rule of @factcheck/core', () => {
    const script = reportScript();
    // A function body cannot hold an import or an export: this compiles only a classic script.
    expect(() => new Function(script)).not.toThrow();
    expect(script).toMatch(/^\(function \(\) \{\n'use strict';\n/);
    expect(script).toContain(`const CONTROL_CHARS = ${String(CONTROL_CHARS)};`);
    expect(script).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('stays small', () => {
    expect(Buffer.byteLength(reportScript())).toBeLessThan(24 * 1024);
  });

  it('wraps the compiled client in a strict function of its own, given the rule', () => {
    expect(wrapClient('run();\n', /[\u0007]/g)).toBe("(function () {\n'use strict';\nconst CONTROL_CHARS = /[\\u0007]/g;\nrun();\n})();\n");
  });
});

// U+061C, U+200E and U+200F are invisible direction marks, easily left out of a rule; U+009B starts a
// terminal escape sequence. The page (built in Node) and its script (in the browser) show all of them.
const MARKS = '\u061C\u200E\u200F\u009B';

describe('report.js in Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let reportDir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await makeTempDir('fc-client-');
    cleanup = temp.remove;
    const checked = await checkFixture(
      await writeWorkspace(path.join(temp.dir, 'ws'), {
        sources: [{ id: 'marks', path: 'marks.txt', text: 'The account was closed on Friday.\n', title: 'Marked title' }],
        claims: [{ id: 'closed', claim: 'The account was closed.', verdict: 'supported', evidence: [{ source: 'marks', quote: 'The account was closed', span: 'auto' }] }],
      }),
    );
    expect(checked.errors).toEqual([]);
    const result = checked.value!;
    // Set on the loaded result, as a title or publisher from claims.yaml would be.
    result.workspace.sources.get('marks')!.title = `Title${MARKS}end`;
    result.workspace.sources.get('marks')!.publisher = `Publisher${MARKS}`;
    reportDir = path.join(temp.dir, 'report');
    await writeHtmlReport(result, reportDir, { now: new Date('2026-11-22T08:30:00Z') });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await cleanup?.();
  });

  it('is the script the report writes', async () => {
    expect(await readFile(path.join(reportDir, 'report.js'), 'utf8')).toBe(reportScript());
  });

  it('draws every control character of the rule as a marker in the tables, as the page builder does in its pages', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, reportDir);
    await page.goto(fileUrl(path.join(reportDir, 'index.html')));
    const row = await page.$eval('#sources-body tr', (tr) => ({ text: tr.textContent ?? '', markers: [...tr.querySelectorAll('.ctl')].map((m) => m.textContent) }));
    expect(row.markers).toEqual(['U+061C', 'U+200E', 'U+200F', 'U+009B', 'U+061C', 'U+200E', 'U+200F', 'U+009B']);
    expect(row.text).toContain('TitleU+061CU+200EU+200FU+009Bend');
    expect(row.text).not.toMatch(/[\u061C\u200E\u200F\u009B]/);
    await page.goto(fileUrl(path.join(reportDir, 'sources', 'marks.html')));
    expect(await page.textContent('h1')).toBe('TitleU+061CU+200EU+200FU+009Bend');
    expect(watch).toEqual({ console: [], errors: [], dialogs: [], foreignRequests: [], failedRequests: [] });
    await page.close();
  });
});
