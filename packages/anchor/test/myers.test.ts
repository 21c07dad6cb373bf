import fc from 'fast-check';
import { SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { editDistanceInCodePoints, editDistanceSearch } from '../src/index.js';
import { fuzzRuns, seed } from './seeds.js';
import { referenceDistance } from './reference.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(150) });

/** Reference search: for each end position j (code points), min over starts of the distance. */
function referenceEnds(text: string, pattern: string): number[] {
  const t = [...text];
  const p = [...pattern];
  let prev = Array.from({ length: p.length + 1 }, (_, i) => i);
  const ends = [prev[p.length]!];
  for (let j = 1; j <= t.length; j++) {
    const cur = [0];
    for (let i = 1; i <= p.length; i++) {
      cur[i] = Math.min(prev[i - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1), prev[i]! + 1, cur[i - 1]! + 1);
    }
    ends.push(cur[p.length]!);
    prev = cur;
  }
  return ends;
}

const cpSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

describe('editDistanceInCodePoints', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistanceInCodePoints('kitten', 'sitting')).toBe(3);
    expect(editDistanceInCodePoints('', 'abc')).toBe(3);
    expect(editDistanceInCodePoints('abc', '')).toBe(3);
    expect(editDistanceInCodePoints('same', 'same')).toBe(0);
  });

  it('counts an emoji as one character', () => {
    expect(editDistanceInCodePoints('a😀b', 'a😁b')).toBe(1);
    expect(editDistanceInCodePoints('😀', '')).toBe(1);
  });

  it('handles strings longer than one and two 32-bit blocks', () => {
    const a = 'x'.repeat(70) + 'abc' + 'y'.repeat(40);
    const b = 'x'.repeat(69) + 'abd' + 'y'.repeat(41);
    expect(editDistanceInCodePoints(a, b)).toBe(referenceDistance(a, b));
  });
});

describe('editDistanceSearch', () => {
  it('finds an exact occurrence with zero errors', () => {
    expect(editDistanceSearch('four score and seven', 'score', 0)).toEqual([{ start: 5, end: 10, errors: 0 }]);
  });

  it('finds an approximate occurrence and its exact span', () => {
    const [best] = editDistanceSearch('four score and seven', 'annd', 2);
    expect(best).toEqual({ start: 11, end: 14, errors: 1 });
  });

  it('returns nothing when every window needs more than maxErrors edits', () => {
    expect(editDistanceSearch('four score and seven', 'xyzzy', 2)).toEqual([]);
  });

  it('reports code point offsets when emoji come before the match', () => {
    const text = '😀😀 hello world';
    const [best] = editDistanceSearch(text, 'hello', 0);
    expect(best).toEqual({ start: 3, end: 8, errors: 0 });
    const [fuzzy] = editDistanceSearch(text, 'hallo', 1);
    expect(fuzzy).toEqual({ start: 3, end: 8, errors: 1 });
  });

  it('counts an emoji inside the pattern as one edit', () => {
    const [best] = editDistanceSearch('say 👍 to that', 'say 👎 to', 1);
    expect(best).toEqual({ start: 0, end: 8, errors: 1 });
  });

  it('matches patterns longer than 32 and 64 characters', () => {
    const text = seed('002');
    const quote = 'TikTok executives were "unable to reassure MPs that the company could prevent data transfer';
    expect([...quote].length).toBeGreaterThan(64);
    const edited = quote.replace('reassure', 'reasure').replace('prevent', 'stop');
    const start = [...text.slice(0, text.indexOf(quote))].length;
    const [best] = editDistanceSearch(text, edited, 10);
    expect(best?.start).toBe(start);
    expect(best?.end).toBe(start + [...quote].length);
    expect(best?.errors).toBe(referenceDistance(edited, quote));
  });

  it('returns non-overlapping matches, fewest errors first', () => {
    const text = 'abcdef xx abcdxf xx abcdef';
    const matches = editDistanceSearch(text, 'abcdef', 1);
    expect(matches.map((m) => [m.start, m.errors])).toEqual([
      [0, 0],
      [20, 0],
      [10, 1],
    ]);
  });

  it('honours limit and slack', () => {
    const text = 'abcdef xx abcdxf xx abcdef';
    expect(editDistanceSearch(text, 'abcdef', 1, { limit: 1 })).toEqual([{ start: 0, end: 6, errors: 0 }]);
    expect(editDistanceSearch(text, 'abcdef', 1, { slack: 0 }).map((m) => m.errors)).toEqual([0, 0]);
  });

  it('accepts a SourceText', () => {
    const text = new SourceText('🎉 one two three');
    expect(editDistanceSearch(text, 'two', 0)).toEqual([{ start: 6, end: 9, errors: 0 }]);
  });

  it('filtered search (pigeonhole windows) equals the full scan on a real text', () => {
    const text = seed('003').repeat(20);
    const quote = 'Ministers and civil servants in Wales are also prohibited from using TikTok on their work phones.';
    const edited = quote.replace('civil', 'civic').replace('Wales', 'Whales');
    for (const k of [0, 2, 5, 9, 20]) {
      const scan = editDistanceSearch(text, edited, k, { strategy: 'scan', limit: 50 });
      expect(editDistanceSearch(text, edited, k, { limit: 50 }), `auto, k=${k}`).toEqual(scan);
      expect(editDistanceSearch(text, edited, k, { strategy: 'filter', limit: 50 }), `filter, k=${k}`).toEqual(scan);
    }
    expect(editDistanceSearch(text, edited, 9, { limit: 50 }).length).toBe(20);
  });
});

