import { SourceText, type ExcludePattern } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { excludedRanges } from '../src/index.js';
import { patterns } from './helpers.js';

function excludedTexts(text: string, excluded: ExcludePattern[]): string[] {
  const st = new SourceText(text);
  return excludedRanges(st, excluded).map((span) => st.slice(span));
}

describe('excludedRanges', () => {
  it('matches plain strings literally and case-sensitively, everywhere they occur', () => {
    const text = 'top of page\nTop of page\nbody\ntop of page';
    expect(excludedRanges(new SourceText(text), patterns('top of page'))).toEqual([
      [0, 11],
      [29, 40],
    ]);
  });

  it('treats regular expression characters in plain strings literally', () => {
    expect(excludedTexts('Price (USD) 1.5 and 105', patterns('1.5', '(USD)'))).toEqual(['(USD)', '1.5']);
  });

  it('runs /…/flags patterns as regular expressions, finding every match', () => {
    const text = 'Intro\nImage source, Getty Images\nBody text\nImage source, PA Media';
    expect(excludedTexts(text, patterns('/^Image source.*$/m'))).toEqual(['Image source, Getty Images', 'Image source, PA Media']);
    expect(excludedTexts('Read Entire Article and READ ENTIRE ARTICLE', patterns('/read entire article/i'))).toEqual(['Read Entire Article', 'READ ENTIRE ARTICLE']);
  });

  it('accepts a pattern that already has the g flag', () => {
    expect(excludedTexts('ad ad ad', patterns('/ad/g'))).toEqual(['ad', 'ad', 'ad']);
  });

  it('runs a regular expression built without the g flag as a copy that has it, leaving it as it was', () => {
    const regex = /ad/;
    expect(excludedTexts('ad ad', [{ kind: 'regex', regex }])).toEqual(['ad', 'ad']);
    expect(regex.global).toBe(false);
    expect(regex.lastIndex).toBe(0);
  });

  it('runs the same pattern again from the start', () => {
    const [pattern] = patterns('/b/');
    expect(excludedTexts('a b b', [pattern!])).toEqual(['b', 'b']);
    expect(excludedTexts('b a b', [pattern!])).toEqual(['b', 'b']);
  });

  it('merges overlapping and touching matches of several patterns', () => {
    expect(excludedRanges(new SourceText('aaa bc'), patterns('aa', '/a b/'))).toEqual([[0, 5]]);
  });

  it('returns code point spans when astral characters come first', () => {
    const text = '😀😀 ARTICLE AD BOX';
    expect(excludedRanges(new SourceText(text), patterns('ARTICLE AD BOX'))).toEqual([[3, 17]]);
    expect(excludedRanges(new SourceText(text), patterns('/😀/u'))).toEqual([[0, 2]]);
  });

  it('ends on patterns that match the empty string, keeping only non-empty matches', () => {
    expect(excludedTexts('xx y x', patterns('/x*/'))).toEqual(['xx', 'x']);
    expect(excludedRanges(new SourceText('abc\ndef'), patterns('/^/m', '/(?:)/', '/$/gm'))).toEqual([]);
    expect(excludedRanges(new SourceText('😀a😀'), patterns('/(?:)/u', '/a?/v'))).toEqual([[1, 2]]);
  });

  it('excludes nothing for an empty literal', () => {
    expect(excludedTexts('keep drop', [{ kind: 'literal', text: '' }, ...patterns('drop')])).toEqual(['drop']);
  });

  it('matches a string that is not of the /…/flags form literally', () => {
    expect(excludedTexts('path /x/ here', patterns('/x/ here'))).toEqual(['/x/ here']);
  });
});
