export { escapeGithubData, escapeGithubProperty, formatGithub } from './format-github.js';
export { toJsonErrorReport, toJsonReport } from './format-json.js';
export type { JsonClaim, JsonContradiction, JsonCoverage, JsonCoverageTotal, JsonEvidence, JsonReport } from './format-json.js';
export { formatStylish, formatSummaryLine } from './format-stylish.js';
export type { StylishOptions } from './format-stylish.js';
