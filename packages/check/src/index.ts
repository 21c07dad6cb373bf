export { assembleResult, checkLoaded, checkWorkspace, contradictionMessages, sha256Of } from './check-workspace.js';
export type { CheckFindings, CheckOptions } from './check-workspace.js';
export { anchorSources } from './anchor-sources.js';
export type { AnchoredSources, AnchorSourcesOptions, AnchorStats } from './anchor-sources.js';
export { evidenceMessage } from './evidence-messages.js';
export { analyseAttribution, attributionMessages, claimKeepsAttribution, leadingAttribution, suggestWording } from './attribution.js';
export type { Attribution, AttributionFinding } from './attribution.js';
export { corroborationOf, policyMessages } from './corroboration.js';
