import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWorkspace } from '@factcheck/check';
import { ID_PATTERN } from '@factcheck/core';
import { addClaim } from '../src/add.js';
import { updateClaims } from '../src/update.js';
import { isPureInsertion, lineDiff, makeWorkspace, prng, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

// "No data lost": 1,000 in-process runs of update and add on generated workspaces written in
// many YAML styles. After every run the file must read back as exactly the expected data, and
// its bytes must differ from before only where the command was meant to write.

const WORKSPACES = 100;
const RUNS_PER_WORKSPACE = 10;

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'café', 'naïve', '“quoted”', 'word—dash', 'emoji😀', 'Ärger', 'x-ray', 'it’s'];
const CLAIM_TEXTS = [
  'A plain claim about the text.',
  'Claim with "double quotes": and a colon',
  "It's got 'single' quotes",
  'Ünïcödé — “curly” 😀 claim',
  '- looks like a list item',
  '# looks like a comment',
  'true',
  '123',
  'key: value',
  'trailing space ',
  '  leading',
  '[flow] {map}, and more',
  'back\\slash',
  'two\nlines',
];
const COMMENTS = ['# a note about this', '# keep me here', '# reviewed by a person', '#no space comment', '# ünïcödé comment — fine'];

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;
const cpLength = (text: string) => [...text].length;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface Source {
  id: string;
  path: string;
  sentences: string[];
  separators: string[];
  hasSha: boolean;
}

interface Style {
  eol: string;
  bom: boolean;
  finalNewline: boolean;
  indentless: boolean;
  blankBetween: boolean;
  tail: string;
}

/** Evidence positions: the text of a source and where each sentence starts (code points). */
function textOf(source: Source): string {
  return source.sentences.map((s, i) => s + (source.separators[i] ?? '')).join('');
}

function spanOf(source: Source, sentence: string): [number, number] {
  const text = textOf(source);
  const at = text.indexOf(sentence);
  if (at < 0 || text.indexOf(sentence, at + 1) >= 0) throw new Error(`sentence not unique: ${sentence}`);
  const start = cpLength(text.slice(0, at));
  return [start, start + cpLength(sentence)];
}

const plainSafe = (q: string) => /^[A-Za-zÄ“][^:#'"\n\[\]{},]*[^\s:]$/.test(q) && parse(`k: ${q}`)?.k === q;

function quoteText(random: Random, q: string): string {
  const style = pick(random, ['plain', 'double', 'single'] as const);
  if (style === 'plain' && plainSafe(q)) return q;
  if (style === 'single' && !q.includes('\n')) return `'${q.replace(/'/g, "''")}'`;
  return JSON.stringify(q);
}

/** Renders a generated workspace's claims.yaml in a random but valid style. */
function render(random: Random, sources: Source[], claims: { id: string; quotes: { source: Source; sentence: string }[] }[], style: Style): string {
  const L: string[] = [];
  if (chance(random, 0.7)) L.push(pick(random, COMMENTS));
  L.push(`version: 1${chance(random, 0.3) ? `  ${pick(random, COMMENTS)}` : ''}`);
  if (chance(random, 0.5)) L.push('');
  L.push('sources:');
  for (const s of sources) {
    L.push(`  ${s.id}:${chance(random, 0.3) ? `   ${pick(random, COMMENTS)}` : ''}`);
    L.push(`    path: ${s.path}`);
    if (s.hasSha) L.push(`    sha256: ${chance(random, 0.5) ? JSON.stringify(sha256(textOf(s))) : sha256(textOf(s))}`);
  }
  if (chance(random, 0.5)) L.push('');
  L.push('claims:');
  const dash = style.indentless ? '' : '  ';
  const key = `${dash}  `;
  const evDash = style.indentless ? key : `${key}  `;
  const evKey = `${evDash}  `;
  claims.forEach((claim, i) => {
    if (i > 0 && style.blankBetween) L.push('');
    if (chance(random, 0.3)) L.push(`${dash}${pick(random, COMMENTS)}`);
    L.push(`${dash}- id: ${claim.id}${chance(random, 0.2) ? `   ${pick(random, COMMENTS)}` : ''}`);
    L.push(`${key}claim: ${quoteText(random, `Generated claim ${claim.id}.`)}`);
    L.push(`${key}verdict: supported`);
    L.push(`${key}evidence:`);
    for (const q of claim.quotes) {
      const span = spanOf(q.source, q.sentence);
      if (chance(random, 0.15)) {
        L.push(`${evDash}- {source: ${q.source.id}, quote: ${JSON.stringify(q.sentence)}, span: [${span[0]}, ${span[1]}]}`);
        continue;
      }
      L.push(`${evDash}- source: ${q.source.id}`);
      L.push(`${evKey}quote: ${quoteText(random, q.sentence)}${chance(random, 0.2) ? `  ${pick(random, COMMENTS)}` : ''}`);
      const spanStyle = pick(random, ['flow', 'spaced', 'block', 'none', 'comment'] as const);
      if (spanStyle === 'flow') L.push(`${evKey}span: [${span[0]}, ${span[1]}]`);
      if (spanStyle === 'spaced') L.push(`${evKey}span: [ ${span[0]} ,  ${span[1]} ]`);
      if (spanStyle === 'comment') L.push(`${evKey}span: [${span[0]}, ${span[1]}]   # pinned`);
      if (spanStyle === 'block') L.push(`${evKey}span:`, `${evKey}  - ${span[0]}`, `${evKey}  - ${span[1]}  # end`);
    }
  });
  const body = L.join(style.eol) + style.tail.replace(/\n/g, style.eol);
  return body + (style.finalNewline ? style.eol : '');
}

let sentenceCounter = 0;
function sentence(random: Random): string {
  const n = ++sentenceCounter;
  const words = Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(random, WORDS));
  return `Item ${n} ${words.join(' ')}${pick(random, ['.', '!', '?', '…'])}`;
}

