import { describe, expect, it } from 'vitest';
import { compareTexts } from '../src/index.js';

const kind = (a: string, b: string) => compareTexts(a, b)?.kind;

describe('negation', () => {
  it('flags a text that negates what the other asserts', () => {
    expect(compareTexts('TikTok shares user data with the Chinese government', 'TikTok has never shared user data with the Chinese government')).toEqual({
      kind: 'negation',
      reason: "'never shared' negates what the other text states",
      expected: '(affirmed)',
      actual: 'never shared',
    });
    expect(kind('Kanter said no user data goes to China', 'Kanter said user data goes to China')).toBe('negation');
    expect(kind("TikTok doesn't send user data to ByteDance in China", 'TikTok sends user data to ByteDance in China')).toBe('negation');
    expect(kind('TikTok denied sharing user data with the Chinese government', 'TikTok shared user data with the Chinese government')).toBe('negation');
    expect(kind('TikTok refused to hand over user data', 'TikTok handed over user data')).toBe('negation');
    expect(kind('Nobody from the committee attended the hearing', 'Somebody from the committee attended the hearing')).toBe('negation');
  });

  it('counts "nor" as the same negation, not a second one', () => {
    expect(kind('TikTok would not share data, nor would it hand over data', 'TikTok would share data and hand over data')).toBe('negation');
  });

  it('lets the affirmative text be more specific than the negated one', () => {
    expect(kind('There is no dog running in the park', 'Two brown dogs are running in the park')).toBe('negation');
    expect(kind('There is no dog running in the park', 'Two brown dogs are running fast in the big park')).toBeUndefined();
  });

  it('does not flag a negated text that is more specific than the affirmative one', () => {
    expect(kind('TikTok did not share data with the Chinese government', 'TikTok shared data')).toBeUndefined();
  });

  it('does not flag texts that both negate, or phrases that do not negate', () => {
    expect(kind('TikTok has never shared user data', 'TikTok has not shared user data')).toBeUndefined();
    expect(kind('TikTok is not only a video app', 'TikTok is a video app')).toBeUndefined();
    expect(kind('There is no doubt TikTok collects user data', 'TikTok collects user data')).toBeUndefined();
  });

  it('does not flag texts about different things', () => {
    expect(kind('TikTok has never shared user data with the Chinese government', 'ByteDance shares user data with the Chinese government')).toBeUndefined();
    expect(kind('The committee did not publish the letter', 'The committee published the report')).toBeUndefined();
  });
});
