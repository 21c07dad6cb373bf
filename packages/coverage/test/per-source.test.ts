import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../src/index.js';
import { decl, evidenceAt, loaded, workspace } from './helpers.js';

// One claim quotes two sources. What happens to its quote in one source must not change what its
// quote in the other covers.
const TEXT_A = 'The account was closed. It had opened days before.';
const TEXT_B = 'Parliament shut the account. Officials gave no reason.';

function coverageWith(statusInB: 'verified' | 'moved' | 'changed' | 'missing') {
  const a = decl('a');
  const b = decl('b');
  const inB = evidenceAt(TEXT_B, 'Parliament shut the account.', { claimId: 'closed', source: 'b', status: statusInB });
  if (statusInB === 'missing') delete (inB as { found?: unknown }).found;
  return computeCoverage({
    workspace: workspace([a, b]),
    sources: new Map([
      ['a', loaded(a, TEXT_A)],
      ['b', loaded(b, TEXT_B)],
    ]),
    evidence: [evidenceAt(TEXT_A, 'The account was closed.', { claimId: 'closed', source: 'a' }), inB],
  });
}

const states = (result: ReturnType<typeof coverageWith>, source: string) => result.sources.find((s) => s.source === source)!.detail.map((s) => s.state);

describe('coverage counts each source on its own', () => {
  it.each(['verified', 'moved', 'changed', 'missing'] as const)('a verified quote in one source covers it whatever the claim\'s quote in another is (%s)', (status) => {
    const result = coverageWith(status);
    expect(states(result, 'a')).toEqual(['covered', 'uncovered']);
    expect(result.sources.find((s) => s.source === 'a')!.covered).toBe(1);
  });

  it('lets a moved quote cover its own source, a changed one only partly, a missing one not at all', () => {
    expect(states(coverageWith('moved'), 'b')).toEqual(['covered', 'uncovered']);
    expect(states(coverageWith('changed'), 'b')).toEqual(['partial', 'uncovered']);
    expect(states(coverageWith('missing'), 'b')).toEqual(['uncovered', 'uncovered']);
  });

  it('sums the sources into the total: two covered sentences of four when both quotes stand', () => {
    expect(coverageWith('moved').total).toMatchObject({ sentences: 4, covered: 2, sentencePct: 50 });
    expect(coverageWith('changed').total).toMatchObject({ sentences: 4, covered: 1, partial: 1, sentencePct: 25 });
  });
});
