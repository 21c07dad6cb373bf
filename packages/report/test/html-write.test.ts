import { readFile, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CheckResult } from '@factcheck/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimRows, coverageSummary, renderIndexHtml, renderSourceHtml, writeHtmlReport, type ClaimRow, type CoverageSummary } from '../src/index.js';
import { checkByHand, makeTempDir, writeWorkspace } from './fixtures/check-result.js';
import { checkHtml } from './fixtures/html-check.js';
import { HOSTILE, JAVASCRIPT_URL, withHostileIds } from './fixtures/hostile.js';
import { SAMPLE, SAMPLE_CONTRADICTIONS } from './fixtures/sample.js';

const NOW = new Date('2026-11-22T08:30:00Z');

describe('writeHtmlReport', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  let result: CheckResult;

  beforeAll(async () => {
    temp = await makeTempDir('fc-write-');
    result = (await checkByHand(await writeWorkspace(path.join(temp.dir, 'ws'), SAMPLE), { contradictions: SAMPLE_CONTRADICTIONS })).value!;
  });
  afterAll(() => temp.remove());

  it('writes the index, one page per source, the summary and the shared assets', async () => {
    const out = path.join(temp.dir, 'report', 'nested');
    const { files } = await writeHtmlReport(result, out, { now: NOW });
    const relative = files.map((f) => path.relative(out, f).split(path.sep).join('/'));
    expect(relative).toEqual(['report.css', 'report.js', 'claims.js', 'index.html', 'coverage-summary.json', 'sources/bbc-parliament.html', 'sources/gov-device-ban.html', 'sources/notes.html']);
    expect((await readdir(path.join(out, 'sources'))).sort()).toEqual(['bbc-parliament.html', 'gov-device-ban.html', 'notes.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(renderIndexHtml(result, { now: NOW }));
    // claims.js sets one global to the rows of the claims table, every claim, as JSON.
    const claimsScript = await readFile(path.join(out, 'claims.js'), 'utf8');
    const prefix = 'window.FACTCHECK_CLAIMS = ';
    expect(claimsScript.startsWith(prefix) && claimsScript.endsWith(';\n')).toBe(true);
    const rows = JSON.parse(claimsScript.slice(prefix.length, -2)) as ClaimRow[];
    expect(rows).toEqual(claimRows(result));
    expect(rows.map((r) => r.id)).toEqual(result.claims.map((c) => c.id));
    expect(rows.map((r) => r.q)).toEqual(result.claims.map((c) => c.evidence.map((e) => e.quote)));
    expect(await readFile(path.join(out, 'sources', 'notes.html'), 'utf8')).toBe(renderSourceHtml(result, 'notes', { now: NOW }));
  });

  it('removes the pages it wrote for sources no longer in the workspace, and no other file', async () => {
    const out = path.join(temp.dir, 'report', 'stale');
    await writeHtmlReport(result, out, { now: NOW });
    // A page of a source since renamed, and files of the user's own in the same folder.
    const stale = (await readFile(path.join(out, 'sources', 'notes.html'), 'utf8')).replace('<title>', '<title>Old ');
    await writeFile(path.join(out, 'sources', 'old-source.html'), stale);
    await writeFile(path.join(out, 'sources', 'mine.html'), '<!doctype html><title>My own page</title>');
    await writeFile(path.join(out, 'sources', 'notes.txt'), 'kept');
    await writeHtmlReport(result, out, { now: NOW });
    expect((await readdir(path.join(out, 'sources'))).sort()).toEqual(['bbc-parliament.html', 'gov-device-ban.html', 'mine.html', 'notes.html', 'notes.txt']);
    expect(await readFile(path.join(out, 'sources', 'mine.html'), 'utf8')).toBe('<!doctype html><title>My own page</title>');
  });

  it('writes coverage-summary.json with per-source and total figures', async () => {
    const out = path.join(temp.dir, 'summary');
    await writeHtmlReport(result, out, { now: NOW });
    const summary = JSON.parse(await readFile(path.join(out, 'coverage-summary.json'), 'utf8')) as CoverageSummary;
    expect(summary).toEqual(coverageSummary(result));
    const bbc = result.coverage.sources.find((s) => s.source === 'bbc-parliament')!;
    expect(summary.sources['bbc-parliament']).toEqual({
      path: 'seeds/bbc.txt',
      sentences: { total: bbc.sentences - bbc.excluded, covered: bbc.covered, partial: bbc.partial, excluded: bbc.excluded, pct: bbc.sentencePct },
      characters: { total: bbc.characters, covered: bbc.coveredCharacters, pct: bbc.characterPct },
    });
    const t = result.coverage.total;
    expect(summary.total).toEqual({
      sentences: { total: t.sentences - t.excluded, covered: t.covered, partial: t.partial, excluded: t.excluded, pct: t.sentencePct },
      characters: { total: t.characters, covered: t.coveredCharacters, pct: t.characterPct },
    });
    expect(Object.keys(summary.sources)).toEqual(['bbc-parliament', 'gov-device-ban', 'notes']);
  });

  it('refers only to its own assets, by relative paths', async () => {
    const index = renderIndexHtml(result, { now: NOW });
    const page = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    expect(index).toContain('<link rel="stylesheet" href="report.css">');
    expect(index).toContain('<script src="report.js" defer></script>');
    expect(page).toContain('<link rel="stylesheet" href="../report.css">');
    expect(page).toContain('<script src="../report.js" defer></script>');
    for (const html of [index, page]) expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!news\.example\.org)/);
  });
});

