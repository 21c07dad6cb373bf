import type { Span } from '@factcheck/core';

/** Sorts spans and merges the ones that overlap or touch. Empty spans are dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A 0/1 flag per code point for every position inside one of `spans` (clamped to the text). */
export function markSpans(spans: readonly Span[], length: number): Uint8Array {
  const flags = new Uint8Array(length);
  for (const [start, end] of spans) {
    const from = Math.max(0, Math.min(start, length));
    const to = Math.max(from, Math.min(end, length));
    flags.fill(1, from, to);
  }
  return flags;
}
