// Suggestions for a missing quote: the passages that may be its new wording.
import { SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/index.js';
import { seed, spanOf } from './seeds.js';

describe('a rewritten sentence', () => {
  const before = 'Human beings have lived here for over ten millennia.';
  const after = 'Humans have lived in the Americas for over ten thousand years.';
  const text = new SourceText(
    `The valley is old. ${after} Their descendants still farm here. Ten thousand people lived in the town over the years.`,
  );

  it('is missing, with the new wording as the first candidate: span, text and similarity', () => {
    const result = anchorQuote(text, { quote: before });
    expect(result.status).toBe('missing');
    expect(result.found).toBeUndefined();
    const [best, ...rest] = result.candidates ?? [];
    expect(best).toMatchObject({ text: after, span: spanOf(text.text, after) });
    expect(best!.score).toBeGreaterThan(0);
    expect(best!.score).toBeLessThan(0.75);
    expect(rest.length).toBeLessThanOrEqual(2);
  });

  it('ranks by shared words, not characters: a passage sharing more words wins over a closer spelling', () => {
    // "Ten thousand people lived in the town over the years." shares lived, over, ten; the rewrite
    // shares have, lived, for, over, ten and the quote's sentence edges.
    const result = anchorQuote(text, { quote: before });
    const texts = (result.candidates ?? []).map((c) => c.text);
    expect(texts[0]).toBe(after);
  });
});

describe('suggestions on a seed article', () => {
  const raw = seed('002');

  it('finds the sentence whose middle was rewritten, ends kept', () => {
    const quote =
      'Senior MPs and peers had called for the account to be removed until TikTok gave "credible assurances" no data could be handed to China.';
    const rewritten =
      'Senior MPs and peers wanted the account shut down until the company gave firm promises that nothing could be handed to China.';
    const text = new SourceText(raw.replace(quote, rewritten));
    const result = anchorQuote(text, { quote, span: spanOf(raw, quote) });
    expect(result.status).toBe('missing');
    expect(result.candidates?.[0]?.text).toBe(rewritten);
  });

  it('gives at most three candidates, none overlapping another, each the text at its span', () => {
    const text = new SourceText(raw);
    const result = anchorQuote(text, { quote: 'TikTok said the app would store the data of users in the country from now on.' });
    expect(result.status).toBe('missing');
    const candidates = result.candidates ?? [];
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(3);
    for (const [i, c] of candidates.entries()) {
      expect(text.slice(c.span)).toBe(c.text);
      for (const d of candidates.slice(i + 1)) expect(c.span[1] <= d.span[0] || d.span[1] <= c.span[0]).toBe(true);
    }
  });

  it('suggests nothing when no passage shares enough words', () => {
    const result = anchorQuote(new SourceText(raw), { quote: 'Zebras quietly graze beyond xylophone orchestras.' });
    expect(result).toEqual({ status: 'missing' });
  });
});
