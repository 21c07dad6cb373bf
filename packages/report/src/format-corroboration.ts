import type { ClaimResult, Verdict } from '@factcheck/core';

const VERDICT_ORDER: readonly Verdict[] = ['supported', 'refuted', 'disputed', 'unverified'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * How many distinct sources and publishers back each claim, as plain text for the terminal. By
 * default one line per verdict ("supported  106 claims: 88 on one source, 18 on two or more");
 * with `perClaim`, one line per claim as well. Counts are of the evidence *for* a claim.
 */
export function formatCorroboration(claims: readonly Pick<ClaimResult, 'id' | 'verdict' | 'corroboration'>[], options: { perClaim?: boolean } = {}): string {
  if (claims.length === 0) return '';
  const lines = ['Corroboration: distinct sources behind the evidence for each claim'];
  const width = Math.max(...VERDICT_ORDER.map((v) => v.length));
  for (const verdict of VERDICT_ORDER) {
    const group = claims.filter((c) => c.verdict === verdict);
    if (group.length === 0) continue;
    const single = group.filter((c) => c.corroboration.sources <= 1).length;
    lines.push(`${verdict.padEnd(width)}  ${plural(group.length, 'claim')}: ${single} on one source or none, ${group.length - single} on two or more`);
  }
  if (options.perClaim) {
    let idWidth = 0;
    for (const c of claims) idWidth = Math.max(idWidth, c.id.length);
    for (const c of claims) {
      lines.push(`  ${c.id.padEnd(idWidth)}  ${c.verdict.padEnd(width)}  ${plural(c.corroboration.sources, 'source')}, ${plural(c.corroboration.publishers, 'publisher')}`);
    }
  }
  return lines.join('\n');
}
