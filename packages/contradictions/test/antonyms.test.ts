import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { antonymLexiconSize, antonymSource, antonymsOf, areAntonyms, compareTexts } from '../src/index.js';

const lexiconFile = fileURLToPath(new URL('../lib/antonyms.json', import.meta.url));
const kind = (a: string, b: string, options = {}) => compareTexts(a, b, options)?.kind;

describe('antonym lexicon (compiled from WordNet)', () => {
  it('holds WordNet antonyms with their inflected forms', () => {
    expect(antonymsOf('closed')).toContain('opened');
    expect(antonymsOf('open')).toContain('close');
    expect(areAntonyms('increased', 'decreased')).toBe(true);
    expect(areAntonyms('sat', 'stood')).toBe(true);
    expect(areAntonyms('sitting', 'standing')).toBe(true);
    expect(areAntonyms('bigger', 'smaller', { synset: true })).toBe(true);
    expect(areAntonyms('banned', 'allowed')).toBe(true);
    expect(areAntonyms('rejected', 'approved')).toBe(true);
  });

  it('keeps synset-level, indirect and noun pairs apart', () => {
    expect(antonymSource('large', 'little')).toEqual({ level: 'synset', noun: false });
    expect(areAntonyms('large', 'little')).toBe(false);
    expect(areAntonyms('large', 'little', { synset: true })).toBe(true);
    expect(antonymSource('giant', 'little')?.level).toBe('indirect');
    expect(areAntonyms('giant', 'little', { indirect: true })).toBe(true);
    expect(antonymSource('man', 'woman')).toEqual({ level: 'direct', noun: true });
    expect(areAntonyms('man', 'woman')).toBe(false);
    expect(areAntonyms('man', 'woman', { nouns: true })).toBe(true);
  });

  it('does not pair synonyms or quantifiers', () => {
    expect(antonymSource('little', 'small')).toBeUndefined();
    expect(antonymSource('happy', 'glad')).toBeUndefined();
    expect(antonymSource('some', 'every')).toBeUndefined();
    expect(antonymSource('come', 'go')).toBeUndefined();
  });

  it('is a small build output, not the WordNet database', () => {
    const bytes = statSync(lexiconFile).size;
    expect(bytes).toBeLessThan(300_000);
    const json = JSON.parse(readFileSync(lexiconFile, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['about', 'direct', 'directNouns', 'indirect', 'lemmas', 'synset', 'synsetNouns']);
    expect(antonymLexiconSize().words).toBeGreaterThan(5000);
    expect(antonymLexiconSize().lemmas).toBeGreaterThan(50);
  });
});

describe('antonym conflicts', () => {
  it('flags aligned texts that differ by an antonym pair', () => {
    expect(compareTexts('The UK Parliament closed its TikTok account', 'The UK Parliament opened its TikTok account')).toEqual({
      kind: 'antonym',
      reason: "'closed' vs 'opened'",
      expected: 'closed',
      actual: 'opened',
    });
    expect(kind('TikTok was banned on government devices', 'TikTok was allowed on government devices')).toBe('antonym');
    expect(kind('The cabinet approved the ban', 'The cabinet rejected the ban')).toBe('antonym');
    expect(kind('Spending on security increased in 2022', 'Spending on security decreased in 2022')).toBe('antonym');
    expect(kind('A boy is sitting outside near the street', 'A boy is sitting outside far away from the street')).toBe('antonym');
  });

  it('does not flag synonyms, negated antonyms or extra words', () => {
    expect(kind('A little girl is helping her father make breakfast', 'A small girl is helping her father make breakfast')).toBeUndefined();
    expect(kind('The account was not closed', 'The account was opened')).toBeUndefined();
    expect(kind('The UK Parliament closed its TikTok account', 'The UK Parliament opened its new TikTok account')).toBeUndefined();
  });

  it('leaves noun pairs (different things, not opposite properties) to an option', () => {
    const a = 'A man is playing a guitar on the stage';
    const b = 'A woman is playing a guitar on the stage';
    expect(kind(a, b)).toBeUndefined();
    expect(kind(a, b, { nounAntonyms: true })).toBe('antonym');
  });

  it('reads indirect antonyms only when asked', () => {
    const a = 'A little girl is helping her father make breakfast';
    const b = 'A giant girl is helping her father make breakfast';
    expect(kind(a, b)).toBe('antonym');
    expect(kind(a, b, { indirectAntonyms: false })).toBeUndefined();
  });
});
