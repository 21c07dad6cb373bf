/**
 * A percentage with one decimal, rounded down so that a figure never reads as reaching a
 * threshold it misses (99.96% shows as 99.9%, not 100.0%). Nothing to cover counts as 100%.
 */
export function percent(covered: number, total: number): number {
  if (total <= 0) return 100;
  return Math.floor((covered * 1000) / total) / 10;
}

/** True when covered/total is below a threshold given in percent (compared exactly, not rounded). */
export function isBelow(covered: number, total: number, threshold: number): boolean {
  if (total <= 0) return false;
  return covered * 100 < threshold * total;
}

/** Istanbul-style watermarks: below `low` is low, below `high` is medium, the rest is high. */
export interface Watermarks {
  low: number;
  high: number;
}

export const DEFAULT_WATERMARKS: Readonly<Watermarks> = Object.freeze({ low: 50, high: 80 });

export type WatermarkClass = 'low' | 'medium' | 'high';

/** The watermark band of a percentage (default watermarks: low < 50 ≤ medium < 80 ≤ high). */
export function watermarkClass(pct: number, thresholds: Watermarks = DEFAULT_WATERMARKS): WatermarkClass {
  if (pct < thresholds.low) return 'low';
  if (pct < thresholds.high) return 'medium';
  return 'high';
}

/** Formats a percentage for people: one decimal, `%` sign. */
export function formatPercent(pct: number): string {
  return `${pct.toFixed(1)}%`;
}
