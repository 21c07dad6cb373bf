export { anchorLoadedSources, assembleResult, checkLoaded, checkLoadedWorkspace, checkWorkspace, contradictionMessages, sha256Of } from './check-workspace.js';
export type { CheckFindings, CheckOptions } from './check-workspace.js';
export { evidenceMessage } from './evidence-messages.js';
export { analyseAttribution, attributionMessages, claimKeepsAttribution, leadingAttribution, suggestWording } from './attribution.js';
export type { Attribution, AttributionFinding } from './attribution.js';
export { corroborationOf, policyMessages } from './corroboration.js';
export { checkShard, parseShardSpec, readShardResults, shardOf, workspaceDigest } from './shard.js';
export type { ShardCheck, ShardFile, ShardRecord, ShardSpec } from './shard.js';
