import { SourceText, type CheckResult } from '@factcheck/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  escapeHtml,
  evidenceElementId,
  indexData,
  jsonForScript,
  renderIndexHtml,
  renderSourceHtml,
  renderText,
  safeHttpUrl,
  safeToken,
  sourcePageNames,
  textFragmentUrl,
} from '../src/index.js';
import { checkByHand, makeTempDir, writeWorkspace } from './fixtures/check-result.js';
import { checkHtml, textOf } from './fixtures/html-check.js';
import { SAMPLE, SAMPLE_CONTRADICTIONS } from './fixtures/sample.js';

const NOW = new Date('2026-11-22T08:30:00Z');

describe('escaping', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('shows bidirectional overrides and controls as visible markers, never raw', () => {
    const html = renderText('abc\u202Edef\u0007');
    expect(html).not.toContain('\u202E');
    expect(html).not.toContain('\u0007');
    expect(html).toContain('<span class="ctl" title="RIGHT-TO-LEFT OVERRIDE (U+202E), shown instead of applied">U+202E</span>');
    expect(html).toContain('>U+0007</span>');
    expect(textOf(html)).toBe('abcU+202EdefU+0007');
  });

  it('keeps ordinary text, tabs and line breaks as they are', () => {
    expect(renderText('Tab\there\nnext “line” — ok')).toBe('Tab\there\nnext “line” — ok');
  });

  it('allows only absolute http: and https: urls', () => {
    expect(safeHttpUrl('https://example.org/a?b=1#c')).toBe('https://example.org/a?b=1#c');
    expect(safeHttpUrl('HTTP://EXAMPLE.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '//evil.example', '/relative', 'file:///etc/passwd', 'not a url', '']) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });

  it('writes JSON that cannot close its script block, and reads back unchanged', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'line\u2028sep\u2029', d: 'a & b > c', e: 'rlo\u202Eend\u2066' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029\u202E\u2066]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('encodes any id injectively into [a-z0-9_-]', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(safeToken(a)).toMatch(/^[a-z0-9_-]*$/);
        if (a !== b) expect(safeToken(a)).not.toBe(safeToken(b));
      }),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 300) },
    );
    expect(safeToken('bbc-parliament')).toBe('bbc-parliament');
    expect(safeToken('A_b')).toBe('_41__5f_b');
  });
});

