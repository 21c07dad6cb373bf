import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Contradiction } from '@factcheck/core';
import { copyWorkspace, readClaims, workspaceDir } from '@factcheck/test-fixtures';
import { checkWorkspace } from '../src/index.js';

// The disagreements between the fixture's seed articles, as its claims.yaml records them.

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The contradictions of the fixture workspace, or of its seeds with `claimsText` in place of its claims. */
async function contradictionsOf(claimsText?: string): Promise<Contradiction[]> {
  let cwd = workspaceDir;
  if (claimsText !== undefined) {
    cwd = copyWorkspace('factcheck-disagree-');
    copies.push(cwd);
    writeFileSync(path.join(cwd, 'claims.yaml'), claimsText);
  }
  const result = await checkWorkspace('claims.yaml', { cwd });
  expect(result.errors).toEqual([]);
  return result.value!.contradictions;
}

const involving = (list: Contradiction[], a: string, b: string) => list.filter((c) => c.claims.includes(a) && c.claims.includes(b));

// Each test checks the whole fixture workspace (over a hundred claims): seconds on a busy machine.
describe('the disagreements between the seeds', { timeout: 60_000 }, () => {
  it('finds the two titles given to Elizabeth Kanter, acknowledged as info', async () => {
    const found = involving(await contradictionsOf(), 'kanter-head-of-government-relations', 'kanter-director-of-government-relations');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'structured', severity: 'info' });
    expect(found[0]!.reason).toContain("'director of government relations'");
  });

  it('finds "no user data goes to China" against staff in China having access, acknowledged', async () => {
    const found = involving(await contradictionsOf(), 'no-tiktok-user-data-goes-to-china', 'chew-china-staff-may-access-us-data');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'structured', severity: 'info' });
  });

  it('does not flag Rishi Sunak as former chancellor and as Prime Minister at different times', async () => {
    expect(involving(await contradictionsOf(), 'sunak-former-chancellor-at-debate', 'sunak-pressed-to-follow-us-and-eu')).toEqual([]);
  });

  it('flags Rishi Sunak\'s two offices once their `when` is removed', async () => {
    const text = readClaims();
    const withoutWhen = text.replace(/(subject: rishi-sunak\n\s+property: office\n\s+value: [^\n]+\n)\s+when: [^\n]+\n/g, '$1');
    expect(withoutWhen).not.toBe(text);
    const found = involving(await contradictionsOf(withoutWhen), 'sunak-former-chancellor-at-debate', 'sunak-pressed-to-follow-us-and-eu');
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('structured');
    expect(found[0]!.severity).not.toBe('info');
  });

  it('does not flag the letter to "the speakers of both Houses" against "the presiding officers of both houses"', async () => {
    const list = await contradictionsOf();
    expect(list.filter((c) => c.claims.includes('mps-and-peers-wrote-to-speakers'))).toEqual([]);
    // The same paraphrase as two claims of their own, each backed by its own source.
    const text = readClaims();
    const twoClaims = `${text.trimEnd()}

  - id: letter-to-the-speakers
    claim: MPs and peers wrote to the speakers of both Houses of Parliament.
    verdict: supported
    evidence:
      - source: bbc-parliament-closes-account
        quote: flagged those concerns in a letter to the speakers of both Houses of Parliament
  - id: letter-to-the-presiding-officers
    claim: MPs and peers wrote to the presiding officers of both houses of parliament.
    verdict: supported
    evidence:
      - source: web-parliament-surveillance-fears
        quote: tabled their worries through a letter to the presiding officers of both houses of parliament
`;
    expect(involving(await contradictionsOf(twoClaims), 'letter-to-the-speakers', 'letter-to-the-presiding-officers')).toEqual([]);
  });

  it('does not flag "a week after it was opened" against "days after its launch"', async () => {
    expect(involving(await contradictionsOf(), 'account-closed-a-week-after-opening', 'account-closed-days-after-launch')).toEqual([]);
  });

  it('leaves no unacknowledged contradiction in the workspace', async () => {
    const list = await contradictionsOf();
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((c) => c.severity !== 'info')).toEqual([]);
  });
});

describe('claims against their own quotes, in other words', { timeout: 60_000 }, () => {
  const withClaim = (top: string, claim: string) => {
    const text = readClaims();
    const at = text.indexOf('\nclaims:\n');
    return `${text.slice(0, at)}\n${top}${text.slice(at, at + '\nclaims:\n'.length)}${claim}${text.slice(at + '\nclaims:\n'.length)}`;
  };
  const GHANI = `  - id: ghani-thanked-the-ministers
    claim: In a tweet, Ghani thanked the ministers for "standing up for our values and protecting our data" in 2021.
    verdict: supported
    evidence:
      - source: bbc-parliament-closes-account
        quote: In a tweet, she thanked the speakers for "standing up for our values and protecting our data", adding "common sense prevails".
        span: [2852, 2978]
`;

  it('warns of a detail no quote mentions without failing the claim, and switches it off on request', async () => {
    const found = (await contradictionsOf(withClaim('', GHANI))).filter((c) => c.claims[0] === 'ghani-thanked-the-ministers');
    expect(found).toMatchObject([{ kind: 'unsupported', severity: 'warning', reason: "'Ghani', '2021' are in no quote" }]);
    const off = (await contradictionsOf(withClaim('contradictions: { unsupported: false }\n', GHANI))).filter((c) => c.claims[0] === 'ghani-thanked-the-ministers');
    expect(off).toEqual([]);
  });
});
