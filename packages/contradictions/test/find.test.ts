import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTRADICTION_OPTIONS, findContradictions } from '../src/index.js';
import { entities, input, makeClaim } from './helpers.js';

const SHARES = 'TikTok shares user data with the Chinese government';
const NEVER = 'TikTok has never shared user data with the Chinese government';

describe('findContradictions: severity', () => {
  it('makes an unacknowledged conflict between supported claims an error', () => {
    const found = findContradictions(input([makeClaim({ id: 'shares', claim: SHARES }), makeClaim({ id: 'never', claim: NEVER })]));
    expect(found).toEqual([{ claims: ['shares', 'never'], kind: 'negation', severity: 'error', reason: "'never shared' negates what the other text states" }]);
  });

  it('makes a conflict involving a disputed or unverified claim a warning', () => {
    for (const verdict of ['disputed', 'unverified'] as const) {
      const found = findContradictions(input([makeClaim({ id: 'shares', claim: SHARES }), makeClaim({ id: 'never', claim: NEVER, verdict })]));
      expect(found.map((f) => f.severity)).toEqual(['warning']);
    }
  });

  it('turns an acknowledged conflict (on either claim) into info with the reason', () => {
    for (const side of ['first', 'second'] as const) {
      const ack = [{ with: side === 'first' ? 'never' : 'shares', reason: 'Both statements are on the record.' }];
      const claims = [
        makeClaim({ id: 'shares', claim: SHARES, ...(side === 'first' ? { conflicts: ack } : {}) }),
        makeClaim({ id: 'never', claim: NEVER, ...(side === 'second' ? { conflicts: ack } : {}) }),
      ];
      const [finding] = findContradictions(input(claims));
      expect(finding).toMatchObject({ severity: 'info', acknowledged: 'Both statements are on the record.' });
    }
  });

  it('expects a refuted claim to contradict its counterpart: no finding', () => {
    const claims = [makeClaim({ id: 'shares', claim: SHARES }), makeClaim({ id: 'never', claim: NEVER, verdict: 'refuted' })];
    expect(findContradictions(input(claims))).toEqual([]);
  });
});

describe('findContradictions: a claim against its own evidence', () => {
  const quote = 'A spokesperson said TikTok has never shared user data with the Chinese government.';

  it('flags a supported claim whose quote says the opposite as an error', () => {
    const found = findContradictions(input([makeClaim({ id: 'shares', claim: SHARES, quotes: [{ source: 'guardian', quote }] })]));
    expect(found).toEqual([
      { claims: ['shares', 'shares'], kind: 'negation', severity: 'error', reason: "'never shared' negates what the other text states", evidence: { source: 'guardian', quote } },
    ]);
  });

  it('makes it a warning for a disputed claim, and nothing for a refuted one', () => {
    const disputed = findContradictions(input([makeClaim({ id: 'shares', claim: SHARES, verdict: 'disputed', quotes: [quote] })]));
    expect(disputed.map((f) => f.severity)).toEqual(['warning']);
    expect(findContradictions(input([makeClaim({ id: 'shares', claim: SHARES, verdict: 'refuted', quotes: [quote] })]))).toEqual([]);
  });

  it('does not flag a quote cited against its claim (stance: against), whatever the verdict', () => {
    for (const verdict of ['supported', 'disputed', 'unverified'] as const) {
      const claim = makeClaim({ id: 'shares', claim: SHARES, verdict, quotes: [{ source: 'guardian', quote, stance: 'against' }] });
      expect(findContradictions(input([claim]))).toEqual([]);
    }
    // The same quote cited for the claim is still flagged.
    const forIt = makeClaim({ id: 'shares', claim: SHARES, verdict: 'disputed', quotes: [{ source: 'guardian', quote, stance: 'for' }] });
    expect(findContradictions(input([forIt])).map((f) => f.evidence)).toEqual([{ source: 'guardian', quote }]);
  });

  it('does not flag a quote that supports its claim, or a long quote that says more', () => {
    const supporting = makeClaim({ id: 'ok', claim: NEVER, quotes: [quote] });
    const longer = makeClaim({
      id: 'long',
      claim: SHARES,
      quotes: ['Critics say the company has never been open about how often engineers in Beijing shared user data with the Chinese government in private.'],
    });
    expect(findContradictions(input([supporting]))).toEqual([]);
    expect(findContradictions(input([longer]))).toEqual([]);
  });

  it('checks each sentence of a quote on its own', () => {
    const claim = makeClaim({
      id: 'closed',
      claim: 'The UK Parliament closed its TikTok account',
      quotes: ['Critics had asked for it. The UK Parliament opened its TikTok account; it was praised.'],
    });
    expect(findContradictions(input([claim])).map((f) => [f.kind, f.evidence?.source])).toEqual([['antonym', 'source']]);
  });

  it('can be turned off', () => {
    const claim = makeClaim({ id: 'shares', claim: SHARES, quotes: [quote] });
    expect(findContradictions(input([claim]), { checkEvidence: false })).toEqual([]);
  });
});

