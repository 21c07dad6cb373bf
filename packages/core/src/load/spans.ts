// A span as claims.yaml pins it. The walk has checked its form (two whole numbers, neither
// negative); here its order. A span past the end of its source is not an error: the source got
// shorter, and check reports the quote as moved, changed or missing like any other stale span.
import type { MessageInit } from '../messages.js';
import type { Place, Span } from '../types.js';

/** The span, or undefined after reporting one that runs backwards. */
export function spanOf(span: Span, place: Place, claimId: string | undefined, error: (init: Omit<MessageInit, 'file'>) => void): Span | undefined {
  const [start, end] = span;
  if (start <= end) return span;
  error({
    ruleId: 'invalid-span',
    reason: `span [${start}, ${end}] is reversed: start must not exceed end`,
    place,
    claimId,
    actual: `[${start}, ${end}]`,
    note: 'Write [start, end], or remove the span and run `factcheck update` to pin it.',
  });
  return undefined;
}
