export { computeCoverage, COVERAGE_RULE_ID, effectiveThresholds, measureSource } from './compute.js';
export type { CoverageInput } from './compute.js';
export { excludedRanges } from './exclude.js';
export { DEFAULT_WATERMARKS, formatPercent, isBelow, percent, watermarkClass } from './percent.js';
export type { WatermarkClass, Watermarks } from './percent.js';
export { splitSentences } from './sentences.js';
export { mergeSpans } from './spans.js';
export { formatCoverageTable } from './table.js';
export type { CoverageTableOptions } from './table.js';
