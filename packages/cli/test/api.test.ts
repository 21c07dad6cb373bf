import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publicApi } from '@factcheck/api-surface';
import * as api from '../src/index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'ADD_USAGE',
      'COMMANDS',
      'COMMON_FLAGS',
      'EXIT_FINDINGS',
      'EXIT_OK',
      'EXIT_USAGE',
      'FORMATS',
      'UPDATE_USAGE',
      'USAGE',
      'VERSION',
      'acquireLock',
      'addCommand',
      'anchorAll',
      'applyEdits',
      'booleanFlag',
      'checkCommand',
      'deriveClaimId',
      'editClaimsText',
      'exitCodeOf',
      'isValidClaimId',
      'loadForUpdate',
      'lockPathFor',
      'main',
      'parseFlags',
      'parseForEdit',
      'planUpdate',
      'removeStrayTemps',
      'reportCommand',
      'stringFlag',
      'updateCommand',
      'writeFileAtomic',
    ]);
  });

  it('exports these as functions', () => {
    expect(typeof api.main).toBe('function');
    expect(typeof api.checkCommand).toBe('function');
    expect(typeof api.reportCommand).toBe('function');
    expect(typeof api.updateCommand).toBe('function');
    expect(typeof api.addCommand).toBe('function');
    expect(typeof api.writeFileAtomic).toBe('function');
    expect(typeof api.acquireLock).toBe('function');
  });
});

describe('exit codes', () => {
  it('follow the linters: 0 clean, 1 findings, 2 usage or config errors', () => {
    expect([api.EXIT_OK, api.EXIT_FINDINGS, api.EXIT_USAGE]).toEqual([0, 1, 2]);
    expect(Object.keys(api.COMMANDS).sort()).toEqual(['add', 'check', 'report', 'update']);
    expect([...api.FORMATS]).toEqual(['stylish', 'json', 'github']);
  });
});

describe('public types', () => {
  it('exports exactly these types, and the values it exports at run time', () => {
    const surface = publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)));
    expect(surface.values).toEqual(Object.keys(api).sort());
    expect(surface.types).toEqual([
      'AtomicWriteOptions',
      'ClaimsChange',
      'Command',
      'EditOutcome',
      'FlagResult',
      'FlagSpec',
      'Format',
      'HeldLock',
      'Io',
      'LockOptions',
      'LockOutcome',
      'ParsedFlags',
      'TextEdit',
      'UpdateAction',
      'UpdateKind',
      'UpdatePlan',
      'WriteOutcome',
    ]);
    // ts-morph starts the TypeScript compiler: seconds on a busy machine.
  }, 60_000);
});
