import { SourceText } from '@factcheck/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchorQuote, findQuote, graphemeCut, splitsGrapheme } from '../src/index.js';
import { clusterAround, isSureBoundary } from '../src/graphemes.js';
import { fuzzRuns } from './seeds.js';

const ACUTE = '\u0301';
const ZWJ = '\u200D';
const MAN = '\u{1F468}';
const WOMAN = '\u{1F469}';
const GIRL = '\u{1F467}';
const FAMILY = `${MAN}${ZWJ}${WOMAN}${ZWJ}${GIRL}`;
const FLAG_GB = '\u{1F1EC}\u{1F1E7}';
const FLAG_FR = '\u{1F1EB}\u{1F1F7}';

/** Code point offsets where the whole text, segmented at once, has a grapheme boundary. */
function boundariesOf(text: string): Set<number> {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const out = new Set<number>([[...text].length]);
  for (const { index } of segmenter.segment(text)) out.add([...text.slice(0, index)].length);
  return out;
}

describe('splitsGrapheme', () => {
  it('finds the offsets inside a letter with its combining mark, a ZWJ sequence, a flag pair and CR LF', () => {
    const text = `cafe${ACUTE} ${FAMILY} ${FLAG_GB}${FLAG_FR} a\r\nb`;
    const inside = new Set<number>();
    const cps = [...text];
    for (let offset = 0; offset <= cps.length; offset++) if (splitsGrapheme(text, offset)) inside.add(offset);
    // cafe|´ (4); 👨|‍|👩|‍|👧 (7..10); 🇬|🇧 (13), 🇫|🇷 (15); \r|\n (19).
    expect([...inside]).toEqual([4, 7, 8, 9, 10, 13, 15, 19]);
    const boundaries = boundariesOf(text);
    for (let offset = 0; offset <= cps.length; offset++) expect(splitsGrapheme(text, offset), `offset ${offset}`).toBe(!boundaries.has(offset));
  });

  it('is false between ordinary characters, astral ones included, and outside the text', () => {
    const text = 'Plain ASCII, \u{1F600}\u{1F600} two emoji, \u{20000}\u{20001} and 漢字 and Ελληνικά.';
    const length = [...text].length;
    for (let offset = -1; offset <= length + 1; offset++) expect(splitsGrapheme(text, offset), `offset ${offset}`).toBe(false);
    expect(splitsGrapheme(new SourceText(text), 14)).toBe(false);
  });

  it('agrees with segmenting the whole text, on random mixes of tricky characters', () => {
    const pieces = ['a', 'e', ' ', 'é', ACUTE, '\u0308', ZWJ, MAN, WOMAN, '\u{1F1EC}', '\u{1F1E7}', '\r', '\n', '\u1100', '\u1161', '\u11A8', '한', 'क', '\u094D', '\u0600', 'ก', '\u0E33', '\u{1F3FB}', '\uFE0F', '漢', 'ж', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const boundaries = boundariesOf(text);
        const length = [...text].length;
        for (let offset = 0; offset <= length; offset++) {
          if (splitsGrapheme(text, offset) === boundaries.has(offset)) return false;
        }
        return true;
      }),
      { seed: 7, numRuns: fuzzRuns(300) },
    );
  });

  it('is judged on a small window around the offset, never on the whole source', () => {
    const big = `${'Lorem ipsum dolor sit amet. '.repeat(40_000)}cafe${ACUTE}${'x'.repeat(100_000)}`;
    const lengths: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      lengths.push(input.length);
      return segment.call(this, input);
    });
    const text = new SourceText(big);
    const at = big.indexOf(`cafe${ACUTE}`);
    expect(splitsGrapheme(text, at + 4)).toBe(true);
    expect(splitsGrapheme(text, at + 3)).toBe(false);
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(600);
  });
});

afterEach(() => vi.restoreAllMocks());

describe('isSureBoundary', () => {
  it('is only claimed where segmenting says so: every letter of the plain scripts, on either side', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const wrong: string[] = [];
    let plain = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCharCode(c);
      for (const pair of [`${ch}a`, `a${ch}`, `${ch}${ch}`, `${ch}\u05D0`]) {
        if (!isSureBoundary(pair, 1)) continue;
        plain++;
        if ([...segmenter.segment(pair)].length !== 2) wrong.push(c.toString(16));
      }
    }
    expect(wrong).toEqual([]);
    // Latin, Greek, Cyrillic, Han, kana, Arabic, Hebrew… letters: many thousands of pairs checked.
    expect(plain).toBeGreaterThan(100_000);
    // About a second; far more on a busy machine.
  }, 60_000);

  it('claims the boundaries around typographic punctuation, as segmenting finds them', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const marks = ['\u2014', '\u2019', '\u201c', '\u201d', '\u2026', '\u2032', '\u203c', '\u2049', '\u205e'];
    const others = [...marks, 'a', 'é', '\u05d0', '.', ' '];
    let claimed = 0;
    for (const x of marks) {
      for (const y of others) {
        for (const pair of [`${x}${y}`, `${y}${x}`]) {
          if (!isSureBoundary(pair, 1)) continue;
          claimed++;
          expect([...segmenter.segment(pair)].length, JSON.stringify(pair)).toBe(2);
        }
      }
    }
    expect(claimed).toBe(marks.length * others.length * 2);
    // Not before a mark that joins: a variation selector, a combining accent, a zero-width joiner.
    expect(isSureBoundary('\u203c\ufe0f', 1)).toBe(false);
    expect(isSureBoundary('\u201d\u0301', 1)).toBe(false);
    expect(isSureBoundary('\u2014\u200d', 1)).toBe(false);
    expect(isSureBoundary('\u200d\u2014', 1)).toBe(false);
  });

  it('never claims a boundary inside CR LF or before a combining mark', () => {
    expect(isSureBoundary('a\r\nb', 2)).toBe(false);
    expect(isSureBoundary(`e${ACUTE}`, 1)).toBe(false);
    expect(clusterAround(`e${ACUTE}`, 1)).toEqual([0, 2]);
  });
});

