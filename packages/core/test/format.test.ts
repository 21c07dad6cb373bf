// The one declaration of the format: the types of the document come from the spec, and the walk
// that validates claims.yaml returns those typed values (with places) in the same pass.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CLAIMS_SPEC,
  OPEN_END,
  OPEN_START,
  VERDICTS,
  type ClaimsDocument,
  type ConflictAck,
  type CoverageThresholds,
  type ExcludePattern,
  type Infer,
  type MovedSeverity,
  type Span,
  type TimeScope,
  type Verdict,
} from '../src/index.js';
import { loadIn, makeWorkspace, SOURCE, VALID, where } from './helpers.js';

async function load(claims: string) {
  return loadIn(makeWorkspace({ 'claims.yaml': claims, 'seeds/a.txt': SOURCE }));
}

type ClaimDoc = ClaimsDocument['claims'][number];
type SourceDoc = ClaimsDocument['sources'][string];

describe('the types of the document, inferred from the spec', () => {
  it('gives the verdicts, spans, thresholds and anchor options that the spec declares', () => {
    expectTypeOf<Verdict>().toEqualTypeOf<'supported' | 'refuted' | 'disputed' | 'unverified'>();
    expectTypeOf<ClaimDoc['verdict']>().toEqualTypeOf<Verdict>();
    expectTypeOf<Span>().toEqualTypeOf<readonly [number, number]>();
    expectTypeOf<MovedSeverity>().toEqualTypeOf<'warning' | 'error'>();
    expectTypeOf<CoverageThresholds>().toEqualTypeOf<{ sentences?: number; characters?: number }>();
    expectTypeOf<ClaimsDocument['version']>().toEqualTypeOf<number>();
    expect(VERDICTS).toEqual(CLAIMS_SPEC.fields.claims.items.fields.verdict.enum);
  });

  it('makes required fields required and the others optional', () => {
    expectTypeOf<Pick<ClaimDoc, 'id' | 'claim' | 'verdict'>>().toEqualTypeOf<{ id: string; claim: string; verdict: Verdict }>();
    expectTypeOf<ClaimDoc['note']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SourceDoc['path']>().toEqualTypeOf<string>();
  });

  it('reads dates as time scopes and exclude entries as patterns', () => {
    expectTypeOf<SourceDoc['published']>().toEqualTypeOf<TimeScope | undefined>();
    expectTypeOf<SourceDoc['exclude']>().toEqualTypeOf<ExcludePattern[] | undefined>();
    expectTypeOf<Infer<{ kind: 'date'; description: '' }>>().toEqualTypeOf<TimeScope>();
  });

  it('lets a conflict name another claim or a quote of its own, never both', () => {
    expectTypeOf<{ with: string; reason: string; place: ConflictAck['place'] }>().toMatchTypeOf<ConflictAck>();
    expectTypeOf<{ evidence: number; reason: string; place: ConflictAck['place'] }>().toMatchTypeOf<ConflictAck>();
    expectTypeOf<{ with: string; evidence: number; reason: string; place: ConflictAck['place'] }>().not.toMatchTypeOf<ConflictAck>();
    expectTypeOf<{ reason: string; place: ConflictAck['place'] }>().not.toMatchTypeOf<ConflictAck>();
  });
});

