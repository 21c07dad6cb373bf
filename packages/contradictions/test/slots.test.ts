// The claim-against-evidence rules that set a value of the claim against the value a quote gives in
// the same slot: figures with open bounds, quarters, years, dates open at one end, names and common
// nouns of one kind (sister terms) beside the same words, and the way a figure moved.
import { describe, expect, it } from 'vitest';
import { analyse, evidenceConflicts } from '../src/index.js';
import type { EvidenceRuleOptions } from '../src/index.js';
import { areSisters, hasKind } from '../src/kinds.js';

const found = (claim: string, quotes: string[], options: Partial<EvidenceRuleOptions> = {}) => evidenceConflicts(claim, quotes, options);
const conflicts = (claim: string, quotes: string[], options: Partial<EvidenceRuleOptions> = {}) => found(claim, quotes, options).filter((f) => f.kind !== 'unsupported');
const kinds = (claim: string, quotes: string[], options: Partial<EvidenceRuleOptions> = {}) => conflicts(claim, quotes, options).map((f) => f.kind);
const unsupported = (claim: string, quotes: string[]) => found(claim, quotes).find((f) => f.kind === 'unsupported')?.reason;

describe('a figure with an open bound stands for no smaller figure', () => {
  const QUOTE =
    'The council expects its debt to fall below £25 million by March, and it will raise the weekly allowance for carers to £1.30 an hour, the leader said.';

  it('flags a figure that an open bound of another figure used to hide', () => {
    const claim = 'The council will raise the weekly allowance for carers to £1.40 an hour and expects its debt to fall below £25 million.';
    expect(conflicts(claim, [QUOTE])).toEqual([{ kind: 'numeric', reason: "'£1.40' vs '£1.30'", quote: 0 }]);
    expect(unsupported(claim, [QUOTE])).toBe("'£1.40' is in no quote");
  });

  it('leaves the claim that gives the quote figures', () => {
    expect(found('The council will raise the allowance for carers to £1.30 an hour and expects its debt to fall below £25 million.', [QUOTE])).toEqual([]);
  });

  it('flags bounds of opposite kinds at one figure', () => {
    expect(conflicts('The council expects its debt to stay above £25 million by March.', [QUOTE])).toEqual([
      { kind: 'numeric', reason: "'above £25 million' vs 'below £25 million'", quote: 0 },
    ]);
  });

  it('calls bounds of one kind at different figures unsupported, never a conflict: one may imply the other', () => {
    expect(found('The council expects its debt to fall below £26 million by March.', [QUOTE])).toEqual([{ kind: 'unsupported', reason: "'below £26 million' is in no quote" }]);
    const quote = 'More than 1,200 people were evacuated from the town as the river rose.';
    expect(found('More than 1,000 people were evacuated from the town.', [quote])).toEqual([{ kind: 'unsupported', reason: "'More than 1,000' is in no quote" }]);
  });

  it('reads "more than" and "over" at one figure as one bound, and close bounds as one figure', () => {
    const quote = 'More than 1,000 residents signed the petition against the closure of the library.';
    expect(found('Over 1,000 residents signed the petition against the library closure.', [quote])).toEqual([]);
    expect(found('Over 1,005 residents signed the petition against the library closure.', [quote])).toEqual([]);
  });

  it('does not count a percentage as the mention of a count of days', () => {
    const quote = 'Subscribers can cancel within 14 days, and prices rise by up to 50% next year, the company said.';
    expect(unsupported('Subscribers can cancel within 30 days, the company said.', [quote])).toBe("'30' is in no quote");
    expect(conflicts('Subscribers can cancel within 30 days, the company said.', [quote])).toEqual([{ kind: 'numeric', reason: "'30' vs '14'", quote: 0 }]);
  });
});

