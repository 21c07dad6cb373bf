import { describe, expect, it } from 'vitest';
import { wordChanges } from '../src/word-changes.js';

describe('wordChanges (how update --accept lists a new wording)', () => {
  it('names replaced, added and removed words', () => {
    expect(wordChanges('locked days after', 'locked weeks after')).toBe('"days" → "weeks"');
    expect(wordChanges('deleted, days after', 'deleted, only days after')).toBe('added "only"');
    expect(wordChanges('closed down its account', 'closed its account')).toBe('removed "down"');
  });

  it('says so when only whitespace changed', () => {
    expect(wordChanges('closed  its account', 'closed its\naccount')).toBe('whitespace only');
  });
});
