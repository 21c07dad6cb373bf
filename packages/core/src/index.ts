export { OPEN_END, OPEN_START, parseDateInterval, scopesOverlap } from './dates.js';
export { displayPathOf, loadWorkspace, MAX_CLAIMS_BYTES } from './load/load-workspace.js';
export { CACHE_DIR } from './load/parse-cache.js';
export { buildFingerprint, readStampedFile, writeStampedFile } from './cache-file.js';
export type { StampedFile } from './cache-file.js';
export type { LoadedWorkspace, LoadOptions } from './load/load-workspace.js';
export { parseClaimsText } from './load/parse-claims.js';
export type { ParseOptions } from './load/parse-claims.js';
export { readExcludePattern, regexProblem } from './format/exclude-pattern.js';
export type { TextReading } from './format/exclude-pattern.js';
export { compareMessages, createMessage, editDistanceInUnits, formatLocation, lineStartsOf, placeAt, positionAt, showValue, suggest } from './messages.js';
export type { MessageInit } from './messages.js';
export { CONTROL_CHARS, escapeControlChars } from './control-chars.js';
export { confinePath, decodeUtf8, formatBytes, MAX_SOURCE_BYTES, readTextFile } from './read-source.js';
export type { ReadOutcome, ReadProblem } from './read-source.js';
export { formatScore, formatSimilarity } from './format-score.js';
export { CLAIMS_SPEC, ID_PATTERN } from './format/spec.js';
export type { Spec } from './format/spec.js';
export type { Infer } from './format/infer.js';
export { toJsonSchema } from './format/json-schema.js';
export { RULES, ruleDocs } from './rules.js';
export type { RuleId, RuleInfo } from './rules.js';
export { SourceText } from './text.js';
export { utf16SpanHint } from './span-hint.js';
export { CONTRADICTION_KINDS, DEFAULT_ANCHOR_OPTIONS, EVIDENCE_STATUSES, STANCES, VERDICTS } from './types.js';
export type {
  AnchorOptions,
  AnchorResult,
  Candidate,
  CheckResult,
  Claim,
  ClaimResult,
  ClaimsDocument,
  ClaimStatus,
  ConflictAck,
  Contradiction,
  ContradictionKind,
  Correction,
  Corroboration,
  CoverageResult,
  CoverageThresholds,
  DiffPart,
  EntityDecl,
  Evidence,
  EvidenceResult,
  EvidenceStatus,
  ExcludePattern,
  Fact,
  IncludedFile,
  LoadedSource,
  Message,
  MovedSeverity,
  Place,
  Position,
  PropertyDecl,
  Result,
  SentenceCoverage,
  Severity,
  SourceCoverage,
  SourceDecl,
  Span,
  Stance,
  TimeScope,
  Verdict,
  VerdictPolicy,
  Workspace,
  YamlPlace,
} from './types.js';
