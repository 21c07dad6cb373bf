import type { SourceText, Span } from '@factcheck/core';
import { isLineBreakUnit, isWhitespaceUnit } from './chars.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Most UTF-16 units handed to the segmenter at once. Stepping through the segments of one
 * string costs time in proportion to the whole string for every segment (Node 20's
 * Intl.Segmenter), so one pass over a whole source is quadratic; windows of about a
 * thousand units keep it linear, and measured fastest.
 */
export const SENTENCE_WINDOW = 1024;
/** Units left between the last character that settles a break and the cut of a window. */
const WINDOW_TAIL = 32;

/**
 * Splits a source into sentences, as code point spans trimmed of surrounding whitespace.
 *
 * Sentences come from `Intl.Segmenter('en', {granularity: 'sentence'})`. A line break also
 * always ends a sentence: ICU already breaks after every line terminator (Unicode rule SB4),
 * and splitting there again keeps headings, bylines and list items from running into the next
 * paragraph whatever the ICU version. So a sentence never spans two lines. Segments that are
 * only whitespace are dropped.
 *
 * The segmenter sees the text a window at a time (see sentenceSegments); the sentences are the
 * ones a single pass over the whole text gives, in linear time.
 */
export function splitSentences(text: SourceText): Span[] {
  return splitSentencesInWindows(text, SENTENCE_WINDOW);
}

/** splitSentences with a chosen window size, so that tests can make every cut happen. */
export function splitSentencesInWindows(text: SourceText, maxWindow: number): Span[] {
  const s = text.text;
  const spans: Span[] = [];
  sentenceSegments(s, maxWindow, (start, end) => {
    let pieceStart = start;
    for (let i = start; i < end; i++) {
      if (isLineBreakUnit(s.charCodeAt(i))) {
        pushTrimmed(text, pieceStart, i, spans);
        pieceStart = i + 1;
      }
    }
    pushTrimmed(text, pieceStart, end, spans);
  });
  return spans;
}

/**
 * Visits the segmenter's segments of `s` (UTF-16 ranges, in order) exactly as one pass over the
 * whole string gives them, handing the segmenter at most about `maxWindow` units at a time.
 *
 * Each window starts at a sentence boundary, from which ICU's rules run forward on their own.
 * - It ends just after a line terminator when it holds one: ICU always breaks there, and what
 *   follows a line break never changes a break before it, so every segment of the window is final.
 * - A line longer than the window is cut inside. Only the window's boundaries that the text
 *   inside it settles are kept; the cut part is segmented again in the next window, which starts
 *   at the last boundary kept. A break is settled by the first letter or sentence terminator at
 *   or after it (the one rule that looks further, SB8, stops at either). When a window settles
 *   nothing it is doubled, which costs little: such a stretch has hardly any segments.
 */
export function sentenceSegments(s: string, maxWindow: number, visit: (start: number, end: number) => void): void {
  const size = Math.max(2 * WINDOW_TAIL, Math.floor(maxWindow));
  let start = 0;
  while (start < s.length) start = segmentWindow(s, start, size, visit);
}

/** Segments one window from `start` (a boundary); returns where the next window starts. */
function segmentWindow(s: string, start: number, maxWindow: number, visit: (start: number, end: number) => void): number {
  for (let size = maxWindow; ; size *= 2) {
    const end = start + size;
    if (end >= s.length) return visitSegments(s, start, s.length, s.length, visit);
    const cut = afterLastLineBreak(s, start, end);
    if (cut > start) return visitSegments(s, start, cut, cut, visit);
    // One long line: never cut between the halves of a surrogate pair.
    const windowEnd = isLowSurrogate(s.charCodeAt(end)) ? end - 1 : end;
    const settled = lastSettlingChar(s, start, windowEnd - WINDOW_TAIL);
    const next = visitSegments(s, start, windowEnd, settled, visit);
    if (next > start) return next;
  }
}

/**
 * Segments s[from, to) and visits those that end at or before `limit`; returns the end of the
 * last one visited (`from` when none).
 */
function visitSegments(s: string, from: number, to: number, limit: number, visit: (start: number, end: number) => void): number {
  let reached = from;
  for (const { index, segment } of segmenter.segment(s.slice(from, to))) {
    const end = from + index + segment.length;
    if (end > limit) break;
    visit(from + index, end);
    reached = end;
  }
  return reached;
}

/** The index just after the last line terminator in s[from, to) (a CR LF pair kept whole), or -1. */
function afterLastLineBreak(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = s.charCodeAt(i);
    if (!isLineBreakUnit(c)) continue;
    return c === 13 && s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}

// A letter (not one that attaches to the character before it, as a few halfwidth kana marks do)
// or a sentence terminator: the characters at which every sentence-break rule stops looking ahead.
const SETTLING = /^(?!\p{Grapheme_Extend})[\p{L}\p{Sentence_Terminal}]$/u;

function isSettling(c: number, s: string, i: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 33 || c === 63;
  if (c >= 0xd800 && c < 0xdc00) return SETTLING.test(String.fromCodePoint(s.codePointAt(i)!));
  return !isLowSurrogate(c) && SETTLING.test(String.fromCharCode(c));
}

/** The index of the last settling character in s[from, to), or -1. */
function lastSettlingChar(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isSettling(s.charCodeAt(i), s, i)) return i;
  return -1;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

function pushTrimmed(text: SourceText, start: number, end: number, out: Span[]): void {
  const s = text.text;
  while (start < end && isWhitespaceUnit(s.charCodeAt(start))) start++;
  while (end > start && isWhitespaceUnit(s.charCodeAt(end - 1))) end--;
  if (end > start) out.push(text.codePointSpan(start, end));
}
