export { generateClaimTypes } from './generate.js';
export { claimTypesModel, fingerprintOf, FINGERPRINT_PREFIX, GENERATED_FILE, GENERATED_HEADER } from './model.js';
export type { ClaimTypesModel } from './model.js';
export { claimTypesMessages, findImporters, nearestId } from './references.js';
export type { Importer, TypesCheckOptions } from './references.js';
export { planClaimTypes } from './plan.js';
export type { ClaimTypesOptions, ClaimTypesPlan } from './plan.js';