describe('quarters, years and dates in the same slot', () => {
  it('reads "Q3" and "3Q" as the third quarter', () => {
    const quantities = (text: string) => analyse(text).items.filter((it) => it.kind === 'quantity').map((it) => [it.quantity!.value, it.quantity!.unit, it.quantity!.ordinal]);
    expect(quantities('Profit rose in Q3 and fell in 4Q.')).toEqual([
      [3, 'quarter', true],
      [4, 'quarter', true],
    ]);
    expect(unsupported('Profit rose in Q3.', ['Profit rose in the third quarter.'])).toBeUndefined();
    expect(unsupported('Profit rose in Q2.', ['Profit rose in the third quarter.'])).toBe("'Q2' is in no quote");
  });

  it('reads a year before a verb in -s as a year', () => {
    const dates = (text: string) => analyse(text).items.filter((it) => it.kind === 'date').map((it) => it.date!.text);
    expect(dates('The forecast for 2021 remains unchanged.')).toEqual(['2021']);
    expect(dates('The club sold 2021 tickets.')).toEqual([]);
  });

  it('flags a year in place of the quote year beside the same words', () => {
    const quote = 'Our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion.';
    expect(conflicts('The sales forecast for 2020 remains between $1.7 billion and $1.8 billion.', [quote])).toEqual([{ kind: 'date', reason: "'2020' vs '2021'", quote: 0 }]);
    expect(kinds('The sales forecast for 2021 remains between $1.7 billion and $1.8 billion.', [quote])).toEqual([]);
  });

  it('does not set a year against one the claim also gives', () => {
    const quote = 'Our sales forecast for 2021 remains in the range of $1.7 billion to $1.8 billion.';
    expect(kinds('The sales forecast for 2020 and for 2021 remains between $1.7 billion and $1.8 billion.', [quote])).not.toContain('date');
  });

  it('never sets an open date against another open the same way', () => {
    expect(found('Prices have risen since 2022, the data show.', ['Prices have risen since March 2022, the data show.'])).toEqual([]);
    expect(kinds('The offer is valid for customers who sign up before 30 August 2022.', ['The offer is valid for customers who sign up before 31 August 2022.'])).toEqual([]);
  });
});

describe('a name in the slot of another name', () => {
  const QUOTE = 'The final will be played between the Tigers and the Lions on Sunday afternoon in the capital.';

  it('flags a name the quotes never write where they write another beside the same name', () => {
    expect(conflicts('The final on Sunday will be played between the Eagles and the Lions.', [QUOTE])).toEqual([{ kind: 'entity', reason: "'Eagles' vs 'Tigers'", quote: 0 }]);
  });

  it('leaves the names in another order, and a name that no quote name stands beside', () => {
    expect(found('The final on Sunday will be played between the Lions and the Tigers.', [QUOTE])).toEqual([]);
    expect(kinds('The Eagles did not reach the final on Sunday.', [QUOTE])).not.toContain('entity');
  });
});

describe('sister terms: another thing of the same narrow kind', () => {
  it('knows sister terms from WordNet, and not synonyms, kinds or abstract nouns', () => {
    expect(areSisters('museum', 'library')).toBe(true);
    expect(areSisters('beer', 'wine')).toBe(true);
    expect(areSisters('paintings', 'sculptures')).toBe(true);
    expect(areSisters('car', 'truck')).toBe(true);
    // Synonyms share a sense; a kind is no sister of its members.
    expect(areSisters('car', 'automobile')).toBe(false);
    expect(areSisters('man', 'person')).toBe(false);
    expect(areSisters('wine', 'beverage')).toBe(false);
    // Abstract nouns and words used mostly as verbs have none.
    expect(hasKind('research')).toBe(false);
    expect(hasKind('offer')).toBe(false);
    expect(areSisters('research', 'study')).toBe(false);
  });

  const QUOTE = 'Volunteers will reopen the old museum on the high street next month, the council said.';

  it('flags a noun the quotes never write where they write its sister between the same words', () => {
    expect(conflicts('The council said volunteers will reopen the old library on the high street.', [QUOTE])).toEqual([
      { kind: 'entity', reason: "'library' vs 'museum'", quote: 0 },
    ]);
  });

  it('leaves a sister that fills no shared slot, a synonym, and the rule switched off', () => {
    expect(kinds('The library on the corner closed last year.', [QUOTE])).toEqual([]);
    expect(kinds('The council said volunteers will reopen the old museum on the high street.', [QUOTE])).toEqual([]);
    expect(kinds('The council said volunteers will reopen the old library on the high street.', [QUOTE], { sisterTerms: false })).toEqual([]);
  });

  it('leaves opposite nouns to the antonym rule', () => {
    expect(kinds('The council said a woman will reopen the old museum on the high street.', ['The council said a man will reopen the old museum on the high street.'])).not.toContain('entity');
  });
});

