import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CheckResult } from '@factcheck/core';
import { REPORT_CSS } from './assets/css.js';
import { reportScript } from './assets/client.js';
import { renderClaimsScript, renderIndexHtml, type HtmlRenderOptions } from './index-page.js';
import { reportModel } from './model.js';
import { CLAIMS_SCRIPT_FILE, SCRIPT_FILE, STYLESHEET_FILE } from './page.js';
import { renderSourceHtml } from './source-page.js';
import { coverageSummary } from './summary.js';

export const SOURCES_DIR = 'sources';
export const SUMMARY_FILE = 'coverage-summary.json';

/** Files written at once; enough to keep the disk busy without holding every page in memory. */
const WRITE_CONCURRENCY = 16;

/**
 * Writes the static HTML report into `outDir` (created if needed): index.html, one page per
 * loaded source in sources/, coverage-summary.json, report.css, report.js and claims.js (the
 * rows of the claims table). Works offline
 * from file://. Files of an earlier report that this one does not write are left in place.
 * Returns the paths written (outDir joined with each file's relative path).
 *
 * Each file is written to a temporary file beside it and renamed over it, so that a file of the
 * report is always whole (this report's or the previous one's), never cut short. A full disk
 * throws an error (`code` ENOSPC or EDQUOT) whose message says so and names the folder, shown
 * relative to the current folder.
 */
export async function writeHtmlReport(result: CheckResult, outDir: string, options: HtmlRenderOptions = {}): Promise<{ files: string[] }> {
  const now = options.now ?? new Date();
  const renderOptions: HtmlRenderOptions = { ...options, now };
  const model = reportModel(result);
  const write = async (relative: string, content: string): Promise<string> => {
    const file = path.join(outDir, relative);
    await replaceFile(file, content).catch((error: unknown) => {
      throw writeError(error, outDir, relative);
    });
    return file;
  };
  await fs.mkdir(path.join(outDir, SOURCES_DIR), { recursive: true }).catch((error: unknown) => {
    throw writeError(error, outDir, SOURCES_DIR);
  });
  const files: string[] = [];
  files.push(await write(STYLESHEET_FILE, REPORT_CSS));
  files.push(await write(SCRIPT_FILE, reportScript()));
  files.push(await write(CLAIMS_SCRIPT_FILE, renderClaimsScript(result)));
  files.push(await write('index.html', renderIndexHtml(result, renderOptions)));
  files.push(await write(SUMMARY_FILE, `${JSON.stringify(coverageSummary(result), null, 2)}\n`));
  const pages = [...model.pageNames];
  const pageFiles = new Array<string>(pages.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < pages.length && !failed) {
      const at = next++;
      const [id, name] = pages[at]!;
      try {
        pageFiles[at] = await write(`${SOURCES_DIR}/${name}`, renderSourceHtml(result, id, renderOptions));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // After a failure the other workers stop at their next page, and all have stopped when this
  // returns: nothing is written after the error is reported.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(WRITE_CONCURRENCY, pages.length) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  await removeStalePages(path.join(outDir, SOURCES_DIR), new Set(pageFiles.map((file) => path.basename(file))));
  return { files: [...files, ...pageFiles] };
}

/** What every page this report writes carries in its head, and what tells its pages from others. */
const GENERATOR_MARK = '<meta name="generator" content="factcheck">';

/**
 * Removes the pages of sources that are no longer in the workspace (renamed or taken out), so that
 * the report never offers a page it did not write this time. Only a page that factcheck wrote (its
 * head carries the mark) is removed: any other file in the folder stays as it is.
 */
async function removeStalePages(folder: string, written: ReadonlySet<string>): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.html') || written.has(name)) continue;
    const file = path.join(folder, name);
    const head = await readHead(file);
    if (head.includes(GENERATOR_MARK)) await fs.unlink(file).catch(() => undefined);
  }
}

/** The first kilobyte of a file ('' when it cannot be read). */
async function readHead(file: string): Promise<string> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return '';
  try {
    const buffer = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Writes `content` to a temporary file in the same folder, then renames it over `file` (atomic). */
async function replaceFile(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** A folder as shown in messages: relative to the current folder, `./` for the current folder itself. */
function showFolder(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative === '' ? './' : `${relative}${path.sep}`;
}

/**
 * The error for a report file that could not be written. A full disk gets a message that says so
 * and where, since writing the report again at once would fail the same way.
 */
function writeError(error: unknown, outDir: string, relative: string): Error {
  const code = (error as { code?: unknown } | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const folder = showFolder(outDir);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const what = code === 'EDQUOT' ? 'the disk quota is used up' : 'the disk is full';
    return Object.assign(
      new Error(
        `${what} (${code}): ${relative} could not be written in ${folder}; the report files already there are whole, some of them perhaps from the previous report. ` +
          `Free some space on the disk that holds ${folder}, then write the report again.`,
      ),
      { code },
    );
  }
  return Object.assign(new Error(`${relative} could not be written in ${folder} (${detail})`), typeof code === 'string' ? { code } : {});
}
