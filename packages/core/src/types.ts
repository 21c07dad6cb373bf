// The data model shared by every package. Only plain data lives here, so that each
// step of claims.yaml → load → anchor → contradictions → coverage → reporters can be
// read and tested on its own. What claims.yaml holds is declared once, in format/spec.ts: the
// types below take its parts from there (Verdict, Span, the fields of a claim or a source) and add
// what loading derives (places, parsed patterns, time scopes).
import type { TimeScope } from './dates.js';
import type { ExcludePattern } from './format/exclude-pattern.js';
import type { Infer } from './format/infer.js';
import {
  CLAIM_SPEC,
  EVIDENCE_SPEC,
  type ANCHOR_SPEC,
  type CLAIMS_SPEC,
  type CONFLICT_SPEC,
  type ENTITY_SPEC,
  type FACT_SPEC,
  type HISTORY_ENTRY_SPEC,
  type PROPERTY_SPEC,
  type SOURCE_SPEC,
  type THRESHOLDS_SPEC,
} from './format/spec.js';
import type { RuleId } from './rules.js';

export type { TimeScope } from './dates.js';
export type { ExcludePattern } from './format/exclude-pattern.js';

/** What a valid claims.yaml holds, as read (dates as time scopes, exclude patterns compiled). */
export type ClaimsDocument = Infer<typeof CLAIMS_SPEC>;
type ClaimDocument = Infer<typeof CLAIM_SPEC>;
type EvidenceDocument = Infer<typeof EVIDENCE_SPEC>;
type SourceDocument = Infer<typeof SOURCE_SPEC>;

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
  ruleId: RuleId;
  severity: Severity;
  reason: string;
  /** Path relative to the current directory, or as given. */
  file: string;
  place?: Place;
  claimId?: string;
  /** The id of the source the message is about (its coverage, a quote in it, reading it). */
  source?: string;
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

export type Verdict = ClaimDocument['verdict'];
export const VERDICTS: readonly Verdict[] = CLAIM_SPEC.fields.verdict.enum;

/** Half-open [start, end) in Unicode code points, as claims.yaml writes a quote's span. */
export type Span = NonNullable<EvidenceDocument['span']>;

/** Where a YAML node stands in claims.yaml (offsets in UTF-16 units of the file text). */
export type YamlPlace = Place;

/** One accepted change of a quote's words: when it was accepted (YYYY-MM-DD, UTC), and the words the source used before. */
export interface Correction extends Infer<typeof HISTORY_ENTRY_SPEC> {
  place: YamlPlace;
}

/** Whether an evidence item backs its claim (`for`) or speaks against it (`against`). */
export type Stance = NonNullable<EvidenceDocument['stance']>;
export const STANCES: readonly Stance[] = EVIDENCE_SPEC.fields.stance.enum;

export interface Evidence extends Omit<EvidenceDocument, 'history' | 'stance'> {
  /** As written, or the default: `against` in a refuted claim, `for` otherwise. */
  stance: Stance;
  /** Accepted changes of the quote, oldest first (`factcheck update --accept` appends them). */
  history?: Correction[];
  /** The evidence item itself. */
  place: YamlPlace;
  /** The `source` scalar (an unknown source is reported there). */
  sourcePlace?: YamlPlace;
  /** The quote scalar, and the span node (when present): `update` and messages point at them. */
  quotePlace: YamlPlace;
  spanPlace?: YamlPlace;
}

export interface Fact extends Pick<Infer<typeof FACT_SPEC>, 'subject' | 'property'> {
  /** As written; a number in its shortest form. */
  value: string;
  /** A range with its open ends filled in (OPEN_START, OPEN_END). */
  when?: TimeScope;
  place: YamlPlace;
}

/**
 * An acknowledged disagreement: with another claim (`with`, its id), or with one of the claim's
 * own quotes (`evidence`, its position in the claim's evidence list, from 0). Exactly one is set.
 * `place` is that of the claim id or the position.
 */
export type ConflictAck = Infer<typeof CONFLICT_SPEC> & { place: YamlPlace };

export interface Claim extends Pick<ClaimDocument, 'id' | 'claim' | 'verdict' | 'note'> {
  evidence: Evidence[];
  fact?: Fact;
  conflicts: ConflictAck[];
  /** The claims file that declares it, as shown in messages: claims.yaml or an included file. Its places are in that file. */
  file: string;
  /** The claim item, and its `id` scalar (vitest and stylish point at the id). */
  place: YamlPlace;
  idPlace: YamlPlace;
  claimPlace: YamlPlace;
}

