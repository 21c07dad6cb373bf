export { parseDateInterval, scopesOverlap } from './dates.js';
export { displayPathOf, loadWorkspace, MAX_CLAIMS_BYTES, parseClaimsText, regexProblem } from './load.js';
export type { LoadedWorkspace, LoadOptions, ParseOptions } from './load.js';
export { compareMessages, createMessage, editDistance, formatLocation, lineStartsOf, placeAt, positionAt, showValue, suggest } from './messages.js';
export type { MessageInit } from './messages.js';
export { confinePath, decodeUtf8, formatBytes, MAX_SOURCE_BYTES, readTextFile } from './read-source.js';
export type { ReadOutcome, ReadProblem } from './read-source.js';
export { CLAIMS_SPEC, ID_PATTERN, toJsonSchema } from './schema.js';
export type { Spec } from './schema.js';
export { SourceText } from './text.js';
export { utf16SpanHint } from './span-hint.js';
export { DEFAULT_ANCHOR_OPTIONS, EVIDENCE_STATUSES, VERDICTS } from './types.js';
export type {
  AnchorOptions,
  AnchorResult,
  Candidate,
  CheckResult,
  Claim,
  ClaimResult,
  ClaimStatus,
  ConflictAck,
  Contradiction,
  ContradictionKind,
  CoverageResult,
  CoverageThresholds,
  DiffPart,
  EntityDecl,
  Evidence,
  EvidenceResult,
  EvidenceStatus,
  Fact,
  LoadedSource,
  Message,
  Place,
  Position,
  PropertyDecl,
  Result,
  SentenceCoverage,
  Severity,
  SourceCoverage,
  SourceDecl,
  Span,
  TimeScope,
  Verdict,
  Workspace,
  YamlPlace,
} from './types.js';