describe('the way a figure moved, written before or after it', () => {
  const QUOTE = 'Third-quarter earnings per share were $0.34, up 17% from $0.29 a year earlier.';

  it('flags "decreased by 17%" against "up 17%"', () => {
    expect(conflicts('Earnings per share decreased by 17% from a year earlier.', [QUOTE])).toEqual([{ kind: 'antonym', reason: "'down 17%' vs 'up 17%'", quote: 0 }]);
  });

  it('flags "17% lower" against "up 17%", and leaves the same way', () => {
    expect(kinds('Earnings per share were 17% lower than a year earlier.', [QUOTE])).toContain('antonym');
    expect(kinds('Earnings per share rose by 17% from a year earlier.', [QUOTE])).toEqual([]);
    expect(kinds('Earnings per share were 17% higher than a year earlier.', [QUOTE])).toEqual([]);
  });
});

describe('small counts written as words', () => {
  const QUOTE = 'Three ministers resigned from the cabinet on Thursday over the budget.';

  it('flags a count in words against another in the same slot, without calling it unsupported', () => {
    expect(conflicts('Two ministers resigned from the cabinet on Thursday.', [QUOTE])).toEqual([{ kind: 'numeric', reason: "'Two' vs 'Three'", quote: 0 }]);
    expect(unsupported('Two ministers resigned from the cabinet on Thursday.', [QUOTE])).toBeUndefined();
  });

  it('leaves the same count', () => {
    expect(found('Three ministers resigned from the cabinet on Thursday.', [QUOTE])).toEqual([]);
  });
});

describe('how close a quote clause must be, and what a cue governs', () => {
  it('compares a value in a quote clause that shares its words in another order', () => {
    const quote = 'To thank readers, the paper is offering a 10% discount on the first year of a subscription until Friday.';
    const claim = 'Readers can get the paper at a discounted rate of 5% on the first year of a subscription.';
    expect(conflicts(claim, [quote])).toEqual([{ kind: 'numeric', reason: "'5%' vs '10%'", quote: 0 }]);
    expect(kinds('Readers can get the paper at a discounted rate of 10% on the first year of a subscription.', [quote])).toEqual([]);
  });

  it('reads a cue elsewhere in a long clause as no negation of the figure', () => {
    const quote = 'First-quarter earnings per share were $3.50, up 40.6% from last year.';
    const claim = 'Earnings per share were $3.50 in the first quarter, down 40.6% from last year, which shows the company has not recovered.';
    expect(kinds(claim, [quote])).toContain('antonym');
    // A cue right before the figure governs it: "not up 40.6%" may be "down".
    expect(kinds('Earnings per share were $3.50 in the first quarter, and not down 40.6% from last year.', [quote])).not.toContain('antonym');
  });

  it('reads "exceed" as a lower bound, and "not exceed" as an upper one', () => {
    const quote = 'The company now expects raw material costs to exceed 10% for the fiscal year.';
    expect(conflicts('Raw material costs are expected to stay below 10% for the fiscal year.', [quote])).toEqual([
      { kind: 'numeric', reason: "'below 10%' vs 'exceed 10%'", quote: 0 },
    ]);
    expect(found('Raw material costs are expected to be more than 10% for the fiscal year.', [quote])).toEqual([]);
    expect(found('The firm said losses would not exceed $50 million.', ['The firm said losses would be no more than $50 million.'])).toEqual([]);
    expect(found("The firm said losses won't exceed $50 million.", ['The firm said losses would be no more than $50 million.'])).toEqual([]);
  });

  it('does not let a bound stand for a figure far above it', () => {
    const quotes = ['Full-year earnings are now expected to be at least $6 per share.', 'First-quarter earnings per share were $5.52, against a loss a year earlier.'];
    expect(unsupported('First-quarter earnings per share were $10.52, against a loss a year earlier.', quotes)).toBe("'$10.52' is in no quote");
    expect(conflicts('First-quarter earnings per share were $10.52, against a loss a year earlier.', quotes)).toEqual([{ kind: 'numeric', reason: "'$10.52' vs '$5.52'", quote: 1 }]);
    // A bound near a figure is that figure, as a claim may round it: "more than $5" for $5.52.
    expect(unsupported('First-quarter earnings per share were more than $5, against a loss a year earlier.', quotes)).toBeUndefined();
  });
});

