import { escapeControlChars } from './control-chars.js';
import { RULES, type RuleId, type RuleInfo } from './rules.js';
import type { Message, Place, Position, Severity } from './types.js';

/** 1-based line and column of a 0-based offset, given the offsets where lines start. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
}

export function placeAt(lineStarts: readonly number[], start: number, end: number = start): Place {
  return { start: positionAt(lineStarts, start), end: positionAt(lineStarts, end) };
}

/** Offsets where each line of `text` starts (after \n, \r\n or a lone \r). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export const NO_PLACE: Place = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

export interface MessageInit {
  ruleId: RuleId;
  reason: string;
  file: string;
  place?: Place;
  /** Default: the rule's own severity (see RULES). */
  severity?: Severity;
  claimId?: string;
  /** The id of the source the message is about. */
  source?: string;
  actual?: string;
  expected?: string;
  note?: string;
}

/**
 * Builds a message, leaving out the optional fields that are not set (so JSON output stays tidy).
 * Control characters in the human text (reason, note) are written as escapes: they can come from
 * claims.yaml, and an escape sequence printed raw would drive the terminal.
 */
export function createMessage(init: MessageInit): Message {
  const message: Message = { ruleId: init.ruleId, severity: init.severity ?? defaultSeverity(init.ruleId), reason: escapeControls(init.reason), file: init.file };
  if (init.place) message.place = init.place;
  if (init.claimId !== undefined) message.claimId = init.claimId;
  if (init.source !== undefined) message.source = init.source;
  if (init.actual !== undefined) message.actual = init.actual;
  if (init.expected !== undefined) message.expected = init.expected;
  if (init.note !== undefined) message.note = escapeControls(init.note);
  return message;
}

/** The rule's own severity; 'error' for an id that no registry knows (from plain JavaScript). */
function defaultSeverity(ruleId: RuleId): Severity {
  return (RULES[ruleId] as RuleInfo | undefined)?.severity ?? 'error';
}

/** Text with control characters written as `\u001b`-style escapes; which characters, control-chars.ts decides for every package. */
export const escapeControls = escapeControlChars;

/** `file:line:col`, the way every message is located for a person. */
export function formatLocation(message: Pick<Message, 'file' | 'place'>): string {
  if (!message.place) return message.file;
  return `${message.file}:${message.place.start.line}:${message.place.start.column}`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts by file, then position, then severity: the order of the stylish output. */
export function compareMessages(a: Message, b: Message): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const ao = a.place?.start.offset ?? -1;
  const bo = b.place?.start.offset ?? -1;
  if (ao !== bo) return ao - bo;
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Shows a received value briefly in a message. */
export function showValue(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (value === null) text = 'null';
  else if (value === undefined) text = 'nothing';
  else if (Array.isArray(value)) text = `a list of ${value.length}`;
  else if (value instanceof Uint8Array) text = `binary data (${value.length} bytes)`;
  else if (value instanceof Date) text = `a timestamp (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  else if (typeof value === 'object') text = 'a mapping';
  else text = String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Levenshtein distance in UTF-16 code units, for "did you mean" suggestions on short words. */
export function editDistanceInUnits(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Longest word (and choice) that suggest() compares: typos are short, and the distance is quadratic. */
const MAX_SUGGEST_LENGTH = 100;
/** How many choices suggest() looks at, at most: a hostile file may declare thousands. */
const MAX_SUGGEST_CHOICES = 1000;

/** The closest of `choices` to `word`, when it is close enough to be a likely typo. */
export function suggest(word: string, choices: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  let looked = 0;
  for (const choice of choices) {
    if (++looked > MAX_SUGGEST_CHOICES) break;
    // The distance is at least the difference in length: skip what cannot be close enough.
    if (Math.abs(choice.length - word.length) > limit) continue;
    const distance = editDistanceInUnits(word.toLowerCase(), choice.toLowerCase());
    if (distance < bestDistance) {
      best = choice;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
