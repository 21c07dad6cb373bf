import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '@factcheck/core';
import { checkWorkspace } from '../src/index.js';

// Stance, corroboration, the verdicts policy and the attribution rules, on small workspaces of their own.

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const A = 'A spokesperson said TikTok has never shared user data with the Chinese government.\n';
const B = 'Ofcom fined the company £2m in March. In a statement, the regulator noted that the company had failed to act.\n';
const C = 'The company was fined £2m in March by Ofcom.\n';

async function check(claims: string): Promise<CheckResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-editorial-'));
  dirs.push(root);
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/a.txt'), A);
  writeFileSync(path.join(root, 'src/b.txt'), B);
  writeFileSync(path.join(root, 'src/c.txt'), C);
  writeFileSync(path.join(root, 'claims.yaml'), claims);
  const result = await checkWorkspace('claims.yaml', { cwd: root });
  expect(result.errors).toEqual([]);
  return result.value!;
}

const SOURCES = `version: 1
sources:
  a: { path: src/a.txt, publisher: Daily Paper }
  b: { path: src/b.txt, publisher: Broadcaster }
  c: { path: src/c.txt, publisher: Broadcaster }
claims:
`;

const rules = (result: CheckResult, claimId: string) => result.messages.filter((m) => m.claimId === claimId).map((m) => m.ruleId);

describe('stance', () => {
  it('never reports a claim as contradicting a quote cited against it', async () => {
    const claim = (stance: string) => `  - id: shares
    claim: TikTok has shared user data with the Chinese government.
    verdict: disputed
    note: The company denies it.
    evidence:
      - { source: a, quote: "TikTok has never shared user data with the Chinese government."${stance} }
      - { source: c, quote: "The company was fined £2m in March by Ofcom." }
`;
    const forIt = await check(SOURCES + claim(''));
    expect(rules(forIt, 'shares')).toContain('contradiction-negation');
    const against = await check(SOURCES + claim(', stance: against'));
    expect(against.contradictions).toEqual([]);
    expect(rules(against, 'shares')).not.toContain('contradiction-negation');
    expect(rules(against, 'shares')).not.toContain('disputed-one-sided');
    expect(against.claims[0]!.evidence.map((e) => e.stance)).toEqual(['against', 'for']);
    expect(against.claims[0]!.status).toBe('passed');
  });

  it('takes the evidence of a refuted claim as against it by default', async () => {
    const result = await check(
      SOURCES +
        `  - id: shares
    claim: TikTok has shared user data with the Chinese government.
    verdict: refuted
    evidence:
      - { source: a, quote: "TikTok has never shared user data with the Chinese government." }
`,
    );
    expect(result.claims[0]!.evidence[0]!.stance).toBe('against');
    expect(result.claims[0]!.corroboration).toEqual({ sources: 0, publishers: 0 });
  });
});

describe('corroboration and the verdicts policy', () => {
  const claim = `  - id: fined
    claim: Ofcom fined the company £2m in March.
    verdict: supported
    evidence:
      - { source: b, quote: "Ofcom fined the company £2m in March." }
      - { source: c, quote: "The company was fined £2m in March by Ofcom." }
      - { source: a, quote: "A spokesperson said", stance: against }
`;

  it('counts distinct sources and publishers among the evidence for the claim', async () => {
    const result = await check(SOURCES + claim);
    expect(result.claims[0]!.corroboration).toEqual({ sources: 2, publishers: 1 });
    expect(rules(result, 'fined')).not.toContain('too-few-sources');
  });

  it('warns at a supported claim with fewer publishers or sources than the policy asks', async () => {
    const withPolicy = (policy: string) => SOURCES.replace('version: 1\n', `version: 1\nverdicts: { supported: { ${policy} } }\n`) + claim;
    const publishers = await check(withPolicy('min-publishers: 2'));
    const message = publishers.messages.find((m) => m.ruleId === 'too-few-sources');
    expect(message?.severity).toBe('warning');
    expect(message?.reason).toBe('supported claim "fined" is backed by 1 publisher (the policy asks for 2)');
    // At the claim's id, on the line of its list item (line 8: the policy is line 2).
    expect(message?.place?.start.line).toBe(8);
    expect(publishers.summary).toEqual({ passed: 1, failed: 0 });
    const sources = await check(withPolicy('min-sources: 2'));
    expect(rules(sources, 'fined')).not.toContain('too-few-sources');
    const three = await check(withPolicy('min-sources: 3'));
    expect(three.messages.find((m) => m.ruleId === 'too-few-sources')?.reason).toContain('2 sources (the policy asks for 3)');
  });
});

describe('attribution rules in a check', () => {
  it('warns when the quote cuts the reporting clause and the supported claim drops it', async () => {
    const text = (verdict: string, claimText: string) =>
      SOURCES +
      `  - id: failed
    claim: ${claimText}
    verdict: ${verdict}
    evidence:
      - { source: b, quote: "the company had failed to act." }
`;
    const result = await check(text('supported', 'The company failed to act.'));
    const cuts = result.messages.find((m) => m.ruleId === 'quote-cuts-attribution');
    expect(cuts?.reason).toContain('"the regulator noted that"');
    const dropped = result.messages.find((m) => m.ruleId === 'attribution-dropped');
    expect(dropped?.note).toContain('"The regulator noted that the company failed to act."');
    const kept = await check(text('supported', 'The regulator noted that the company failed to act.'));
    const attribution = (r: CheckResult) => rules(r, 'failed').filter((id) => id === 'quote-cuts-attribution' || id === 'attribution-dropped');
    expect(attribution(result).sort()).toEqual(['attribution-dropped', 'quote-cuts-attribution']);
    expect(attribution(kept)).toEqual(['quote-cuts-attribution']);
    const unverified = await check(text('unverified', 'The company failed to act.'));
    expect(attribution(unverified)).toEqual(['quote-cuts-attribution']);
  });
});
