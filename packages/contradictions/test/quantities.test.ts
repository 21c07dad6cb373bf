import { describe, expect, it } from 'vitest';
import { compareTexts, extractQuantities } from '../src/index.js';

const one = (text: string) => {
  const found = extractQuantities(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('extractQuantities', () => {
  it('reads comparators as open intervals, inclusive at the number', () => {
    const q = one('TikTok has more than 1 billion users worldwide');
    expect(q).toMatchObject({ text: 'more than 1 billion', value: 1e9, low: 1e9, high: Infinity, unit: 'user', unitText: 'users', comparator: 'more than' });
    expect(one('fewer than 4,800 people signed')).toMatchObject({ low: -Infinity, high: 4800, unit: 'person' });
    expect(one('at least three MPs')).toMatchObject({ value: 3, low: 3, high: Infinity, unit: 'mp' });
    expect(one('up to 5m users')).toMatchObject({ value: 5e6, high: 5e6 });
    expect(one('over 20 years')).toMatchObject({ low: 20, high: Infinity, unit: 'year' });
    expect(one('under 18 people')).toMatchObject({ high: 18 });
  });

  it('gives "about" ±10% and "nearly" the 10% below', () => {
    expect(one('about 60% of users')).toMatchObject({ low: 54, high: 66, unit: '%' });
    expect(one('nearly 60 per cent of users')).toMatchObject({ low: 54, high: 60, unit: '%' });
    expect(one('roughly 100 devices')).toMatchObject({ low: 90, high: 110 });
    expect(extractQuantities('about 100 devices', { approximateTolerance: 0.25 })[0]).toMatchObject({ low: 75, high: 125 });
  });

  it('reads scales, suffixes, currencies and number words', () => {
    expect(one('£1.2bn deal').value).toBe(1.2e9);
    expect(one('£1.2bn deal').unit).toBe('£');
    expect(one('1.2 billion people').value).toBe(1.2e9);
    expect(one('800 million users').value).toBe(8e8);
    expect(one('10k downloads').value).toBe(1e4);
    expect(one('a dozen eggs').value).toBe(12);
    expect(one('twenty-five men').value).toBe(25);
    expect(one('one hundred and twenty cars').value).toBe(120);
    expect(one('a million users').value).toBe(1e6);
  });

  it('reads ranks as ordinals', () => {
    expect(one('the 100th match')).toMatchObject({ value: 100, ordinal: true, unit: 'match' });
    expect(one('the twenty-first century')).toMatchObject({ value: 21, ordinal: true });
    expect(one('the second step')).toMatchObject({ value: 2, ordinal: true });
  });

  it('does not read pronouns, time units, years or mixed names as quantities', () => {
    expect(extractQuantities('the one who spoke')).toEqual([]);
    expect(extractQuantities('wait a second please')).toEqual([]);
    expect(extractQuantities('the account closed in 2022')).toEqual([]);
    expect(extractQuantities('COVID-19 and F-35 jets on 5G')).toEqual([]);
  });
});

describe('numeric conflicts', () => {
  it('flags quantities of the same thing that cannot both hold', () => {
    const found = compareTexts('TikTok has more than 1 billion users worldwide', 'TikTok has 800 million users worldwide');
    expect(found).toEqual({
      kind: 'numeric',
      reason: "'more than 1 billion' vs '800 million' users",
      expected: 'more than 1 billion',
      actual: '800 million',
    });
    expect(compareTexts('At least three MPs signed the letter', 'Two MPs signed the letter')?.kind).toBe('numeric');
    expect(compareTexts('About 60% of users are teenagers', 'About 40% of users are teenagers')?.reason).toBe("'About 60%' vs 'About 40%'");
  });

  it('does not flag intervals that overlap', () => {
    expect(compareTexts('Fewer than 4,800 people signed the petition', 'More than 4,700 people signed the petition')).toBeUndefined();
    expect(compareTexts('TikTok has more than 1 billion users worldwide', 'TikTok has 1 billion users worldwide')).toBeUndefined();
    expect(compareTexts('Nearly 60% of users are teenagers', 'About 60% of users are teenagers')).toBeUndefined();
    expect(compareTexts('About 100 people attended the hearing', 'About 105 people attended the hearing')).toBeUndefined();
  });

  it('does not compare quantities of different things', () => {
    expect(compareTexts('TikTok has 1 billion users worldwide', 'TikTok has 800 million downloads worldwide')).toBeUndefined();
    expect(compareTexts('TikTok has 60% of the market', 'TikTok has $60 of the market')).toBeUndefined();
    expect(compareTexts('The first match was played', 'Two matches were played')).toBeUndefined();
  });

  it('widens "about" with approximateTolerance', () => {
    const a = 'About 100 people attended the hearing';
    const b = '120 people attended the hearing';
    expect(compareTexts(a, b)?.kind).toBe('numeric');
    expect(compareTexts(a, b, { approximateTolerance: 0.25 })).toBeUndefined();
  });
});