describe('the values the walk reads', () => {
  it('keeps a date, a month or a year as written, and a fact value as text', async () => {
    const result = await load(
      VALID.replace('    path: seeds/a.txt\n', '    path: seeds/a.txt\n    published: 2023\n').replace(
        '    verdict: supported\n',
        '    verdict: supported\n    fact: {subject: a, property: b, value: 3.50, when: 2022-08}\n',
      ),
    );
    expect(result.errors).toEqual([]);
    const { workspace } = result.value!;
    expect(workspace.sources.get('bbc')!.published).toBe('2023');
    expect(workspace.claims[0]!.fact).toMatchObject({ value: '3.5', when: { from: '2022-08-01', to: '2022-08-31', text: '2022-08' } });
  });

  it('fills in the open ends of a range', async () => {
    const result = await load(VALID.replace('    verdict: supported\n', '    verdict: supported\n    fact: {subject: a, property: b, value: c, when: {to: 2021}}\n'));
    expect(result.value!.workspace.claims[0]!.fact!.when).toEqual({ from: OPEN_START, to: '2021-12-31', text: '… to 2021' });
    const open = await load(VALID.replace('    verdict: supported\n', '    verdict: supported\n    fact: {subject: a, property: b, value: c, when: {}}\n'));
    expect(open.value!.workspace.claims[0]!.fact!.when).toEqual({ from: OPEN_START, to: OPEN_END, text: '… to …' });
  });

  it('reports a range that runs backwards at its when', async () => {
    const result = await load(VALID.replace('    verdict: supported\n', '    verdict: supported\n    fact: {subject: a, property: b, value: c, when: {from: 2023, to: 2021-05}}\n'));
    expect(where(result.errors)).toEqual(['9:53 invalid-date']);
    expect(result.errors[0]!.reason).toBe('claims[0].fact.when runs backwards: from 2023 is after to 2021-05');
  });

  it('keeps the sources in the order claims.yaml declares them, all-digit ids too', async () => {
    const result = await load(VALID.replace('sources:\n  bbc:\n    path: seeds/a.txt\n', 'sources:\n  bbc:\n    path: seeds/a.txt\n  "2022":\n    path: seeds/a.txt\n'));
    expect(result.errors).toEqual([]);
    expect([...result.value!.workspace.sources.keys()]).toEqual(['bbc', '2022']);
  });

  it('places a value given by an *alias at the alias', async () => {
    const result = await load(VALID.replace('claim: The account was locked.', 'claim: &q "The account has been locked"').replace('quote: "The account has been locked"', 'quote: *q'));
    expect(result.errors).toEqual([]);
    const [claim] = result.value!.workspace.claims;
    expect(claim!.evidence[0]!.quote).toBe('The account has been locked');
    expect(claim!.evidence[0]!.quotePlace.start).toMatchObject({ line: 11, column: 16 });
    expect(claim!.claimPlace.start).toMatchObject({ line: 7, column: 15 });
  });
});

describe('one run reports every problem, once', () => {
  it('still checks the evidence and conflicts of a claim whose own fields have errors', async () => {
    const text = `${VALID.replace('verdict: supported', 'verdict: nope')}    conflicts:\n      - {with: no-such-claim, reason: r}\n`;
    const result = await load(text);
    expect(where(result.errors)).toEqual(['8:14 invalid-value', '14:16 unknown-claim']);
  });

  it('does not call a claim unknown because it has errors of its own', async () => {
    const second = VALID.slice(VALID.indexOf('  - id:')).replace('account-locked', 'second').replace('    verdict: supported\n', '');
    const text = `${VALID}    conflicts:\n      - {with: second, reason: Both stand.}\n${second}`;
    const result = await load(text);
    expect(result.errors.map((e) => e.ruleId)).toEqual(['missing-field']);
    expect(result.errors[0]!.reason).toBe('claims[1] is missing the required field "verdict"');
  });

  it('reports a source id that is not kebab-case once, not also as undeclared', async () => {
    const result = await load(VALID.replace('- source: bbc', '- source: BBC'));
    expect(where(result.errors)).toEqual(['10:17 invalid-value']);
  });

  it('counts evidence positions in the list as written, whatever its items hold', async () => {
    const text = VALID.replace('        span: [0, 27]\n', '        span: [0, 27]\n      - source: bbc\n        quote: 12\n') + '    conflicts:\n      - {evidence: 1, reason: r}\n';
    const result = await load(text);
    expect(where(result.errors)).toEqual(['14:16 invalid-type']);
  });

  it('refuses keys named like the properties every JavaScript object has', async () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const result = await load(VALID.replace('    verdict: supported\n', `    verdict: supported\n    ${key}: x\n`));
      expect(where(result.errors), key).toEqual(['9:5 unknown-key']);
      expect(result.errors[0]!.reason).toBe(`unknown key "${key}" in claims[0]`);
    }
  });

  it('names the source of a source it cannot read', async () => {
    const result = await load(VALID.replace('path: seeds/a.txt', 'path: seeds/none.txt'));
    expect(result.errors).toMatchObject([{ ruleId: 'file-not-found', source: 'bbc' }]);
  });
});
