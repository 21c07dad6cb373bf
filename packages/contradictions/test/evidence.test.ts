// The rules that compare a claim, in the fact-checker's own words, with its own evidence quotes.
import { describe, expect, it } from 'vitest';
import { areOpposites, clausesOf, evidenceConflicts, findContradictions, rolesIn } from '../src/index.js';
import { input, makeClaim } from './helpers.js';

const kinds = (claim: string, ...quotes: string[]) => evidenceConflicts(claim, quotes).map((f) => f.kind);

// The seed article's sentence (a copy, as the test fixtures hold it).
const BERTRAM = 'Theo Bertram, the app’s vice-president of government relations and public policy in Europe, argued that the decision was based more on geopolitics than facts.';

describe('entity: a different name or role where the quote names one', () => {
  it('flags a role the quote gives the same person otherwise (chief executive against vice-president)', () => {
    const [finding] = evidenceConflicts("Bertram is TikTok's chief executive", [BERTRAM]).filter((f) => f.kind === 'entity');
    expect(finding).toEqual({ kind: 'entity', reason: "'chief executive' vs 'vice-president'", quote: 0 });
  });

  it('accepts the same role written otherwise, or no role at all', () => {
    expect(kinds("Bertram is the app's vice-president", BERTRAM)).not.toContain('entity');
    expect(kinds('Bertram is the chief executive', 'Chief executive officer Theo Bertram said so.')).not.toContain('entity');
    expect(kinds('Bertram is the CEO', 'Theo Bertram, the chief executive, said so.')).not.toContain('entity');
    expect(kinds('Bertram argued that the decision was about geopolitics', BERTRAM)).not.toContain('entity');
  });

  it('does not read a role beside another person as the claim’s', () => {
    expect(kinds('Bertram is the president', 'The president met Theo Bertram in London on Monday.')).not.toContain('entity');
  });

  it('flags a name that stands where the quote names another one', () => {
    expect(kinds('The deal was signed by Microsoft in Paris.', 'The deal was signed by Oracle in Paris.')).toContain('entity');
  });

  it('leaves a name the quote also writes, elsewhere or in another form', () => {
    expect(kinds('The deal was signed by Microsoft in Paris.', 'The deal was signed in Paris by Oracle and Microsoft.')).not.toContain('entity');
    expect(kinds('Users of TikTok complained.', 'Users of Tik Tok complained.')).toEqual([]);
  });

  it('reads roles in their canonical form, longest first', () => {
    expect(rolesIn('the vice-president and CEO')).toEqual(['vice-president', 'chief executive']);
  });
});

describe('numeric and date: values in the same slot that cannot both hold', () => {
  it('flags a different quantity between the same words', () => {
    expect(kinds('Revenue rose 17% in the quarter.', 'In the quarter, revenue rose 7% to $3 billion.')).toContain('numeric');
  });

  it('accepts the same quantity written otherwise, and one stated elsewhere in the quotes', () => {
    expect(kinds('Revenue rose 17 percent in the quarter.', 'In the quarter, revenue rose 17% to $3 billion.')).toEqual([]);
    expect(kinds('The firm has 1.2 billion users.', 'The firm has 1,200 million users worldwide.')).toEqual([]);
    expect(kinds('Revenue rose 17% in the quarter.', 'Revenue rose 7% in the quarter.', 'Sales of the main product rose 17%.')).not.toContain('numeric');
  });

  it('flags a date that shares no day with the one in the same slot', () => {
    expect(kinds('The law took effect in March 2021 across the country.', 'The law took effect in May 2022 across the country.')).toContain('date');
    expect(kinds('The law took effect in 2022 across the country.', 'The law took effect in May 2022 across the country.')).toEqual([]);
  });
});

describe('negation and antonyms under local alignment', () => {
  it('flags "kept open" against "closed", and "lifted" against "imposed"', () => {
    expect(kinds('Parliament kept its TikTok account open', 'Parliament closed its TikTok account')).toEqual(['antonym']);
    expect(kinds('The UK lifted its ban on the app', 'The UK imposed a ban on the app in March.')).toEqual(['antonym']);
  });

  it('accepts a paraphrase that keeps the meaning', () => {
    expect(kinds('Parliament shut down its TikTok account', 'Parliament closed its TikTok account')).toEqual([]);
    expect(kinds('Parliament kept its TikTok account closed', 'Parliament closed its TikTok account')).toEqual([]);
    expect(kinds('The app was not allowed on official phones', 'The app was banned from official phones.')).toEqual([]);
  });

  it('flags a negation only one of two well-aligned texts carries', () => {
    expect(kinds('The company did not report strong growth in the cloud business.', 'The company reported strong growth in the cloud business this year.')).toEqual(['negation']);
    expect(kinds('The company reported strong growth in the cloud business.', 'The company did not report strong growth in the cloud business.')).toEqual(['negation']);
  });

  it('reads coordinated negations as one ("cannot and should not"), and "stop" as saying "not"', () => {
    expect(kinds('Parliament should not legitimise an app that experts described as spyware', 'We cannot and should not legitimise the use of an app which has been described by tech experts as spyware.')).toEqual([]);
    expect(kinds('She wanted to stop critical technologies being exported for use by authoritarian regimes', 'She wanted to ensure critical technologies were not exported for use by authoritarian regimes.')).toEqual([]);
  });

  it('leaves a negation both texts carry, and one in a clause the claim does not restate', () => {
    expect(kinds('The company never reported strong growth in the cloud business.', 'The company did not report strong growth in the cloud business.')).toEqual([]);
    expect(kinds('The company reported strong growth in the cloud business.', 'The company reported strong growth in the cloud business, but it did not raise prices.')).toEqual([]);
  });

  it('treats inflected forms and the phrasal list as opposites, and unrelated words as not', () => {
    expect(areOpposites('open', 'closes', { synset: true })).toBe(true);
    expect(areOpposites('lifted', 'imposed', {})).toBe(true);
    expect(areOpposites('lifted', 'raised', { synset: true, indirect: true })).toBe(false);
  });
});

