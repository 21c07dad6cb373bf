// The pigeonhole filter on its own: its windows must contain every match a full scan finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../src/codepoints.js';
import { candidateWindows, chooseAgreement } from '../src/filter.js';
import { editDistanceSearch } from '../src/index.js';
import { fuzzRuns, seed } from './seeds.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(150) });

function covers(windows: number[], start: number, end: number): boolean {
  for (let i = 0; i < windows.length; i += 2) if (windows[i]! <= start && end <= windows[i + 1]!) return true;
  return false;
}

describe('chooseAgreement', () => {
  it('asks for one intact piece while pieces stay long, more when k is large', () => {
    expect(chooseAgreement(512, 0)).toBe(1);
    expect(chooseAgreement(128, 3)).toBe(1);
    expect(chooseAgreement(512, 51)).toBe(13);
    expect(chooseAgreement(128, 12)).toBe(4);
    expect(chooseAgreement(128, 32)).toBe(1);
  });
});

describe('candidateWindows', () => {
  const text = seed('002').repeat(30);
  const quote =
    'In the letter, the peers and MPs, who have been sanctioned by the Chinese government for speaking out about human rights abuses in the country';
  const edited = quote.replace('peers', 'peer').replace('sanctioned', 'sanctionned').replace('human', 'humane');

  it('keeps a small share of a long text, with a window around each of the 30 copies', () => {
    const k = 14;
    const windows = candidateWindows(viewOf(text), edited, k);
    expect(windows).toBeDefined();
    let covered = 0;
    for (let i = 0; i < windows!.length; i += 2) covered += windows![i + 1]! - windows![i]!;
    expect(covered).toBeLessThan(text.length * 0.1);
    const matches = editDistanceSearch(text, edited, k, { strategy: 'scan', limit: 100 });
    expect(matches).toHaveLength(30);
    for (const match of matches) expect(covers(windows!, match.start, match.end)).toBe(true);
  });

  it('gives up (full scan instead) when the pieces would be too short', () => {
    expect(candidateWindows(viewOf(text), edited, 60)).toBeUndefined();
  });

  it('with any agreement t, the windows contain every match of the full scan (property)', () => {
    const letters = fc.constantFrom('a', 'b', 'c', 'd', ' ', 'é', '😀');
    const str = (min: number, max: number) =>
      fc.array(letters, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(str(12, 80), str(0, 300), fc.nat(6), fc.integer({ min: 1, max: 6 }), (pattern, noise, k, t) => {
        const half = Math.floor(noise.length / 2);
        const text = noise.slice(0, half).replace(/[\uD800-\uDBFF]$/, '') + pattern.replace(/b/g, 'c') + noise.slice(half).replace(/^[\uDC00-\uDFFF]/, '');
        const windows = candidateWindows(viewOf(text), pattern, k, true, t);
        const matches = editDistanceSearch(text, pattern, k, { strategy: 'scan', limit: 100 });
        if (windows === undefined) {
          // Only when some piece would be empty.
          expect([...pattern].length).toBeLessThan(k + t);
          return;
        }
        for (const match of matches) expect(covers(windows, match.start, match.end)).toBe(true);
      }),
    );
  });
});
