import { describe, expect, it } from 'vitest';
import { normalizeValue, structuredConflicts, subjectKey, entityNames } from '../src/index.js';
import { entities, input, makeClaim, properties } from './helpers.js';

const fact = (id: string, subject: string, property: string, value: string, when?: string) =>
  makeClaim({ id, fact: { subject, property, value, ...(when === undefined ? {} : { when }) } });

describe('structuredConflicts', () => {
  it('flags two values of a single-valued property for one subject', () => {
    const found = structuredConflicts(input([fact('a', 'kanter', 'job-title', 'head of government relations'), fact('b', 'kanter', 'job-title', 'director of government relations')]));
    expect(found).toEqual([
      {
        kind: 'structured',
        claims: ['a', 'b'],
        reason: "job-title of kanter: 'head of government relations' vs 'director of government relations'",
        expected: 'head of government relations',
        actual: 'director of government relations',
      },
    ]);
  });

  it('treats values equal after normalizing case, spaces, punctuation and quotes', () => {
    const found = structuredConflicts(
      input([fact('a', 'kanter', 'job-title', 'Director of  Government Relations.'), fact('b', 'kanter', 'job-title', '“director of government relations”')]),
    );
    expect(found).toEqual([]);
    expect(normalizeValue('  The “Former”   Chancellor! ')).toBe('former chancellor');
  });

  it('compares numeric and date values as intervals', () => {
    const users = (id: string, value: string) => fact(id, 'tiktok', 'users', value);
    expect(structuredConflicts(input([users('a', 'more than 1 billion'), users('b', '1 billion')]))).toEqual([]);
    expect(structuredConflicts(input([users('a', 'more than 1 billion'), users('b', '800 million')]))).toHaveLength(1);
    const founded = (id: string, value: string) => fact(id, 'tiktok', 'office', value);
    expect(structuredConflicts(input([founded('a', '2016'), founded('b', '2016-09')]))).toEqual([]);
    expect(structuredConflicts(input([founded('a', '2016'), founded('b', '2017-09')]))).toHaveLength(1);
  });

  it('ignores properties that are not declared single-valued', () => {
    const claims = [fact('a', 'tiktok', 'owner', 'ByteDance'), fact('b', 'tiktok', 'owner', 'Oracle')];
    expect(structuredConflicts(input(claims))).toEqual([]);
    expect(structuredConflicts(input(claims, { properties: properties('owner') }))).toHaveLength(1);
    const multi = new Map([['owner', { id: 'owner', singleValued: false, place: makeClaim({ id: 'x' }).place }]]);
    expect(structuredConflicts(input(claims, { properties: multi }))).toEqual([]);
  });

  it('matches subjects by entity id, name and alias, case-insensitively', () => {
    const known = entities([{ id: 'bytedance', name: 'ByteDance', aliases: ['ByteDance Ltd', "TikTok's parent company"] }]);
    const claims = [fact('a', 'ByteDance Ltd', 'office', 'Beijing'), fact('b', 'bytedance', 'office', 'Singapore'), fact('c', 'tiktok’s parent company', 'office', 'Dublin')];
    const found = structuredConflicts(input(claims, { entities: known }));
    expect(found.map((f) => f.claims)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    expect(subjectKey('BYTEDANCE LTD', entityNames(known))).toBe('entity:bytedance');
    expect(structuredConflicts(input(claims))).toEqual([]);
  });

  it('resolves entity names in values too', () => {
    const known = entities([{ id: 'bytedance', name: 'ByteDance', aliases: ['ByteDance Ltd'] }]);
    const claims = [fact('a', 'tiktok', 'office', 'ByteDance'), fact('b', 'tiktok', 'office', 'ByteDance Ltd')];
    expect(structuredConflicts(input(claims, { entities: known }))).toEqual([]);
    expect(structuredConflicts(input(claims))).toHaveLength(1);
  });

  it('does not compare facts whose times do not overlap', () => {
    const chancellor = fact('a', 'rishi-sunak', 'office', 'the former chancellor', '2022-07');
    const primeMinister = fact('b', 'rishi-sunak', 'office', 'Prime Minister', '2023-03');
    expect(structuredConflicts(input([chancellor, primeMinister]))).toEqual([]);
  });

  it('compares facts whose times overlap, and facts without a time', () => {
    const overlapping = [fact('a', 'rishi-sunak', 'office', 'chancellor', '2022'), fact('b', 'rishi-sunak', 'office', 'Prime Minister', '2022-10')];
    expect(structuredConflicts(input(overlapping))[0]?.reason).toBe("office of rishi-sunak: 'chancellor' vs 'Prime Minister' (when 2022 vs 2022-10)");
    const undated = [fact('a', 'rishi-sunak', 'office', 'chancellor', '2022-07'), fact('b', 'rishi-sunak', 'office', 'Prime Minister')];
    expect(structuredConflicts(input(undated))[0]?.reason).toBe("office of rishi-sunak: 'chancellor' vs 'Prime Minister' (when 2022-07 vs always)");
  });
});
