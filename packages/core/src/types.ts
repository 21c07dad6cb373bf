// The data model shared by every package. Only plain data lives here, so that each
// step of claims.yaml → load → anchor → contradictions → coverage → reporters can be
// read and tested on its own.

/** 1-based line and column, 0-based offset (in the units of the text it points into). */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** One message model for every finding and every error (after unified's vfile-message). */
export interface Message {
  ruleId: string;
  severity: Severity;
  reason: string;
  /** Path relative to the current directory, or as given. */
  file: string;
  place?: Place;
  claimId?: string;
  actual?: string;
  expected?: string;
  /** How to fix it, or other help. */
  note?: string;
}

/** The result shape of everything that reads user input: it never throws for bad input. */
export interface Result<T> {
  value: T | undefined;
  errors: Message[];
  warnings: Message[];
}

export type Verdict = 'supported' | 'refuted' | 'disputed' | 'unverified';
export const VERDICTS: readonly Verdict[] = ['supported', 'refuted', 'disputed', 'unverified'];

/** Half-open [start, end) in Unicode code points. */
export type Span = readonly [number, number];

/** Where a YAML node stands in claims.yaml (offsets in UTF-16 units of the file text). */
export type YamlPlace = Place;

export interface Evidence {
  source: string;
  quote: string;
  span?: Span;
  prefix?: string;
  suffix?: string;
  /** The evidence item itself. */
  place: YamlPlace;
  /** The quote scalar, and the span node (when present): `update` and messages point at them. */
  quotePlace: YamlPlace;
  spanPlace?: YamlPlace;
}

/** A time scope as a closed interval of ISO dates (YYYY-MM-DD), inclusive. */
export interface TimeScope {
  from: string;
  to: string;
  /** As written in claims.yaml, for messages. */
  text: string;
}

export interface Fact {
  subject: string;
  property: string;
  value: string;
  when?: TimeScope;
  place: YamlPlace;
}

export interface ConflictAck {
  with: string;
  reason: string;
  place: YamlPlace;
}

export interface Claim {
  id: string;
  claim: string;
  verdict: Verdict;
  evidence: Evidence[];
  fact?: Fact;
  conflicts: ConflictAck[];
  note?: string;
  /** The claim item, and its `id` scalar (vitest and stylish point at the id). */
  place: YamlPlace;
  idPlace: YamlPlace;
  claimPlace: YamlPlace;
}

/** Coverage thresholds, in percent (0 to 100). */
export interface CoverageThresholds {
  sentences?: number;
  characters?: number;
}

export interface SourceDecl {
  id: string;
  /** As written, relative to claims.yaml. */
  path: string;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  sha256?: string;
  /** Boilerplate patterns: plain strings match literally; `/…/flags` strings are regular expressions. */
  exclude: string[];
  coverage?: CoverageThresholds;
  place: YamlPlace;
  pathPlace: YamlPlace;
  sha256Place?: YamlPlace;
}

export interface PropertyDecl {
  id: string;
  /** Wikidata's single-value constraint: one value at a time per subject. */
  singleValued: boolean;
  description?: string;
  place: YamlPlace;
}

export interface EntityDecl {
  id: string;
  name?: string;
  aliases: string[];
  place: YamlPlace;
}

export interface AnchorOptions {
  /** Minimum similarity (0..1) for a fuzzy candidate; below it the quote is missing. Default 0.75. */
  minScore: number;
  /** Two candidates closer than this in score are ambiguous. Default 0.05. */
  margin: number;
  /** Fold case in the normalized and fuzzy steps. Default false. */
  ignoreCase: boolean;
}

export const DEFAULT_ANCHOR_OPTIONS: AnchorOptions = { minScore: 0.75, margin: 0.05, ignoreCase: false };

export interface Workspace {
  version: 1;
  /** Absolute path of claims.yaml, and its directory (the workspace root). */
  claimsPath: string;
  root: string;
  /** claims.yaml as shown in messages (relative to the current directory). */
  displayPath: string;
  sources: Map<string, SourceDecl>;
  claims: Claim[];
  properties: Map<string, PropertyDecl>;
  entities: Map<string, EntityDecl>;
  coverage: CoverageThresholds;
  anchor: AnchorOptions;
}

export type EvidenceStatus = 'verified' | 'moved' | 'changed' | 'ambiguous' | 'missing';
export const EVIDENCE_STATUSES: readonly EvidenceStatus[] = ['verified', 'moved', 'changed', 'ambiguous', 'missing'];

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface Candidate {
  span: Span;
  /** Similarity of the text at span to the quote, 0..1. */
  score: number;
  text: string;
}

/** What the anchor step says about one evidence item. All spans are in code points. */
export interface AnchorResult {
  status: EvidenceStatus;
  /** Where the quote (or its closest match) is now; absent for missing and ambiguous. */
  found?: Span;
  /** Similarity 0..1 (1 for exact). */
  score?: number;
  /** How far `found` is from the old span start, in code points (a separate score from similarity). */
  distance?: number;
  kind?: 'exact' | 'normalized' | 'fuzzy';
  /** The text at `found` when it differs from the quote. */
  actual?: string;
  diff?: DiffPart[];
  candidates?: Candidate[];
}

export interface EvidenceResult extends AnchorResult {
  claimId: string;
  /** Index of the evidence item inside its claim. */
  index: number;
  source: string;
  quote: string;
  span?: Span;
  /** False when claims.yaml gives no span: found, but not pinned (a warning, not a failure). */
  pinned: boolean;
  /** Anchoring was skipped because the source's sha256 is unchanged. */
  cached?: boolean;
}

export type ContradictionKind = 'structured' | 'numeric' | 'date' | 'negation' | 'antonym';

export interface Contradiction {
  claims: [string, string];
  kind: ContradictionKind;
  severity: Severity;
  reason: string;
  /** Set when a claim is contradicted by its own evidence quote. */
  evidence?: { source: string; quote: string };
  /** The `conflicts:` entry that explains it, when acknowledged. */
  acknowledged?: string;
}

export interface SentenceCoverage {
  /** Code point span of the sentence (trimmed of surrounding whitespace). */
  span: Span;
  state: 'covered' | 'partial' | 'uncovered' | 'excluded';
}

export interface SourceCoverage {
  source: string;
  path: string;
  sentences: number;
  covered: number;
  partial: number;
  excluded: number;
  /** Characters (code points, excluding whitespace and excluded text). */
  characters: number;
  coveredCharacters: number;
  /** Percentages 0..100, one decimal. */
  sentencePct: number;
  characterPct: number;
  thresholds: CoverageThresholds;
  detail: SentenceCoverage[];
}

export interface CoverageResult {
  sources: SourceCoverage[];
  total: {
    sentences: number;
    covered: number;
    partial: number;
    excluded: number;
    characters: number;
    coveredCharacters: number;
    sentencePct: number;
    characterPct: number;
  };
  /** Threshold failures, as messages. */
  messages: Message[];
}

export type ClaimStatus = 'passed' | 'failed';

export interface ClaimResult {
  id: string;
  verdict: Verdict;
  status: ClaimStatus;
  evidence: EvidenceResult[];
}

/** A source's text as read from disk, with its code point index. */
export interface LoadedSource {
  decl: SourceDecl;
  text: import('./text.js').SourceText;
}

export interface CheckResult {
  workspace: Workspace;
  sources: Map<string, LoadedSource>;
  claims: ClaimResult[];
  contradictions: Contradiction[];
  coverage: CoverageResult;
  /** Every message of the run, errors first. */
  messages: Message[];
  summary: { passed: number; failed: number };
}
