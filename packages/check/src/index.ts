export { checkLoaded, checkWorkspace, contradictionMessages, sha256Of } from './check-workspace.js';
export type { CheckOptions } from './check-workspace.js';
export { evidenceMessage } from './evidence-messages.js';