describe('findContradictions: pairs', () => {
  it('finds each rule kind between claims and sorts by claim order, then kind', () => {
    const claims = [
      makeClaim({ id: 'users-a', claim: 'TikTok has more than 1 billion users worldwide' }),
      makeClaim({ id: 'closed', claim: 'The UK Parliament closed its TikTok account in August 2022' }),
      makeClaim({ id: 'users-b', claim: 'TikTok has 800 million users worldwide' }),
      makeClaim({ id: 'opened', claim: 'The UK Parliament opened its TikTok account in August 2022' }),
      makeClaim({ id: 'closed-2023', claim: 'The UK Parliament closed its TikTok account in August 2023' }),
    ];
    const found = findContradictions(input(claims));
    expect(found.map((f) => [f.claims, f.kind])).toEqual([
      [['users-a', 'users-b'], 'numeric'],
      [['closed', 'opened'], 'antonym'],
      [['closed', 'closed-2023'], 'date'],
    ]);
  });

  it('reports one finding per pair and kind, and keeps different kinds apart', () => {
    const claims = [
      makeClaim({ id: 'a', claim: SHARES, quotes: [NEVER, `${NEVER}, it said`], fact: { subject: 'tiktok', property: 'accessible-from-china', value: 'yes' } }),
      makeClaim({ id: 'b', claim: NEVER, fact: { subject: 'TikTok', property: 'accessible-from-china', value: 'no' } }),
    ];
    const found = findContradictions(input(claims));
    expect(found.map((f) => [f.claims, f.kind, f.evidence === undefined])).toEqual([
      [['a', 'a'], 'negation', false],
      [['a', 'b'], 'structured', true],
      [['a', 'b'], 'negation', true],
    ]);
  });

  it('runs only the kinds asked for', () => {
    const claims = [
      makeClaim({ id: 'a', claim: SHARES, fact: { subject: 'tiktok', property: 'accessible-from-china', value: 'yes' } }),
      makeClaim({ id: 'b', claim: NEVER, fact: { subject: 'tiktok', property: 'accessible-from-china', value: 'no' } }),
    ];
    expect(findContradictions(input(claims), { kinds: ['structured'] }).map((f) => f.kind)).toEqual(['structured']);
    expect(findContradictions(input(claims), { kinds: ['negation'] }).map((f) => f.kind)).toEqual(['negation']);
    expect(DEFAULT_CONTRADICTION_OPTIONS.kinds).toEqual(['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported']);
  });

  it('reads entity aliases in claim texts as one name', () => {
    const known = entities([{ id: 'bytedance', name: 'ByteDance', aliases: ["TikTok's parent company"] }]);
    const claims = [
      makeClaim({ id: 'a', claim: 'TikTok’s parent company shares user data with the Chinese government' }),
      makeClaim({ id: 'b', claim: 'ByteDance has never shared user data with the Chinese government' }),
    ];
    expect(findContradictions(input(claims, { entities: known })).map((f) => f.kind)).toEqual(['negation']);
    expect(findContradictions(input(claims))).toEqual([]);
  });

  it('compares only claims whose words nearly coincide, yet finds them among many', () => {
    const filler = Array.from({ length: 300 }, (_, i) => makeClaim({ id: `filler-${i}`, claim: `Committee ${i} discussed item ${i % 7} of the agenda today` }));
    const claims = [...filler.slice(0, 150), makeClaim({ id: 'shares', claim: SHARES }), ...filler.slice(150), makeClaim({ id: 'never', claim: NEVER })];
    expect(findContradictions(input(claims)).map((f) => f.claims)).toEqual([['shares', 'never']]);
  });
});

