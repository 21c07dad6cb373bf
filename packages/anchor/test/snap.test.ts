// Boundary snapping: a quote that starts and ends on word boundaries is never found starting or
// ending inside a word.
import fc from 'fast-check';
import { SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../src/index.js';
import { allSeeds, fuzzRuns } from './seeds.js';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** True when the code point offset `cp` of `text` lies between two word characters. */
function cutsWord(text: SourceText, cp: number): boolean {
  const before = cp > 0 ? text.slice([cp - 1, cp]) : '';
  const after = cp < text.length ? text.slice([cp, cp + 1]) : '';
  return WORD_CHAR.test(before) && WORD_CHAR.test(after);
}

describe('a fuzzy match that starts or ends inside a word', () => {
  it('is snapped to whole words and scored again: "committee", not "ittee"', () => {
    // Without snapping the best alignment starts at "ittee" (its first letters line up with "The comm").
    const text = new SourceText('In March the Senate committee turned the ruling over to the courts.');
    const quote = 'The committee overturned the ruling';
    const result = anchorQuote(text, { quote });
    expect(result.status).toBe('changed');
    expect(result.actual).toBe('committee turned the ruling');
    expect(cutsWord(text, result.found![0])).toBe(false);
    expect(cutsWord(text, result.found![1])).toBe(false);
    // The score is that of the snapped text: 8 edits over 35 characters.
    expect(result.score).toBeCloseTo(1 - 8 / 35, 12);
  });

  it('is missing, with whole-word candidates, when snapping drops it below minScore: "overpopulation"', () => {
    const text = new SourceText('They spoke of the native population of the region.');
    const result = anchorQuote(text, { quote: 'overpopulation' });
    expect(result.status).toBe('missing');
    expect(result.found).toBeUndefined();
    expect(result.candidates?.length).toBeGreaterThan(0);
    for (const c of result.candidates ?? []) {
      expect(c.text).not.toBe('ive population');
      expect(cutsWord(text, c.span[0])).toBe(false);
      expect(cutsWord(text, c.span[1])).toBe(false);
      expect(c.score).toBeLessThan(0.75);
    }
  });

  it('keeps a match inside a word when the stored context says the quote starts inside one', () => {
    const text = new SourceText('They spoke of the native population of the region.');
    // The prefix ends with a letter and the quote starts with one: the quote began mid-word.
    const result = anchorQuote(text, { quote: 'ive popolation', prefix: 'the nat' });
    expect(result.status).toBe('changed');
    expect(result.actual).toBe('ive population');
  });

  it('leaves a match on word boundaries as it was', () => {
    const text = new SourceText('The committee overturned the rulings of the lower court.');
    const result = anchorQuote(text, { quote: 'The committee overturned the ruling of' });
    expect(result).toMatchObject({ status: 'changed', kind: 'fuzzy', actual: 'The committee overturned the rulings of' });
  });
});

// Random texts made of the seed articles' words, quotes of whole words, and word-aligned edits
// (a word replaced, removed or added inside the quoted passage).
const vocabulary = [...new Set([...allSeeds().values()].flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 0))];
const word = fc.nat(vocabulary.length - 1).map((i) => vocabulary[i]!);
type WordEdit = { kind: 'replace' | 'delete' | 'insert'; at: number; word: string };
const wordEdit: fc.Arbitrary<WordEdit> = fc.record({ kind: fc.constantFrom('replace', 'delete', 'insert'), at: fc.nat(), word });

describe('property: word-aligned edits', () => {
  it('every found span starts and ends on a word boundary, and every candidate too', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 20, maxLength: 120 }),
        fc.nat(),
        fc.integer({ min: 2, max: 14 }),
        fc.array(wordEdit, { minLength: 0, maxLength: 4 }),
        (words, startPick, length, edits) => {
          const start = startPick % (words.length - length);
          const quote = words.slice(start, start + length).join(' ');
          const edited = [...words];
          let end = start + length;
          for (const e of edits) {
            const at = start + (e.at % Math.max(1, end - start));
            if (e.kind === 'replace') edited[at] = e.word;
            else if (e.kind === 'delete' && end - start > 1) {
              edited.splice(at, 1);
              end--;
            } else if (e.kind === 'insert') {
              edited.splice(at, 0, e.word);
              end++;
            }
          }
          const text = new SourceText(edited.join(' '));
          const result = anchorQuote(text, { quote });
          if (result.found) {
            expect(cutsWord(text, result.found[0]), `start of ${JSON.stringify(text.slice(result.found))}`).toBe(false);
            expect(cutsWord(text, result.found[1]), `end of ${JSON.stringify(text.slice(result.found))}`).toBe(false);
          }
          if (result.status === 'changed') expect(result.score).toBeGreaterThanOrEqual(0.75);
          for (const c of result.candidates ?? []) {
            expect(cutsWord(text, c.span[0])).toBe(false);
            expect(cutsWord(text, c.span[1])).toBe(false);
          }
        },
      ),
      { seed: 7, numRuns: fuzzRuns(300) },
    );
  });
});