describe('graphemeCut', () => {
  it('names the character cut, with its code points, and widens the span to whole characters', () => {
    expect(graphemeCut(`cafe${ACUTE}`, [0, 4])).toEqual({ reason: `the quote ends inside the character 'e${ACUTE}' (e + U+0301)`, whole: [0, 5] });
    expect(graphemeCut(`x${FAMILY}`, [2, 5])).toEqual({
      reason: `the quote starts and ends inside the character '${FAMILY}' (U+1F468 + U+200D + U+1F469 + U+200D + U+1F467)`,
      whole: [1, 6],
    });
    expect(graphemeCut(`${FLAG_GB}${FLAG_FR}`, [1, 3])).toEqual({
      reason: `the quote starts inside the character '${FLAG_GB}' (U+1F1EC + U+1F1E7) and ends inside the character '${FLAG_FR}' (U+1F1EB + U+1F1F7)`,
      whole: [0, 4],
    });
    expect(graphemeCut('a\r\nb', [0, 2])).toEqual({ reason: 'the quote ends inside the line break CR LF (U+000D + U+000A)', whole: [0, 3] });
    expect(graphemeCut('a\r\nb', [0, 3])).toBeUndefined();
  });
});

describe('anchorQuote and findQuote never verify a quote that cuts a character', () => {
  const source = new SourceText(`Un cafe${ACUTE} noir. The ${FAMILY} family. Flags: ${FLAG_GB}${FLAG_FR} here.\r\nNext line.`);

  it('a quote ending before a combining mark is changed, at best, with the reason and the whole characters', () => {
    const pinned = anchorQuote(source, { quote: 'Un cafe', span: [0, 7] });
    expect(pinned).toMatchObject({ status: 'changed', found: [0, 8], actual: `Un cafe${ACUTE}`, reason: `the quote ends inside the character 'e${ACUTE}' (e + U+0301)` });
    expect(pinned.score).toBeLessThan(1);
    expect(findQuote(source, 'cafe')).toMatchObject({ status: 'changed', found: [3, 8], reason: `the quote ends inside the character 'e${ACUTE}' (e + U+0301)` });
  });

  it('part of a ZWJ sequence, or one flag across two, is not the quote', () => {
    const family = findQuote(source, `${MAN}${ZWJ}${WOMAN}`);
    expect(family.status).toBe('changed');
    expect(family.reason).toMatch(/^the quote ends inside the character '.+' \(U\+1F468 \+ U\+200D \+ U\+1F469 \+ U\+200D \+ U\+1F467\)$/u);
    expect(source.slice(family.found!)).toBe(FAMILY);
    const flags = findQuote(source, '\u{1F1E7}\u{1F1EB}');
    expect(flags).toMatchObject({ status: 'changed', reason: expect.stringContaining('starts inside the character') });
    expect(source.slice(flags.found!)).toBe(`${FLAG_GB}${FLAG_FR}`);
  });

  it('a quote that stands whole elsewhere is moved there, not cut', () => {
    const text = new SourceText(`cafe${ACUTE} and later a plain cafe.`);
    expect(anchorQuote(text, { quote: 'cafe', span: [0, 4] })).toMatchObject({ status: 'moved', found: [24, 28] });
  });

  it('several cut occurrences that nothing tells apart are ambiguous', () => {
    const text = new SourceText(`cafe${ACUTE} one, cafe${ACUTE} two`);
    const result = findQuote(text, 'cafe');
    expect(result.status).toBe('ambiguous');
    expect(result.candidates?.map((c) => c.span)).toEqual([
      [0, 5],
      [11, 16],
    ]);
  });

  it('ordinary quotes are unaffected: ASCII, astral characters, spans that end at CR LF', () => {
    const text = new SourceText(`Plain words. Emoji \u{1F600}\u{1F680} and \u{20000}. Line one\r\nLine two.`);
    expect(findQuote(text, 'Plain words.')).toMatchObject({ status: 'verified', found: [0, 12] });
    expect(findQuote(text, '\u{1F600}\u{1F680}')).toMatchObject({ status: 'verified', found: [19, 21] });
    expect(findQuote(text, '\u{1F680} and \u{20000}')).toMatchObject({ status: 'verified', found: [20, 27] });
    expect(findQuote(text, 'Line one\r\n')).toMatchObject({ status: 'verified', found: [29, 39] });
    expect(anchorQuote(text, { quote: 'Line one', span: [29, 37] })).toMatchObject({ status: 'verified', found: [29, 37] });
    expect(anchorQuote(text, { quote: 'Line two.', span: [39, 48] })).toMatchObject({ status: 'verified' });
  });
});
