import type { SourceText, Span } from '@factcheck/core';
import { isLineBreakUnit, isWhitespaceUnit } from './chars.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a source into sentences, as code point spans trimmed of surrounding whitespace.
 *
 * Sentences come from `Intl.Segmenter('en', {granularity: 'sentence'})`. A line break also
 * always ends a sentence: ICU already breaks after every line terminator (Unicode rule SB4),
 * and splitting there again keeps headings, bylines and list items from running into the next
 * paragraph whatever the ICU version. So a sentence never spans two lines. Segments that are
 * only whitespace are dropped.
 */
export function splitSentences(text: SourceText): Span[] {
  const s = text.text;
  const spans: Span[] = [];
  for (const { index, segment } of segmenter.segment(s)) {
    const end = index + segment.length;
    let pieceStart = index;
    for (let i = index; i < end; i++) {
      if (isLineBreakUnit(s.charCodeAt(i))) {
        pushTrimmed(text, pieceStart, i, spans);
        pieceStart = i + 1;
      }
    }
    pushTrimmed(text, pieceStart, end, spans);
  }
  return spans;
}

function pushTrimmed(text: SourceText, start: number, end: number, out: Span[]): void {
  const s = text.text;
  while (start < end && isWhitespaceUnit(s.charCodeAt(start))) start++;
  while (end > start && isWhitespaceUnit(s.charCodeAt(end - 1))) end--;
  if (end > start) out.push(text.codePointSpan(start, end));
}
