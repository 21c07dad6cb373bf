import type { SourceText } from './text.js';
import type { Span } from './types.js';

/**
 * When a span holds the quote only if its numbers are read as UTF-16 units (as JavaScript string
 * indexes, or tools built on them, count), the hint that says so and gives the span in code
 * points, the unit of claims.yaml. Undefined otherwise.
 */
export function utf16SpanHint(text: SourceText, span: Span, quote: string): string | undefined {
  const [start, end] = span;
  if (!text.hasAstral || end > text.text.length || text.text.slice(start, end) !== quote) return undefined;
  if (text.slice(span) === quote) return undefined;
  const [from, to] = text.codePointSpan(start, end);
  return `Spans count Unicode code points, not UTF-16 units: [${start}, ${end}] holds the quote only when read as UTF-16 units (emoji and other characters outside the Basic Multilingual Plane count once in code points, twice in UTF-16). In code points the quote is at [${from}, ${to}].`;
}
