import { codePointLength } from './codepoints.js';
import { editDistanceInCodePoints } from './myers.js';

/**
 * Similarity of two strings, 0..1: 1 − (edit distance) / (length of the longer), counted in
 * code points. Two empty strings are identical (1).
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(codePointLength(a), codePointLength(b));
  if (longest === 0) return 1;
  return 1 - editDistanceInCodePoints(a, b) / longest;
}
