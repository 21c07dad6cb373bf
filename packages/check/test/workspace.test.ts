import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyWorkspace, LOCKED_SENTENCE, seedPath, workspaceDir } from '@factcheck/test-fixtures';
import { checkWorkspace } from '../src/index.js';

// The fixture workspace (claims.yaml and the four seed articles), never the repository's own
// claims.yaml and sources: those belong to whoever uses the repository.

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A writable copy of the fixture workspace, removed after the tests. */
function copy(): string {
  const root = copyWorkspace('factcheck-check-');
  copies.push(root);
  return root;
}

async function check(root: string) {
  const result = await checkWorkspace('claims.yaml', { cwd: root });
  expect(result.errors).toEqual([]);
  return result.value!;
}

// Each test checks the whole fixture workspace (over a hundred claims): seconds on a busy machine.
describe('the fixture workspace', { timeout: 60_000 }, () => {
  it('has every claim verified, pinned and passing', async () => {
    const result = await check(workspaceDir);
    const evidence = result.claims.flatMap((c) => c.evidence);
    expect(result.claims.length).toBeGreaterThanOrEqual(60);
    expect(evidence.filter((e) => e.status !== 'verified')).toEqual([]);
    expect(evidence.every((e) => e.pinned)).toBe(true);
    expect(result.summary).toEqual({ passed: result.claims.length, failed: 0 });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('fails the claim whose quoted sentence had one word changed, at its claims.yaml line', async () => {
    const root = copy();
    const seed = path.join(root, seedPath('002'));
    const text = readFileSync(seed, 'utf8');
    const sentence = LOCKED_SENTENCE;
    expect(text).toContain(sentence);
    // Same length, so that only the claims quoting this sentence are touched.
    writeFileSync(seed, text.replace(sentence, sentence.replace('locked', 'closed')));
    const result = await check(root);
    const failing = result.claims.filter((c) => c.status === 'failed');
    expect(failing.length).toBeGreaterThan(0);
    for (const claim of failing) {
      const broken = claim.evidence.find((e) => e.status !== 'verified')!;
      expect(broken.quote).toContain('locked');
      expect(broken.status).toBe('changed');
      const message = result.messages.find((m) => m.claimId === claim.id && m.ruleId === 'quote-changed')!;
      expect(message.file).toBe('claims.yaml');
      expect(message.place!.start.line).toBeGreaterThan(1);
      expect(message.reason).toContain('The account has been [-locked-]{+closed+}');
    }
  });

  it('reports every claim on a seed as moved, at the right offset, after a paragraph is inserted at its top', async () => {
    const root = copy();
    const seed = path.join(root, seedPath('003'));
    const inserted = 'Editor’s note: this article was updated 🙂 with new reporting.\n\n';
    writeFileSync(seed, inserted + readFileSync(seed, 'utf8'));
    const shift = [...inserted].length;
    const result = await check(root);
    const sourceId = [...result.workspace.sources.values()].find((s) => s.path.endsWith(seedPath('003')))!.id;
    const onSeed = result.claims.flatMap((c) => c.evidence).filter((e) => e.source === sourceId);
    expect(onSeed.length).toBeGreaterThan(5);
    for (const e of onSeed) {
      expect(e.status).toBe('moved');
      expect(e.found).toEqual([e.span![0] + shift, e.span![1] + shift]);
    }
    const others = result.claims.flatMap((c) => c.evidence).filter((e) => e.source !== sourceId);
    expect(others.every((e) => e.status === 'verified')).toBe(true);
  });
});

describe('progress', () => {
  it('says after each source that its quotes are anchored: sources done, of the total', async () => {
    const root = copy();
    const calls: [number, number][] = [];
    const result = await checkWorkspace('claims.yaml', { cwd: root, onProgress: (done, total) => calls.push([done, total]) });
    const total = result.value!.workspace.sources.size;
    expect(total).toBeGreaterThan(1);
    expect(calls).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });
});