describe('unsupported: a detail no quote mentions', () => {
  it('flags a number, a date and a name that no quote mentions', () => {
    expect(kinds('Sales rose to $4 billion.', 'Sales rose sharply in the year.')).toEqual(['unsupported']);
    expect(kinds('The account closed in March 2021.', 'The account closed after a week.')).toEqual(['unsupported']);
    expect(kinds('The account was closed on the advice of Smith.', 'The account was closed on advice.')).toEqual(['unsupported']);
  });

  it('counts a value written differently as mentioned, and leaves small counts in words alone', () => {
    expect(kinds('Sales rose to $4 billion.', 'Sales rose to $4,000m in the year.')).toEqual([]);
    expect(kinds('The account closed in 2021.', 'The account closed on 3 March 2021.')).toEqual([]);
    expect(kinds('Two speakers discuss the account.', 'Ann and Mike discuss the account.')).toEqual([]);
  });

  it('splits a claim into sentences and clauses, with their offsets', () => {
    expect(clausesOf('Sales rose, but costs fell. Profit held.')).toEqual([
      { text: 'Sales rose', start: 0 },
      { text: 'costs fell.', start: 16 },
      { text: 'Profit held.', start: 28 },
    ]);
  });
});

describe('findContradictions: the paraphrase rules', () => {
  const claim = (text: string, quote: string, extra: Partial<Parameters<typeof makeClaim>[0]> = {}) => makeClaim({ id: 'c', claim: text, quotes: [quote], ...extra });

  it('reports an entity conflict with its quote as an error, and an unsupported detail as a warning only', () => {
    const found = findContradictions(input([claim("Bertram is TikTok's chief executive", BERTRAM)]));
    expect(found.map((f) => [f.kind, f.severity])).toEqual([
      ['entity', 'error'],
      ['unsupported', 'warning'],
    ]);
    expect(found.map((f) => f.evidence)).toEqual([
      { source: 'source', quote: BERTRAM },
      { source: 'source', quote: BERTRAM },
    ]);
  });

  it('runs only the kinds asked for, and none with paraphrase off', () => {
    const claims = [claim("Bertram is TikTok's chief executive", BERTRAM)];
    expect(findContradictions(input(claims), { kinds: ['entity'] }).map((f) => f.kind)).toEqual(['entity']);
    expect(findContradictions(input(claims), { paraphrase: false })).toEqual([]);
  });

  it('honours an acknowledgement naming the quote', () => {
    const claims = [claim("Bertram is TikTok's chief executive", BERTRAM)];
    claims[0]!.conflicts = [{ evidence: 0, reason: 'Checked: he was promoted.', place: claims[0]!.place }];
    const found = findContradictions(input(claims));
    expect(found.map((f) => [f.severity, f.acknowledged])).toEqual([
      ['info', 'Checked: he was promoted.'],
      ['info', 'Checked: he was promoted.'],
    ]);
  });
});

describe('entity between claims (claimEntities)', () => {
  it('flags two claims that name different organisations in the same place, and only when asked', () => {
    const claims = [makeClaim({ id: 'a', claim: 'The deal was signed by Microsoft in Paris.' }), makeClaim({ id: 'b', claim: 'The deal was signed by Oracle in Paris.' })];
    expect(findContradictions(input(claims), { claimEntities: true })).toMatchObject([{ claims: ['a', 'b'], kind: 'entity', reason: "'Microsoft' vs 'Oracle'" }]);
    expect(findContradictions(input(claims))).toEqual([]);
  });

  it('leaves names in different places, capitalised adjectives, and words that open a sentence', () => {
    const pairs: Array<[string, string]> = [
      ['The deal was signed by Microsoft in Paris.', 'The deal was signed in Paris by Oracle.'],
      ['The Conservative leadership debate was held in July.', 'The Tory leadership debate was held in July.'],
      ['Microsoft signed the deal in Paris.', 'Oracle signed the deal in Paris.'],
    ];
    for (const [a, b] of pairs) {
      expect(findContradictions(input([makeClaim({ id: 'a', claim: a }), makeClaim({ id: 'b', claim: b })]), { claimEntities: true }).filter((f) => f.kind === 'entity')).toEqual([]);
    }
  });
});
