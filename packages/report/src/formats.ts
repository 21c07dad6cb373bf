// The text formatters (stylish, json, github, corroboration) without the HTML report: what a
// check prints. `factcheck check` loads only these; the HTML report loads when it is written.
export { formatCorroboration } from './format-corroboration.js';
export { escapeGithubData, escapeGithubProperty, formatGithub } from './format-github.js';
export { toJsonErrorReport, toJsonReport } from './format-json.js';
export type { JsonClaim, JsonContradiction, JsonCoverage, JsonCoverageTotal, JsonEvidence, JsonMessage, JsonReport } from './format-json.js';
export { formatStylish, formatSummaryLine, groupMovedQuotes } from './format-stylish.js';
export type { StylishOptions } from './format-stylish.js';
