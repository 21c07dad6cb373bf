export { formatAddResult } from './format-add.js';
export { formatCorroboration } from './format-corroboration.js';
export { escapeGithubData, escapeGithubProperty, formatGithub } from './format-github.js';
export { toJsonErrorReport, toJsonReport } from './format-json.js';
export type { JsonClaim, JsonContradiction, JsonCoverage, JsonCoverageTotal, JsonEvidence, JsonMessage, JsonReport } from './format-json.js';
export { formatStylish, formatSummaryLine, groupMovedQuotes } from './format-stylish.js';
export type { StylishOptions } from './format-stylish.js';
export { formatUpdateResult } from './format-update.js';
export {
  claimRows,
  CONTENT_SECURITY_POLICY,
  coverageSummary,
  DEFAULT_MAX_LIST_ITEMS,
  escapeHtml,
  evidenceElementId,
  indexData,
  jsonForScript,
  passageVerdict,
  renderDiff,
  renderIndexHtml,
  renderSourceHtml,
  renderText,
  safeHttpUrl,
  safeToken,
  sourcePageNames,
  SOURCES_DIR,
  SUMMARY_FILE,
  textFragmentUrl,
  VERDICT_MEANINGS,
  writeHtmlReport,
} from './html/index.js';
export type { CharacterFigures, CheckOutcome, ClaimRow, ContradictionQuote, ContradictionRow, CoverageSummary, FailingRow, HtmlRenderOptions, IndexData, SentenceFigures, SourceRow } from './html/index.js';
