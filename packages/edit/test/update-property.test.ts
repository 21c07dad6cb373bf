import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace } from '@factcheck/check';
import { loadWorkspace, type Workspace } from '@factcheck/core';
import { updateClaims } from '../src/update.js';
import { copyFixtureWorkspace, fuzzRuns, lineDiff, onlySpanNumbersChanged, removeTempDirs, fixtureClaims, fixtureRoot } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

// Words that occur in no seed, so inserted text never creates a second occurrence of a quote.
const VOCABULARY = ['zorblat', 'quixel', 'vundra', 'plimsk', 'Snorfle', 'gwimbo', 'traxen', 'Yollup'];

interface SeedModel {
  path: string;
  text: string[];
  /** Stretches (code points, half-open) no edit may touch: every quote, with room for its context. */
  gaps: [number, number][];
}

/** The stretches of a seed outside every quote (and outside the prefix/suffix windows of quotes that carry one). */
function gapsOf(workspace: Workspace, sourceId: string, length: number): [number, number][] {
  const protectedRanges: [number, number][] = [];
  for (const claim of workspace.claims) {
    for (const e of claim.evidence) {
      if (e.source !== sourceId || !e.span) continue;
      const before = e.prefix !== undefined ? e.prefix.length + 10 : 0;
      const after = e.suffix !== undefined ? e.suffix.length + 10 : 0;
      protectedRanges.push([Math.max(0, e.span[0] - before), Math.min(length, e.span[1] + after)]);
    }
  }
  protectedRanges.sort((a, b) => a[0] - b[0]);
  const gaps: [number, number][] = [];
  let cursor = 0;
  for (const [s, e] of protectedRanges) {
    if (s > cursor) gaps.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  if (cursor < length) gaps.push([cursor, length]);
  // A gap also allows insertion right at a quote's edge when the quote carries no context.
  for (const [s, e] of protectedRanges) if (s === e) gaps.push([s, s]);
  return gaps;
}

type Edit = { kind: 'insert'; gap: number; offset: number; words: string[]; breaks: boolean } | { kind: 'delete'; gap: number; offset: number; length: number };

const editArb = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), gap: fc.nat(), offset: fc.nat(), words: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 8 }), breaks: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), gap: fc.nat(), offset: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

/** Applies edits (each in its own gap, so that they never overlap) to the code points of a seed. */
function applySeedEdits(seed: SeedModel, edits: Edit[]): string {
  const chars = [...seed.text];
  const used = new Set<number>();
  const placed: { at: number; remove: number; insert: string }[] = [];
  for (const edit of edits) {
    const index = edit.gap % seed.gaps.length;
    if (used.has(index)) continue;
    used.add(index);
    const [start, end] = seed.gaps[index]!;
    const at = start + (edit.offset % (end - start + 1));
    if (edit.kind === 'insert') {
      const text = `${edit.words.join(' ')}.`;
      placed.push({ at, remove: 0, insert: edit.breaks ? `\n\n${text}\n\n` : ` ${text} ` });
    } else placed.push({ at, remove: Math.min(edit.length, end - at), insert: '' });
  }
  placed.sort((a, b) => b.at - a.at);
  for (const p of placed) chars.splice(p.at, p.remove, ...p.insert);
  return chars.join('');
}

describe('update after random edits of a real seed that keep every quote verbatim (property)', () => {
  let seeds: SeedModel[] = [];
  let root = '';
  let claimsText = '';

  beforeAll(async () => {
    const loaded = await loadWorkspace(fixtureClaims, { cwd: fixtureRoot });
    expect(loaded.errors).toEqual([]);
    const { workspace, sources } = loaded.value!;
    // The property assumes every quote without context occurs once in its source.
    for (const claim of workspace.claims) {
      for (const e of claim.evidence) {
        if (e.prefix === undefined && e.suffix === undefined) expect(sources.get(e.source)!.text.text.split(e.quote).length - 1, `${claim.id}: ${e.quote}`).toBe(1);
      }
    }
    seeds = [...sources.values()].map((s) => ({ path: s.decl.path, text: [...s.text.text], gaps: gapsOf(workspace, s.decl.id, s.text.length) }));
    root = copyFixtureWorkspace();
    claimsText = readFileSync(path.join(root, 'claims.yaml'), 'utf8');
  });

  it('update exits 0, check then passes, and no byte outside the rewritten span numbers changes', async () => {
    let rewritten = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(editArb, { minLength: 1, maxLength: 4 }), async (which, edits) => {
        const seed = seeds[which % seeds.length]!;
        const edited = applySeedEdits(seed, edits);
        const original = new Map(seeds.map((s) => [s.path, s.text.join('')]));
        for (const [p, text] of original) writeFileSync(path.join(root, p), p === seed.path ? edited : text);
        writeFileSync(path.join(root, 'claims.yaml'), claimsText);

        const updated = await updateClaims({ claims: 'claims.yaml', cwd: root, env: {}, accept: false, dryRun: false, force: false, today: '2026-12-04' });
        expect(updated.refusal).toBeUndefined();
        expect(updated.errors).toEqual([]);
        expect(updated.value?.leftovers, JSON.stringify(updated.value?.leftovers)).toEqual([]);
        const after = readFileSync(path.join(root, 'claims.yaml'), 'utf8');
        expect(onlySpanNumbersChanged(claimsText, after)).toEqual({ ok: true });

        // Exactly the spans whose quote moved were rewritten, and the data is otherwise the same.
        const oldData = parse(claimsText);
        const newData = parse(after);
        let changedSpans = 0;
        oldData.claims.forEach((claim: { evidence: { span?: number[] }[] }, c: number) =>
          claim.evidence.forEach((e, k) => {
            const now = newData.claims[c].evidence[k];
            if (JSON.stringify(now.span) !== JSON.stringify(e.span)) changedSpans++;
            expect({ ...now, span: e.span }).toEqual(e);
          }),
        );
        expect(lineDiff(claimsText, after).removed).toHaveLength(changedSpans);
        rewritten += changedSpans;
        const checked = await checkWorkspace('claims.yaml', { cwd: root });
        const notVerified = checked.value!.claims.flatMap((c) => c.evidence).filter((e) => e.status !== 'verified');
        expect(notVerified).toEqual([]);
        expect(checked.value!.summary.failed).toBe(0);
      }),
      { seed: 424242, numRuns: fuzzRuns(5), endOnFailure: true },
    );
    // The edits did move quotes: the property exercised re-pinning, not only "nothing to do".
    expect(rewritten).toBeGreaterThan(0);
  }, 300_000);
});
