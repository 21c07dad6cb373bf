/**
 * A time scope as a closed interval of ISO dates (YYYY-MM-DD), inclusive: what a date, a month or a
 * year in claims.yaml reads as, and what a fact's `when` becomes.
 */
export interface TimeScope {
  from: string;
  to: string;
  /** As written in claims.yaml, for messages. */
  text: string;
}

/** The ends of an interval left open: the first and the last day a date can name. */
export const OPEN_START = '0001-01-01';
export const OPEN_END = '9999-12-31';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads a date, a month or a year ("2022-08-03", "2022-08", "2022", or the number 2022) as an
 * inclusive interval of days. Returns an error text for anything else, including impossible
 * dates such as 2022-02-30.
 */
export function parseDateInterval(input: unknown): { value?: { from: string; to: string }; error?: string } {
  const text = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  if (typeof text !== 'string') return { error: 'expected a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)' };
  const match = DATE.exec(text.trim());
  if (!match) return { error: `"${text}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY` };
  const year = Number(match[1]);
  if (year < 1) return { error: `"${text}" has year 0` };
  if (match[2] === undefined) return { value: { from: `${pad(year, 4)}-01-01`, to: `${pad(year, 4)}-12-31` } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { error: `"${text}" has month ${match[2]}: months run from 01 to 12` };
  const last = daysInMonth(year, month);
  if (match[3] === undefined) return { value: { from: `${pad(year, 4)}-${pad(month)}-01`, to: `${pad(year, 4)}-${pad(month)}-${pad(last)}` } };
  const day = Number(match[3]);
  if (day < 1 || day > last) return { error: `"${text}" has day ${match[3]}: ${pad(year, 4)}-${pad(month)} has ${last} days` };
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { value: { from: iso, to: iso } };
}

/** Whether two inclusive date scopes share at least one day. An absent scope is unbounded. */
export function scopesOverlap(a: TimeScope | undefined, b: TimeScope | undefined): boolean {
  if (!a || !b) return true;
  return a.from <= b.to && b.from <= a.to;
}
