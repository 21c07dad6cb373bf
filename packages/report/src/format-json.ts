import { ruleDocs, type CheckResult, type EvidenceResult, type Message } from '@factcheck/core';

/** The stable JSON output of `check --format json` (see the README for the shape). */
export interface JsonReport {
  version: 1;
  claims: JsonClaim[];
  contradictions: JsonContradiction[];
  coverage: { sources: JsonCoverage[]; total: JsonCoverageTotal };
  messages: JsonMessage[];
  summary: { passed: number; failed: number };
}

/** A message, with where the README documents its rule (`README.md#rule-<id>`). */
export type JsonMessage = Message & { docs: string };

export interface JsonClaim {
  id: string;
  /** The claims file that declares it: claims.yaml, or a file it includes. */
  file: string;
  verdict: string;
  status: 'passed' | 'failed';
  evidence: JsonEvidence[];
  /** Distinct sources, and distinct publishers, among the claim's evidence for it. */
  corroboration: { sources: number; publishers: number };
}

export interface JsonEvidence {
  source: string;
  status: EvidenceResult['status'];
  span: [number, number] | null;
  found: [number, number] | null;
  quote: string;
  /** Whether the quote backs the claim (`for`) or speaks against it (`against`). */
  stance: 'for' | 'against';
  pinned: boolean;
  score?: number;
  kind?: string;
  actual?: string;
  diff?: EvidenceResult['diff'];
  /** Why a quote found word for word is not verified (it cuts a character in two). */
  reason?: string;
  /** Ambiguous: the places the quote matches. Missing: up to three passages that may be its new wording, best first. */
  candidates?: { span: [number, number]; score: number; text: string }[];
  /** The quote's accepted corrections, oldest first, as claims.yaml records them. */
  history?: { date: string; was: string }[];
}

export interface JsonContradiction {
  claims: [string, string];
  kind: string;
  severity: string;
  reason: string;
  evidence?: { source: string; quote: string };
  acknowledged?: string;
}

export interface JsonCoverage {
  source: string;
  path: string;
  sentences: number;
  covered: number;
  partial: number;
  excluded: number;
  sentencePct: number;
  characterPct: number;
}

export interface JsonCoverageTotal {
  sentences: number;
  covered: number;
  sentencePct: number;
  characterPct: number;
}

const pair = (span: readonly [number, number] | undefined): [number, number] | null => (span ? [span[0], span[1]] : null);

export function toJsonReport(result: CheckResult): JsonReport {
  const claimsById = new Map(result.workspace.claims.map((c) => [c.id, c]));
  return {
    version: 1,
    claims: result.claims.map((claim) => ({
      id: claim.id,
      file: claimsById.get(claim.id)?.file ?? result.workspace.displayPath,
      verdict: claim.verdict,
      status: claim.status,
      corroboration: claim.corroboration,
      evidence: claim.evidence.map((e) => {
        const out: JsonEvidence = { source: e.source, status: e.status, span: pair(e.span), found: pair(e.found), quote: e.quote, stance: e.stance, pinned: e.pinned };
        if (e.status !== 'verified' && e.score !== undefined) out.score = e.score; // exact: a rounded 1 would hide a difference
        if (e.kind && e.kind !== 'exact') out.kind = e.kind;
        if (e.actual !== undefined) out.actual = e.actual;
        if (e.diff) out.diff = e.diff;
        if (e.reason) out.reason = e.reason;
        if (e.candidates?.length) out.candidates = e.candidates.map((c) => ({ span: [c.span[0], c.span[1]], score: c.score, text: c.text }));
        const history = claimsById.get(claim.id)?.evidence[e.index]?.history;
        if (history?.length) out.history = history.map(({ date, was }) => ({ date, was }));
        return out;
      }),
    })),
    contradictions: result.contradictions.map((c) => {
      const out: JsonContradiction = { claims: c.claims, kind: c.kind, severity: c.severity, reason: c.reason };
      if (c.evidence) out.evidence = c.evidence;
      if (c.acknowledged) out.acknowledged = c.acknowledged;
      return out;
    }),
    coverage: {
      sources: result.coverage.sources.map((s) => ({
        source: s.source,
        path: s.path,
        sentences: s.sentences,
        covered: s.covered,
        partial: s.partial,
        excluded: s.excluded,
        sentencePct: s.sentencePct,
        characterPct: s.characterPct,
      })),
      total: {
        sentences: result.coverage.total.sentences,
        covered: result.coverage.total.covered,
        sentencePct: result.coverage.total.sentencePct,
        characterPct: result.coverage.total.characterPct,
      },
    },
    messages: result.messages.map(withDocs),
    summary: result.summary,
  };
}

/** What `--format json` prints when claims.yaml cannot be checked at all (exit 2). */
export function toJsonErrorReport(errors: readonly Message[], warnings: readonly Message[] = []): { version: 1; errors: JsonMessage[]; warnings: JsonMessage[] } {
  return { version: 1, errors: errors.map(withDocs), warnings: warnings.map(withDocs) };
}

const withDocs = (message: Message): JsonMessage => ({ ...message, docs: ruleDocs(message.ruleId) });
