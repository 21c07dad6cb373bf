// The data index.html embeds for report.js, and the names both sides read it by. The page builder
// (index-page.ts, in Node) and the browser script (src/client/report.ts) both import these types,
// so a key renamed on one side fails to compile on the other.
import type { Severity, Verdict } from '@factcheck/core';

/** How a claim came out of the check: its quotes stand, a quote no longer stands, or only a contradiction fails it. */
export type CheckOutcome = 'verified' | 'quotes-failing' | 'contradiction';

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

/**
 * One row of the claims table: every claim, passing or failing. Written to claims.js (not into
 * index.html), because at 100,000 claims the rows with their quotes weigh tens of megabytes.
 */
export interface ClaimRow {
  id: string;
  /** Claim text, verdict, check outcome. */
  t: string;
  v: Verdict;
  o: CheckOutcome;
  /** The sources it cites, as positions in the sources table's list (IndexData.sources). */
  s: number[];
  /** The words of its quotes (searched, not shown). */
  q: string[];
  /** Its note, when it has one (searched, not shown). */
  n?: string;
  /** The claims it is in a contradiction with; its own id when it contradicts its own quote. */
  x?: string[];
  /**
   * Link to its quote to look at first; absent when that is its first quote, `E-<id>-0`, on the
   * page of its first source (the sources table's link), and '' when there is none.
   */
  h?: string;
}

/** The quote a claim contradicts, when a contradiction is between a claim and its own evidence. */
export interface ContradictionQuote {
  /** Source id, line of the quote in it (when found), the quote's words, link to the passage. */
  s: string;
  l?: number;
  q: string;
  h?: string;
}

export interface ContradictionRow {
  /** Severity, kind, reason, acknowledgement. */
  s: Severity;
  k: string;
  r: string;
  a?: string;
  /** The two claims: id, text, link (the same claim twice when it contradicts its own quote). */
  c: { id: string; t: string; h?: string }[];
  /** The quote the claim contradicts, instead of a second claim. */
  e?: ContradictionQuote;
}

/** The row type of each table of index.html; each table's section has the id of its name. */
export interface TableRows {
  sources: SourceRow;
  claims: ClaimRow;
  failing: FailingRow;
  contradictions: ContradictionRow;
}

export type TableName = keyof TableRows;

/** The embedded rows of every table, by table name. */
export type TableLists = { [T in TableName]: TableRows[T][] };

/** What index.html embeds: every table's rows but the claims', which claims.js holds. */
export interface IndexData extends Omit<TableLists, 'claims'> {
  /** How many rows claims.js holds: every claim. */
  claimsTotal: number;
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
  claims: 'id' | 'text' | 'verdict' | 'outcome' | 'sources' | 'contradictions';
  failing: 'id' | 'text' | 'verdict';
  contradictions: 'severity' | 'kind' | 'reason';
}

/** How a column sorts: a heading's `data-type`. */
export type SortType = 'text' | 'number';

/** The global that claims.js sets to the ClaimRow list, and that report.js reads. */
export type ClaimsGlobal = 'FACTCHECK_CLAIMS';
