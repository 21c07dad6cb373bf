// The search that spares findContradictions from comparing all pairs must not lose a conflict:
// its findings must equal those of comparing every pair (and every quote segment) directly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTexts, evidenceConflicts, findContradictions, quoteSegments } from '../src/index.js';
import { input, makeClaim } from './helpers.js';

const WORDS = ['tiktok', 'parliament', 'closed', 'opened', 'account', 'banned', 'allowed', 'the', 'users', 'data', 'shared', 'china', 'never', 'not', 'no', 'in', 'people', 'men', 'man', 'companies', 'company'];
const SLOTS = ['5 million', 'more than 5 million', 'about 800', 'April 2020', 'May 2021', '2022', 'three'];
const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SLOTS) }), { minLength: 2, maxLength: 8 }).map((w) => w.join(' '));
const runs = Number(process.env.FC_FUZZ_RUNS ?? 100);

describe('the candidate search', () => {
  it('finds every conflict that comparing all pairs finds', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 12 }), (texts) => {
        const claims = texts.map((claim, i) => makeClaim({ id: `c${i}`, claim }));
        const found = findContradictions(input(claims), { checkEvidence: false })
          .map((f) => `${f.claims.join(',')}:${f.kind}`)
          .sort();
        const expected: string[] = [];
        texts.forEach((a, i) =>
          texts.forEach((b, j) => {
            if (j <= i) return;
            const conflict = compareTexts(a, b);
            if (conflict) expected.push(`c${i},c${j}:${conflict.kind}`);
          }),
        );
        expect(found).toEqual(expected.sort());
      }),
      { numRuns: runs },
    );
  });

  it('finds every conflict with a claim’s own quote that comparing every segment finds', () => {
    const quote = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('. '));
    fc.assert(
      fc.property(sentence, quote, (claim, text) => {
        const found = findContradictions(input([makeClaim({ id: 'c', claim, quotes: [text] })]), { paraphrase: false }).map((f) => f.kind);
        const direct = quoteSegments(text)
          .map((segment) => compareTexts(claim, segment, { extraSide: 'b', maxExtraWords: 3 }))
          .find((c) => c !== undefined);
        expect(found).toEqual(direct ? [direct.kind] : []);
      }),
      { numRuns: runs * 3 },
    );
  });

  it('skips the paraphrase rules only where they find nothing', () => {
    const quote = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('. '));
    fc.assert(
      fc.property(sentence, quote, (claim, text) => {
        const found = new Set(findContradictions(input([makeClaim({ id: 'c', claim, quotes: [text] })])).map((f) => f.kind));
        const strict = findContradictions(input([makeClaim({ id: 'c', claim, quotes: [text] })]), { paraphrase: false }).map((f) => f.kind);
        const expected = new Set([...strict, ...evidenceConflicts(claim, [text]).map((f) => f.kind)]);
        expect([...found].sort()).toEqual([...expected].sort());
      }),
      { numRuns: runs * 3 },
    );
  });
});
