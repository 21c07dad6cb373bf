import { describe, expect, it } from 'vitest';
import { compareTexts, extractDates } from '../src/index.js';

const span = (text: string) => extractDates(text).map((d) => [d.text, d.from, d.to]);

describe('extractDates', () => {
  it('reads months, days, years and ISO dates as inclusive intervals', () => {
    expect(span('In April 2020 a message was sent')).toEqual([['April 2020', '2020-04-01', '2020-04-30']]);
    expect(span('in December 2022')).toEqual([['December 2022', '2022-12-01', '2022-12-31']]);
    expect(span('by the end of 2027')).toEqual([['2027', '2027-01-01', '2027-12-31']]);
    expect(span('on 2022-08-03')).toEqual([['2022-08-03', '2022-08-03', '2022-08-03']]);
    expect(span('on 3 August 2022')).toEqual([['3 August 2022', '2022-08-03', '2022-08-03']]);
    expect(span('on August 3, 2022')).toEqual([['August 3, 2022', '2022-08-03', '2022-08-03']]);
    expect(span('the 2020 election')).toEqual([['2020', '2020-01-01', '2020-12-31']]);
    expect(span('February 2024 had 29 days')[0]).toEqual(['February 2024', '2024-02-01', '2024-02-29']);
  });

  it('opens the interval after since/before and spans between … and', () => {
    expect(span('since 2019')).toEqual([['since 2019', '2019-01-01', '9999-12-31']]);
    expect(span('before March 2020')).toEqual([['before March 2020', '0001-01-01', '2020-03-31']]);
    expect(span('between 2019 and 2021')).toEqual([['between 2019 and 2021', '2019-01-01', '2021-12-31']]);
  });

  it('leaves counts, the verb "may" and impossible days alone', () => {
    expect(extractDates('2000 users signed up')).toEqual([]);
    expect(extractDates('employees may have access')).toEqual([]);
    expect(span('on 31 April 2022')).toEqual([['April 2022', '2022-04-01', '2022-04-30']]);
  });

  it('keeps a day without a year apart from other days', () => {
    expect(extractDates('on July 4th')[0]).toMatchObject({ from: '0001-01-01', to: '9999-12-31', yearless: '07-04' });
  });
});

describe('date conflicts', () => {
  it('flags the same event on days that cannot overlap', () => {
    expect(compareTexts('The UK Parliament closed its TikTok account in August 2022', 'The UK Parliament closed its TikTok account in August 2023')).toEqual({
      kind: 'date',
      reason: "'August 2022' vs 'August 2023'",
      expected: 'August 2022',
      actual: 'August 2023',
    });
    expect(compareTexts('TikTok closed the account on 2022-08-03', 'TikTok closed the account on 4 August 2022')?.kind).toBe('date');
    expect(compareTexts('The fireworks were shot off on July 4th', 'The fireworks were shot off on July 11th')?.kind).toBe('date');
  });

  it('does not flag dates that overlap or are open', () => {
    expect(compareTexts('TikTok closed the account in August 2022', 'TikTok closed the account on 3 August 2022')).toBeUndefined();
    expect(compareTexts('The government will ban the app by 2027', 'The government will ban the app in 2025')).toBeUndefined();
    expect(compareTexts('TikTok has operated in the UK since 2019', 'TikTok has operated in the UK in 2021')).toBeUndefined();
  });

  it('does not compare the dates of different events', () => {
    expect(compareTexts('Parliament opened a TikTok account in 2022', 'TikTok was founded in 2016')).toBeUndefined();
    expect(compareTexts('A message was sent to Kanter in April 2020', 'A letter was sent to the speakers in August 2022')).toBeUndefined();
  });
});
