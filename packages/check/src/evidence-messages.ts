import { createMessage, utf16SpanHint, type Claim, type Evidence, type EvidenceResult, type Message, type SourceText, type Span, type Workspace } from '@factcheck/core';
import { formatDiff } from '@factcheck/anchor';

const showSpan = (span: Span) => `[${span[0]}, ${span[1]}]`;

/**
 * The message for one evidence result, or none when it is verified and pinned. Given the source
 * text, a span that holds the quote only when counted in UTF-16 units gets a note that says so.
 */
export function evidenceMessage(workspace: Workspace, claim: Claim, evidence: Evidence, result: EvidenceResult, sourcePath: string, text?: SourceText): Message | undefined {
  const message = baseEvidenceMessage(workspace, claim, evidence, result, sourcePath);
  const hint = message && text && evidence.span && result.status !== 'verified' ? utf16SpanHint(text, evidence.span, evidence.quote) : undefined;
  return hint && message ? { ...message, note: hint } : message;
}

function baseEvidenceMessage(workspace: Workspace, claim: Claim, evidence: Evidence, result: EvidenceResult, sourcePath: string): Message | undefined {
  const base = { file: workspace.displayPath, claimId: claim.id, place: evidence.spanPlace ?? evidence.quotePlace };
  switch (result.status) {
    case 'verified':
      if (result.pinned || !result.found) return undefined;
      return createMessage({
        ...base,
        ruleId: 'unpinned-span',
        severity: 'warning',
        reason: `quote is not pinned; found once in ${sourcePath} at ${showSpan(result.found)}`,
        note: 'Run `factcheck update` to write the span.',
      });
    case 'moved':
      return createMessage({
        ...base,
        ruleId: 'quote-moved',
        reason: `quote moved in ${sourcePath}: ${evidence.span ? `span ${showSpan(evidence.span)} is now` : 'now at'} ${showSpan(result.found!)}`,
        expected: evidence.span ? showSpan(evidence.span) : undefined,
        actual: showSpan(result.found!),
        note: 'Run `factcheck update` to pin the new span.',
      });
    case 'changed': {
      const pct = Math.round((result.score ?? 0) * 100);
      const diff = result.diff ? formatDiff(result.diff) : undefined;
      return createMessage({
        ...base,
        ruleId: 'quote-changed',
        reason: `quote changed in ${sourcePath} (${result.kind ?? 'fuzzy'} match, ${pct}% similar) at ${showSpan(result.found!)}${diff ? `: ${diff}` : ''}`,
        expected: evidence.quote,
        actual: result.actual,
        note: 'Check the source: if the new words still back the claim, run `factcheck update --accept`; otherwise revise the claim.',
      });
    }
    case 'ambiguous': {
      const spans = (result.candidates ?? []).map((c) => showSpan(c.span)).join(', ');
      return createMessage({
        ...base,
        ruleId: 'ambiguous-quote',
        reason: `quote matches ${result.candidates?.length ?? 'several'} places in ${sourcePath} and nothing tells which is meant${spans ? `: ${spans}` : ''}`,
        note: 'Add a span, or a prefix/suffix with the words around the quote you mean.',
      });
    }
    case 'missing': {
      const best = result.candidates?.[0];
      return createMessage({
        ...base,
        ruleId: 'missing-quote',
        reason: `quote not found in ${sourcePath}${best ? ` (closest text is ${Math.round(best.score * 100)}% similar, below the minimum ${Math.round(workspace.anchor.minScore * 100)}%)` : ''}`,
        expected: evidence.quote,
        actual: best?.text,
        note: 'The source no longer says this: find the new wording, or revise or remove the claim.',
      });
    }
  }
}
