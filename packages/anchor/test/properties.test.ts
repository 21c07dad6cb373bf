// Property-based tests: random edits of real seed texts, random quotes and spans.
import fc from 'fast-check';
import { SourceText } from '@factcheck/core';
import type { AnchorResult, Span } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote, contextFor } from '../src/index.js';
import { allSeeds, fuzzRuns } from './seeds.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(200) });

const seedTexts = [...allSeeds().values()];

/** Characters for inserted text: letters, spaces, punctuation, typography, emoji. */
const insertChar = fc.constantFrom('a', 'e', 'T', ' ', '\n', '.', ',', '’', '“', '—', 'é', '😀', '🚀', '\r\n');
const insertText = fc.array(insertChar, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 10 }),
    text: insertText,
  }),
);

/** Apply edits on code points (positions wrap around the current length). */
function applyEdits(text: string, edits: readonly Edit[]): string {
  const cps = [...text];
  for (const e of edits) {
    const at = e.at % (cps.length + 1);
    if (e.kind === 'insert') cps.splice(at, 0, ...e.text);
    else if (e.kind === 'delete') cps.splice(at, e.length);
    else cps.splice(at, e.length, ...e.text);
  }
  return cps.join('');
}

/** A quote taken from the original: [start, start + length) in code points. */
const quoteSpan = fc.record({ seedIndex: fc.nat(seedTexts.length - 1), start: fc.nat(), length: fc.integer({ min: 8, max: 160 }) });

function pickQuote(pick: { seedIndex: number; start: number; length: number }): { raw: string; quote: string; span: Span } {
  const raw = seedTexts[pick.seedIndex]!;
  const cps = [...raw];
  const start = pick.start % Math.max(1, cps.length - pick.length);
  const span: Span = [start, Math.min(cps.length, start + pick.length)];
  return { raw, quote: cps.slice(span[0], span[1]).join(''), span };
}

/** The invariants every result keeps, whatever the input. */
function checkInvariants(text: SourceText, quote: string, result: AnchorResult): void {
  if (result.status === 'verified' || result.status === 'moved') {
    expect(result.found).toBeDefined();
    expect(text.slice(result.found!)).toBe(quote);
    expect(result.score).toBe(1);
    expect(result.kind).toBe('exact');
  }
  if (result.status === 'changed') {
    expect(text.slice(result.found!)).toBe(result.actual);
    expect(result.actual).not.toBe(quote);
    // Fuzzy scores clear minScore; normalized ones measure the original bytes (a lone "\n"
    // against a space scores 0, yet the words are the same).
    expect(result.score).toBeGreaterThanOrEqual(result.kind === 'fuzzy' ? 0.75 : 0);
    expect(result.score).toBeLessThanOrEqual(1);
    const expectedSide = (result.diff ?? []).filter((p) => p.op !== 'insert').map((p) => p.text).join('');
    const actualSide = (result.diff ?? []).filter((p) => p.op !== 'delete').map((p) => p.text).join('');
    expect(expectedSide).toBe(quote);
    expect(actualSide).toBe(result.actual);
  }
  if (result.status === 'ambiguous' || result.status === 'missing') expect(result.found).toBeUndefined();
  for (const c of result.candidates ?? []) {
    expect(text.slice(c.span)).toBe(c.text);
    expect(c.score).toBeGreaterThanOrEqual(0);
    expect(c.score).toBeLessThanOrEqual(1);
  }
}

describe('anchoring after random edits of a real seed', () => {
  it('a moved or verified result always points at text equal to the quote', () => {
    fc.assert(
      fc.property(quoteSpan, fc.array(edit, { maxLength: 6 }), (pick, edits) => {
        const { raw, quote, span } = pickQuote(pick);
        const text = new SourceText(applyEdits(raw, edits));
        const result = anchorQuote(text, { quote, span });
        checkInvariants(text, quote, result);
        // If the quote still occurs exactly once, the exact steps must find that occurrence.
        const at = text.text.indexOf(quote);
        if (at >= 0 && at === text.text.lastIndexOf(quote)) {
          expect(['verified', 'moved']).toContain(result.status);
          expect(result.found![0]).toBe(text.toCodePoint(at));
        }
      }),
    );
  });

  it('with context from contextFor, a repeated quote comes back at its own occurrence', () => {
    fc.assert(
      fc.property(quoteSpan, fc.integer({ min: 2, max: 4 }), fc.nat(), (pick, copies, which) => {
        const { raw, quote } = pickQuote(pick);
        // Scatter copies of the quote through the text, then pin one of them.
        const parts = raw.split('\n\n');
        const positions = Array.from({ length: copies }, (_, i) => Math.floor((i * parts.length) / copies));
        for (const p of positions.reverse()) parts.splice(p, 0, quote);
        const text = new SourceText(parts.join('\n\n'));
        const occurrences: number[] = [];
        for (let u = text.text.indexOf(quote); u !== -1; u = text.text.indexOf(quote, u + 1)) occurrences.push(u);
        const unit = occurrences[which % occurrences.length]!;
        const start = text.toCodePoint(unit);
        const span: Span = [start, start + [...quote].length];
        const context = contextFor(text, span);
        const result = anchorQuote(text, { quote, ...context });
        expect(result).toMatchObject({ status: 'verified', found: span });
      }),
      { numRuns: Math.max(10, Math.floor(fuzzRuns(100) / 2)) },
    );
  });
});

describe('random quotes and spans', () => {
  const quoteChar = fc.constantFrom('a', 't', 'h', 'e', ' ', 'T', 'i', 'k', 'o', '.', '’', '😀', '\n');
  const randomQuote = fc.array(quoteChar, { minLength: 1, maxLength: 40 }).map((a) => a.join(''));

  it('never returns verified or moved for text that differs from the quote', () => {
    fc.assert(
      fc.property(
        fc.nat(seedTexts.length - 1),
        fc.oneof(randomQuote, quoteSpan.map((p) => pickQuote(p).quote.replace(/e/g, 'a'))),
        fc.tuple(fc.integer({ min: -5, max: 5000 }), fc.integer({ min: -5, max: 5000 })),
        fc.option(fc.string({ maxLength: 10 })),
        fc.option(fc.string({ maxLength: 10 })),
        (seedIndex, quote, span, prefix, suffix) => {
          const text = new SourceText(seedTexts[seedIndex]!);
          const result = anchorQuote(text, {
            quote,
            span,
            prefix: prefix ?? undefined,
            suffix: suffix ?? undefined,
          });
          checkInvariants(text, quote, result);
        },
      ),
    );
  });

  it('a span of the original text is verified, whatever it covers', () => {
    fc.assert(
      fc.property(quoteSpan, (pick) => {
        const { raw, quote, span } = pickQuote(pick);
        expect(anchorQuote(new SourceText(raw), { quote, span })).toEqual({
          status: 'verified',
          found: span,
          score: 1,
          kind: 'exact',
          distance: 0,
        });
      }),
    );
  });
});
