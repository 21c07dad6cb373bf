import { makeWorkspace as makeTempWorkspace } from '@factcheck/test-fixtures/edit-workspace';
import { loadWorkspace } from '../src/index.js';

/** A throwaway workspace: files are written relative to its root. */
export function makeWorkspace(files: Record<string, string | Buffer>): string {
  return makeTempWorkspace(files, 'factcheck-core-');
}

export async function loadIn(root: string, claims = 'claims.yaml') {
  return loadWorkspace(claims, { cwd: root });
}

/** Every message as `line:col ruleId`, for compact assertions. */
export function where(messages: readonly { ruleId: string; place?: { start: { line: number; column: number } } }[]): string[] {
  return messages.map((m) => `${m.place?.start.line}:${m.place?.start.column} ${m.ruleId}`);
}

export { ONE_LINE_SOURCE as SOURCE } from '@factcheck/test-fixtures';

export const VALID = `version: 1
sources:
  bbc:
    path: seeds/a.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: "The account has been locked"
        span: [0, 27]
`;
