import { SourceText } from '@factcheck/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/index.js';

function sentencesOf(text: string): string[] {
  const st = new SourceText(text);
  return splitSentences(st).map((span) => st.slice(span));
}

describe('splitSentences', () => {
  it('splits prose into sentences trimmed of surrounding whitespace', () => {
    expect(sentencesOf('  The account closed. It reopened later!   Why? ')).toEqual(['The account closed.', 'It reopened later!', 'Why?']);
  });

  it('returns code point spans of each sentence', () => {
    const spans = splitSentences(new SourceText('One two. Three.'));
    expect(spans).toEqual([
      [0, 8],
      [9, 15],
    ]);
  });

  it('ends a sentence at every line break, so a heading never runs into its paragraph', () => {
    const text = 'UK Parliament closes TikTok account\nThe account has been locked.\r\nBy Joshua Nevett\rBBC Politics';
    expect(sentencesOf(text)).toEqual(['UK Parliament closes TikTok account', 'The account has been locked.', 'By Joshua Nevett', 'BBC Politics']);
  });

  it('drops whitespace-only segments such as blank lines', () => {
    expect(sentencesOf('top of page\n\n\n\u00a0\n\nHeadline here\n\n')).toEqual(['top of page', 'Headline here']);
  });

  it('returns nothing for an empty or blank text', () => {
    expect(splitSentences(new SourceText(''))).toEqual([]);
    expect(splitSentences(new SourceText(' \n\t\n'))).toEqual([]);
  });

  it('counts astral characters as one code point each', () => {
    const text = '😀 Emoji first. 𝐁old math second.';
    const spans = splitSentences(new SourceText(text));
    expect(spans).toEqual([
      [0, 14],
      [15, 32],
    ]);
    // In UTF-16 units the second sentence starts at 16.
    expect(text.indexOf('𝐁')).toBe(16);
    expect([...text].slice(15, 32).join('')).toBe('𝐁old math second.');
  });

  it('covers every non-whitespace code point with sorted, disjoint, trimmed spans', () => {
    const pieces = fc.constantFrom('Word', ' ', '\n', '. ', '! ', '😀', '\u2028', '“Quoted.” ', 'Mr. ', '\t', '\n\n', 'é', '?');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const st = new SourceText(text);
        const chars = [...text];
        const spans = splitSentences(st);
        const inside = new Array<boolean>(chars.length).fill(false);
        let previousEnd = 0;
        for (const [start, end] of spans) {
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(chars.length);
          expect(chars[start]).toMatch(/\S/u);
          expect(chars[end - 1]).toMatch(/\S/u);
          expect(chars.slice(start, end).join('')).not.toMatch(/[\n\r\u2028\u2029]/);
          for (let i = start; i < end; i++) inside[i] = true;
          previousEnd = end;
        }
        chars.forEach((c, i) => {
          if (/\S/u.test(c)) expect(inside[i]).toBe(true);
        });
      }),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 200) },
    );
  });
});
