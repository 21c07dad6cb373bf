// The claim-against-evidence rules that read a clause's window in any word order: opposites, numbers
// and names in the best quote clause, opposites beside the same word or value, "up"/"down" before the
// same figure, negations whose negated words line up, and opposites written with a prefix.
import { describe, expect, it } from 'vitest';
import { areOpposites, evidenceConflicts } from '../src/index.js';
import type { EvidenceRuleOptions } from '../src/index.js';

const conflicts = (claim: string, quotes: string[], options: Partial<EvidenceRuleOptions> = {}) =>
  evidenceConflicts(claim, quotes, options).filter((f) => f.kind !== 'unsupported');
const kinds = (claim: string, quotes: string[], options: Partial<EvidenceRuleOptions> = {}) => conflicts(claim, quotes, options).map((f) => f.kind);

const F = { synset: true, indirect: true, nouns: false };

describe('negation whose negated words line up', () => {
  const QUOTE = 'The merger is expected to close before the end of the year, the regulator said on Tuesday.';

  it('flags a long claim clause that denies what the quote asserts', () => {
    const claim =
      'The regulator said on Tuesday that the merger is not expected to close before the end of the year, and that both companies had agreed to sell several regional stations to win approval.';
    expect(conflicts(claim, [QUOTE])).toEqual([{ kind: 'negation', reason: "the claim says 'not', the quote does not", quote: 0 }]);
    // The older, stricter share of the clause alone would not have found it.
    expect(kinds(claim, [QUOTE], { negatedWordCoverage: 1 })).not.toContain('negation');
  });

  it('leaves the same long claim without the cue', () => {
    const claim =
      'The regulator said on Tuesday that the merger is expected to close before the end of the year, and that both companies had agreed to sell several regional stations to win approval.';
    expect(kinds(claim, [QUOTE])).toEqual([]);
  });

  it('does not flag when the negated words are not all in the quote', () => {
    expect(kinds('Two young players are not fighting in a boxing bout', ['Two players are fighting in a boxing match'])).not.toContain('negation');
  });

  it('does not flag when the affirmative clause carries a cue outside the window', () => {
    const quote = 'The minister said "we have never been asked to hand the records to the agency, nor would we if asked".';
    expect(kinds('The minister would refuse if the agency asked for the records.', [quote])).not.toContain('negation');
  });
});

describe('opposites in the window, in any order', () => {
  const QUOTE = 'A ward for older patients was closed by the hospital trust after a difficult winter, the board said.';

  it('flags a word whose opposite stands in the best quote clause, though not in the same gap', () => {
    const claim = 'The board said the hospital trust opened a ward for older patients after a difficult winter.';
    expect(conflicts(claim, [QUOTE], { neighbourOpposites: false })).toEqual([{ kind: 'antonym', reason: "'opened' vs 'closed'", quote: 0 }]);
    // With the window rule off, the gap rule alone does not see it.
    expect(kinds(claim, [QUOTE], { neighbourOpposites: false, oppositeCoverage: 2 })).not.toContain('antonym');
  });

  it('leaves the claim that agrees, and a claim word that a quote writes elsewhere', () => {
    expect(kinds('The board said the hospital trust closed a ward for older patients after a difficult winter.', [QUOTE])).toEqual([]);
    const both = 'The trust opened a new ward for children in the spring.';
    expect(kinds('The board said the hospital trust opened a ward for older patients after a difficult winter.', [QUOTE, both])).not.toContain('antonym');
  });
});

describe('opposites beside the same word or value', () => {
  it('flags "decrease of 12%" against "increase of 12%" in a reordered sentence', () => {
    const quote = 'We now expect operating profit for the full year to be about 2.1 billion, a year-on-year increase of 12%.';
    const claim = 'The airline reported strong results but the group expects a year-on-year decrease of 12% in operating profit for the full year.';
    expect(conflicts(claim, [quote])).toEqual([{ kind: 'antonym', reason: "'decrease' vs 'increase'", quote: 0 }]);
    expect(kinds('The airline expects a year-on-year increase of 12% in operating profit for the full year.', [quote])).toEqual([]);
  });

  it('flags a verb beside the same words in another order, and only with the rule on', () => {
    const quote = 'After a long debate in the council chamber the plan for the new stadium was rejected by the committee.';
    const claim = 'The committee approved the plan for the new stadium after a long debate in the council chamber.';
    expect(kinds(claim, [quote], { oppositeCoverage: 2 })).toContain('antonym');
    expect(kinds(claim, [quote], { oppositeCoverage: 2, neighbourOpposites: false })).not.toContain('antonym');
  });

  it('reads "down 3.5%" against "up 3.5%" as opposite directions of one figure', () => {
    const quote = 'Shares in the bank closed at $41.20 on Friday, up 3.5%.';
    expect(conflicts('Shares in the bank closed at $41.20 on Friday, down 3.5% on the day after the results.', [quote])).toEqual([
      { kind: 'antonym', reason: "'down 3.5%' vs 'up 3.5%'", quote: 0 },
    ]);
    expect(kinds('Shares in the bank closed at $41.20 on Friday, up 3.5% on the day after the results.', [quote])).toEqual([]);
  });

  it('does not flag an opposite in a sentence that shares too few words', () => {
    expect(kinds('Revenue decreased to $4.1 billion.', ['The company said costs were $4.1 billion, an increase.'])).not.toContain('antonym');
  });
});

