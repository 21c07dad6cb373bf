// The counting filter (q-gram lemma) on its own and inside editDistanceSearch: its windows hold
// every match a full scan finds, and the search through them returns exactly the full scan's
// matches, on random texts (seeded) and on edge cases.
import { SourceText } from '@factcheck/core';
import { prng } from '@factcheck/test-fixtures';
import { describe, expect, it } from 'vitest';
import { viewOf } from '../src/codepoints.js';
import { editDistanceSearch } from '../src/index.js';
import { bigramThreshold, countingWindows, fewestErrors } from '../src/qgrams.js';
import { referenceDistance } from './reference.js';
import { seed } from './seeds.js';

function covers(windows: number[], start: number, end: number): boolean {
  for (let i = 0; i < windows.length; i += 2) if (windows[i]! <= start && end <= windows[i + 1]!) return true;
  return false;
}

function sortedAndMerged(windows: number[], n: number): boolean {
  for (let i = 0; i < windows.length; i += 2) {
    if (!(windows[i]! >= 0 && windows[i]! < windows[i + 1]! && windows[i + 1]! <= n)) return false;
    if (i > 0 && windows[i]! <= windows[i - 1]!) return false;
  }
  return true;
}

/** Every (start, end) of the text within k edits of the pattern, by brute force (code points). */
function allMatches(text: string, pattern: string, k: number): Array<[number, number]> {
  const t = [...text];
  const out: Array<[number, number]> = [];
  for (let s = 0; s <= t.length; s++) {
    for (let e = s; e <= t.length && e - s <= [...pattern].length + k; e++) {
      if (referenceDistance(t.slice(s, e).join(''), pattern) <= k) out.push([s, e]);
    }
  }
  return out;
}

/** A random edit of `pattern` with `edits` operations, drawn from `alphabet`. */
function mutate(pattern: string, edits: number, alphabet: string[], random: () => number): string {
  const cps = [...pattern];
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (cps.length + 1));
    const ch = alphabet[Math.floor(random() * alphabet.length)]!;
    const op = Math.floor(random() * 3);
    if (op === 0) cps.splice(at, 0, ch);
    else if (op === 1 && cps.length > 1) cps.splice(Math.min(at, cps.length - 1), 1);
    else cps[Math.min(at, cps.length - 1)] = ch;
  }
  return cps.join('');
}

function randomText(length: number, alphabet: string[], random: () => number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)]!;
  return s;
}

describe('bigramThreshold', () => {
  it('is m - 1 - 2k: what k edits cannot spoil of the m - 1 bigrams', () => {
    expect(bigramThreshold(48, 12)).toBe(23);
    expect(bigramThreshold(10, 5)).toBe(-1);
    expect(bigramThreshold(2, 0)).toBe(1);
  });
});

describe('fewestErrors', () => {
  it('reads the lemma the other way: ceil((m - 1 - shared) / 2), at least 0', () => {
    expect(fewestErrors(48, 47)).toBe(0);
    expect(fewestErrors(48, 40)).toBe(4);
    expect(fewestErrors(48, 39)).toBe(4);
    expect(fewestErrors(10, 20)).toBe(0);
  });
});

