import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'LOCK_HEARTBEAT_MS',
      'LOCK_STALE_AFTER_MS',
      'acquireLock',
      'addClaim',
      'anchorAll',
      'applyActions',
      'applyEdits',
      'deriveClaimId',
      'editClaimsText',
      'isCi',
      'isEditAction',
      'isValidClaimId',
      'lockPathFor',
      'openClaims',
      'parseForEdit',
      'planUpdate',
      'refusalText',
      'removeStrayTemps',
      'updateClaims',
      'writeFileAtomic',
    ]);
  });

  it('exports these as functions', () => {
    for (const name of ['updateClaims', 'addClaim', 'openClaims', 'planUpdate', 'applyActions', 'editClaimsText', 'acquireLock', 'writeFileAtomic'] as const) {
      expect(typeof api[name], name).toBe('function');
    }
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'AddCandidate',
      'AddOptions',
      'AddResult',
      'AppliedUpdate',
      'AtomicWriteOptions',
      'ClaimsChange',
      'EditAction',
      'EditOutcome',
      'EditResult',
      'EvidenceRef',
      'HeldLock',
      'HistoryEntry',
      'LeftForAPerson',
      'LeftStatus',
      'LeftoverLine',
      'LockInfo',
      'LockOptions',
      'LockOutcome',
      'NewClaim',
      'NewEvidence',
      'NotEditable',
      'OpenClaims',
      'OpenFile',
      'PlanInput',
      'PlanOptions',
      'TextEdit',
      'UpdateAction',
      'UpdateLeftover',
      'UpdateLine',
      'UpdateOptions',
      'UpdateResult',
      'WriteOutcome',
    ]);
  });
});
