import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadIn, makeWorkspace, SOURCE, where } from './helpers.js';

const claims = (claim: string, top = '') => `version: 1
${top}sources:
  bbc:
    path: seeds/a.txt
    publisher: BBC
claims:
${claim}`;

const load = (text: string) => loadIn(makeWorkspace({ 'claims.yaml': text, 'seeds/a.txt': SOURCE }));

describe('evidence stance', () => {
  it('defaults to for, and to against in a refuted claim; an explicit stance wins', async () => {
    const { value, errors } = await load(
      claims(`  - id: one
    claim: The account was locked.
    verdict: supported
    evidence:
      - { source: bbc, quote: "The account has been locked" }
      - { source: bbc, quote: "content deleted", stance: against }
  - id: two
    claim: The account was never locked.
    verdict: refuted
    evidence:
      - { source: bbc, quote: "The account has been locked" }
      - { source: bbc, quote: "days after its launch", stance: for }
`),
    );
    expect(errors).toEqual([]);
    expect(value?.workspace.claims.map((c) => c.evidence.map((e) => e.stance))).toEqual([
      ['for', 'against'],
      ['against', 'for'],
    ]);
  });

  it('rejects a stance outside for and against, at its line:col, with the allowed values', async () => {
    const { value, errors } = await load(
      claims(`  - id: one
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"
        stance: neutral
`),
    );
    expect(value).toBeUndefined();
    expect(where(errors)).toEqual(['13:17 invalid-value']);
    expect(errors[0]!.reason).toContain('neutral');
    expect(`${errors[0]!.reason} ${errors[0]!.note ?? ''}`).toMatch(/for.*against/);
  });

  it('warns at a disputed claim with evidence on one side only, and says how to fix it', async () => {
    const { value, warnings } = await load(
      claims(`  - id: one-sided
    claim: The account was locked.
    verdict: disputed
    note: The sources disagree.
    evidence:
      - { source: bbc, quote: "The account has been locked" }
  - id: both-sides
    claim: The account was locked.
    verdict: disputed
    note: The sources disagree.
    evidence:
      - { source: bbc, quote: "The account has been locked" }
      - { source: bbc, quote: "content deleted", stance: against }
`),
    );
    expect(value).toBeDefined();
    expect(where(warnings)).toEqual(['7:9 disputed-one-sided']);
    expect(warnings[0]!.reason).toContain('all of its evidence is for it');
    expect(warnings[0]!.note).toContain('stance: against');
  });

  it('reads the verdicts policy, and rejects a minimum below 1 at its line:col', async () => {
    const claim = `  - id: one
    claim: The account was locked.
    verdict: supported
    evidence:
      - { source: bbc, quote: "The account has been locked" }
`;
    const ok = await load(claims(claim, 'verdicts: { supported: { min-sources: 2, min-publishers: 2 } }\n'));
    expect(ok.value?.workspace.verdicts).toEqual({ supported: { minSources: 2, minPublishers: 2 } });
    const none = await load(claims(claim));
    expect(none.value?.workspace.verdicts).toBeUndefined();
    const bad = await load(claims(claim, 'verdicts: { supported: { min-sources: 0 } }\n'));
    expect(where(bad.errors)).toEqual(['2:39 out-of-range']);
  });
});

describe('the verdict scale in the JSON Schema', () => {
  it('describes each verdict, and stance, in claims.schema.json', () => {
    const schema = readFileSync(new URL('../claims.schema.json', import.meta.url), 'utf8');
    for (const meaning of [
      'supported: the cited evidence states the claim, with the same attribution.',
      'refuted: the cited evidence contradicts it.',
      'disputed: the cited sources disagree, and evidence on both sides is cited.',
      'unverified: the sources do not settle it.',
    ]) expect(schema).toContain(meaning);
    const parsed = JSON.parse(schema) as { properties: { claims: { items: { properties: { evidence: { items: { properties: { stance: { enum: string[] } } } } } } } } };
    expect(parsed.properties.claims.items.properties.evidence.items.properties.stance.enum).toEqual(['for', 'against']);
  });
});
