import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CheckResult } from '@factcheck/core';
import { REPORT_CSS } from './assets/css.js';
import { REPORT_JS } from './assets/client.js';
import { renderIndexHtml, type HtmlRenderOptions } from './index-page.js';
import { reportModel } from './model.js';
import { SCRIPT_FILE, STYLESHEET_FILE } from './page.js';
import { renderSourceHtml } from './source-page.js';
import { coverageSummary } from './summary.js';

export const SOURCES_DIR = 'sources';
export const SUMMARY_FILE = 'coverage-summary.json';

/** Files written at once; enough to keep the disk busy without holding every page in memory. */
const WRITE_CONCURRENCY = 16;

/**
 * Writes the static HTML report into `outDir` (created if needed): index.html, one page per
 * loaded source in sources/, coverage-summary.json, report.css and report.js. Works offline
 * from file://. Files of an earlier report that this one does not write are left in place.
 * Returns the paths written (outDir joined with each file's relative path).
 */
export async function writeHtmlReport(result: CheckResult, outDir: string, options: HtmlRenderOptions = {}): Promise<{ files: string[] }> {
  const now = options.now ?? new Date();
  const renderOptions: HtmlRenderOptions = { ...options, now };
  const model = reportModel(result);
  await mkdir(path.join(outDir, SOURCES_DIR), { recursive: true });
  const write = async (relative: string, content: string): Promise<string> => {
    const file = path.join(outDir, relative);
    await writeFile(file, content, 'utf8');
    return file;
  };
  const files: string[] = [];
  files.push(await write(STYLESHEET_FILE, REPORT_CSS));
  files.push(await write(SCRIPT_FILE, REPORT_JS));
  files.push(await write('index.html', renderIndexHtml(result, renderOptions)));
  files.push(await write(SUMMARY_FILE, `${JSON.stringify(coverageSummary(result), null, 2)}\n`));
  const pages = [...model.pageNames];
  const pageFiles = new Array<string>(pages.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pages.length) {
      const at = next++;
      const [id, name] = pages[at]!;
      pageFiles[at] = await write(`${SOURCES_DIR}/${name}`, renderSourceHtml(result, id, renderOptions));
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, pages.length) }, worker));
  return { files: [...files, ...pageFiles] };
}
