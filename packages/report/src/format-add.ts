import { escapeControlChars } from '@factcheck/core';
import type { AddResult } from '@factcheck/edit';

/**
 * What `factcheck add` prints. stylish: where the claim was appended and where its quote stands
 * (in a dry run, the YAML it would append); when the quote is not found once, why, with the
 * nearest passages. json: one object with the same facts.
 */
export function formatAddResult(result: AddResult, format: 'stylish' | 'json'): string {
  if (result.kind === 'not-found') {
    const text = `${result.lines.join('\n')}\n`;
    if (format === 'stylish') return escapeControlChars(text); // source text, shown to a terminal
    const { status, reason } = result.result;
    return `${JSON.stringify({ version: 1, written: false, status, source: result.source, ...(reason ? { reason } : {}), candidates: result.candidates, message: text.trimEnd() }, null, 2)}\n`;
  }
  const { claim } = result;
  if (format === 'json') {
    const evidence = claim.evidence.map((e, i) => ({ ...e, at: result.foundAt[i] }));
    const json = { version: 1, claims: result.claims, dryRun: !result.written, written: result.written, line: result.line, column: result.column, claim: { ...claim, evidence }, yaml: result.yaml };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const span = claim.evidence[0]?.span;
  const where = `${result.foundAt[0] ?? ''}, span [${span?.[0]}, ${span?.[1]}]`;
  if (result.written) return `Added claim "${claim.id}" at ${result.claims}:${result.line}:${result.column}\n  quote found at ${where}\n`;
  const block = result.yaml.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)+$/, '');
  return `Dry run: ${result.claims} not written. add would append claim "${claim.id}" at line ${result.line} (quote found at ${where}):\n\n${block}\n`;
}
