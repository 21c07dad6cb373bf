// How many independent sources back a claim, and the `verdicts:` policy that may ask for more.
import { createMessage, type Claim, type Corroboration, type Message, type Workspace } from '@factcheck/core';

export const TOO_FEW_SOURCES_RULE_ID = 'too-few-sources';

/**
 * Distinct sources, and distinct publishers, among the claim's `for` evidence. A source without a
 * publisher counts as a publisher of its own (its id), so that two unattributed sources are two.
 */
export function corroborationOf(claim: Claim, workspace: Pick<Workspace, 'sources'>): Corroboration {
  const sources = new Set<string>();
  const publishers = new Set<string>();
  for (const evidence of claim.evidence) {
    if (evidence.stance !== 'for') continue;
    sources.add(evidence.source);
    const publisher = workspace.sources.get(evidence.source)?.publisher;
    // Publishers are compared without case or surrounding blanks ("BBC" and "bbc " are one).
    publishers.add(publisher === undefined ? `source:${evidence.source}` : `publisher:${publisher.trim().toLowerCase()}`);
  }
  return { sources: sources.size, publishers: publishers.size };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A warning at each supported claim that cites fewer sources or publishers for it than the policy asks. */
export function policyMessages(workspace: Workspace, corroboration: ReadonlyMap<string, Corroboration>): Message[] {
  const policy = workspace.verdicts?.supported;
  if (!policy) return [];
  const messages: Message[] = [];
  for (const claim of workspace.claims) {
    if (claim.verdict !== 'supported') continue;
    const counts = corroboration.get(claim.id);
    if (!counts) continue;
    const short: string[] = [];
    if (policy.minSources !== undefined && counts.sources < policy.minSources) short.push(`${plural(counts.sources, 'source')} (the policy asks for ${policy.minSources})`);
    if (policy.minPublishers !== undefined && counts.publishers < policy.minPublishers) short.push(`${plural(counts.publishers, 'publisher')} (the policy asks for ${policy.minPublishers})`);
    if (short.length === 0) continue;
    messages.push(
      createMessage({
        ruleId: TOO_FEW_SOURCES_RULE_ID,
        severity: 'warning',
        reason: `supported claim "${claim.id}" is backed by ${short.join(' and ')}`,
        file: claim.file,
        place: claim.idPlace,
        claimId: claim.id,
        note: 'Cite the same fact from another source (of another publisher), or change the verdict to unverified until one confirms it. The policy is `verdicts: { supported: … }` in claims.yaml.',
      }),
    );
  }
  return messages;
}
