// Fuzzing the loader: random bytes, random YAML-ish text and random edits of a valid file must
// never make parseClaimsText or loadWorkspace throw, and every message they return must be placed
// (line ≥ 1, column ≥ 1, inside the text) and printable. Fixed seeds; FC_FUZZ_RUNS=N runs more.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lineStartsOf, loadWorkspace, parseClaimsText, type Message, type Result } from '../src/index.js';
import { LOCKED_SENTENCE } from '@factcheck/test-fixtures';

const fuzzRuns = (fallback: number) => {
  const n = Number(process.env.FC_FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** Test timeouts: generous by default (a noisy machine), unbounded in practice for long runs. */
const TIMEOUT = process.env.FC_FUZZ_RUNS ? 6 * 3_600_000 : 120_000;

const SOURCE = `${LOCKED_SENTENCE}\nA second line 😀 with an emoji.\n`;

const VALID = `# yaml-language-server: $schema=./claims.schema.json
version: 1
anchor: {min-score: 0.8, margin: 0.05, ignore-case: false}
coverage:
  sentences: 50
properties:
  job-title: {single-valued: true, description: The role.}
entities:
  bytedance: {name: ByteDance, aliases: [ByteDance Ltd]}
sources:
  bbc:
    path: seeds/a.txt
    title: "The article"
    url: https://example.com/a
    published: 2023-03-01
    exclude: [A second line, "/^The (account)/m"]
    coverage: {characters: 10}
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    note: Plain.
    evidence:
      - source: bbc
        quote: "The account has been locked"
        span: [0, 27]
        prefix: ""
    fact:
      subject: bytedance
      property: job-title
      value: 3
      when: {from: 2022-01, to: 2023}
    conflicts:
      - with: second
        reason: Both stand.
  - id: second
    claim: 'Second: with an emoji'
    verdict: disputed
    evidence:
      - {source: bbc, quote: "second line 😀", span: [75, 88]}
`;

/** Everything a message must be: placed inside the text, and free of raw control characters. */
function checkMessages(result: Result<unknown>, text: string): void {
  const lines = lineStartsOf(text).length;
  const all: Message[] = [...result.errors, ...result.warnings];
  for (const m of all) {
    expect(m.place, `${m.ruleId}: ${m.reason}`).toBeDefined();
    const { start, end } = m.place!;
    expect(start.line).toBeGreaterThanOrEqual(1);
    expect(start.column).toBeGreaterThanOrEqual(1);
    expect(start.line).toBeLessThanOrEqual(lines);
    expect(start.offset).toBeGreaterThanOrEqual(0);
    expect(start.offset).toBeLessThanOrEqual(text.length);
    expect(end.offset).toBeGreaterThanOrEqual(start.offset);
    expect(m.reason.length).toBeGreaterThan(0);
    // A terminal escape from the input must not reach the output raw.
    expect(`${m.reason}${m.note ?? ''}`).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  }
  // A value comes back exactly when nothing is wrong.
  expect(result.value === undefined).toBe(result.errors.length > 0);
}

const parse = (text: string) => parseClaimsText(text, { file: 'claims.yaml', claimsPath: path.join(tmpdir(), 'fuzz', 'claims.yaml') });

// Fragments of YAML and of the format: keys, values, indentation, quotes, anchors and aliases,
// brackets, tags, directives, document markers, line breaks of every kind, control characters.
const KEYS = [
  'version', 'anchor', 'min-score', 'margin', 'ignore-case', 'coverage', 'sentences', 'characters', 'properties', 'single-valued', 'description',
  'entities', 'name', 'aliases', 'sources', 'path', 'title', 'publisher', 'url', 'published', 'sha256', 'exclude', 'claims', 'id', 'claim',
  'verdict', 'note', 'evidence', 'source', 'quote', 'span', 'prefix', 'suffix', 'fact', 'subject', 'property', 'value', 'when', 'from', 'to',
  'conflicts', 'with', 'reason', 'bbc', 'account-locked', '__proto__', 'constructor', 'toString',
];
const VALUES = [
  '1', '2', '-1', '0.5', '1e400', '.inf', '.nan', '0x1F', '0o17', '99999999999999999999', 'true', 'no', 'null', '~', '""', "''",
  '"The account has been locked"', 'seeds/a.txt', '../x', '/etc/passwd', 'seeds', 'supported', 'suported', '2022-13', '2022-02-30',
  '2022', 'yesterday', 'javascript:alert(1)', '"\\uD800"', '"\\uDE00 x"', '"\\e[31m"', '"\\0"', '"a\\u202Eb"', '😀', 'ü', '"/(a/"',
  '[0, 27]', '[27, 0]', '[0.5, 2]', '[-1, 3]', '{}', '[]', '{a: 1}', '|', '>-', '!!binary aGk=', '!!str 1', '!foo x', '&a', '*a', '*b',
];
const STRUCTURE = [
  '\n', '\r\n', '\r', ' ', '  ', '    ', '\t', '- ', ': ', ':', '? ', '[', ']', '{', '}', ', ', '#', '# c\n', '"', "'", '&a ', '*a', '&b [*a, *a]',
  '---\n', '...\n', '%YAML 1.1\n', '%TAG ! tag:x,2000:\n', '\\', '\u0000', '\u001b', '\ufeff', '\u2028', '@', '`', '%', '!',
];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYS).map((k) => `${k}: `) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 4, arbitrary: fc.constantFrom(...STRUCTURE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.nat(12).map((n) => `\n${' '.repeat(n)}`) },
);
const yamlish = fc.array(fragment, { maxLength: 80 }).map((parts) => parts.join(''));

