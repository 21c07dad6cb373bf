/** A closed interval; either end may be infinite ("more than 5" is [5, +∞)). */
export interface Interval {
  low: number;
  high: number;
}

/** Two closed intervals are disjoint when one ends before the other starts (touching ends overlap). */
export function disjoint(a: Interval, b: Interval): boolean {
  return a.high < b.low || b.high < a.low;
}
