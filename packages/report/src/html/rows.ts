// The data index.html embeds for report.js, and the names both sides read it by. The page builder
// (index-page.ts, in Node) and the browser script (src/client/report.ts) both import these types,
// so a key renamed on one side fails to compile on the other.
import type { Severity, Verdict } from '@factcheck/core';

/** Which part of report.js runs on a page: `<body data-page="…">`. */
export type PageKind = 'index' | 'source';

/**
 * One row of the sources table as embedded in index.html. Keys are short and defaults are left
 * out, because at 10,000 sources every byte of a row counts ten thousand times.
 */
export interface SourceRow {
  id: string;
  /** Title; absent when it is the id. */
  t?: string;
  /** Publisher; absent when none. */
  p?: string;
  /** Path of the source file. */
  f: string;
  /** Claims citing the source, and how many of them fail. */
  c: number;
  x: number;
  /** Sentences in the denominator, covered, partial (absent when 0), sentence %, character %. */
  s: number;
  v: number;
  a?: number;
  pc: number;
  cp: number;
  /** Watermark bands of the two percentages: low, medium or high. */
  b: string;
  cb: string;
  /** Page, relative to the report root: absent when it is `sources/<id>.html`, '' when the source has no page. */
  h?: string;
  /** Thresholds missed, for people. */
  w?: string;
}

export interface FailingRow {
  id: string;
  /** Claim text, verdict, link to the quote to look at, reasons. */
  t: string;
  v: Verdict;
  h?: string;
  r: string[];
}

export interface ContradictionRow {
  /** Severity, kind, reason, acknowledgement. */
  s: Severity;
  k: string;
  r: string;
  a?: string;
  /** The two claims: id, text, link. */
  c: { id: string; t: string; h?: string }[];
}

/** The row type of each table of index.html; each table's section has the id of its name. */
export interface TableRows {
  sources: SourceRow;
  failing: FailingRow;
  contradictions: ContradictionRow;
}

export type TableName = keyof TableRows;

/** The embedded rows of every table, by table name. */
export type TableLists = { [T in TableName]: TableRows[T][] };

export interface IndexData extends TableLists {
  /** Totals before the embedded lists were cut at maxListItems. */
  failingTotal: number;
  contradictionsTotal: number;
  /** What each verdict means, for the tooltips of the verdict badges report.js draws. */
  verdicts: Record<Verdict, string>;
}

/**
 * The columns each table sorts by: a heading's `data-key` on the page, and a key of the sort
 * values report.js computes for the rows.
 */
export interface SortKeys {
  sources: 'title' | 'publisher' | 'claims' | 'failing' | 'pct' | 'charPct';
  failing: 'id' | 'text' | 'verdict';
  contradictions: 'severity' | 'kind' | 'reason';
}

/** How a column sorts: a heading's `data-type`. */
export type SortType = 'text' | 'number';