describe('faithful paraphrases that the same-slot rules leave alone', () => {
  it('two figures of one value moving both ways, in another order', () => {
    expect(kinds('Sales in Europe fell 4% while sales in Asia rose 4%.', ['Sales rose 4% in Asia but fell 4% in Europe.'])).toEqual([]);
    expect(kinds('Costs in the unit were down 5% while sales in the unit were up 5%.', ['Sales in the unit rose 5% and costs in the unit fell 5%.'])).toEqual([]);
  });

  it('a sister term news writing uses for the other, and a noun a number counts', () => {
    expect(kinds('He was sentenced to five years in jail for fraud.', ['He was sentenced to five years in prison for fraud.'])).toEqual([]);
    expect(kinds('The migrants were rescued after their boat capsized off the coast.', ['The migrants were rescued after their ship capsized off the coast.'])).toEqual([]);
    expect(kinds('The conflict lasted a decade, the report said.', ['The conflict lasted ten years, the report said.'])).toEqual([]);
    expect(kinds('The strike lasted a month at the plant.', ['The strike lasted four weeks at the plant.'])).toEqual([]);
  });

  it('reads plurals by their real singular', () => {
    expect(areSisters('rates', 'mice')).toBe(false);
    expect(areSisters('mates', 'rug')).toBe(false);
    expect(areSisters('churches', 'temples')).toBe(true);
    expect(areSisters('jail', 'prisons')).toBe(false);
  });
});

describe('rounding, name parts, and figures beside opposites', () => {
  it('reads a figure written to fewer places as the other rounded, and no further', () => {
    const quote = 'Revenue climbed 5.4% to $2.31 billion in the first quarter, the company said.';
    expect(found('Revenue rose to $2.3 billion in the first quarter.', [quote])).toEqual([]);
    expect(conflicts('Revenue rose to $2.4 billion in the first quarter.', [quote])).toEqual([{ kind: 'numeric', reason: "'$2.4 billion' vs '$2.31 billion'", quote: 0 }]);
    // 5.4% rounds to 5%, not to 6%.
    expect(kinds('Revenue climbed 5% to $2.31 billion in the first quarter.', [quote])).toEqual([]);
    expect(kinds('Revenue climbed 6% to $2.31 billion in the first quarter.', [quote])).toEqual(['numeric']);
  });

  it('does not set a given name against another name when a quote names the person by surname', () => {
    const quote = 'Prime Minister Sunak said taxes would come down, speaking in London on Monday.';
    expect(kinds("Britain's prime minister, Rishi Sunak, said taxes would fall on Monday.", [quote])).not.toContain('entity');
    // A name part in the place of another part of the same name is still set against it.
    expect(kinds('Sales in South America rose on Monday, the company said.', ['Sales in North America rose on Monday, the company said.'])).toContain('entity');
  });

  it('reads opposites beside different figures as two things', () => {
    expect(kinds('Wine exports fell 10%, while beer exports rose 2%.', ['Beer exports increased 2% and wine exports dropped 10%.'])).toEqual([]);
    expect(kinds('Oil prices fell 3% on Monday after rising 2% on Friday.', ['After a 2% gain on Friday, oil prices dropped 3% on Monday.'])).toEqual([]);
  });

  it('reads "2.1%, down from 2.5%" as where a fall ended, not a fall of 2.1%', () => {
    expect(kinds('Growth in the second quarter was 2.1%, down from 2.5% in Q1.', ['The economy grew 2.1% in Q2, slower than the 2.5% pace of the first quarter.'])).toEqual([]);
  });

  it('counts a date both clauses write as a shared word', () => {
    expect(conflicts('Unemployment rose above 5% in 2022.', ['Unemployment fell below 5% in 2022, the agency said.'])).toEqual([
      { kind: 'numeric', reason: "'above 5%' vs 'below 5%'", quote: 0 },
    ]);
  });
});