describe('findContradictions: the seed sources', () => {
  it("finds Elizabeth Kanter's two job titles", () => {
    const claims = [
      makeClaim({
        id: 'kanter-head',
        claim: 'Bloomberg reported that Elizabeth Kanter was head of government relations for the UK, Ireland, the Netherlands and Israel.',
        fact: { subject: 'elizabeth-kanter', property: 'job-title', value: 'TikTok’s head of government relations for the UK, Ireland, the Netherlands and Israel' },
      }),
      makeClaim({
        id: 'kanter-director',
        claim: 'Elizabeth Kanter is TikTok’s director of government relations.',
        fact: { subject: 'Elizabeth Kanter', property: 'job-title', value: 'TikTok’s director of government relations' },
      }),
    ];
    const known = entities([{ id: 'elizabeth-kanter', name: 'Elizabeth Kanter' }]);
    const found = findContradictions(input(claims, { entities: known }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ claims: ['kanter-head', 'kanter-director'], kind: 'structured', severity: 'error' });
  });

  it('finds "no user data goes to China" against staff in China having access', () => {
    const claims = [
      makeClaim({
        id: 'no-data-to-china',
        claim: 'Elizabeth Kanter said that no user data goes to China.',
        fact: { subject: 'tiktok-user-data', property: 'accessible-from-china', value: 'no' },
      }),
      makeClaim({
        id: 'china-staff-access',
        claim: 'Shou Zi Chew acknowledged that employees based in China may have access to TikTok user data.',
        fact: { subject: 'tiktok-user-data', property: 'accessible-from-china', value: 'yes' },
      }),
    ];
    const found = findContradictions(input(claims));
    expect(found.map((f) => [f.kind, f.reason])).toEqual([['structured', "accessible-from-china of tiktok-user-data: 'no' vs 'yes'"]]);
  });

  it('tells Rishi Sunak the former chancellor (2022-07) from Prime Minister (2023-03) by their dates', () => {
    const office = (id: string, value: string, when?: string) =>
      makeClaim({ id, claim: `Rishi Sunak is ${value}.`, fact: { subject: 'rishi-sunak', property: 'office', value, ...(when ? { when } : {}) } });
    expect(findContradictions(input([office('chancellor', 'the former chancellor', '2022-07'), office('pm', 'Prime Minister', '2023-03')]))).toEqual([]);
    const undated = findContradictions(input([office('chancellor', 'the former chancellor'), office('pm', 'Prime Minister')]));
    expect(undated.map((f) => [f.kind, f.severity])).toEqual([['structured', 'error']]);
  });

  it('does not flag paraphrases of the same report', () => {
    const claims = [
      makeClaim({
        id: 'letter-speakers',
        claim: 'The MPs and peers wrote a letter to the speakers of both Houses of Parliament.',
        quotes: ['flagged those concerns in a letter to the speakers of both Houses of Parliament'],
      }),
      makeClaim({
        id: 'letter-presiding',
        claim: 'The MPs and peers wrote a letter to the presiding officers of both houses of parliament.',
        quotes: ['tabled their worries through a letter to the presiding officers of both houses of parliament'],
      }),
      makeClaim({
        id: 'closed-bbc',
        claim: 'The UK Parliament closed its TikTok account.',
        quotes: ['The UK Parliament has closed down its TikTok account after MPs raised concerns'],
      }),
      makeClaim({
        id: 'closed-guardian',
        claim: 'The UK Parliament closed its TikTok account.',
        quotes: ['The UK parliament TikTok account has been closed and content deleted merely a week after it was opened.'],
      }),
      makeClaim({
        id: 'users-more-than',
        claim: 'TikTok has more than 1 billion users worldwide.',
        quotes: ['TikTok has more than 1 billion users worldwide and is owned by Chinese technology company ByteDance.'],
      }),
      makeClaim({ id: 'users-billion', claim: 'TikTok has 1 billion users.' }),
    ];
    expect(findContradictions(input(claims))).toEqual([]);
  });
});
