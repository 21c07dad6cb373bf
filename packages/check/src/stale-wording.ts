import { wordDiff } from '@factcheck/anchor';
import { STOP_WORDS } from '@factcheck/contradictions';
import { createMessage, type Claim, type Correction, type Evidence, type Message, type Workspace } from '@factcheck/core';

export const STALE_WORDING_RULE_ID = 'stale-wording';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, lower-cased, in order (repeats kept). */
function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Each lower-cased word of a text, and how the text first writes it. */
function surfacesOf(text: string): Map<string, string> {
  const surfaces = new Map<string, string>();
  for (const word of text.match(WORD) ?? []) if (!surfaces.has(word.toLowerCase())) surfaces.set(word.toLowerCase(), word);
  return surfaces;
}

/**
 * What replaced each word an accepted change took out of a quote (lower-cased word → the new
 * words, '' when nothing took its place), read from the word diff of the old and the new quote.
 */
function replacementsOf(was: string, now: string): Map<string, string> {
  const replaced = new Map<string, string>();
  const parts = wordDiff(was, now);
  parts.forEach((part, i) => {
    if (part.op !== 'delete') return;
    const next = parts[i + 1];
    const by = next?.op === 'insert' ? next.text.trim() : '';
    for (const word of wordsOf(part.text)) if (!replaced.has(word)) replaced.set(word, by);
  });
  return replaced;
}

/**
 * Content words of the old quote that the correction removed (they are not in the new quote)
 * and that the claim text still uses, compared without case (stop words do not count): each as
 * lower-cased, and as the claim writes it.
 */
export function staleWords(claimText: string, correction: Pick<Correction, 'was'>, quote: string): { word: string; inClaim: string }[] {
  const inClaim = surfacesOf(claimText);
  const inQuote = new Set(wordsOf(quote));
  const stale = new Map<string, string>();
  for (const word of wordsOf(correction.was)) {
    const surface = inClaim.get(word);
    if (surface !== undefined && !inQuote.has(word) && !STOP_WORDS.has(word)) stale.set(word, surface);
  }
  return [...stale].map(([word, surface]) => ({ word, inClaim: surface }));
}

function staleWordingMessage(workspace: Workspace, claim: Claim, evidence: Evidence): Message | undefined {
  const latest = evidence.history?.at(-1);
  if (!latest) return undefined;
  const stale = staleWords(claim.claim, latest, evidence.quote);
  if (!stale.length) return undefined;
  const path = workspace.sources.get(evidence.source)?.path ?? evidence.source;
  const replaced = replacementsOf(latest.was, evidence.quote);
  const parts = stale.map(({ word, inClaim }) => {
    const by = replaced.get(word);
    return by ? `"${inClaim}" where ${path} now says "${by}"` : `"${inClaim}", which ${path} no longer says`;
  });
  const now = stale.map(({ word }) => replaced.get(word)).filter((by): by is string => Boolean(by));
  return createMessage({
    ruleId: STALE_WORDING_RULE_ID,
    severity: 'warning',
    reason: `claim still says ${parts.join(' and ')} (quote corrected on ${latest.date})`,
    file: claim.file,
    place: claim.claimPlace,
    claimId: claim.id,
    source: evidence.source,
    actual: stale.map((s) => s.inClaim).join(', '),
    ...(now.length ? { expected: now.join(', ') } : {}),
    note: 'The source changed these words and the claim kept them: reword the claim to match the source, or check that it still holds.',
  });
}

/**
 * A warning for each quote whose latest accepted correction removed a word the claim still
 * uses (the claim says "major", the source now says "serious").
 */
export function staleWordingMessages(workspace: Workspace): Message[] {
  const messages: Message[] = [];
  for (const claim of workspace.claims) {
    for (const evidence of claim.evidence) {
      const message = staleWordingMessage(workspace, claim, evidence);
      if (message) messages.push(message);
    }
  }
  return messages;
}
