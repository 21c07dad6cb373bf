import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '@factcheck/check';
import { formatLocation, type CheckResult, type Message } from '@factcheck/core';

/**
 * A failure whose text lists the file:line:col of each message, each with a frame of the YAML
 * around it. `claimsText`: the text of the file every message is in, or the text of each claims
 * file by its name in messages (claims.yaml and the files it includes).
 */
export class ClaimError extends Error {
  constructor(messages: readonly Message[], claimsText?: string | ((file: string) => string | undefined)) {
    super(messages.map((m) => describe(m, typeof claimsText === 'function' ? claimsText(m.file) : claimsText)).join('\n'));
    this.name = 'ClaimError';
    // The stack would point into factcheck's own code; the message already says where to look.
    this.stack = `${this.name}: ${this.message}`;
  }
}

function describe(message: Message, claimsText: string | undefined): string {
  const lines = [`${formatLocation(message)}  ${message.severity}  ${message.reason}  ${message.ruleId}`];
  if (message.expected !== undefined && message.actual !== undefined && message.ruleId === 'quote-changed') {
    lines.push(`  expected: ${message.expected}`, `  actual:   ${message.actual}`);
  }
  if (message.note) lines.push(`  ↳ ${message.note}`);
  if (claimsText !== undefined && message.place) lines.push(codeFrame(claimsText, message.place.start.line, message.place.start.column));
  return lines.join('\n');
}

/**
 * The lines of `text` around `line` (1-based), numbered, the line itself marked with `>` and a caret
 * under `column` (1-based): what vitest shows of a failing line of TypeScript, for the YAML.
 */
export function codeFrame(text: string, line: number, column: number, around = 2): string {
  const all = text.split(/\r\n|\n|\r/);
  const first = Math.max(1, line - around);
  const last = Math.min(all.length, line + around);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${all[n - 1] ?? ''}`.trimEnd());
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

/** The key under which a claims file's test module carries its run's results (`meta.factcheck`). */
export const RUN_META_KEY = 'factcheck';

/**
 * What the run found, as plain data, carried by the test module's meta: the reporter builds the HTML
 * report from it (the blob reporter keeps it, so a merged sharded run has it too) instead of
 * checking the workspace again.
 */
export interface ClaimsRunData {
  version: 1;
  claims: CheckResult['claims'];
  contradictions: CheckResult['contradictions'];
  coverage: CheckResult['coverage'];
  messages: CheckResult['messages'];
  summary: CheckResult['summary'];
}

/** The part of vitest's test context the claim tests use. */
export interface ClaimTestContext {
  task: { meta: object; file: { meta: object } };
  annotate(message: string, type?: string): Promise<unknown>;
}

/** Each claim test's meta (`test.meta()` in a reporter, `meta` in `vitest list --json` and the json reporter). */
export interface ClaimTestMeta {
  claimId: string;
  /** The ids of the sources its evidence cites, each once. */
  sources: string[];
  verdict: string;
  /** The check's outcome for the claim (set when the test runs). */
  status?: 'passed' | 'failed';
}

export interface ClaimsRun {
  result: CheckResult | undefined;
  /** The run's results as plain data; undefined when claims.yaml could not be checked. */
  data: ClaimsRunData | undefined;
  assertValid(): void;
  assertClaim(id: string): void;
  assertCoverage(sourceId: string): void;
  assertTotalCoverage(): void;
  /** The tests of the generated module: each records the run's data on the module, then asserts. */
  validTest(context: ClaimTestContext): void;
  claimTest(id: string, context: ClaimTestContext): Promise<void>;
  coverageTest(sourceId: string, context: ClaimTestContext): void;
  totalCoverageTest(context: ClaimTestContext): void;
  /** Fails on every claim id that TypeScript importing the generated claim types uses and claims.yaml does not have. */
  referencesTest(context: ClaimTestContext): void;
  /** Fails with `reason` (a refused `vitest -u`). */
  refuse(reason: string): never;
}

/** Checks the workspace once per test file; each test then asserts its own part of the result. */
export async function loadClaims(claimsPath: string): Promise<ClaimsRun> {
  // The parse cache of claims.yaml (as the command line keeps it): the reporter reads it back, and
  // a watch run whose claims.yaml did not change parses nothing.
  const checked = await checkWorkspace(claimsPath, { cwd: process.cwd(), cache: true });
  const result = checked.value;
  // The text of each file a message is in (claims.yaml, or a file it includes), read once, when a message needs it.
  const texts = new Map<string, string | undefined>();
  const claimsText = (file: string): string | undefined => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(path.resolve(process.cwd(), file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const data: ClaimsRunData | undefined = result && {
    version: 1,
    claims: result.claims,
    contradictions: result.contradictions,
    coverage: result.coverage,
    messages: result.messages,
    summary: result.summary,
  };
  const errorsOf = (predicate: (m: Message) => boolean) => (result?.messages ?? []).filter((m) => m.severity === 'error' && predicate(m));
  const fail = (messages: readonly Message[]) => new ClaimError(messages, claimsText);
  const record = (context: ClaimTestContext) => {
    if (data) (context.task.file.meta as Record<string, unknown>)[RUN_META_KEY] = data;
  };
  const run: ClaimsRun = {
    result,
    data,
    assertValid() {
      if (checked.errors.length) throw fail(checked.errors);
    },
    assertClaim(id) {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      const claim = result.claims.find((c) => c.id === id);
      if (!claim) throw new Error(`claim "${id}" is not in the checked result`);
      const messages = errorsOf((m) => m.claimId === id);
      if (claim.status === 'failed' || messages.length) throw fail(messages);
    },
    assertCoverage(sourceId) {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      const messages = errorsOf((m) => m.ruleId === 'coverage-threshold' && m.source === sourceId);
      if (messages.length) throw fail(messages);
    },
    assertTotalCoverage() {
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      // The total's threshold messages are about no one source.
      const messages = errorsOf((m) => m.ruleId === 'coverage-threshold' && m.source === undefined);
      if (messages.length) throw fail(messages);
    },
    validTest(context) {
      record(context);
      run.assertValid();
    },
    async claimTest(id, context) {
      record(context);
      const claim = result?.claims.find((c) => c.id === id);
      if (claim) {
        (context.task.meta as Partial<ClaimTestMeta>).status = claim.status;
        // One annotation per quote: the evidence status of each, in the test's results.
        for (const e of claim.evidence) {
          const where = e.found ? ` at [${e.found[0]}, ${e.found[1]}]` : '';
          await context.annotate(`evidence ${e.index + 1} (${e.source}): ${e.status}${where}`, `factcheck:${e.status}`);
        }
      }
      run.assertClaim(id);
    },
    coverageTest(sourceId, context) {
      record(context);
      run.assertCoverage(sourceId);
    },
    totalCoverageTest(context) {
      record(context);
      run.assertTotalCoverage();
    },
    referencesTest(context) {
      record(context);
      if (!result) throw new Error(`claims.yaml could not be checked: see the "is valid" test`);
      const messages = errorsOf((m) => m.ruleId === 'unknown-claim-reference');
      if (messages.length) throw new ClaimError(messages);
    },
    refuse(reason) {
      const error = new Error(reason);
      error.name = 'FactcheckUpdateRefused';
      error.stack = `${error.name}: ${reason}`;
      throw error;
    },
  };
  return run;
}
