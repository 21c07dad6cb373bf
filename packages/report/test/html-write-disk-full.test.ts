// The HTML report on a full disk (ENOSPC injected in-process): a clear error that says the disk
// is full and where, every report file whole (the new one or the previous one), and no
// temporary file left behind.
import * as fs from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CheckResult } from '@factcheck/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeHtmlReport } from '../src/index.js';
import { checkByHand, makeTempDir, writeWorkspace } from './fixtures/check-result.js';
import { SAMPLE, SAMPLE_CONTRADICTIONS } from './fixtures/sample.js';

const EARLIER = new Date('2026-11-21T08:30:00Z');
const NOW = new Date('2026-11-22T08:30:00Z');

/** Writing a file whose name `matches` fails with `code`, after the file was created (as a full disk does). */
function failWrites(matches: (name: string) => boolean, code: 'ENOSPC' | 'EDQUOT' | 'EACCES' = 'ENOSPC'): void {
  const writeFile = fs.promises.writeFile.bind(fs.promises);
  vi.spyOn(fs.promises, 'writeFile').mockImplementation((async (file: fs.PathLike, data: string, options?: fs.WriteFileOptions) => {
    if (!matches(path.basename(String(file)))) return writeFile(file, data, options);
    await writeFile(file, data.slice(0, 10), options);
    throw Object.assign(new Error(`${code}: write failed`), { code });
  }) as typeof fs.promises.writeFile);
}

/** Every file under `dir`, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('writeHtmlReport on a full disk', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  let result: CheckResult;

  beforeAll(async () => {
    temp = await makeTempDir('fc-disk-full-');
    result = (await checkByHand(await writeWorkspace(path.join(temp.dir, 'ws'), SAMPLE), { contradictions: SAMPLE_CONTRADICTIONS })).value!;
  });
  afterAll(() => temp.remove());
  afterEach(() => vi.restoreAllMocks());

  it('says the disk is full and names the folder; the previous index.html stays whole', async () => {
    const out = path.join(temp.dir, 'report-index');
    await writeHtmlReport(result, out, { now: EARLIER });
    const previous = await readFile(path.join(out, 'index.html'), 'utf8');
    const files = await filesUnder(out);
    failWrites((name) => name.startsWith('.index.html.'));
    const error = await writeHtmlReport(result, out, { now: NOW }).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    const folder = `${path.relative(process.cwd(), out)}${path.sep}`;
    expect(error?.message).toBe(
      `the disk is full (ENOSPC): index.html could not be written in ${folder}; the report files already there are whole, some of them perhaps from the previous report. ` +
        `Free some space on the disk that holds ${folder}, then write the report again.`,
    );
    expect(error?.code).toBe('ENOSPC');
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(previous);
    expect(await filesUnder(out)).toEqual(files);
  });

  it('a source page that cannot be written fails the report; no temporary file is left', async () => {
    const out = path.join(temp.dir, 'report-pages');
    failWrites((name) => name.startsWith('.gov-device-ban.html.'), 'EDQUOT');
    await expect(writeHtmlReport(result, out, { now: NOW })).rejects.toMatchObject({
      code: 'EDQUOT',
      message: expect.stringMatching(/^the disk quota is used up \(EDQUOT\): sources\/gov-device-ban\.html could not be written in /),
    });
    const left = await filesUnder(out);
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(left).not.toContain(path.join('sources', 'gov-device-ban.html'));
    expect(left).toContain('index.html');
  });

  it('any other failure names the file and the folder, with the system error', async () => {
    const out = path.join(temp.dir, 'report-denied');
    failWrites((name) => name.startsWith('.report.css.'), 'EACCES');
    await expect(writeHtmlReport(result, out, { now: NOW })).rejects.toMatchObject({
      code: 'EACCES',
      message: `report.css could not be written in ${path.relative(process.cwd(), out)}${path.sep} (EACCES: write failed)`,
    });
  });
});