/** The editorial policy of `verdicts:` in claims.yaml; every field absent is no requirement. */
export interface VerdictPolicy {
  supported: { minSources?: number; minPublishers?: number };
}

/** Distinct sources, and distinct publishers (a source's publisher, or its id when it has none), among a claim's `for` evidence. */
export interface Corroboration {
  sources: number;
  publishers: number;
}

/** Coverage thresholds, in percent (0 to 100). */
export type CoverageThresholds = Infer<typeof THRESHOLDS_SPEC>;

/** A source; `path` as written, relative to claims.yaml. */
export interface SourceDecl extends Pick<SourceDocument, 'path' | 'title' | 'publisher' | 'url' | 'sha256' | 'coverage'> {
  id: string;
  /** The claims file that declares it, as shown in messages (its places are in that file). */
  file: string;
  /** As written. */
  published?: string;
  /** Boilerplate patterns, read: plain strings match literally; `/…/flags` strings are regular expressions. */
  exclude: ExcludePattern[];
  place: YamlPlace;
  pathPlace: YamlPlace;
  sha256Place?: YamlPlace;
}

export interface PropertyDecl extends Pick<Infer<typeof PROPERTY_SPEC>, 'description'> {
  id: string;
  /** Wikidata's single-value constraint: one value at a time per subject. */
  singleValued: boolean;
  place: YamlPlace;
}

export interface EntityDecl extends Pick<Infer<typeof ENTITY_SPEC>, 'name'> {
  id: string;
  aliases: string[];
  place: YamlPlace;
}

/** How a quote that stands verbatim elsewhere is reported: a warning (the claim passes) or an error. */
export type MovedSeverity = NonNullable<Infer<typeof ANCHOR_SPEC>['moved']>;

export interface AnchorOptions {
  /** Minimum similarity (0..1) for a fuzzy candidate; below it the quote is missing. Default 0.75. */
  minScore: number;
  /** Two candidates closer than this in score are ambiguous. Default 0.05. */
  margin: number;
  /** Fold case in the normalized and fuzzy steps. Default false. */
  ignoreCase: boolean;
  /** Severity of a moved quote; the anchor step itself ignores it. Default 'warning'. */
  moved?: MovedSeverity;
}

export const DEFAULT_ANCHOR_OPTIONS: AnchorOptions = { minScore: 0.75, margin: 0.05, ignoreCase: false };

/** A claims file that claims.yaml includes. */
export interface IncludedFile {
  /** Absolute path. */
  path: string;
  /** As shown in messages (Claim.file and SourceDecl.file name it so). */
  displayPath: string;
}

export interface Workspace {
  version: 1;
  /** Absolute path of claims.yaml, and its directory (the workspace root). */
  claimsPath: string;
  root: string;
  /** claims.yaml as shown in messages (relative to the current directory). */
  displayPath: string;
  /** The paths and globs of `include:` in claims.yaml, as written, each with its place there. */
  include?: { pattern: string; place: YamlPlace }[];
  /** The files that `include:` matched, in order (absent when it names none). */
  included?: IncludedFile[];
  sources: Map<string, SourceDecl>;
  claims: Claim[];
  properties: Map<string, PropertyDecl>;
  entities: Map<string, EntityDecl>;
  coverage: CoverageThresholds;
  anchor: AnchorOptions;
  /** The `verdicts:` policy; absent when claims.yaml sets none. */
  verdicts?: VerdictPolicy;
  /** The contradiction kinds `contradictions:` leaves on (all but those set to false); absent means all. */
  contradictionKinds?: ContradictionKind[];
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
  /** Why a quote found word for word is not verified: its span would cut a character in two. */
  reason?: string;
}

export interface EvidenceResult extends AnchorResult {
  claimId: string;
  /** Index of the evidence item inside its claim. */
  index: number;
  source: string;
  quote: string;
  /** The evidence item's stance, resolved (see Evidence.stance). */
  stance: Stance;
  span?: Span;
  /** False when claims.yaml gives no span: found, but not pinned (a warning, not a failure). */
  pinned: boolean;
  /** Anchoring was skipped because the source's sha256 is unchanged. */
  cached?: boolean;
}

export type ContradictionKind = 'structured' | 'numeric' | 'date' | 'negation' | 'antonym' | 'entity' | 'unsupported';

/** Every contradiction kind, in report order. */
export const CONTRADICTION_KINDS: readonly ContradictionKind[] = ['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported'];

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
  /** How many distinct sources and publishers its `for` evidence cites. */
  corroboration: Corroboration;
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
