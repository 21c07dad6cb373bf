import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiff, wordDiff } from '../src/index.js';
import { allSeeds, fuzzRuns } from './seeds.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(200) });

describe('wordDiff', () => {
  it('names a changed word', () => {
    expect(wordDiff('opposed by senior executives', 'opposed by junior executives')).toEqual([
      { op: 'equal', text: 'opposed by ' },
      { op: 'delete', text: 'senior' },
      { op: 'insert', text: 'junior' },
      { op: 'equal', text: ' executives' },
    ]);
  });

  it('treats punctuation as its own token', () => {
    expect(wordDiff('Facebook, Instagram and Twitter', 'Facebook, Instagram, and Twitter')).toEqual([
      { op: 'equal', text: 'Facebook, Instagram' },
      { op: 'insert', text: ',' },
      { op: 'equal', text: ' and Twitter' },
    ]);
  });

  it('shows a typographic quote change', () => {
    expect(wordDiff("TikTok's", 'TikTok’s')).toEqual([
      { op: 'equal', text: 'TikTok' },
      { op: 'delete', text: "'" },
      { op: 'insert', text: '’' },
      { op: 'equal', text: 's' },
    ]);
  });

  it('puts deletions before insertions in a changed stretch', () => {
    expect(wordDiff('a b c', 'x b y')).toEqual([
      { op: 'delete', text: 'a' },
      { op: 'insert', text: 'x' },
      { op: 'equal', text: ' b ' },
      { op: 'delete', text: 'c' },
      { op: 'insert', text: 'y' },
    ]);
  });

  it('handles empty sides and emoji', () => {
    expect(wordDiff('', 'new 😀')).toEqual([{ op: 'insert', text: 'new 😀' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
    expect(wordDiff('same 😀', 'same 😀')).toEqual([{ op: 'equal', text: 'same 😀' }]);
  });

  it('keeps words that moved apart from a change together with it', () => {
    expect(wordDiff('prohibited on official devices by the United States', 'prohibited on official the the United States')).toEqual([
      { op: 'equal', text: 'prohibited on official ' },
      { op: 'delete', text: 'devices by' },
      { op: 'insert', text: 'the' },
      { op: 'equal', text: ' the United States' },
    ]);
  });

  it('names the few changed words of two long texts', () => {
    const text = [...allSeeds().values()].join('\n\n');
    const words = text.split(/(\s+)/);
    // Far more tokens than a table of every pair could hold: the diff must still go word by word.
    expect(words.length).toBeGreaterThan(4_000);
    const once = (word: string) => /^\p{L}+$/u.test(word) && words.filter((w) => w === word).length === 1;
    const changed = words.slice();
    const expected: { op: string; text: string }[] = [];
    for (const [n, share] of [0.2, 0.5, 0.8].entries()) {
      let i = Math.floor(words.length * share);
      while (!once(words[i]!)) i++;
      changed[i] = `replacement${n}`;
      expected.push({ op: 'delete', text: words[i]! }, { op: 'insert', text: `replacement${n}` });
    }
    const parts = wordDiff(text, changed.join(''));
    expect(parts.filter((p) => p.op !== 'equal')).toEqual(expected);
    expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(changed.join(''));
  });

  it('shows texts hundreds of words apart as one deletion and one insertion', () => {
    const expected = Array.from({ length: 1_000 }, (_, i) => `old${i}`).join(' ');
    const actual = Array.from({ length: 1_000 }, (_, i) => `new${i}`).join(' ');
    expect(wordDiff(expected, actual)).toEqual([
      { op: 'delete', text: expected },
      { op: 'insert', text: actual },
    ]);
  });

  it('rebuilds both texts from its parts (property)', () => {
    const token = fc.constantFrom('the', 'quick', 'fox', ' ', '  ', ',', '.', '’', '😀', 'é', '\n');
    const text = fc.array(token, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, (expected, actual) => {
        const parts = wordDiff(expected, actual);
        expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(expected);
        expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(actual);
        for (const p of parts) expect(p.text.length).toBeGreaterThan(0);
        // Neighbours never share an op (they are merged).
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.op).not.toBe(parts[i - 1]!.op);
      }),
    );
  });
});

describe('formatDiff', () => {
  it('marks deletions and insertions in word-diff style', () => {
    expect(formatDiff(wordDiff('the quick brown fox', 'the slow brown fox!'))).toBe(
      'the [-quick-]{+slow+} brown fox{+!+}',
    );
  });

  it('prints an all-equal diff as the text itself', () => {
    expect(formatDiff([{ op: 'equal', text: 'unchanged' }])).toBe('unchanged');
  });
});