describe('numbers and names in the window', () => {
  const BUDGET = 'For road repairs next year, the city council approved a £15 million budget.';
  const CONTRACT = 'After a long tender, the council said, Skanska was awarded the contract for the new bridge.';

  it('flags a figure the quote gives otherwise, in another order', () => {
    expect(conflicts('The council approved a budget of £12 million for road repairs in the city next year.', [BUDGET])).toEqual([
      { kind: 'numeric', reason: "'£12 million' vs '£15 million'", quote: 0 },
    ]);
  });

  it('leaves the same figure, and one a quote states elsewhere', () => {
    expect(kinds('The council approved a budget of £15 million for road repairs in the city next year.', [BUDGET])).toEqual([]);
    expect(kinds('The council approved a budget of £12 million for road repairs in the city next year.', [BUDGET, 'A further £12 million went to schools.'])).not.toContain('numeric');
  });

  it('flags a name where the quote names another one, in another order', () => {
    expect(conflicts('The contract for the new bridge was awarded to Balfour after a long tender, the council said.', [CONTRACT])).toEqual([
      { kind: 'entity', reason: "'Balfour' vs 'Skanska'", quote: 0 },
    ]);
    expect(kinds('The contract for the new bridge was awarded to Balfour after a long tender, the council said.', [CONTRACT], { windowValues: false })).not.toContain('entity');
  });

  it('leaves the same name, and a name the quotes also write', () => {
    expect(kinds('The contract for the new bridge was awarded to Skanska after a long tender, the council said.', [CONTRACT])).toEqual([]);
    expect(kinds('The contract for the new bridge was awarded to Balfour after a long tender, the council said.', [CONTRACT, 'Balfour also bid.'])).not.toContain('entity');
  });
});

describe('opposites written with a prefix or suffix, and general pairs', () => {
  it('reads un-, in-/im-/il-/ir-, dis-, de- and -less/-ful as negating their base', () => {
    for (const [a, b] of [
      ['unaware', 'aware'],
      ['inaccurate', 'accurate'],
      ['impossible', 'possible'],
      ['illegal', 'legal'],
      ['irrelevant', 'relevant'],
      ['dislike', 'like'],
      ['deregulate', 'regulate'],
      ['careless', 'careful'],
    ]) {
      expect(areOpposites(a!, b!, F), `${a}/${b}`).toBe(true);
      expect(areOpposites(b!, a!, F), `${b}/${a}`).toBe(true);
    }
  });

  it('does not read a prefix that makes another word as a negation', () => {
    for (const [a, b] of [
      ['discover', 'cover'],
      ['disclose', 'close'],
      ['increase', 'crease'],
      ['install', 'stall'],
      ['invaluable', 'valuable'],
      ['income', 'come'],
      ['design', 'sign'],
      ['understand', 'stand'],
    ]) {
      expect(areOpposites(a!, b!, F), `${a}/${b}`).toBe(false);
    }
  });

  it('knows general opposites WordNet does not link (before/after, gain/loss, significant/slight)', () => {
    expect(areOpposites('before', 'after', F)).toBe(true);
    expect(areOpposites('gains', 'losses', F)).toBe(true);
    expect(areOpposites('significant', 'slight', F)).toBe(true);
    expect(areOpposites('significant', 'important', F)).toBe(false);
  });

  it('flags a prefixed opposite against its quote, and not the same word', () => {
    expect(kinds('The report found the figures were inaccurate, officials said.', ['Officials said the report found the figures were accurate.'])).toContain('antonym');
    expect(kinds('The report found the figures were accurate, officials said.', ['Officials said the report found the figures were accurate.'])).toEqual([]);
  });
});