describe('countingWindows', () => {
  it('proves nothing when the budget spoils every bigram', () => {
    expect(countingWindows(viewOf('abcdefgh'), 'abcd', 2)).toBeUndefined();
    expect(countingWindows(viewOf('abcdefgh'), 'a', 0)).toBeUndefined();
  });

  it('keeps nothing when no window holds enough of the pattern', () => {
    expect(countingWindows(viewOf('xyxyxyxyxyxyxyxyxyxy'), 'abcdefgh', 1)).toEqual([]);
  });

  it('keeps a small share of prose around an edited sentence, covering its match', () => {
    const text = seed('002');
    const quote = 'In the letter, the peers and MPs, who have been sanctioned by the Chinese government';
    const unit = text.indexOf(quote);
    expect(unit).toBeGreaterThanOrEqual(0);
    const edited = quote.replace('peers and MPs', 'MPs and peers').replace('sanctioned', 'punished');
    const k = Math.floor(0.25 * edited.length);
    const view = viewOf(text);
    const windows = countingWindows(view, edited, k)!;
    expect(sortedAndMerged(windows, view.length)).toBe(true);
    let covered = 0;
    for (let i = 0; i < windows.length; i += 2) covered += windows[i + 1]! - windows[i]!;
    expect(covered).toBeLessThan(view.length * 0.5);
    const matches = editDistanceSearch(text, edited, k, { strategy: 'scan', limit: 5 });
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(covers(windows, m.start, m.end), `${m.start}-${m.end}`).toBe(true);
  });

  it('covers every match within k edits (brute force, random texts over small alphabets)', () => {
    const random = prng(7);
    let checked = 0;
    for (let round = 0; round < 60; round++) {
      const alphabet = round % 3 === 0 ? ['a', 'b'] : round % 3 === 1 ? ['a', 'b', 'c', ' '] : ['a', '😀', 'é', 'b'];
      const text = randomText(40 + Math.floor(random() * 40), alphabet, random);
      const cps = [...text];
      const from = Math.floor(random() * (cps.length - 12));
      const pattern = mutate(cps.slice(from, from + 6 + Math.floor(random() * 8)).join(''), Math.floor(random() * 3), alphabet, random);
      const m = [...pattern].length;
      for (let k = 0; k <= Math.floor(m / 2); k++) {
        const most: number[] = [];
        const windows = countingWindows(viewOf(text), pattern, k, most);
        if (windows === undefined) {
          expect(bigramThreshold(m, k)).toBeLessThanOrEqual(0);
          continue;
        }
        expect(sortedAndMerged(windows, cps.length)).toBe(true);
        expect(most.length * 2).toBe(windows.length);
        for (const [s, e] of allMatches(text, pattern, k)) {
          const where = `${JSON.stringify(pattern)} in ${JSON.stringify(text)}, k=${k}: ${s}-${e}`;
          expect(covers(windows, s, e), where).toBe(true);
          // No match in a window has fewer errors than its best count allows.
          let w = 0;
          while (!(windows[2 * w]! <= s && e <= windows[2 * w + 1]!)) w++;
          const errors = referenceDistance(cps.slice(s, e).join(''), pattern);
          expect(errors, where).toBeGreaterThanOrEqual(fewestErrors(m, most[w]!));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('editDistanceSearch through the counting filter', () => {
  it('gives exactly the full scan on random prose-like texts, with and without slack', () => {
    const random = prng(11);
    const words = ['the', 'of', 'and', 'to', 'in', 'said', 'report', 'council', 'année', 'naïve', '😀', 'data', 'over', 'ten', 'years'];
    let compared = 0;
    for (let round = 0; round < 40; round++) {
      const parts: string[] = [];
      for (let i = 0; i < 400; i++) parts.push(words[Math.floor(random() * words.length)]!);
      const text = parts.join(random() < 0.5 ? ' ' : '\r\n');
      const cps = [...text];
      const from = Math.floor(random() * (cps.length - 80));
      const quote = cps.slice(from, from + 20 + Math.floor(random() * 60)).join('');
      const pattern = mutate(quote, Math.floor(random() * 8), ['x', 'e', ' ', '😀'], random);
      const m = [...pattern].length;
      for (const share of [0.1, 0.25, 0.4]) {
        const k = Math.floor(share * m);
        for (const slack of [Infinity, Math.ceil(0.05 * m), 0]) {
          const view = new SourceText(text);
          const scan = editDistanceSearch(view, pattern, k, { limit: 20, slack, strategy: 'scan' });
          expect(editDistanceSearch(view, pattern, k, { limit: 20, slack }), `k=${k} slack=${slack}`).toEqual(scan);
          expect(editDistanceSearch(view, pattern, k, { limit: 20, slack, strategy: 'filter' })).toEqual(scan);
          compared++;
        }
      }
    }
    expect(compared).toBe(360);
  });

  it('finds matches in repeated text, at the very start and end, with CRLF and astral characters', () => {
    const unit = 'ab😀cd\r\nef';
    const text = unit.repeat(20);
    for (const pattern of ['ab😀cd\r\nefab', 'b😀c\r\nef', 'ef', '\r\nefab😀']) {
      const m = [...pattern].length;
      for (let k = 0; k <= Math.floor(m / 2); k++) {
        const scan = editDistanceSearch(text, pattern, k, { limit: 100, strategy: 'scan' });
        expect(editDistanceSearch(text, pattern, k, { limit: 100 }), `${JSON.stringify(pattern)} k=${k}`).toEqual(scan);
      }
    }
    const edge = 'wxyz' + 'q'.repeat(50) + 'wxyz';
    const scan = editDistanceSearch(edge, 'wxy', 1, { limit: 10, strategy: 'scan' });
    expect(scan.map((m) => m.start)).toEqual(expect.arrayContaining([0, 54]));
    expect(editDistanceSearch(edge, 'wxy', 1, { limit: 10 })).toEqual(scan);
  });

  it('numbers more than 65,536 distinct bigrams correctly (a text of many scripts)', () => {
    const random = prng(3);
    const chars: string[] = [];
    for (let i = 0; i < 600; i++) chars.push(String.fromCodePoint(0x4e00 + i));
    for (let i = 0; i < 20; i++) chars.push(String.fromCodePoint(0x1f600 + i));
    const text = randomText(120_000, chars, random);
    const cps = [...text];
    const from = 90_000;
    const quote = cps.slice(from, from + 40).join('');
    const pattern = mutate(quote, 6, chars, random);
    const view = new SourceText(text);
    const k = 12;
    const scan = editDistanceSearch(view, pattern, k, { limit: 5, slack: 2, strategy: 'scan' });
    expect(scan.length).toBeGreaterThan(0);
    expect(scan[0]!.start).toBeGreaterThan(from - 10);
    expect(editDistanceSearch(view, pattern, k, { limit: 5, slack: 2 })).toEqual(scan);
    const windows = countingWindows(view, pattern, k)!;
    expect(covers(windows, scan[0]!.start, scan[0]!.end)).toBe(true);
  });

  it('finds a pattern shorter than a bigram the same way as the scan', () => {
    const text = 'a'.repeat(10) + 'b';
    expect(editDistanceSearch(text, 'b', 0, { limit: 3 })).toEqual(editDistanceSearch(text, 'b', 0, { limit: 3, strategy: 'scan' }));
    expect(editDistanceSearch(text, 'b', 0, { limit: 3 })).toEqual([{ start: 10, end: 11, errors: 0 }]);
  });
});
