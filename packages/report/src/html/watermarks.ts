import { DEFAULT_WATERMARKS, watermarkClass, type WatermarkClass, type Watermarks } from '@factcheck/coverage';

/**
 * Watermarks for a figure that has a threshold: below the threshold is always low (red), so the
 * colour agrees with the failure; without one, the istanbul defaults apply.
 */
export function watermarksFor(threshold: number | undefined): Watermarks {
  if (threshold === undefined) return DEFAULT_WATERMARKS;
  return { low: threshold, high: Math.max(threshold, DEFAULT_WATERMARKS.high) };
}

export function bandOf(pct: number, threshold: number | undefined): WatermarkClass {
  return watermarkClass(pct, watermarksFor(threshold));
}
