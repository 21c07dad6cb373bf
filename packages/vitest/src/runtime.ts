import { checkWorkspace } from '@factcheck/check';
import { formatLocation, type CheckResult, type Message } from '@factcheck/core';

/** A failure whose text lists the claims.yaml:line:col of each message. */
export class ClaimError extends Error {
  constructor(messages: readonly Message[]) {
    super(messages.map(describe).join('\n'));
    this.name = 'ClaimError';
    // The stack would point into factcheck's own code; the message already says where to look.
    this.stack = `${this.name}: ${this.message}`;
  }
}

function describe(message: Message): string {
  const lines = [`${formatLocation(message)}  ${message.severity}  ${message.reason}  ${message.ruleId}`];
  if (message.expected !== undefined && message.actual !== undefined && message.ruleId === 'quote-changed') {
    lines.push(`  expected: ${message.expected}`, `  actual:   ${message.actual}`);
  }
  if (message.note) lines.push(`  ↳ ${message.note}`);
  return lines.join('\n');
}

export interface ClaimsRun {
  result: CheckResult | undefined;
  assertValid(): void;
  assertClaim(id: string): void;
  assertCoverage(sourceId: string): void;
  assertTotalCoverage(): void;
}

/** Checks the workspace once per test file; each test then asserts its own part of the result. */
export async function loadClaims(claimsPath: string): Promise<ClaimsRun> {
  const checked = await checkWorkspace(claimsPath, { cwd: process.cwd() });
  const result = checked.value;
  const errorsOf = (predicate: (m: Message) => boolean) => (result?.messages ?? []).filter((m) => m.severity === 'error' && predicate(m));
  return {
    result,
    assertValid() {
      if (checked.errors.length) throw new ClaimError(checked.errors);
    },
    assertClaim(id) {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      const claim = result.claims.find((c) => c.id === id);
      if (!claim) throw new Error(`claim "${id}" is not in the checked result`);
      const messages = errorsOf((m) => m.claimId === id);
      if (claim.status === 'failed' || messages.length) throw new ClaimError(messages);
    },
    assertCoverage(sourceId) {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      const messages = errorsOf((m) => m.ruleId === 'coverage-threshold' && m.source === sourceId);
      if (messages.length) throw new ClaimError(messages);
    },
    assertTotalCoverage() {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      // The total's threshold messages are about no one source.
      const messages = errorsOf((m) => m.ruleId === 'coverage-threshold' && m.source === undefined);
      if (messages.length) throw new ClaimError(messages);
    },
  };
}
