import { createMessage, formatSimilarity, utf16SpanHint, type Claim, type Evidence, type EvidenceResult, type Message, type SourceText, type Span, type Workspace } from '@factcheck/core';
import { formatDiff, wordDiff } from '@factcheck/anchor';

const showSpan = (span: Span) => `[${span[0]}, ${span[1]}]`;

/**
 * The message for one evidence result, or none when it is verified and pinned. Given the source
 * text, a span that holds the quote only when counted in UTF-16 units gets a note that says so,
 * and a span past the end of a source that got shorter says so. When the source is unchanged
 * since it was pinned (`sourceUnchanged`: its sha256 matches), a quote that differs from the
 * text at its span has a typo: the message says the quote differs, not the source.
 */
export function evidenceMessage(
  workspace: Workspace,
  claim: Claim,
  evidence: Evidence,
  result: EvidenceResult,
  sourcePath: string,
  text?: SourceText,
  sourceUnchanged = false,
): Message | undefined {
  const hint = text && evidence.span && result.status !== 'verified' ? utf16SpanHint(text, evidence.span, evidence.quote) : undefined;
  if (hint === undefined && text && sourceUnchanged) {
    const typo = typoMessage(claim, evidence, result, sourcePath, text);
    if (typo) return typo;
  }
  const message = baseEvidenceMessage(workspace, claim, evidence, result, sourcePath, text);
  if (!message) return undefined;
  // A span counted in UTF-16 units runs past the end for another reason, which the hint gives.
  const shorter = !hint && text && evidence.span && evidence.span[1] > text.length && result.status !== 'verified';
  const reason = shorter ? `${message.reason}; the source got shorter (${text.length} code points), so the span runs past its end` : message.reason;
  return { ...message, reason, ...(hint ? { note: hint } : {}) };
}

/** The message for a quote that differs from the text at its span of a source unchanged since it was pinned. */
function typoMessage(claim: Claim, evidence: Evidence, result: EvidenceResult, sourcePath: string, text: SourceText): Message | undefined {
  const span = evidence.span;
  if (!span || span[1] > text.length || (result.status !== 'changed' && result.status !== 'missing')) return undefined;
  const atSpan = text.slice(span);
  if (atSpan === evidence.quote) return undefined;
  return createMessage({
    file: claim.file,
    claimId: claim.id,
    source: evidence.source,
    place: evidence.quotePlace,
    ruleId: result.status === 'changed' ? 'quote-changed' : 'missing-quote',
    reason: `quote differs from the text at its span ${showSpan(span)} in ${sourcePath}, which is unchanged since it was pinned: ${formatDiff(wordDiff(evidence.quote, atSpan))}`,
    expected: evidence.quote,
    actual: atSpan,
    note: 'The source has not changed since the span was pinned (its sha256 matches), so the quote in claims.yaml has a typo: correct it to the words of the source.',
  });
}

function baseEvidenceMessage(workspace: Workspace, claim: Claim, evidence: Evidence, result: EvidenceResult, sourcePath: string, text?: SourceText): Message | undefined {
  const base = { file: claim.file, claimId: claim.id, source: evidence.source, place: evidence.spanPlace ?? evidence.quotePlace };
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
        severity: workspace.anchor.moved === 'error' ? 'error' : 'warning',
        reason: `quote moved in ${sourcePath}: ${evidence.span ? `span ${showSpan(evidence.span)} is now` : 'now at'} ${showSpan(result.found!)}`,
        expected: evidence.span ? showSpan(evidence.span) : undefined,
        actual: showSpan(result.found!),
        note: 'Run `factcheck update` to pin the new span.',
      });
    case 'changed': {
      if (result.reason) {
        return createMessage({
          ...base,
          ruleId: 'quote-changed',
          reason: `quote cuts a character in two in ${sourcePath}: ${result.reason}; the whole characters are at ${showSpan(result.found!)}`,
          expected: evidence.quote,
          actual: result.actual,
          note: 'Quote whole characters: `factcheck update --accept` takes the text at that span as the quote, or revise the quote.',
        });
      }
      const diff = result.diff ? formatDiff(result.diff) : undefined;
      return createMessage({
        ...base,
        ruleId: 'quote-changed',
        reason: `quote changed in ${sourcePath} (${result.kind ?? 'fuzzy'} match, ${formatSimilarity(result.score ?? 0)} similar) at ${showSpan(result.found!)}${diff ? `: ${diff}` : ''}`,
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
      const line = best && text ? `, line ${text.position(Math.min(best.span[0], text.length)).line}` : '';
      return createMessage({
        ...base,
        ruleId: 'missing-quote',
        reason: `quote not found in ${sourcePath}${best ? `; maybe reworded as: ${JSON.stringify(oneLine(best.text))}${line} (${formatSimilarity(best.score)} similar)` : ''}`,
        expected: evidence.quote,
        actual: best?.text,
        note: best
          ? `The source no longer says this word for word. Read the suggested passage: if it still backs the claim, \`factcheck update --take ${claim.id}\` takes it as the quote (the old words go into the quote's history); otherwise revise or remove the claim.`
          : 'The source no longer says this: find the new wording, or revise or remove the claim.',
      });
    }
  }
}

/** A passage on one line, shortened in the middle when long. */
function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cps = [...flat];
  return cps.length <= max ? flat : `${cps.slice(0, max / 2 - 1).join('')} … ${cps.slice(cps.length - max / 2 + 2).join('')}`;
}
