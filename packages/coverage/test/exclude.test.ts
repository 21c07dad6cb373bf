import { SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { compileExcludePattern, excludedRanges } from '../src/index.js';

function excludedTexts(text: string, patterns: string[]): string[] {
  const st = new SourceText(text);
  return excludedRanges(st, patterns).map((span) => st.slice(span));
}

describe('excludedRanges', () => {
  it('matches plain strings literally and case-sensitively, everywhere they occur', () => {
    const text = 'top of page\nTop of page\nbody\ntop of page';
    expect(excludedRanges(new SourceText(text), ['top of page'])).toEqual([
      [0, 11],
      [29, 40],
    ]);
  });

  it('treats regular expression characters in plain strings literally', () => {
    expect(excludedTexts('Price (USD) 1.5 and 105', ['1.5', '(USD)'])).toEqual(['(USD)', '1.5']);
  });

  it('runs /…/flags patterns as regular expressions with the g flag added', () => {
    const text = 'Intro\nImage source, Getty Images\nBody text\nImage source, PA Media';
    expect(excludedTexts(text, ['/^Image source.*$/m'])).toEqual(['Image source, Getty Images', 'Image source, PA Media']);
    expect(excludedTexts('Read Entire Article and READ ENTIRE ARTICLE', ['/read entire article/i'])).toEqual(['Read Entire Article', 'READ ENTIRE ARTICLE']);
  });

  it('accepts a pattern that already has the g flag', () => {
    expect(excludedTexts('ad ad ad', ['/ad/g'])).toEqual(['ad', 'ad', 'ad']);
  });

  it('merges overlapping and touching matches of several patterns', () => {
    expect(excludedRanges(new SourceText('aaa bc'), ['aa', '/a b/'])).toEqual([[0, 5]]);
  });

  it('returns code point spans when astral characters come first', () => {
    const text = '😀😀 ARTICLE AD BOX';
    expect(excludedRanges(new SourceText(text), ['ARTICLE AD BOX'])).toEqual([[3, 17]]);
    expect(excludedRanges(new SourceText(text), ['/😀/u'])).toEqual([[0, 2]]);
  });

  it('ends on patterns that match the empty string, keeping only non-empty matches', () => {
    expect(excludedTexts('xx y x', ['/x*/'])).toEqual(['xx', 'x']);
    expect(excludedRanges(new SourceText('abc\ndef'), ['/^/m', '/(?:)/', '/$/gm'])).toEqual([]);
    expect(excludedRanges(new SourceText('😀a😀'), ['/(?:)/u', '/a?/v'])).toEqual([[1, 2]]);
  });

  it('skips invalid regular expressions and empty patterns instead of throwing', () => {
    expect(compileExcludePattern('/[unclosed/')).toBeUndefined();
    expect(compileExcludePattern('/a/zz')).toBeUndefined();
    expect(compileExcludePattern('')).toBeUndefined();
    expect(excludedTexts('keep [unclosed drop', ['/[unclosed/', '', 'drop'])).toEqual(['drop']);
  });

  it('reads a string that is not of the /…/flags form as a literal', () => {
    expect(compileExcludePattern('/usr/bin and more')).toEqual({ literal: '/usr/bin and more' });
    expect(compileExcludePattern('/')).toEqual({ literal: '/' });
    expect(excludedTexts('path /x/ here', ['/x/ here'])).toEqual(['/x/ here']);
  });
});