describe('hostile content, rendered', () => {
  let temp: { dir: string; remove: () => Promise<void> };
  let pages: { name: string; html: string }[];

  beforeAll(async () => {
    temp = await makeTempDir('fc-hostile-unit-');
    const loaded = (await checkByHand(await writeWorkspace(temp.dir, HOSTILE))).value!;
    loaded.workspace.sources.get('second-page')!.url = JAVASCRIPT_URL;
    const renamed = withHostileIds(loaded, { 'hostile-page': `"><img src=x onerror=alert(1)>`, 'second-page': 'Second Page/../../x' }, { 'script-quote': '</script><script>alert(1)</script>' });
    pages = [loaded, renamed].flatMap((r, i) => [
      { name: `${i}:index`, html: renderIndexHtml(r, { now: NOW }) },
      ...[...r.sources.keys()].map((id) => ({ name: `${i}:${id}`, html: renderSourceHtml(r, id, { now: NOW }) })),
    ]);
  });
  afterAll(() => temp.remove());

  it('keeps every page valid, with no handler, foreign script or javascript: link', () => {
    expect(pages).toHaveLength(6);
    for (const { name, html } of pages) expect(checkHtml(html), name).toEqual([]);
  });

  it('never writes a payload as markup', () => {
    for (const { name, html } of pages) {
      expect(html, name).not.toMatch(/<(script|img|svg|iframe|textarea|a href="javascript)[^>]*pwned/i);
      expect(html, name).not.toMatch(/<img|<svg|<iframe|<\/textarea/i);
      expect(html, name).not.toContain('\u202E');
      expect(html, name).not.toMatch(/href="javascript:/i);
      // Only the report's own script tags.
      expect(html.match(/<script\b[^>]*>/g), name).toEqual(name.endsWith(':index') ? ['<script src="claims.js" defer>', '<script src="report.js" defer>', '<script type="application/json" id="report-data">'] : ['<script src="../report.js" defer>']);
    }
  });

  it('turns hostile ids into safe element ids and file names', () => {
    const renamedIndex = pages.find((p) => p.name === '1:index')!.html;
    const data = JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(renamedIndex)![1]!) as { sources: { id: string; h?: string }[] };
    const hostile = data.sources.find((s) => s.id.startsWith('"><img'))!;
    expect(hostile.h).toMatch(/^sources\/[a-z0-9_-]+\.html$/);
    expect(data.sources.find((s) => s.id === 'Second Page/../../x')!.h).toMatch(/^sources\/_53_econd_20__50_age_2f__2e__2e__2f__2e__2e__2f_x\.html$/);
  });
});
