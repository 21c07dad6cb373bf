/** mulberry32: a small deterministic PRNG returning numbers in [0, 1). */
export declare function prng(seed: number): () => number;

/** One quote of the workload, pinned against `page`. */
export interface WorkloadQuote {
  quote: string;
  /** Code point span in `page`. */
  span: [number, number];
  /** What the edit did to it. */
  fate: 'verbatim' | 'retyped' | 'corrected' | 'rewritten' | 'deleted';
  /** For a rewritten quote: the span (code points) and text of its new wording in `edited`. */
  newSpan?: [number, number];
  newText?: string;
}

export interface Workload {
  /** The page the quotes were pinned against. */
  page: string;
  /** The page after the publisher's edits. */
  edited: string;
  quotes: WorkloadQuote[];
}

export interface WorkloadOptions {
  /** Length of the page in characters. Default 65536. */
  size?: number;
  /** How many quotes. Default 453. */
  quotes?: number;
  /** How many quotes get an edit (retyped, corrected, rewritten or deleted). Default 215. */
  notVerbatim?: number;
  /** PRNG seed. Default 1. */
  seed?: number;
}

/**
 * A re-anchoring workload made from the seed articles only: a page of sentences generated from
 * their words, quotes pinned against it, and the page as a publisher left it (paragraphs added,
 * typography changed, words corrected, sentences rewritten or deleted). Deterministic.
 */
export declare function makeWorkload(options?: WorkloadOptions): Workload;

/** The workload as a workspace's files: claims.yaml (one claim per quote) and page.txt (the edited page). */
export declare function workloadFiles(workload: Workload): Record<string, string>;