describe('file and element names', () => {
  it('gives each source a unique, safe page name, also on case-insensitive file systems', () => {
    const long = 'x'.repeat(300);
    const names = sourcePageNames(['bbc', 'BBC', '../etc/passwd', 'con', long, `${long}y`, '']);
    const values = [...names.values()];
    expect(names.get('bbc')).toBe('bbc.html');
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(values.length);
    for (const v of values) {
      expect(v).toMatch(/^[a-z0-9_-]+\.html$/);
      expect(v.length).toBeLessThanOrEqual(110);
    }
    expect(names.get('con')).not.toBe('con.html');
  });

  it('names evidence elements E-<claim>-<index>', () => {
    expect(evidenceElementId('account-locked', 2)).toBe('E-account-locked-2');
  });

  it('builds text fragment links from the start and end of long quotes', () => {
    expect(textFragmentUrl('https://example.org/a#old', 'Short quote, here')).toBe('https://example.org/a#:~:text=Short%20quote%2C%20here');
    expect(textFragmentUrl('https://example.org/a', 'one two three four five six seven eight nine ten')).toBe(
      'https://example.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
    expect(textFragmentUrl('https://example.org/a', 'well-known & co')).toBe('https://example.org/a#:~:text=well%2Dknown%20%26%20co');
  });
});

describe('rendering the sample workspace', () => {
  let result: CheckResult;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    const temp = await makeTempDir('fc-render-');
    remove = temp.remove;
    const checked = await checkByHand(await writeWorkspace(temp.dir, SAMPLE), { contradictions: SAMPLE_CONTRADICTIONS });
    expect(checked.errors).toEqual([]);
    result = checked.value!;
  });
  afterAll(() => remove());

  it('covers every status the pages show', () => {
    const statuses = new Set(result.claims.flatMap((c) => c.evidence.map((e) => e.status)));
    expect([...statuses].sort()).toEqual(['ambiguous', 'changed', 'missing', 'moved', 'verified']);
  });

  it('writes index.html as a valid page with a strict Content-Security-Policy', () => {
    const html = renderIndexHtml(result, { now: NOW });
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    expect(html).toContain('2026-11-22 08:30 UTC');
  });

  it('embeds the figures of every source, and every failing claim with a link to its quote', () => {
    const html = renderIndexHtml(result, { now: NOW });
    const json = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const data = JSON.parse(json) as ReturnType<typeof indexData>;
    expect(data.sources.map((s) => s.id)).toEqual([...result.workspace.sources.keys()]);
    for (const row of data.sources) {
      const coverage = result.coverage.sources.find((s) => s.source === row.id)!;
      expect(row).toMatchObject({ pc: coverage.sentencePct, cp: coverage.characterPct, v: coverage.covered, s: coverage.sentences - coverage.excluded, f: coverage.path });
      // The page link is left out when it is the default, sources/<id>.html.
      expect(row.h).toBeUndefined();
    }
    const failing = result.claims.filter((c) => c.status === 'failed').map((c) => c.id);
    expect(data.failing.map((f) => f.id)).toEqual(failing);
    for (const f of data.failing) {
      expect(f.h).toMatch(/^sources\/[a-z0-9-]+\.html#E-[a-z0-9_-]+-\d+$/);
      expect(f.r.length).toBeGreaterThan(0);
    }
    expect(data.failing.find((f) => f.id === 'bytedance-owner')!.r[0]).toMatch(/^bbc-parliament: quote moved/);
    expect(data.failing.find((f) => f.id === 'tiktok-controlled')!.r).toEqual(['contradicts tiktok-denies-control: "denies" and "admits" cannot both describe what ByteDance said.']);
    expect(data.contradictions.map((c) => c.s)).toEqual(['error', 'info']);
    expect(data.contradictions[1]!.a).toBe('One is the closure, the other its effect.');
  });

  it('cuts the embedded lists at maxListItems and says so', () => {
    const html = renderIndexHtml(result, { now: NOW, maxListItems: 2 });
    const data = indexData(result, { maxListItems: 2 });
    expect(data.failing).toHaveLength(2);
    expect(data.failingTotal).toBe(result.summary.failed);
    expect(html).toContain(`Showing the first 2 of ${result.summary.failed}`);
  });

  it('writes each source page as a valid page', () => {
    for (const id of result.sources.keys()) expect(checkHtml(renderSourceHtml(result, id, { now: NOW })), id).toEqual([]);
  });

  it('shows the whole text, line by line, with a permalink per line', () => {
    const source = result.sources.get('bbc-parliament')!;
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const lines = [...html.matchAll(/<div class="line" id="L(\d+)"><a class="ln" href="#L\1"[^>]*>\1<\/a><span class="lt">([\s\S]*?)<\/span><\/div>/g)];
    const expected = source.text.text.split('\n');
    expect(lines.map((l) => Number(l[1]))).toEqual(expected.map((_, i) => i + 1));
    expect(lines.map((l) => textOf(l[2]!))).toEqual(expected);
  });

  it('highlights every evidence item that has a place, once per item, by status', () => {
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const evidence = result.claims.flatMap((c) => c.evidence).filter((e) => e.source === 'bbc-parliament');
    const placed = evidence.filter((e) => e.found);
    const keys = new Set([...html.matchAll(/<mark class="ev[^"]*"[^>]*data-ev="([\d ]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    expect(keys.size).toBe(placed.length);
    const anchors = [...html.matchAll(/<span class="ev-anchor" id="(E-[^"]+)"><\/span>/g)].map((m) => m[1]);
    expect(anchors.sort()).toEqual(placed.map((e) => evidenceElementId(e.claimId, e.index)).sort());
    expect(html).toMatch(/<mark class="ev ev-moved v-supported[^"]*"/);
    expect(html).toMatch(/<mark class="ev ev-changed v-supported[^"]*"[^>]*title="assurances-called-for: supported; quote changed\nquote: “Senior MPs and peers had called for the account to be closed until”\nsource now reads: “Senior MPs and peers had called for the account to be removed until”"/);
    expect(html).toMatch(/<mark class="ev ev-verified v-[a-z]+ ev-failing[^"]*"/);
  });

  it('cuts overlapping spans into pieces that list all the evidence covering them', () => {
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const marks = [...html.matchAll(/<mark class="([^"]*)"[^>]*data-ev="([\d ]+)"[^>]*>([^<]*)<\/mark>/g)].map((m) => ({ cls: m[1]!, keys: m[2]!.split(' '), text: m[3]! }));
    const shared = marks.find((m) => m.text === 'content deleted, days after')!;
    expect(shared.keys).toHaveLength(2);
    expect(shared.cls).toContain('ev-multi');
    expect(marks.filter((m) => m.text === 'The account has been locked, and ' || m.text === ' its launch.').every((m) => m.keys.length === 1)).toBe(true);
  });

  it('marks uncovered sentences (focusable for n/p), partial ones, and excluded text', () => {
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const coverage = result.coverage.sources.find((s) => s.source === 'bbc-parliament')!;
    const uncovered = [...html.matchAll(/<span class="s uncovered" id="S\d+" tabindex="-1">/g)];
    expect(uncovered).toHaveLength(coverage.detail.filter((s) => s.state === 'uncovered').length);
    expect(uncovered.length).toBeGreaterThan(0);
    expect(html).toContain('<span class="s excluded" id="S2"><span class="x">ARTICLE AD BOX</span></span>');
    expect(html).toMatch(/<span class="s partial" id="S\d+">/);
  });

  it('lists evidence without a place above the text', () => {
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    const placeless = html.indexOf('Quotes not found in the text');
    expect(placeless).toBeGreaterThan(0);
    expect(placeless).toBeLessThan(html.indexOf('id="source-text"'));
    expect(html).toMatch(/<li class="placeless-item st-missing" id="E-beijing-sanctions-bbc-0"/);
    const gov = renderSourceHtml(result, 'gov-device-ban', { now: NOW });
    expect(gov).toMatch(/<li class="placeless-item st-ambiguous" id="E-ministers-phones-0"[\s\S]*?<ul class="candidates"><li><a href="#L1">line 1<\/a>/);
  });

  it('links each claim to the original with a text fragment, and to the other sources that back it', () => {
    const html = renderSourceHtml(result, 'bbc-parliament', { now: NOW });
    expect(html).toContain('href="https://news.example.org/uk-politics/tiktok-account#:~:text=The%20UK%20Parliament%20has,down%20its%20TikTok%20account"');
    const card = /<article class="claim claim-passed" id="claim-parliament-closed-account"[\s\S]*?<\/article>/.exec(html)![0];
    expect(card).toContain('<a href="gov-device-ban.html#E-parliament-closed-account-1">');
    // A source without url has no such links.
    expect(renderSourceHtml(result, 'gov-device-ban', { now: NOW })).not.toContain(':~:text=');
  });

  it('renders a multi-line quote on both lines', () => {
    const html = renderSourceHtml(result, 'gov-device-ban', { now: NOW });
    const pieces = [...html.matchAll(/<mark class="ev ev-verified[^"]*"[^>]*data-ev="([\d ]+)"[^>]*>([^<]*)<\/mark>/g)].filter((m) => /sensitive data\.|TikTok said the ban/.test(m[2]!));
    expect(pieces.map((m) => m[2])).toEqual(['sensitive data.', 'TikTok said the ban']);
    // The piece on line 5 also carries the quote that covers the whole sentence; both lines share the multi-line quote.
    const [first, second] = pieces.map((m) => m[1]!.split(' '));
    expect(first!.filter((k) => second!.includes(k))).toHaveLength(1);
    expect(html).toMatch(/<div class="line" id="L5">[\s\S]*?sensitive data\.<\/mark>[\s\S]*?<\/div>\n<div class="line" id="L6"><a[^>]*>6<\/a><span class="lt"><span class="s covered" id="S\d+"><mark[^>]*>TikTok said the ban<\/mark>/);
  });

  it('refuses a source id that has no loaded source', () => {
    expect(() => renderSourceHtml(result, 'no-such-source')).toThrow(/no loaded source with id "no-such-source"/);
  });
});

describe('rendering text with astral characters', () => {
  it('places highlights by code point', async () => {
    const temp = await makeTempDir('fc-astral-');
    try {
      const text = '😀😀 Emoji lead the line. 𝐁old text follows here.\n';
      const checked = await checkByHand(
        await writeWorkspace(temp.dir, {
          sources: [{ id: 's', path: 's.txt', text }],
          claims: [{ id: 'c', claim: 'Bold text follows.', verdict: 'supported', evidence: [{ source: 's', quote: '𝐁old text', span: 'auto' }] }],
        }),
      );
      const html = renderSourceHtml(checked.value!, 's', { now: NOW });
      expect(checked.value!.claims[0]!.evidence[0]!.found).toEqual([new SourceText(text).toCodePoint(text.indexOf('𝐁')), 33]);
      expect(html).toMatch(/<mark class="ev ev-verified v-supported ev-start"[^>]*>𝐁old text<\/mark>/);
    } finally {
      await temp.remove();
    }
  });
});
