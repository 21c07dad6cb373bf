import { describe, expect, it } from 'vitest';
import { formatCorroboration } from '../src/index.js';

const claims = [
  { id: 'one-source', verdict: 'supported' as const, corroboration: { sources: 1, publishers: 1 } },
  { id: 'two-sources', verdict: 'supported' as const, corroboration: { sources: 2, publishers: 2 } },
  { id: 'same-publisher-twice', verdict: 'supported' as const, corroboration: { sources: 2, publishers: 1 } },
  { id: 'against-only', verdict: 'refuted' as const, corroboration: { sources: 0, publishers: 0 } },
];

describe('formatCorroboration', () => {
  it('sums up each verdict: claims on one source or none against claims on two or more', () => {
    const lines = formatCorroboration(claims).split('\n');
    expect(lines[0]).toBe('Corroboration: distinct sources behind the evidence for each claim');
    expect(lines[1]).toBe('supported   3 claims: 1 on one source or none, 2 on two or more');
    expect(lines[2]).toBe('refuted     1 claim: 1 on one source or none, 0 on two or more');
    expect(lines).toHaveLength(3);
  });

  it('lists every claim with its sources and publishers when asked', () => {
    const text = formatCorroboration(claims, { perClaim: true });
    expect(text).toContain('  same-publisher-twice  supported   2 sources, 1 publisher');
    expect(text).toContain('  against-only          refuted     0 sources, 0 publishers');
    expect(text.split('\n')).toHaveLength(3 + claims.length);
  });

  it('prints nothing for a workspace without claims', () => {
    expect(formatCorroboration([])).toBe('');
  });
});
