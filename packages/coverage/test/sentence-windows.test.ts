// splitSentences hands the segmenter a window at a time; these tests hold it to the sentences
// of one Intl.Segmenter pass over the whole text (the reference), on the seed articles (copied
// into fixtures/seeds), on random texts cut into tiny windows, and on a multi-megabyte source.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceText, type Span } from '@factcheck/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excludedRanges, measureSource, splitSentences } from '../src/index.js';
import { splitSentencesInWindows } from '../src/sentences.js';
import { patterns } from './helpers.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;
const WHITESPACE = /\s/;

/** The reference: one segmenter pass over all of `s`, each segment cut at line breaks and trimmed; UTF-16 ranges. */
function referenceUnits(s: string, offset = 0): [number, number][] {
  const out: [number, number][] = [];
  const push = (start: number, end: number) => {
    while (start < end && WHITESPACE.test(s[start]!)) start++;
    while (end > start && WHITESPACE.test(s[end - 1]!)) end--;
    if (end > start) out.push([offset + start, offset + end]);
  };
  for (const { index, segment } of segmenter.segment(s)) {
    let pieceStart = index;
    for (let i = index; i < index + segment.length; i++) {
      if (LINE_BREAK.test(s[i]!)) {
        push(pieceStart, i);
        pieceStart = i + 1;
      }
    }
    push(pieceStart, index + segment.length);
  }
  return out;
}

function reference(text: SourceText): Span[] {
  return referenceUnits(text.text).map(([start, end]) => text.codePointSpan(start, end));
}

const seedsDir = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => [name, readFileSync(seedsDir + name, 'utf8')] as const);

describe('windowed sentence splitting', () => {
  it('has the four seed articles to compare on', () => {
    expect(seeds).toHaveLength(4);
  });

  it.each(seeds)('%s: the same sentences as one pass over the whole text, whatever the window', (_name, raw) => {
    const text = new SourceText(raw);
    const expected = reference(text);
    expect(expected.length).toBeGreaterThan(10);
    expect(splitSentences(text)).toEqual(expected);
    for (const window of [64, 100, 333, 1000]) expect(splitSentencesInWindows(text, window)).toEqual(expected);
  });

  it('the seeds run together on one line, cut inside the line: the same sentences', () => {
    const text = new SourceText(seeds.map(([, raw]) => raw.replace(/\s+/g, ' ')).join(' '));
    expect(LINE_BREAK.test(text.text)).toBe(false);
    const expected = reference(text);
    for (const window of [64, 77, 128, 500, 2048]) expect(splitSentencesInWindows(text, window)).toEqual(expected);
  });

  // Pieces that stress the sentence rules near a cut: abbreviations, numbers after a full stop,
  // closing quotes and brackets, terminators of other scripts, combining and halfwidth marks,
  // astral characters, and every kind of line break.
  const tricky = ['Word', 'word', ' ', '  ', '. ', '.', '! ', '?', '…', '“Quoted.” ', 'Mr. ', 'etc. ', 'U.S. ', '3.5', ' 12', ')', '"', '’ ', 'Then ', 'then ', '。', '1。', '！', 'é', 'e\u0301', 'ｶﾞ', '\uff9e', '😀', '𝐁', '\u00a0', '\u200b', ',', ';', 'Ω', '\t'];
  const breaks = ['\n', '\r\n', '\r', '\n\n', '\u2028', '\u2029', '\u0085'];

  it('random texts cut into windows of 64 to 200 units: the same sentences as one pass', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tricky, ...breaks), { maxLength: 400 }),
        fc.array(fc.constantFrom(...tricky), { maxLength: 400 }),
        fc.integer({ min: 64, max: 200 }),
        (withBreaks, oneLine, window) => {
          for (const raw of [withBreaks.join(''), oneLine.join('')]) {
            const text = new SourceText(raw);
            expect(splitSentencesInWindows(text, window)).toEqual(reference(text));
          }
        },
      ),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 200) },
    );
  });

  it('a long run with no letter after an abbreviation, across many cuts: the same sentences', () => {
    // Rule SB8 looks past digits and spaces for a lower-case letter: the window must not cut that short.
    for (const tail of [' lower case.', ' Upper case.', ' 。', '']) {
      for (const run of [10, 40, 80, 300]) {
        const text = new SourceText(`It was etc.${' 1'.repeat(run)}${tail} Next one here. And more.`);
        for (const window of [64, 90]) expect(splitSentencesInWindows(text, window)).toEqual(reference(text));
      }
    }
  });
});

describe('a multi-megabyte source', () => {
  // Paragraphs made of the seeds' sentences, one a line, and now and then a paragraph of 40 KB
  // on a single line, so that both kinds of window occur with the default size. A line break
  // ends every sentence, so the reference can be computed one line at a time.
  const sentences = seeds.flatMap(([, raw]) => reference(new SourceText(raw)).map((span) => [...raw].slice(span[0], span[1]).join('')));
  let state = 12345;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  const lines: string[] = [];
  let size = 0;
  while (size < 3_000_000) {
    const count = lines.length % 100 === 99 ? 450 : 1 + next(6);
    const line = Array.from({ length: count }, () => sentences[next(sentences.length)]).join(' ');
    lines.push(line);
    size += line.length + 2;
  }
  const raw = lines.join(lines.length % 2 ? '\n\n' : '\r\n');

  it('splits into the same sentences as the reference, line by line', { timeout: 60_000 }, () => {
    const text = new SourceText(raw);
    expect(text.text.length).toBeGreaterThan(3_000_000);
    expect(lines.filter((l) => l.length > 40_000).length).toBeGreaterThan(10);
    const expected: [number, number][] = [];
    let offset = 0;
    for (const line of raw.split(/(?<=\n)/)) {
      expected.push(...referenceUnits(line, offset));
      offset += line.length;
    }
    const spans = splitSentences(text);
    expect(spans.length).toBe(expected.length);
    expect(spans).toEqual(expected.map(([start, end]) => text.codePointSpan(start, end)));
    // And so the coverage counts the same sentences.
    const coverage = measureSource(text, [], { passing: [spans[0]!], failing: [] }, { source: 'big', path: 'big.txt', thresholds: {} });
    expect(coverage.detail.map((d) => d.span)).toEqual(spans);
    expect(coverage.sentences).toBe(expected.length);
  });

  it('takes an exclude pattern that matches 300,000 times', () => {
    const text = new SourceText('a b '.repeat(300_000));
    expect(excludedRanges(text, patterns('b'))).toHaveLength(300_000);
  });
});
