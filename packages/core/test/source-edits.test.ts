import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/index.js';
import { loadIn, makeWorkspace, SOURCE, VALID, where } from './helpers.js';

async function load(claims: string) {
  return loadIn(makeWorkspace({ 'claims.yaml': claims, 'seeds/a.txt': SOURCE }));
}

const WITH_HISTORY = VALID.replace(
  '        span: [0, 27]\n',
  '        span: [0, 27]\n        history:\n          - { date: 2026-11-02, was: "The account had been locked" }\n          - { date: 2026-12-04, was: "The account was locked" }\n',
);

describe('a span past the end of its source', () => {
  it('loads: the source got shorter, which check reports as a finding, not a configuration error', async () => {
    const result = await load(VALID.replace('span: [0, 27]', 'span: [60, 500]'));
    expect(result.errors).toEqual([]);
    expect(result.value!.workspace.claims[0]!.evidence[0]!.span).toEqual([60, 500]);
  });

  it('is still refused when reversed, negative or not an integer', async () => {
    for (const [span, rule] of [
      ['[27, 0]', '12:15 invalid-span'],
      ['[-1, 27]', '12:16 out-of-range'],
      ['[0, 2.5]', '12:19 invalid-type'],
    ] as const) {
      const result = await load(VALID.replace('span: [0, 27]', `span: ${span}`));
      expect(where(result.errors), span).toEqual([rule]);
    }
  });
});

describe('anchor.moved', () => {
  it('defaults to warning and takes error', async () => {
    expect((await load(VALID)).value!.workspace.anchor.moved).toBe('warning');
    const strict = await load(VALID.replace('sources:', 'anchor: { moved: error }\nsources:'));
    expect(strict.errors).toEqual([]);
    expect(strict.value!.workspace.anchor.moved).toBe('error');
  });

  it('refuses another value at its line:col, with a suggestion', async () => {
    const result = await load(VALID.replace('sources:', 'anchor: { moved: eror }\nsources:'));
    expect(where(result.errors)).toEqual(['2:18 invalid-value']);
    expect(result.errors[0]!.reason).toBe('anchor.moved must be one of warning, error, got "eror"');
    expect(result.errors[0]!.note).toBe('Did you mean "error"?');
  });
});

describe('evidence history', () => {
  it('loads each correction with its date, old words and place, oldest first', async () => {
    const result = await load(WITH_HISTORY);
    expect(result.errors).toEqual([]);
    const history = result.value!.workspace.claims[0]!.evidence[0]!.history!;
    expect(history.map(({ date, was }) => ({ date, was }))).toEqual([
      { date: '2026-11-02', was: 'The account had been locked' },
      { date: '2026-12-04', was: 'The account was locked' },
    ]);
    expect(history[1]!.place.start).toMatchObject({ line: 15, column: 13 });
  });

  it('is absent when not written', async () => {
    expect((await load(VALID)).value!.workspace.claims[0]!.evidence[0]!.history).toBeUndefined();
  });

  it.each([
    ['date: 2026-12-4', '15:21 invalid-value', 'claims[0].evidence[0].history[1].date must be a date written YYYY-MM-DD, e.g. 2026-12-04, got "2026-12-4"'],
    ['date: 2026-02-30', '15:21 invalid-date', 'claims[0].evidence[0].history[1].date: "2026-02-30" has day 30: 2026-02 has 28 days'],
  ])('refuses %s at its line:col', async (date, expected, reason) => {
    const result = await load(WITH_HISTORY.replace('date: 2026-12-04', date));
    expect(where(result.errors)).toEqual([expected]);
    expect(result.errors[0]!.reason).toBe(reason);
  });

  it('needs the old words', async () => {
    const result = await load(WITH_HISTORY.replace(', was: "The account was locked"', ''));
    expect(where(result.errors)).toEqual(['15:13 missing-field']);
    expect(result.errors[0]!.reason).toBe('claims[0].evidence[0].history[1] is missing the required field "was"');
  });
});

describe('conflicts with the claim\'s own evidence', () => {
  const withConflict = (entry: string) => VALID.replace('    evidence:\n', `    conflicts:\n      - ${entry}\n    evidence:\n`);

  it('loads `evidence: N` as an acknowledgement of that quote', async () => {
    const result = await load(withConflict('{ evidence: 0, reason: The quote is the company\'s own denial. }'));
    expect(result.errors).toEqual([]);
    const [ack] = result.value!.workspace.claims[0]!.conflicts;
    expect(ack).toMatchObject({ evidence: 0, reason: "The quote is the company's own denial." });
    expect(ack!.with).toBeUndefined();
    expect(ack!.place.start).toMatchObject({ line: 10, column: 21 });
  });

  it('refuses an evidence position the claim does not have', async () => {
    const result = await load(withConflict('{ evidence: 3, reason: x }'));
    expect(where(result.errors)).toEqual(['10:21 unknown-evidence']);
    expect(result.errors[0]!.reason).toBe('claim "account-locked" lists a conflict with its evidence 3, but its evidence list holds only item 0');
  });

  it('needs exactly one of with and evidence', async () => {
    const both = await load(withConflict('{ with: account-locked, evidence: 0, reason: x }'));
    expect(where(both.errors)).toEqual(['10:33 conflicting-fields']);
    expect(both.errors[0]!.reason).toBe('claims[0].conflicts[0] gives both "with" and "evidence"; give one of them');
    const neither = await load(withConflict('{ reason: x }'));
    expect(where(neither.errors)).toEqual(['10:9 missing-field']);
    expect(neither.errors[0]!.reason).toBe('claims[0].conflicts[0] needs "with" or "evidence"');
  });

  it('points a conflict `with` the claim itself at the evidence form', async () => {
    const result = await load(withConflict('{ with: account-locked, reason: x }'));
    expect(where(result.errors)).toEqual(['10:17 invalid-conflict']);
    expect(result.errors[0]!.note).toContain('`{evidence: N, reason: "…"}`');
  });

  it('is described in the JSON Schema: exactly one of with and evidence', () => {
    const schema = toJsonSchema() as { properties: { claims: { items: { properties: { conflicts: { items: Record<string, unknown> } } } } } };
    const entry = schema.properties.claims.items.properties.conflicts.items;
    expect(entry.required).toEqual(['reason']);
    expect(entry.oneOf).toEqual([{ required: ['with'] }, { required: ['evidence'] }]);
  });
});
