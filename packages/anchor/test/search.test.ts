// Exact search through the sampled q-gram index, and anchoring on sources where one sentence
// occurs a great many times.
import fc from 'fast-check';
import { SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/index.js';
import { contextScore, pickByContext, type ContextQuery } from '../src/context.js';
import { ExactSearch } from '../src/search.js';
import { fuzzRuns } from './seeds.js';

/** Every occurrence by indexOf, the plain definition (of a quote that is not empty). */
function occurrences(text: string, quote: string): number[] {
  if (quote === '') throw new Error('test setup: an empty quote occurs everywhere');
  const found: number[] = [];
  for (let u = text.indexOf(quote); u !== -1; u = text.indexOf(quote, u + 1)) found.push(u);
  return found;
}

/** Searches that use the index from the first call, whatever the text's length. */
const indexedAtOnce = (text: string): ExactSearch => new ExactSearch(text, { minIndexedText: 0, passesBeforeIndex: 0 });

// A small alphabet makes repeats, overlaps and hash-bucket neighbours common.
const piece = fc.constantFrom('a', 'b', 'ab', 'aaaa', ' ', 'the ', '😀', 'é', '\n', 'x');
const text = fc.array(piece, { minLength: 1, maxLength: 300 }).map((p) => p.join(''));

describe('ExactSearch', () => {
  it('finds through the index exactly the occurrences indexOf finds, overlapping ones included', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 1, max: 40 }), (t, at, length) => {
        const start = at % t.length;
        const quote = t.slice(start, start + length);
        expect(quote.length).toBeGreaterThan(0);
        const search = indexedAtOnce(t);
        expect(search.find(quote)).toEqual(occurrences(t, quote));
        // A quote that is not in the text, of a length the index handles.
        expect(search.find(`${quote}#not-there-at-all`)).toEqual([]);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('gives the same answers before and after it builds its index', () => {
    const sentence = (i: number): string => `Sentence ${i % 50} of the report says ${i % 7} things. `;
    const long = Array.from({ length: 3000 }, (_, i) => sentence(i)).join('');
    const search = new ExactSearch(long, { minIndexedText: 1000, passesBeforeIndex: 2 });
    expect(search.indexed).toBe(false);
    const quotes = ['Sentence 3 of the report says 3 things.', 'report says', 'Sentence 49 of', 'not in the text at all', 'x'];
    for (let round = 0; round < 3; round++) {
      for (const quote of quotes) expect(search.find(quote)).toEqual(occurrences(long, quote));
    }
    expect(search.indexed).toBe(true);
    // i % 50 === 3 and i % 7 === 3: every 350th sentence from the fourth, 9 of the 3000.
    expect(search.find('Sentence 3 of the report says 3 things.')).toHaveLength(9);
  });
});

describe('pickByContext', () => {
  /** The definition: the candidate whose context scores strictly best, by more than rounding. */
  function naivePick(text: string, candidates: [number, number][], query: ContextQuery): number | undefined {
    if (!query.prefix && !query.suffix) return undefined;
    const scores = candidates.map(([s, e]) => contextScore(text, s, e, query));
    const best = scores.indexOf(Math.max(...scores));
    return scores.every((score, i) => i === best || score < scores[best]! - 1e-9) ? best : undefined;
  }

  it('picks what scoring every candidate picks, though it scores each neighbourhood once', () => {
    const word = fc.constantFrom('plan ', 'the ', 'vote ', 'Plan ', '“x” ', 'é ', '\n');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('plan', 'the', 'vote'),
        fc.option(fc.array(word, { maxLength: 3 }).map((w) => w.join(''))),
        fc.option(fc.array(word, { maxLength: 3 }).map((w) => w.join(''))),
        fc.boolean(),
        (words, quote, prefix, suffix, ignoreCase) => {
          const text = words.join('');
          const candidates = occurrences(text, quote).map((u): [number, number] => [u, u + quote.length]);
          fc.pre(candidates.length > 1);
          const query: ContextQuery = { prefix: prefix ?? undefined, suffix: suffix ?? undefined, ignoreCase };
          expect(pickByContext(text, candidates, query)).toBe(naivePick(text, candidates, query));
        },
      ),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe('one sentence repeated 100,000 times', () => {
  const sentence = 'The committee approved the plan after a long debate on Tuesday.';
  const repeated = new SourceText(`Minutes of the meeting\n${`${sentence} `.repeat(100_000)}`);

  it('its quote is ambiguous', () => {
    const result = anchorQuote(repeated, { quote: sentence });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates).toHaveLength(20);
    expect(result.candidates![0]!.text).toBe(sentence);
  });

  it('its quote with a context that every occurrence has is ambiguous', () => {
    const result = anchorQuote(repeated, { quote: sentence, prefix: 'Tuesday. ', suffix: ' The committee' });
    expect(result.status).toBe('ambiguous');
  });

  it('its quote with a context that only the first occurrence has is found there', () => {
    const result = anchorQuote(repeated, { quote: sentence, prefix: 'Minutes of the meeting\n' });
    expect(result).toMatchObject({ status: 'verified', found: [23, 23 + sentence.length] });
  });

  it('a quote of the same words with one changed is ambiguous too (on 10,000 repeats: a fuzzy search reads every one)', () => {
    const fewer = new SourceText(`${sentence} `.repeat(10_000));
    const result = anchorQuote(fewer, { quote: sentence.replace('long', 'short') });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates!.every((c) => c.text === sentence)).toBe(true);
  });
});