describe('editDistanceSearch against a plain dynamic-programming reference', () => {
  const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', '👍');
  const word = (max: number) => fc.array(alphabet, { minLength: 1, maxLength: max }).map((a) => a.join(''));

  it('reports distances equal to the reference distance of pattern and found text', () => {
    fc.assert(
      fc.property(word(80), word(200), fc.double({ min: 0, max: 1, noNaN: true }), (pattern, text, share) => {
        const m = [...pattern].length;
        const k = Math.floor(share * m);
        const ends = referenceEnds(text, pattern);
        const best = Math.min(...ends);
        const matches = editDistanceSearch(text, pattern, k);
        expect(matches[0]?.errors).toBe(best <= k ? best : undefined);
        for (const match of matches) {
          expect(match.errors).toBeLessThanOrEqual(k);
          expect(match.errors).toBe(referenceDistance(pattern, cpSlice(text, match.start, match.end)));
          expect(match.errors).toBe(ends[match.end]);
        }
      }),
    );
  });

  it('finds a planted copy with the distance of the edits', () => {
    fc.assert(
      fc.property(word(100), word(100), word(100), fc.array(fc.nat(), { maxLength: 4 }), (left, pattern, right, cuts) => {
        // Plant the pattern with a few characters removed.
        let planted = [...pattern];
        for (const cut of cuts) if (planted.length > 1) planted.splice(cut % planted.length, 1);
        const text = left + planted.join('') + right;
        const k = Math.floor([...pattern].length / 2);
        const expected = Math.min(...referenceEnds(text, pattern));
        const [best] = editDistanceSearch(text, pattern, k);
        if (expected <= k) expect(best?.errors).toBe(expected);
        else expect(best).toBeUndefined();
      }),
    );
  });

  it('the filtered search returns exactly what the full scan returns', () => {
    const letters = fc.constantFrom('a', 'b', 'c', 'd', 'e', ' ', '😀');
    const str = (min: number, max: number) =>
      fc.array(letters, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(str(10, 90), str(0, 400), fc.nat(4), fc.nat(12), (pattern, noise, copies, k) => {
        // Several planted copies, some edited, inside noise: windows, merging, and misses.
        let text = noise;
        for (let i = 0; i < copies; i++) {
          const at = Math.floor((text.length * (i + 1)) / (copies + 1));
          const copy = i % 2 === 0 ? pattern : pattern.replace(/a/g, 'b');
          text = text.slice(0, at).replace(/[\uD800-\uDBFF]$/, '') + copy + text.slice(at).replace(/^[\uDC00-\uDFFF]/, '');
        }
        const scan = editDistanceSearch(text, pattern, k, { strategy: 'scan', limit: 100 });
        const filtered = editDistanceSearch(text, pattern, k, { strategy: 'filter', limit: 100 });
        expect(filtered).toEqual(scan);
      }),
    );
  });
});
