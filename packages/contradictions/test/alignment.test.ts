import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignment, candidatePairs, compareTexts, mayAlign, quoteSegments, stem, tokenize } from '../src/index.js';
import type { WordSet } from '../src/index.js';

describe('tokenize and stem', () => {
  it('splits contractions and possessives, keeps mixed names whole', () => {
    expect(tokenize("TikTok’s CEO doesn't deny it; COVID-19 can't").map((t) => t.text)).toEqual(['tiktok', 'ceo', 'does', "n't", 'deny', 'it', 'covid-19', 'can', "n't"]);
  });

  it('brings the forms of a word to one key', () => {
    expect(new Set(['share', 'shares', 'shared', 'sharing'].map(stem)).size).toBe(1);
    expect(new Set(['close', 'closes', 'closed', 'closing'].map(stem)).size).toBe(1);
    expect(stem('men')).toBe(stem('man'));
    expect(stem('sat')).toBe(stem('sitting'));
    expect(stem('users')).toBe('user');
  });
});

describe('alignment', () => {
  it('aligns texts that differ only by the conflicting element', () => {
    const a = alignment('TikTok shares user data with the Chinese government', 'TikTok has never shared user data with the Chinese government');
    expect(a).toMatchObject({ aligned: true, onlyA: [], onlyB: [], negationsA: [], negationsB: ['never'], overlap: 1, jaccard: 1 });
    expect(alignment('The UK Parliament closed its account', 'The UK Parliament opened its account')).toMatchObject({ aligned: true, antonyms: ['closed/opened'] });
  });

  it('does not align paraphrases or texts about different things', () => {
    const letter = alignment('a letter to the speakers of both Houses', 'a letter to the presiding officers of both houses of parliament');
    expect(letter.aligned).toBe(false);
    expect(letter.onlyA).toEqual(['speakers']);
    expect(letter.onlyB).toEqual(['presiding', 'officers', 'parliament']);
    expect(letter.overlap).toBeCloseTo(3 / 4);
    expect(alignment('TikTok banned the app', 'TikTok').aligned).toBe(false);
  });

  it('needs at least minSharedWords in common', () => {
    expect(compareTexts('The men are very happy', 'The men are very unhappy')).toBeUndefined();
    expect(compareTexts('The men are very happy', 'The men are very unhappy', { minSharedWords: 1 })?.kind).toBe('antonym');
  });

  it('allows extra words on one side with maxExtraWords', () => {
    const a = 'The UK Parliament closed its TikTok account';
    const b = 'The UK Parliament opened its new TikTok account';
    expect(compareTexts(a, b)).toBeUndefined();
    expect(compareTexts(a, b, { maxExtraWords: 1 })?.kind).toBe('antonym');
  });

  it('keeps word order: a swap of roles is not aligned', () => {
    expect(compareTexts('The dog is chasing the cat', 'The cat is not chasing the dog')).toBeUndefined();
  });
});

describe('candidate pairs', () => {
  const set = (words: string[], negations = 0, slots = 0): WordSet => ({ words, surfaces: words, negations, slots });

  it('meets sets that differ by an antonym, or by affirmative extras of a negation', () => {
    const texts = [set(['parliament', 'closed', 'account']), set(['parliament', 'opened', 'account']), set(['parliament', 'account', 'shared', 'data'], 1), set(['other', 'words', 'entirely'])];
    const pairs = candidatePairs(texts, { insert: 1, probe: 2, negated: 2 }, { minWords: 2, maxPostings: 1000 });
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs.some(([i, j]) => i === 3 || j === 3)).toBe(false);
    const bounds = { antonymAndExtras: 1, affirmativeExtras: 2, minShared: 2, antonyms: (x: string, y: string) => x === 'closed' && y === 'opened' };
    expect(mayAlign(texts[0]!, texts[1]!, bounds)).toBe(true);
    expect(mayAlign(set(['parliament', 'closed', 'account']), set(['parliament', 'funded', 'account']), bounds)).toBe(false);
  });

  it('finds every pair whose sets differ within the depths (checked against all pairs)', () => {
    const text = fc.record({ words: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 2, maxLength: 6 }), negations: fc.nat(2) });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 25 }), (list) => {
        const texts = list.map(({ words, negations }) => set(words, negations));
        const found = new Set(candidatePairs(texts, { insert: 1, probe: 1, negated: 2 }, { minWords: 2, maxPostings: 1000 }).map(([i, j]) => `${i},${j}`));
        texts.forEach((x, i) =>
          texts.forEach((y, j) => {
            if (j <= i) return;
            const onlyX = x.words.filter((w) => !y.words.includes(w)).length;
            const onlyY = y.words.filter((w) => !x.words.includes(w)).length;
            const shared = x.words.length - onlyX;
            const antonymLike = Math.max(onlyX, onlyY) <= 1;
            const negation = (onlyX === 0 && x.negations > 0 && onlyY <= 2) || (onlyY === 0 && y.negations > 0 && onlyX <= 2);
            if (shared >= 2 && (antonymLike || negation)) expect(found.has(`${i},${j}`)).toBe(true);
          }),
        );
      }),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 200) },
    );
  });
});

describe('text rules, properties', () => {
  const sentence = fc
    .array(fc.constantFrom('tiktok', 'closed', 'opened', 'not', 'never', 'the', 'account', 'data', '5', 'million', 'users', 'in', '2022', 'April', 'more', 'than', 'shared'), {
      minLength: 1,
      maxLength: 10,
    })
    .map((words) => words.join(' '));

  it('never finds a text in conflict with itself', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(compareTexts(text, text)).toBeUndefined();
      }),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 300) },
    );
  });

  it('reports no conflict that rests on a tie between two equally long alignments', () => {
    // "not 2022" and "2022 2022" line up equally well; the negation found in one order only is dropped.
    expect(compareTexts('never 2022 2022', '2022 not not 2022 tiktok')).toBeUndefined();
    expect(compareTexts('2022 not not 2022 tiktok', 'never 2022 2022')).toBeUndefined();
    expect(compareTexts('Parliament never closed the account', 'Parliament closed the account')?.kind).toBe('negation');
  });

  it('finds the same kind of conflict whichever text comes first', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        expect(compareTexts(a, b)?.kind).toBe(compareTexts(b, a)?.kind);
      }),
      { numRuns: Number(process.env.FC_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('quoteSegments', () => {
  it('splits a quote into itself, its sentences and its clauses', () => {
    expect(quoteSegments('One thing. Another, but a third; a fourth')).toEqual(['One thing. Another, but a third; a fourth', 'One thing.', 'Another, but a third', 'a fourth', 'Another', 'a third']);
    expect(quoteSegments('  plain words  ')).toEqual(['plain words']);
  });
});
