// Builds loaded claims, properties and entities concisely, the way the loader hands them over.
import { parseDateInterval } from '@factcheck/core';
import type { Claim, EntityDecl, PropertyDecl, TimeScope, Verdict, YamlPlace } from '@factcheck/core';

const POSITION = { line: 1, column: 1, offset: 0 };
export const PLACE: YamlPlace = { start: POSITION, end: POSITION };

/** A `when` as written in claims.yaml (YYYY, YYYY-MM or YYYY-MM-DD), normalized like the loader does. */
export function when(text: string): TimeScope {
  const { value, error } = parseDateInterval(text);
  if (!value) throw new Error(`bad date in a test: ${error}`);
  return { ...value, text };
}

export interface ClaimSpec {
  id: string;
  claim?: string;
  verdict?: Verdict;
  quotes?: Array<string | { source: string; quote: string; stance?: 'for' | 'against' }>;
  fact?: { subject: string; property: string; value: string; when?: string };
  conflicts?: Array<{ with: string; reason: string }>;
}

export function makeClaim(spec: ClaimSpec): Claim {
  const claim: Claim = {
    id: spec.id,
    claim: spec.claim ?? `Claim ${spec.id}.`,
    verdict: spec.verdict ?? 'supported',
    evidence: (spec.quotes ?? []).map((q) => ({
      source: typeof q === 'string' ? 'source' : q.source,
      quote: typeof q === 'string' ? q : q.quote,
      stance: typeof q === 'string' ? ('for' as const) : (q.stance ?? 'for'),
      place: PLACE,
      quotePlace: PLACE,
    })),
    conflicts: (spec.conflicts ?? []).map((c) => ({ ...c, place: PLACE })),
    place: PLACE,
    file: 'claims.yaml',
    idPlace: PLACE,
    claimPlace: PLACE,
  };
  if (spec.fact) {
    const { when: written, ...rest } = spec.fact;
    claim.fact = { ...rest, ...(written === undefined ? {} : { when: when(written) }), place: PLACE };
  }
  return claim;
}

export function properties(...ids: string[]): Map<string, PropertyDecl> {
  return new Map(ids.map((id) => [id, { id, singleValued: true, place: PLACE }]));
}

export function entities(list: Array<{ id: string; name?: string; aliases?: string[] }>): Map<string, EntityDecl> {
  return new Map(list.map((e) => [e.id, { id: e.id, ...(e.name === undefined ? {} : { name: e.name }), aliases: e.aliases ?? [], place: PLACE }]));
}

/** The input of findContradictions, with job-title, office and accessible-from-china declared single-valued. */
export function input(claims: Claim[], extra: { entities?: Map<string, EntityDecl>; properties?: Map<string, PropertyDecl> } = {}) {
  return {
    claims,
    properties: extra.properties ?? properties('job-title', 'office', 'accessible-from-china', 'users'),
    entities: extra.entities ?? new Map<string, EntityDecl>(),
  };
}
