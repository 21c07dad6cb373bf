// The bit-parallel matcher against approx-string-match, another implementation of Myers'
// algorithm (the one the benchmark races it against), as an oracle.
//
// What the two answer. approx-string-match's search(text, pattern, k) returns, when some end
// position is within k edits of the pattern, every end position whose distance is the smallest
// (with a start each); it counts UTF-16 units. Ours counts code points: the oracle is given the
// same texts with each astral character replaced by one private-use BMP character, so that its
// units are our code points. Compared:
//   1. scan() with slack 0, the end positions at the smallest distance: the same set of ends, at
//      the same distance, as the oracle's (both empty when nothing is within k).
//   2. editDistanceSearch with slack 0, with each strategy: no match exactly when the oracle has
//      none; otherwise every match has the oracle's distance and ends at one of the oracle's
//      ends (it keeps non-overlapping matches only, so it may leave ends out), and its span is
//      that many edits from the pattern (a plain dynamic programme decides). The starts are not
//      compared: among equally good starts the two choose differently.
import fc from 'fast-check';
import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { editDistanceSearch } from '../src/index.js';
import { EndList, indexPattern, scan } from '../src/myers.js';
import { fuzzRuns, seed } from './seeds.js';
import { referenceDistance as distance } from './reference.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(300) });
/** Seconds by default; with FC_FUZZ_RUNS, as long as the runs take. */
const TIMEOUT = process.env['FC_FUZZ_RUNS'] ? 6 * 3_600_000 : 60_000;

/** The oracle's texts: each astral code point becomes one private-use BMP unit (one per text pair). */
function inUnits(...texts: string[]): string[] {
  const units = new Map<number, string>();
  return texts.map((text) =>
    [...text]
      .map((c) => {
        const cp = c.codePointAt(0)!;
        if (cp <= 0xffff) return c;
        if (!units.has(cp)) units.set(cp, String.fromCharCode(0xe000 + units.size));
        return units.get(cp)!;
      })
      .join(''),
  );
}

interface Best {
  errors: number;
  ends: number[];
}

/** The oracle's answer: the smallest distance and its ends, in code points; undefined when none is within k. */
function oracle(text: string, pattern: string, k: number): Best | undefined {
  const [t, p] = inUnits(text, pattern);
  const matches = search(t!, p!, k);
  if (matches.length === 0) return undefined;
  return { errors: matches[0]!.errors, ends: [...new Set(matches.map((m) => m.end))].sort((a, b) => a - b) };
}

/** Ours: every end at the smallest distance from one scan with slack 0; undefined when none is within k. */
function scanned(text: string, pattern: string, k: number): Best | undefined {
  const pat = indexPattern(pattern);
  const out = new EndList();
  scan(text, 0, text.length, 0, pat, Math.max(0, Math.min(k, pat.length)), false, out, 0);
  if (out.size === 0) return undefined;
  const errors = Math.min(...out.dists.subarray(0, out.size));
  const ends: number[] = [];
  for (let i = 0; i < out.size; i++) if (out.dists[i] === errors) ends.push(out.ends[i]!);
  return { errors, ends };
}

// Few symbols, so that patterns match often and in many places; astral ones take two units.
const SYMBOLS = ['a', 'b', 'c', ' ', 'é', '—', '😀', '𝒳'];
const symbols = (min: number, max: number) =>
  fc.array(fc.constantFrom(...SYMBOLS), { minLength: min, maxLength: max, size: 'max' }).map((a) => a.join(''));

// Or words, as in the sources: long stretches of the pattern agree, and the matcher's blocks of 32
// rows come and go as the scan passes them.
const WORDS = ['the', 'minister', 'said', 'ban', 'on', 'TikTok', 'café', 'devices', 'a', 'of', '😀', '—'];
const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 400, size: 'max' }).map((a) => a.join(' '));

/** A pattern: random, or a piece of the text with a few edits. Up to 200 code points (seven blocks). */
const textAndPattern = fc.oneof(symbols(0, 400), words).chain((text) => {
  const cps = [...text];
  const random = symbols(1, 200);
  if (cps.length === 0) return fc.tuple(fc.constant(text), random);
  const piece = fc
    .tuple(fc.nat(cps.length - 1), fc.integer({ min: 1, max: 200 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SYMBOLS), fc.nat(2)), { maxLength: 8 }))
    .map(([from, length, edits]) => {
      const out = cps.slice(from, from + length);
      for (const [at, symbol, kind] of edits) {
        const i = at % (out.length + 1);
        if (kind === 0) out.splice(i, 0, symbol);
        else if (out.length > 1) out.splice(Math.min(i, out.length - 1), 1, ...(kind === 1 ? [symbol] : []));
      }
      return out.join('');
    });
  return fc.tuple(fc.constant(text), fc.oneof(random, piece));
});

/** The error budget: often small (a few edits in a long pattern), else anything up to past its length. */
const withBudget = textAndPattern.chain(([text, pattern]) =>
  fc.tuple(fc.constant(text), fc.constant(pattern), fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: [...pattern].length + 2 }))),
);

const cpSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

function agreesWithOracle(text: string, pattern: string, k: number, strategy: 'auto' | 'scan' | 'filter'): void {
  const expected = oracle(text, pattern, k);
  const matches = editDistanceSearch(text, pattern, k, { slack: 0, limit: 1_000, strategy });
  if (!expected) {
    expect(matches).toEqual([]);
    return;
  }
  expect(matches.length).toBeGreaterThan(0);
  for (const m of matches) {
    expect(m.errors).toBe(expected.errors);
    expect(expected.ends).toContain(m.end);
    expect(distance(cpSlice(text, m.start, m.end), pattern)).toBe(m.errors);
  }
}

describe('the scan against approx-string-match', () => {
  it('finds the same smallest distance at the same ends (property)', () => {
    fc.assert(
      fc.property(withBudget, ([text, pattern, k]) => {
        expect(scanned(text, pattern, k)).toEqual(oracle(text, pattern, k));
      }),
    );
  }, TIMEOUT);

  it('agrees on a seed article and an edited quote of it, at every budget up to 20', () => {
    const text = seed('002');
    const quote = text.slice(600, 740);
    const edited = quote.replace('e', 'E').replace(' the ', ' teh ').slice(3);
    for (let k = 0; k <= 20; k++) expect(scanned(text, edited, k), `k=${k}`).toEqual(oracle(text, edited, k));
  });
});

describe('editDistanceSearch against approx-string-match', () => {
  for (const strategy of ['auto', 'scan', 'filter'] as const) {
    it(`keeps matches at the oracle's distance and ends, strategy ${strategy} (property)`, () => {
      fc.assert(fc.property(withBudget, ([text, pattern, k]) => agreesWithOracle(text, pattern, k, strategy)));
    }, TIMEOUT);
  }

  it('agrees on a seed article and an edited quote of it, at every budget up to 20', () => {
    const text = seed('002');
    const quote = text.slice(600, 740);
    const edited = quote.replace('e', 'E').replace(' the ', ' teh ').slice(3);
    for (let k = 0; k <= 20; k++) for (const strategy of ['auto', 'scan', 'filter'] as const) agreesWithOracle(text, edited, k, strategy);
  });
});
