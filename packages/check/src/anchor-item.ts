// Anchoring one source's quotes, the same way in this thread and in a worker thread, and the
// messages between the two. A result depends on the source text, the quote's own fields passed
// here (quote, span, prefix, suffix), the anchor options and whether the source still has its
// recorded sha256: exactly what the result cache keys it by.
import { anchorQuote, graphemeCut } from '@factcheck/anchor';
import { splitSentences } from '@factcheck/coverage';
import { SourceText, type AnchorOptions, type AnchorResult, type Span } from '@factcheck/core';

/** The fields of an evidence item that anchoring reads. */
export interface QuoteToAnchor {
  quote: string;
  span?: Span;
  prefix?: string;
  suffix?: string;
}

/** The part of an evidence result that anchoring finds (the rest is the evidence item's own). */
export type AnchorPart = AnchorResult & { cached?: true };

/** One source to anchor: its text, its quotes, and whether its sentences are wanted too. */
export interface SourceTask {
  id: string;
  text: string;
  /** The source's bytes still hash to the sha256 recorded in claims.yaml. */
  unchanged: boolean;
  quotes: QuoteToAnchor[];
  sentences: boolean;
}

/** What anchoring a source gives: a part for each of its quotes, in order, and its sentences when asked. */
export interface SourceDone {
  id: string;
  parts: AnchorPart[];
  /** The sentence spans, flat: start, end, start, end… */
  sentences?: number[];
}

/** A message to a worker: the anchor options and a batch of sources. */
export interface WorkerRequest {
  batch: number;
  options: AnchorOptions;
  tasks: SourceTask[];
}

/** A worker's answer to a batch. */
export interface WorkerReply {
  batch: number;
  done: SourceDone[];
}

/** The fields anchoring reads, and no others, so that the cache key covers every input. */
export function quoteToAnchor(evidence: QuoteToAnchor): QuoteToAnchor {
  const quote: QuoteToAnchor = { quote: evidence.quote };
  if (evidence.span) quote.span = evidence.span;
  if (evidence.prefix !== undefined) quote.prefix = evidence.prefix;
  if (evidence.suffix !== undefined) quote.suffix = evidence.suffix;
  return quote;
}

/**
 * One quote anchored. An unchanged source with a quote that still stands at its span needs no
 * search: the span was pinned against exactly these bytes (a span that cuts a character is never
 * trusted). Anything else goes through the whole pipeline.
 */
export function anchorPart(text: SourceText, quote: QuoteToAnchor, options: AnchorOptions, sourceUnchanged: boolean): AnchorPart {
  if (sourceUnchanged && quote.span && text.slice(quote.span) === quote.quote && !graphemeCut(text, quote.span)) {
    return { status: 'verified', found: quote.span, score: 1, distance: 0, kind: 'exact', cached: true };
  }
  return anchorQuote(text, quote, options);
}

/** Every quote of one source anchored, and its sentences split when asked. */
export function anchorTask(task: SourceTask, options: AnchorOptions, text = new SourceText(task.text)): SourceDone {
  const done: SourceDone = { id: task.id, parts: task.quotes.map((quote) => anchorPart(text, quote, options, task.unchanged)) };
  if (task.sentences) done.sentences = flatSpans(splitSentences(text));
  return done;
}

export function flatSpans(spans: readonly Span[]): number[] {
  const flat = new Array<number>(spans.length * 2);
  spans.forEach(([start, end], i) => {
    flat[2 * i] = start;
    flat[2 * i + 1] = end;
  });
  return flat;
}

export function spansOf(flat: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) spans.push([flat[i]!, flat[i + 1]!]);
  return spans;
}
