export { escapeGithubData, escapeGithubProperty, formatGithub } from './format-github.js';
export { toJsonErrorReport, toJsonReport } from './format-json.js';
export type { JsonClaim, JsonContradiction, JsonCoverage, JsonCoverageTotal, JsonEvidence, JsonReport } from './format-json.js';
export { formatStylish, formatSummaryLine } from './format-stylish.js';
export type { StylishOptions } from './format-stylish.js';
export {
  CONTENT_SECURITY_POLICY,
  coverageSummary,
  DEFAULT_MAX_LIST_ITEMS,
  escapeHtml,
  evidenceElementId,
  indexData,
  jsonForScript,
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
  writeHtmlReport,
} from './html/index.js';
export type { CharacterFigures, ContradictionRow, CoverageSummary, FailingRow, HtmlRenderOptions, IndexData, SentenceFigures, SourceRow } from './html/index.js';
