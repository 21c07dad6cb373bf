// Similarity scores for people. A score below 1 means the texts differ, however little: one edit
// in 10,000 characters is 0.9999, which plain rounding shows as 100% or 1.00, hiding the change.

/**
 * A similarity score (0..1) as a percentage: whole percents as a rule (`93%`), and for a score
 * below 1 that would round to 100%, as many decimals as it takes to show the gap, truncated
 * (`99.99%`). Only a score of exactly 1 reads `100%`.
 */
export function formatSimilarity(score: number): string {
  return `${showBelow(score * 100, 100, 0)}%`;
}

/**
 * A similarity score (0..1) with two decimals as a rule (`0.93`), and for a score below 1 that
 * would round to 1.00, as many as it takes to show the gap, truncated (`0.9999`). Only a score of
 * exactly 1 reads `1.00`.
 */
export function formatScore(score: number): string {
  return showBelow(score, 1, 2);
}

/** Most decimals shown: a gap smaller than this is beyond any quote's length. */
const MAX_DECIMALS = 12;

/** `value` (at most `whole`) with `decimals` decimals, or more when it would round up to `whole`. */
function showBelow(value: number, whole: number, decimals: number): string {
  const shown = value.toFixed(decimals);
  if (!(value < whole) || Number(shown) < whole) return shown;
  // Enough decimals for the first digit of the gap, truncated so the figure never reaches `whole`.
  const gap = whole - value;
  const digits = Math.min(MAX_DECIMALS, Math.max(decimals + 1, Math.ceil(-Math.log10(gap) - 1e-9)));
  const factor = 10 ** digits;
  // Truncate past the floating-point noise of value × factor (99.99 × 100 is 9998.999…998), and no
  // further: a few units in the last place, relative, never a thousandth of a unit, which would
  // round up a score just below the next figure (99.99919996 would read 99.9992).
  const units = Math.min(Math.floor(value * factor * (1 + 4 * Number.EPSILON)), whole * factor - 1);
  return (units / factor).toFixed(digits);
}
