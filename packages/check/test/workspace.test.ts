import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../src/index.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** A copy of the real workspace (claims.yaml and seeds/) in a temp folder. */
function copyWorkspace(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'factcheck-check-'));
  cpSync(path.join(repo, 'claims.yaml'), path.join(root, 'claims.yaml'));
  cpSync(path.join(repo, 'seeds'), path.join(root, 'seeds'), { recursive: true });
  return root;
}

async function check(root: string) {
  const result = await checkWorkspace('claims.yaml', { cwd: root });
  expect(result.errors).toEqual([]);
  return result.value!;
}

describe('the workspace', () => {
  it('has every claim verified, pinned and passing', async () => {
    const result = await check(repo);
    const evidence = result.claims.flatMap((c) => c.evidence);
    expect(result.claims.length).toBeGreaterThanOrEqual(60);
    expect(evidence.filter((e) => e.status !== 'verified')).toEqual([]);
    expect(evidence.every((e) => e.pinned)).toBe(true);
    expect(result.summary).toEqual({ passed: result.claims.length, failed: 0 });
    expect(result.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('fails the claim whose quoted sentence had one word changed, at its claims.yaml line', async () => {
    const root = copyWorkspace();
    const seed = path.join(root, 'seeds/002_7eed6be3d315f0c0.txt');
    const text = readFileSync(seed, 'utf8');
    const sentence = 'The account has been locked, and content deleted, days after its launch.';
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
    const root = copyWorkspace();
    const seed = path.join(root, 'seeds/003_66e3c950b5d7b4e1.txt');
    const inserted = 'Editor’s note: this article was updated 🙂 with new reporting.\n\n';
    writeFileSync(seed, inserted + readFileSync(seed, 'utf8'));
    const shift = [...inserted].length;
    const result = await check(root);
    const sourceId = [...result.workspace.sources.values()].find((s) => s.path.endsWith('003_66e3c950b5d7b4e1.txt'))!.id;
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