const BOM = '\ufeff';

/** Masks what update may change (span numbers, sha256 values) so that all else can be compared. */
function skeleton(text: string): string {
  const withBreak = /[\r\n]$/.test(text) ? text : `${text}\n`;
  return withBreak
    .replace(/[0-9a-f]{64}/g, 'H')
    .replace(/\[\s*\d+\s*,\s*\d+\s*\]/g, (m) => m.replace(/\d+/g, 'N'))
    .replace(/(span:(?:\r\n|\n)\s*-\s*)\d+((?:\r\n|\n)\s*-\s*)\d+/g, '$1N$2N');
}

/** The comments of a text (what follows a `#` that starts a comment), line by line. */
const commentLines = (text: string) =>
  text
    .split(/\r\n|\n/)
    .filter((l) => !l.includes('"') && !l.includes("'"))
    .flatMap((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1] ?? []);

type Data = { sources: Record<string, { path: string; sha256?: string }>; claims: { id: string; claim: string; verdict: string; evidence: { source: string; quote: string; span?: number[] }[] }[] };

describe('no data lost: update and add, 1,000 runs on generated workspaces', () => {
  it('every claim, comment and unrelated byte stays intact', async () => {
    const random = prng(31337);
    let runs = 0;
    let updates = 0;
    let adds = 0;
    for (let w = 0; w < WORKSPACES; w++) {
      const sources: Source[] = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
        const count = 4 + Math.floor(random() * 6);
        return {
          id: `src-${i + 1}`,
          path: `texts/s${i + 1}.txt`,
          sentences: Array.from({ length: count }, () => sentence(random)),
          separators: Array.from({ length: count }, () => pick(random, [' ', '\n', '\n\n'])),
          hasSha: chance(random, 0.4),
        };
      });
      const quotable = sources.flatMap((s) => s.sentences.map((sentenceText) => ({ source: s, sentence: sentenceText })));
      const used = new Set<string>();
      const claims = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
        const quotes = Array.from({ length: 1 + Math.floor(random() * 2) }, () => pick(random, quotable)).filter((q) => !used.has(q.sentence) && used.add(q.sentence));
        return { id: `claim-${i + 1}`, quotes: quotes.length ? quotes : [quotable.find((q) => !used.has(q.sentence) && used.add(q.sentence))!] };
      });
      const style: Style = {
        eol: chance(random, 0.3) ? '\r\n' : '\n',
        bom: chance(random, 0.15),
        finalNewline: chance(random, 0.8),
        indentless: chance(random, 0.25),
        blankBetween: chance(random, 0.5),
        tail: pick(random, ['', '\n# the end', '\ncoverage:\n  sentences: 0', '\n\n# coverage below\ncoverage: {characters: 0}']),
      };
      const files: Record<string, string> = { 'claims.yaml': (style.bom ? BOM : '') + render(random, sources, claims, style) };
      for (const s of sources) files[s.path] = textOf(s);
      const root = makeWorkspace(files);
      const claimsPath = path.join(root, 'claims.yaml');
      const readClaims = () => readFileSync(claimsPath, 'utf8');
      const dataOf = (text: string) => parse(text.replace(/^\ufeff/, '')) as Data;
      let expected = dataOf(readClaims());

      for (let r = 0; r < RUNS_PER_WORKSPACE; r++) {
        const before = readClaims();
        const allPinned = expected.claims.every((c) => c.evidence.every((e) => e.span));
        const op = pick(random, ['move', 'move', 'move', 'add', 'add', 'add', 'noop', 'dry'] as const);
        const common = { claims: 'claims.yaml', cwd: root, env: {}, dryRun: op === 'dry', force: false };
        if (op === 'add' || (op === 'dry' && chance(random, 0.5))) {
          const free = sources.flatMap((s) => s.sentences.map((t) => ({ source: s, sentence: t }))).filter((q) => !used.has(q.sentence));
          const target = free.length ? pick(random, free) : undefined;
          if (!target) continue;
          const claimText = pick(random, CLAIM_TEXTS);
          const id = chance(random, 0.3) ? `given-${w}-${r}` : undefined;
          const verdict = pick(random, ['supported', 'refuted', 'disputed', 'unverified', undefined] as const);
          const added = await addClaim({ ...common, source: target.source.id, quote: target.sentence, claim: claimText.trim(), ...(id ? { id } : {}), verdict: verdict ?? 'supported' });
          expect(added.refusal).toBeUndefined();
          expect(added.errors).toEqual([]);
          expect(added.notes).toEqual([]);
          expect(added.value).toMatchObject({ kind: 'added', written: op !== 'dry' });
          const after = readClaims();
          if (op === 'dry') expect(after).toBe(before);
          else {
            used.add(target.sentence);
            adds++;
            expect(isPureInsertion(before, after)).toBe(true);
            expect(/[\r\n]$/.test(after)).toBe(/[\r\n]$/.test(before));
            const added = dataOf(after).claims.at(-1)!;
            expect(added.id).toMatch(new RegExp(ID_PATTERN));
            expect(expected.claims.some((c) => c.id === added.id)).toBe(false);
            expected = { ...expected, claims: [...expected.claims, { id: added.id, claim: claimText.trim(), verdict: verdict ?? 'supported', evidence: [{ source: target.source.id, quote: target.sentence, span: spanOf(target.source, target.sentence) }] }] };
          }
        } else {
          if (op === 'move') {
            // A new sentence somewhere between the existing ones: every later quote moves.
            const s = pick(random, sources);
            const at = Math.floor(random() * (s.sentences.length + 1));
            s.sentences.splice(at, 0, sentence(random));
            s.separators.splice(at, 0, pick(random, [' ', '\n', '\n\n']));
            writeFileSync(path.join(root, s.path), textOf(s));
          }
          const updated = await updateClaims({ ...common, accept: false, today: '2026-12-04' });
          expect(updated.refusal).toBeUndefined();
          expect(updated.errors).toEqual([]);
          expect(updated.notes).toEqual([]);
          expect(updated.value?.leftovers, JSON.stringify(updated.value?.leftovers)).toEqual([]);
          const after = readClaims();
          if (op === 'dry') expect(after).toBe(before);
          else {
            updates++;
            // Expected: every span where its quote is now, every sha256 of its source's text.
            const byId = new Map(sources.map((s) => [s.id, s]));
            expected = {
              ...expected,
              sources: Object.fromEntries(Object.entries(expected.sources).map(([id, decl]) => [id, decl.sha256 ? { ...decl, sha256: sha256(textOf(byId.get(id)!)) } : decl])),
              claims: expected.claims.map((c) => ({ ...c, evidence: c.evidence.map((e) => ({ ...e, span: spanOf(byId.get(e.source)!, e.quote) })) })),
            };
            const diff = lineDiff(skeleton(before), skeleton(after));
            expect(diff.removed, `workspace ${w} run ${r}`).toEqual([]);
            for (const line of diff.added) expect(line.text).toMatch(/^\s*span: \[N, N\](\r\n|\n)$/);
            expect(/[\r\n]$/.test(after)).toBe(/[\r\n]$/.test(before));
            // With every span pinned and nothing moved, update has nothing to write.
            if (op === 'noop' && allPinned) expect(after).toBe(before);
          }
        }
        runs++;
        const after = readClaims();
        expect(after.startsWith(BOM)).toBe(style.bom);
        expect(dataOf(after)).toEqual(expected);
        const comments = commentLines(after);
        for (const line of commentLines(before)) expect(comments).toContain(line);
      }
      const checked = await checkWorkspace('claims.yaml', { cwd: root });
      expect(checked.errors).toEqual([]);
      expect(checked.value!.claims.flatMap((c) => c.evidence).filter((e) => e.status !== 'verified')).toEqual([]);
    }
    expect(runs).toBeGreaterThanOrEqual(WORKSPACES * RUNS_PER_WORKSPACE * 0.95);
    expect(updates).toBeGreaterThan(200);
    expect(adds).toBeGreaterThan(200);
  }, 600_000);
});