/** A random edit of the valid file: a fragment inserted, a stretch deleted or repeated, a line moved. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.array(fragment, { minLength: 1, maxLength: 4 }).map((p) => p.join('')) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, edits: readonly Mutation[]): string {
  let out = text;
  for (const e of edits) {
    if (e.kind === 'swap-lines') {
      const lines = out.split('\n');
      const a = e.a % lines.length;
      const b = e.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      out = lines.join('\n');
      continue;
    }
    const at = e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else out = out.slice(0, at + e.length) + out.slice(at, at + e.length) + out.slice(at + e.length);
  }
  return out;
}

describe('parseClaimsText never throws, and places every message', () => {
  it('the valid base file loads (so that its mutations start from a good file)', () => {
    const result = parse(VALID);
    expect(result.errors).toEqual([]);
    expect(result.value!.workspace.claims.map((c) => c.id)).toEqual(['account-locked', 'second']);
  });

  it('random YAML-ish text', () => {
    fc.assert(
      fc.property(yamlish, (text) => checkMessages(parse(text), text)),
      { seed: 20240601, numRuns: fuzzRuns(1500) },
    );
  }, TIMEOUT);

  it('random edits of a valid claims.yaml', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (edits) => {
        const text = mutate(VALID, edits);
        checkMessages(parse(text), text);
      }),
      { seed: 20240602, numRuns: fuzzRuns(1500) },
    );
  }, TIMEOUT);

  it('random strings of any code units (lone surrogates, controls)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkMessages(parse(text), text)),
      { seed: 20240603, numRuns: fuzzRuns(500) },
    );
  }, TIMEOUT);

  it('deep nesting of every kind, at depths around where the YAML library gives up', () => {
    const shapes = [
      (n: number) => `version: 1\nanchor: ${'['.repeat(n)}${']'.repeat(n)}\n`,
      (n: number) => `version: 1\nanchor: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
      (n: number) => `version: 1\nanchor:\n  ${'- '.repeat(n)}x\n`,
      (n: number) => `version: 1\nclaims: ${'[{a: '.repeat(n)}`,
      (n: number) => `version: 1\nanchor:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')}\n`,
    ];
    fc.assert(
      fc.property(fc.nat(shapes.length - 1), fc.integer({ min: 1, max: 3000 }), (shape, depth) => {
        const text = shapes[shape]!(depth);
        const result = parse(text);
        checkMessages(result, text);
        expect(result.errors.length).toBeGreaterThan(0);
        const deep = result.errors.find((e) => e.ruleId === 'yaml-too-deep');
        if (deep) expect(deep.reason).toBe('claims.yaml is nested too deeply to read: the lists or mappings that start here go hundreds of levels deep');
      }),
      { seed: 20240604, numRuns: fuzzRuns(60) },
    );
  }, TIMEOUT);
});

describe('loadWorkspace never throws, and places every message', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'factcheck-fuzz-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let count = 0;

  /** Writes claims.yaml (bytes) beside the source and loads it. */
  async function loadBytes(bytes: Uint8Array) {
    const root = path.join(scratch, String(count++));
    mkdirSync(path.join(root, 'seeds'), { recursive: true });
    writeFileSync(path.join(root, 'seeds', 'a.txt'), SOURCE);
    writeFileSync(path.join(root, 'claims.yaml'), bytes);
    return loadWorkspace('claims.yaml', { cwd: root });
  }

  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const result = await loadBytes(bytes);
        // Messages about claims.yaml are placed in its text as far as it decodes.
        checkMessages(result, new TextDecoder().decode(bytes));
        expect(result.errors.length + result.warnings.length).toBeGreaterThanOrEqual(bytes.length === 0 ? 1 : 0);
      }),
      { seed: 20240605, numRuns: fuzzRuns(200) },
    );
  }, TIMEOUT);

  it('random edits of a valid claims.yaml, with its source on disk (spans checked against it)', async () => {
    expect((await loadBytes(Buffer.from(VALID))).errors).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (edits) => {
        const text = mutate(VALID, edits);
        checkMessages(await loadBytes(Buffer.from(text)), text);
      }),
      { seed: 20240606, numRuns: fuzzRuns(300) },
    );
  }, TIMEOUT);
});
