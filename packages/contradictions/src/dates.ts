// Dates in text: "April 2020", "3 August 2022", "August 3, 2022", "2022-08-03", "in 2027",
// "since 2020". Each becomes an inclusive interval of ISO days, like the `when` of a fact.
import { OPEN_END, OPEN_START } from '@factcheck/core';
import type { Token } from './tokens.js';

export interface DateMention {
  /** As written, with its "since"/"before" when there is one. */
  text: string;
  /** Inclusive ISO days; open ends are 0001-01-01 and 9999-12-31. */
  from: string;
  to: string;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
  /** "MM-DD" for a day written without a year ("July 4th"); from/to are then open. */
  yearless?: string;
}

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
    ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
    ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
    ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ] as const,
);

/** Words after which a bare four-digit number is a year ("in 2027", "since 2020", "mid 2021"). */
const YEAR_CONTEXT = new Set(
  'in since by until till from before after during of early late mid to and between through throughout circa around year'.split(' '),
);

/** Words that turn a date into an open interval. */
const OPEN_AFTER = new Set(['since', 'after', 'from']);
const OPEN_BEFORE = new Set(['before', 'by', 'until', 'till']);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function yearOf(token: Token | undefined): number | undefined {
  if (!token || !/^\d{4}$/.test(token.text)) return undefined;
  const year = Number(token.text);
  return year >= 1000 && year <= 2999 ? year : undefined;
}

function dayOf(token: Token | undefined): number | undefined {
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token?.text ?? '');
  const day = match ? Number(match[1]) : NaN;
  return day >= 1 && day <= 31 ? day : undefined;
}

interface Read {
  from: string;
  to: string;
  next: number;
  yearless?: string;
}

/**
 * A reading from its scope and the token after it. Built field by field, so that every reading has the
 * same shape: spread copies take the shape of their source, and reading them is slower.
 */
function readUpTo(scope: { from: string; to: string; yearless?: string }, next: number): Read {
  return { from: scope.from, to: scope.to, next, yearless: scope.yearless };
}

function monthInterval(year: number, month: number): { from: string; to: string } {
  return { from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(daysIn(year, month))}` };
}

function dayInterval(year: number, month: number, day: number): { from: string; to: string } | undefined {
  if (day > daysIn(year, month)) return undefined;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { from: iso, to: iso };
}

/** A day without a year: open, but two of them can still be told apart. */
function yearless(month: number, day: number): { from: string; to: string; yearless: string } | undefined {
  if (day > daysIn(2000, month)) return undefined;
  return { from: OPEN_START, to: OPEN_END, yearless: `${pad(month)}-${pad(day)}` };
}

/** Reads the date proper at `at`, without "since"/"before". */
function readPlainDate(tokens: readonly Token[], at: number, countNoun: (k: number) => boolean): Read | undefined {
  const t = tokens[at];
  if (!t) return undefined;
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t.text);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return undefined;
    const scope = iso[3] === undefined ? monthInterval(year, month) : dayInterval(year, month, Number(iso[3]));
    return scope && readUpTo(scope, at + 1);
  }
  // 3 August 2022 / 3 August
  const day = dayOf(t);
  const monthAfterDay = MONTHS.get(tokens[at + 1]?.text ?? '');
  if (day !== undefined && monthAfterDay !== undefined) {
    const year = yearOf(tokens[at + 2]);
    if (year === undefined) {
      const scope = yearless(monthAfterDay, day);
      return scope && readUpTo(scope, at + 2);
    }
    const scope = dayInterval(year, monthAfterDay, day);
    return scope && readUpTo(scope, at + 3);
  }
  const month = MONTHS.get(t.text);
  // "may" is a verb far more often than a month: only read it with a day or a year beside it.
  if (month !== undefined) {
    const dayAfter = dayOf(tokens[at + 1]);
    if (dayAfter !== undefined) {
      const year = yearOf(tokens[at + 2]);
      if (year === undefined) {
        const scope = yearless(month, dayAfter);
        return scope && readUpTo(scope, at + 2);
      }
      const scope = dayInterval(year, month, dayAfter);
      return scope && readUpTo(scope, at + 3);
    }
    const year = yearOf(tokens[at + 1]);
    if (year !== undefined) return readUpTo(monthInterval(year, month), at + 2);
    return undefined;
  }
  const year = yearOf(t);
  if (year !== undefined) {
    const before = tokens[at - 1]?.text;
    // A bare 1000..2999 is a year unless it counts something ("2000 users").
    const isYear = (before !== undefined && (YEAR_CONTEXT.has(before) || MONTHS.has(before))) || !countNoun(at + 1);
    if (isYear) return readUpTo({ from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` }, at + 1);
  }
  return undefined;
}

/** Whether a date could start with this token: a digit, a month, or an opening word. */
export function mayStartDate(word: string): boolean {
  const code = word.charCodeAt(0);
  return (code >= 48 && code <= 57) || MONTHS.has(word) || OPEN_AFTER.has(word) || OPEN_BEFORE.has(word) || word === 'between';
}

/**
 * Reads the date that starts at token `at`, with an opening "since/after/from" or "before/by/until",
 * and "between X and Y" / "from X to Y" ranges. `countNoun(k)` tells whether token k is a noun a
 * number could count, which makes a bare four-digit number a quantity rather than a year.
 */
export function readDate(
  tokens: readonly Token[],
  at: number,
  text: string,
  countNoun: (k: number) => boolean,
): { date: DateMention; next: number } | undefined {
  const lead = tokens[at]?.text ?? '';
  if (!mayStartDate(lead)) return undefined;
  const opener = OPEN_AFTER.has(lead) || OPEN_BEFORE.has(lead) || lead === 'between';
  const start = opener ? at + 1 : at;
  const plain = readPlainDate(tokens, start, countNoun);
  if (!plain) return undefined;
  let { from, to, next } = plain;
  const { yearless: monthDay } = plain;
  const joiner = tokens[next]?.text;
  if ((lead === 'between' && joiner === 'and') || (lead === 'from' && (joiner === 'to' || joiner === 'until'))) {
    const end = readPlainDate(tokens, next + 1, countNoun);
    if (end && end.to >= from) {
      to = end.to;
      next = end.next;
    } else if (lead === 'between') return undefined;
  } else if (OPEN_AFTER.has(lead)) to = OPEN_END;
  else if (OPEN_BEFORE.has(lead)) from = OPEN_START;
  else if (lead === 'between') return undefined;
  const first = tokens[at]!;
  const last = tokens[next - 1]!;
  const date: DateMention = { text: text.slice(first.start, last.end), from, to, start: first.start, end: last.end };
  // An open "since July 4" has no day to compare.
  if (monthDay !== undefined && !opener) date.yearless = monthDay;
  return { date, next };
}

/** Whether two dates share no day. Two days written without a year differ when month or day differ. */
export function datesDisjoint(a: DateMention, b: DateMention): boolean {
  if (a.yearless !== undefined && b.yearless !== undefined) return a.yearless !== b.yearless;
  return a.to < b.from || b.to < a.from;
}
