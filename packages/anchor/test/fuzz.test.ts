// Fuzzing what properties.test.ts leaves out: texts beyond the seeds (astral characters, letters
// whose case or NFKC form changes length, combining marks, line-break kinds), spans of any number
// (negative, fractional, NaN, infinite, reversed, huge), and every option value. A verified or
// moved result must always point at text equal to the quote, and no result's `found` may cut a
// character (a grapheme cluster) in two.
//
// Quotes are well-formed Unicode: claims.yaml refuses a lone surrogate (the loader reports it),
// and sources are decoded from valid UTF-8, so a lone surrogate never reaches the anchor.
import fc from 'fast-check';
import { SourceText } from '@factcheck/core';
import type { AnchorResult, Span } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote, graphemeCut } from '../src/index.js';
import { fuzzRuns } from './seeds.js';

const FC = { seed: 73, numRuns: fuzzRuns(400) };
const TIMEOUT = process.env.FC_FUZZ_RUNS ? 6 * 3_600_000 : 120_000;

/** Characters that make code points, UTF-16 units, case folding and NFKC disagree. */
const TRICKY = ['a', 'b', 'e', 'T', ' ', '.', '\n', '\r\n', '\t', '\u00a0', '\u200b', '😀', '𝒳', '🚀', 'ß', 'İ', 'ﬁ', 'Å', 'e\u0301', 'é', '’', '“', '”', '—', '-', 'Σ', 'ς', '½', '①', '가'];
const trickyText = (max: number) => fc.array(fc.constantFrom(...TRICKY), { minLength: 0, maxLength: max }).map((a) => a.join(''));

/** Any number a span might hold, valid or not. */
const spanNumber = fc.oneof(
  fc.integer({ min: -5, max: 300 }),
  fc.double({ min: -10, max: 300, noNaN: false }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER, 1e20, -0),
);

const options = fc.record(
  {
    minScore: fc.oneof(fc.double({ min: -1, max: 2, noNaN: false }), fc.constantFrom(0, 0.5, 0.75, 1)),
    margin: fc.oneof(fc.double({ min: -1, max: 2, noNaN: false }), fc.constantFrom(0, 0.05)),
    ignoreCase: fc.boolean(),
  },
  { requiredKeys: [] },
);

function inBounds(text: SourceText, span: Span | undefined): void {
  expect(span).toBeDefined();
  const [start, end] = span!;
  expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(start).toBeLessThanOrEqual(end);
  expect(end).toBeLessThanOrEqual(text.length);
}

/** The invariants of every result. */
function checkResult(text: SourceText, quote: string, span: Span | undefined, result: AnchorResult): void {
  switch (result.status) {
    case 'verified':
    case 'moved':
      inBounds(text, result.found);
      expect(text.slice(result.found!)).toBe(quote);
      expect(graphemeCut(text, result.found!)).toBeUndefined();
      expect(result.score).toBe(1);
      expect(result.kind).toBe('exact');
      // Verified against a given span means at that span.
      if (result.status === 'verified' && span && text.slice(span) === quote && Number.isInteger(span[0])) expect(result.found).toEqual([span[0], span[1]]);
      break;
    case 'changed':
      inBounds(text, result.found);
      expect(text.slice(result.found!)).toBe(result.actual);
      expect(graphemeCut(text, result.found!)).toBeUndefined();
      expect(result.actual).not.toBe(quote);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(
        (result.diff ?? [])
          .filter((p) => p.op !== 'insert')
          .map((p) => p.text)
          .join(''),
      ).toBe(quote);
      expect(
        (result.diff ?? [])
          .filter((p) => p.op !== 'delete')
          .map((p) => p.text)
          .join(''),
      ).toBe(result.actual);
      break;
    case 'ambiguous':
    case 'missing':
      expect(result.found).toBeUndefined();
      break;
  }
  for (const c of result.candidates ?? []) {
    inBounds(text, c.span);
    expect(text.slice(c.span)).toBe(c.text);
  }
}

/** A quote cut from the text at code points [start, start + length), or a string of its own. */
const quoteFor = (text: string) =>
  fc.oneof(
    fc.record({ start: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }).map(({ start, length }) => {
      const cps = [...text];
      const at = cps.length ? start % cps.length : 0;
      return cps.slice(at, at + length).join('');
    }),
    trickyText(20),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  );

describe('anchorQuote on tricky texts, spans and options', () => {
  it('never returns verified or moved for text that differs from the quote, whatever the span and options', () => {
    fc.assert(
      fc.property(
        trickyText(120).chain((text) => fc.tuple(fc.constant(text), quoteFor(text))),
        fc.option(fc.tuple(spanNumber, spanNumber), { nil: undefined }),
        fc.option(trickyText(8), { nil: undefined }),
        fc.option(trickyText(8), { nil: undefined }),
        options,
        ([raw, quote], span, prefix, suffix, opts) => {
          const text = new SourceText(raw);
          const result = anchorQuote(text, { quote, span, prefix, suffix }, opts);
          checkResult(text, quote, span, result);
        },
      ),
      FC,
    );
  }, TIMEOUT);

  it('a quote cut at a code point span (after astral characters) is verified at exactly that span, unless it cuts a character', () => {
    fc.assert(
      fc.property(
        trickyText(120),
        fc.nat(),
        fc.integer({ min: 1, max: 40 }),
        options,
        (raw, start, length, opts) => {
          const cps = [...raw];
          fc.pre(cps.length > 0);
          const at = start % cps.length;
          const span: Span = [at, Math.min(cps.length, at + length)];
          const quote = cps.slice(span[0], span[1]).join('');
          const text = new SourceText(raw);
          const result = anchorQuote(text, { quote, span }, opts);
          if (graphemeCut(text, span)) expect(result.status).not.toBe('verified');
          else expect(result).toEqual({ status: 'verified', found: span, score: 1, kind: 'exact', distance: 0 });
        },
      ),
      FC,
    );
  }, TIMEOUT);

  it('the same span read as UTF-16 units is never verified when the texts differ', () => {
    fc.assert(
      fc.property(trickyText(80), fc.nat(), fc.integer({ min: 1, max: 20 }), (raw, start, length) => {
        const text = new SourceText(raw);
        fc.pre(text.hasAstral && raw.length > 0);
        // The span a tool counting UTF-16 units would write for the quote.
        const unitStart = start % raw.length;
        const units: Span = [unitStart, Math.min(raw.length, unitStart + length)];
        const quote = raw.slice(units[0], units[1]);
        fc.pre(quote.length > 0 && !/[\ud800-\udfff]/.test(quote.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));
        const result = anchorQuote(text, { quote, span: units });
        checkResult(text, quote, units, result);
        if (text.slice(units) !== quote) expect(result.status === 'verified' && result.found?.[0] === units[0] && result.found?.[1] === units[1]).toBe(false);
      }),
      FC,
    );
  }, TIMEOUT);
});