describe('names that are parts of other names, units, and "ruled out"', () => {
  it('takes no part of a name the claim writes elsewhere, nor a unit, for another name', () => {
    expect(kinds('The Olympics opened on 26 July with a ceremony on the Seine.', ['The opening ceremony took place on the River Seine on July 26.'])).toEqual([]);
    expect(kinds('The heatwave in India pushed temperatures above 50C in Delhi.', ['Temperatures in Delhi passed 50 degrees Celsius during the heatwave.'])).toEqual([]);
  });

  it('still sets one part of a product name against another beside the same part', () => {
    const quote = 'The bundle includes CloudTrek Connect and CloudTrek Workspace for one monthly price.';
    expect(kinds('The bundle includes CloudTrek Connect and CloudTrek DataVault for one monthly price.', [quote])).toEqual(['entity']);
  });

  it('reads "ruled out" as carrying its own negation', () => {
    expect(kinds('Albanese said Australia would not send troops.', ["Albanese ruled out sending Australian troops, saying: 'We will not be deploying troops.'"])).toEqual([]);
  });
});

describe('numbered names, levels reached, and dates a few words away', () => {
  it('sets a number after a label against another after the same label', () => {
    expect(conflicts('Hurricane Helene made landfall in Florida as a Category 2 storm.', ["Helene came ashore in Florida's Big Bend region as a Category 4 hurricane."])).toEqual([
      { kind: 'entity', reason: "'Category 2' vs 'Category 4'", quote: 0 },
    ]);
    expect(found('Under Article 50 the talks last two years.', ['The talks under Article 50 last two years.'])).toEqual([]);
    // Never unsupported: a numbered name is not a figure the quote must give.
    expect(kinds('Hurricane Helene hit Florida as a Category 4 storm, officials said.', ['Officials said Helene hit Florida.'])).toEqual([]);
    expect(unsupported('Hurricane Helene hit Florida as a Category 4 storm, officials said.', ['Officials said Helene hit Florida.'])).not.toContain("'4'");
  });

  it('compares a level reached with a level reached, not with the size of a change', () => {
    expect(conflicts('The jobless rate fell to 4.1% in June, the department said.', ['In June the jobless rate climbed to 4.1%, the department said.'])).toEqual([
      { kind: 'antonym', reason: "'fell to 4.1%' vs 'rose to 4.1%'", quote: 0 },
    ]);
    expect(kinds('The jobless rate fell to 4.1% in June, the department said.', ['The jobless rate reached 4.1% in June, up 0.2 points, the department said.'])).toEqual([]);
  });

  it('sets a date against the quote date three words away', () => {
    expect(conflicts('OpenAI released GPT-4 in November 2022.', ['GPT-4 was launched by OpenAI in March 2023.'])).toEqual([{ kind: 'date', reason: "'November 2022' vs 'March 2023'", quote: 0 }]);
    expect(kinds('OpenAI released GPT-4 in March 2023.', ['GPT-4 was launched by OpenAI in March 2023.'])).toEqual([]);
  });
});
