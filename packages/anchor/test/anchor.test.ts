import { DEFAULT_ANCHOR_OPTIONS, SourceText } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import {
  anchorQuote,
  contextFor,
  findQuote,
  formatDiff,
  nearestCandidates,
  resolveAnchorOptions,
  similarity,
} from '../src/index.js';
import { seed, spanOf } from './seeds.js';

describe('resolveAnchorOptions', () => {
  it('fills in the documented defaults', () => {
    expect(resolveAnchorOptions()).toEqual({ minScore: 0.75, margin: 0.05, ignoreCase: false });
    expect(resolveAnchorOptions()).toEqual(DEFAULT_ANCHOR_OPTIONS);
    expect(resolveAnchorOptions({ margin: 0.1 })).toEqual({ minScore: 0.75, margin: 0.1, ignoreCase: false });
  });

  it('clamps out-of-range values', () => {
    expect(resolveAnchorOptions({ minScore: 2, margin: -1 })).toEqual({ minScore: 1, margin: 0, ignoreCase: false });
    expect(resolveAnchorOptions({ minScore: Number.NaN }).minScore).toBe(0.75);
  });
});

describe('similarity', () => {
  it('is 1 − distance / longer length, in code points', () => {
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
    expect(similarity('', '')).toBe(1);
    expect(similarity('😀😀', '😀')).toBe(0.5);
  });
});

describe('step 1: exact at the span', () => {
  const text = new SourceText('One fact. Two facts. Three facts.');

  it('is verified with score 1 and distance 0', () => {
    expect(anchorQuote(text, { quote: 'Two facts.', span: [10, 20] })).toEqual({
      status: 'verified',
      found: [10, 20],
      score: 1,
      kind: 'exact',
      distance: 0,
    });
  });

  it('ignores a span that is out of range or inverted, and searches instead', () => {
    expect(anchorQuote(text, { quote: 'Two facts.', span: [10, 999] }).status).toBe('moved');
    expect(anchorQuote(text, { quote: 'Two facts.', span: [20, 10] }).status).toBe('moved');
  });
});

describe('step 2: exact elsewhere', () => {
  const text = new SourceText('One fact. Two facts. Three facts.');

  it('is moved, with the distance from the old start', () => {
    expect(anchorQuote(text, { quote: 'Two facts.', span: [0, 10] })).toEqual({
      status: 'moved',
      found: [10, 20],
      score: 1,
      kind: 'exact',
      distance: 10,
    });
  });

  it('is verified (found, not pinned) when no span is given', () => {
    expect(anchorQuote(text, { quote: 'Three facts.' })).toEqual({
      status: 'verified',
      found: [21, 33],
      score: 1,
      kind: 'exact',
    });
  });

  it('is ambiguous for repeated text, whatever the old position', () => {
    // At its own span, repeated text is still verified (step 1 comes first)...
    expect(anchorQuote(text, { quote: 'facts.', span: [14, 20] }).status).toBe('verified');
    // ...but a stale span one character off, next to the first occurrence, does not pick it.
    const moved = anchorQuote(text, { quote: 'facts.', span: [13, 19] });
    expect(moved.status).toBe('ambiguous');
    expect(moved.candidates?.map((c) => c.span)).toEqual([
      [14, 20],
      [27, 33],
    ]);
    expect(moved.found).toBeUndefined();
  });

  it('lets the prefix or suffix pick one occurrence', () => {
    const byPrefix = anchorQuote(text, { quote: 'facts.', span: [0, 6], prefix: 'Three ' });
    expect(byPrefix).toMatchObject({ status: 'moved', found: [27, 33], distance: 27 });
    const bySuffix = anchorQuote(text, { quote: 'facts.', suffix: ' Three' });
    expect(bySuffix).toMatchObject({ status: 'verified', found: [14, 20] });
  });

  it('stays ambiguous when the context fits both equally', () => {
    // Both occurrences follow a space.
    const result = anchorQuote(text, { quote: 'facts.', prefix: ' ' });
    expect(result.status).toBe('ambiguous');
    // "Two " ends in "o ", "Three " does not: that decides.
    expect(anchorQuote(text, { quote: 'facts.', prefix: 'o ' })).toMatchObject({ status: 'verified', found: [14, 20] });
  });

  it('finds overlapping occurrences', () => {
    const result = anchorQuote(new SourceText('aaa'), { quote: 'aa' });
    expect(result.candidates?.map((c) => c.span)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });
});

describe('step 3: normalized', () => {
  it('matches across typographic differences, with exact original offsets', () => {
    const text = new SourceText('He said “it is fine” — then left.');
    const result = anchorQuote(text, { quote: 'said "it is fine" - then', span: [3, 27] });
    expect(result.status).toBe('changed');
    expect(result.kind).toBe('normalized');
    expect(result.found).toEqual([3, 27]);
    expect(result.actual).toBe('said “it is fine” — then');
    expect(result.score).toBeCloseTo(similarity('said "it is fine" - then', 'said “it is fine” — then'), 12);
    expect(result.distance).toBe(0);
  });

  it('treats CRLF against LF as normalized: the words are the same, the bytes are not', () => {
    const text = new SourceText('First.\r\n\r\nSecond paragraph.');
    const result = anchorQuote(text, { quote: 'First.\n\nSecond' });
    expect(result).toMatchObject({ status: 'changed', kind: 'normalized', found: [0, 16] });
    expect(result.actual).toBe('First.\r\n\r\nSecond');
  });

  it('folds case only with ignoreCase', () => {
    const text = new SourceText('The UK Parliament closed its account.');
    expect(anchorQuote(text, { quote: 'the uk parliament' }, { ignoreCase: true })).toMatchObject({
      status: 'changed',
      kind: 'normalized',
      found: [0, 17],
    });
    expect(anchorQuote(text, { quote: 'the uk parliament' }).kind).not.toBe('normalized');
  });

  it('is ambiguous when the normalized quote occurs twice without deciding context', () => {
    const text = new SourceText('It said “yes”. Later it said “yes”.');
    const result = anchorQuote(text, { quote: 'said "yes"' });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates).toHaveLength(2);
    const picked = anchorQuote(text, { quote: 'said "yes"', prefix: 'Later it ' });
    expect(picked).toMatchObject({ status: 'changed', kind: 'normalized', found: [24, 34] });
  });
});

describe('step 4: fuzzy', () => {
  const text = new SourceText(seed('000'));

  it('finds an edited quote, scores it, and diffs it', () => {
    const original = 'The request was deemed “sensitive” internally and was opposed by senior executives';
    const quote = original.replace('opposed', 'resisted');
    const result = anchorQuote(text, { quote });
    expect(result.status).toBe('changed');
    expect(result.kind).toBe('fuzzy');
    expect(result.found).toEqual(spanOf(text.text, original));
    expect(result.actual).toBe(original);
    expect(formatDiff(result.diff ?? [])).toContain('[-resisted-]{+opposed+}');
    expect(result.score).toBeGreaterThanOrEqual(0.75);
    expect(result.score).toBeLessThan(1);
  });

  it('uses 1 − edit distance / quote length as the score, and keeps distance separate', () => {
    const quote = 'Shou Zi Chew, TikTok’s chief executive, acknowledged'; // 52 code points
    const edited = quote.replace('chief', 'chef'); // one deletion
    const [start] = spanOf(text.text, quote);
    const result = anchorQuote(text, { quote: edited, span: [start - 100, start - 100 + 51] });
    expect(result.status).toBe('changed');
    expect(result.score).toBeCloseTo(1 - 1 / [...edited].length, 12);
    expect(result.distance).toBe(100);
  });

  it('says missing below minScore, with the nearest candidates marked as not chosen', () => {
    const quote = 'The request was rejected by the most senior managers of that firm';
    const result = anchorQuote(text, { quote });
    expect(result.status).toBe('missing');
    expect(result.found).toBeUndefined();
    for (const c of result.candidates ?? []) expect(c.score).toBeLessThan(0.75);
  });

  it('raising minScore turns a fuzzy match into missing', () => {
    const quote = 'TikTok has more than 1 billion users worldwide and is owned by Chinese tech company ByteDance.';
    expect(anchorQuote(text, { quote }).status).toBe('changed');
    expect(anchorQuote(text, { quote }, { minScore: 0.99 }).status).toBe('missing');
  });

  it('is ambiguous when two lookalikes score within the margin', () => {
    const twin = new SourceText('Alpha said the vote was close. Later, Alpha said the vote was closed.');
    const result = anchorQuote(twin, { quote: 'Alpha said the vote was clse' });
    expect(result.status).toBe('ambiguous');
    expect(result.candidates?.length).toBe(2);
  });

  it('lets the context break a fuzzy tie', () => {
    const twin = new SourceText('First, Alpha said the vote was close. Later, Alpha said the vote was closed.');
    const result = anchorQuote(twin, { quote: 'Alpha said the vote was clse', prefix: 'Later, ' });
    expect(result.status).toBe('changed');
    expect(result.found?.[0]).toBe(45);
  });
});

describe('astral characters', () => {
  it('counts an emoji before the quote as one code point', () => {
    const text = new SourceText('🎉🎉 The vote passed.');
    expect(anchorQuote(text, { quote: 'The vote passed.' })).toMatchObject({ status: 'verified', found: [3, 19] });
    expect(anchorQuote(text, { quote: 'The vote passed.', span: [3, 19] }).status).toBe('verified');
  });

  it('handles emoji inside the quote, exact and fuzzy', () => {
    const text = new SourceText('Intro 😀 then: we 👍 this plan 🚀 today.');
    const quote = 'we 👍 this plan 🚀';
    // "Intro 😀 then: " is 14 code points (15 UTF-16 units); the quote is 16 code points.
    expect(anchorQuote(text, { quote })).toMatchObject({ status: 'verified', found: [14, 30] });
    const fuzzy = anchorQuote(text, { quote: 'we 👎 this plan 🚀' });
    expect(fuzzy).toMatchObject({ status: 'changed', kind: 'fuzzy', found: [14, 30] });
    expect(fuzzy.score).toBeCloseTo(1 - 1 / 16, 12);
    expect(text.slice(fuzzy.found!)).toBe(quote);
  });
});

describe('CRLF sources', () => {
  it('moves a one-line quote by the carriage returns before it', () => {
    const lf = 'Line one.\nLine two.\nLine three.';
    const text = new SourceText(lf.replace(/\n/g, '\r\n'));
    expect(anchorQuote(text, { quote: 'Line three.', span: [20, 31] })).toMatchObject({
      status: 'moved',
      found: [22, 33],
      distance: 2,
    });
  });
});

describe('a one-line seed without a trailing newline (seed 000)', () => {
  const raw = seed('000');
  const text = new SourceText(raw);

  it('has no newline at all, and its last sentence anchors at the very end', () => {
    expect(raw.includes('\n')).toBe(false);
    const last = 'after repeatedly criticizing China’s treatment of its Uyghur population.';
    const span = spanOf(raw, last);
    expect(span[1]).toBe(text.length);
    expect(anchorQuote(text, { quote: last, span })).toMatchObject({ status: 'verified', found: span });
  });

  it('anchors the first sentence at offset 0', () => {
    const first = 'The Chinese social video app said the attempt was rejected';
    expect(anchorQuote(text, { quote: first })).toMatchObject({ status: 'verified', found: [0, first.length] });
  });
});

describe('a quote occurring twice (seed 003)', () => {
  const raw = seed('003');
  const text = new SourceText(raw);
  const sentence = raw.slice(0, raw.indexOf('\n'));
  const first = spanOf(raw, sentence);
  const second = spanOf(raw, sentence, 1);

  it('has its opening sentence twice', () => {
    expect(first[0]).toBe(0);
    expect(second[0]).toBe(first[1] + 2);
  });

  it('is verified at either span', () => {
    expect(anchorQuote(text, { quote: sentence, span: first }).status).toBe('verified');
    expect(anchorQuote(text, { quote: sentence, span: second }).status).toBe('verified');
  });

  it('is ambiguous without a span, and with a stale span, unless context decides', () => {
    expect(anchorQuote(text, { quote: sentence }).status).toBe('ambiguous');
    expect(anchorQuote(text, { quote: sentence, span: [1, first[1] + 1] }).status).toBe('ambiguous');
    const context = contextFor(text, second);
    const result = anchorQuote(text, { quote: sentence, span: [1, first[1] + 1], ...context });
    expect(result).toMatchObject({ status: 'moved', found: second });
  });

  it('picks each occurrence by its own stored context', () => {
    for (const span of [first, second]) {
      const context = contextFor(text, span);
      expect(anchorQuote(text, { quote: sentence, ...context })).toMatchObject({ status: 'verified', found: span });
    }
  });
});

describe('findQuote', () => {
  const text = new SourceText(seed('002'));

  it('finds a unique quote for a new claim', () => {
    const quote = 'The account has been locked, and content deleted, days after its launch.';
    expect(findQuote(text, quote)).toMatchObject({ status: 'verified', found: spanOf(text.text, quote) });
  });

  it('reports repeated text as ambiguous, and context resolves it', () => {
    expect(findQuote(text, 'Ms Truss').status).toBe('ambiguous');
    const result = findQuote(text, 'Ms Truss', { prefix: 'In the debate ' });
    const [start] = spanOf(text.text, 'Ms Truss did not');
    expect(result).toMatchObject({ status: 'verified', found: [start, start + 8] });
  });

  it('passes anchor options through', () => {
    const quote = 'the uk parliament has closed down its tiktok account';
    // Six capitals differ: a fuzzy match by default, a normalized one when case is ignored.
    expect(findQuote(text, quote)).toMatchObject({ status: 'changed', kind: 'fuzzy' });
    expect(findQuote(text, quote, { options: { ignoreCase: true } })).toMatchObject({
      status: 'changed',
      kind: 'normalized',
    });
  });
});

describe('nearestCandidates', () => {
  const text = new SourceText(seed('002'));

  it('returns the closest texts, best first, even below minScore', () => {
    const quote = 'The UK Parliament has shut its TikTok account after MPs warned about data';
    const candidates = nearestCandidates(text, quote);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < candidates.length; i++) {
      expect(candidates[i - 1]!.score).toBeGreaterThanOrEqual(candidates[i]!.score);
    }
    for (const c of candidates) {
      expect(text.slice(c.span)).toBe(c.text);
      expect(c.score).toBeGreaterThanOrEqual(0.5);
    }
    expect(candidates[0]!.score).toBeLessThan(0.75);
  });

  it('honours limit and floor', () => {
    const quote = 'TikTok';
    expect(nearestCandidates(text, quote, 2)).toHaveLength(2);
    expect(nearestCandidates(text, 'zzzzzzzzzzzz', 3, { floor: 0.9 })).toEqual([]);
  });
});

describe('contextFor', () => {
  it('returns empty context for a unique span', () => {
    const text = new SourceText('alpha beta gamma');
    expect(contextFor(text, [6, 10])).toEqual({ prefix: '', suffix: '' });
  });

  it('returns at least minLength on each side when asked, widened to whole words', () => {
    const text = new SourceText('alpha beta gamma');
    expect(contextFor(text, [6, 10], 2)).toEqual({ prefix: 'alpha ', suffix: ' gamma' });
  });

  it('returns the shortest context that tells repeated text apart', () => {
    const text = new SourceText('x cat; y cat; x cat!');
    const third = contextFor(text, [16, 19]);
    expect(third).toEqual({ prefix: '', suffix: '!' });
    expect(anchorQuote(text, { quote: 'cat', ...third })).toMatchObject({ status: 'verified', found: [16, 19] });
  });

  it('works with emoji around the span', () => {
    const text = new SourceText('😀 cat 😀 cat 🐶 cat');
    // The cats are at code points [2, 5), [8, 11) and [14, 17).
    expect(anchorQuote(text, { quote: 'cat' }).candidates?.map((c) => c.span)).toEqual([
      [2, 5],
      [8, 11],
      [14, 17],
    ]);
    for (const span of [
      [2, 5],
      [8, 11],
      [14, 17],
    ] as const) {
      const ctx = contextFor(text, span);
      expect(anchorQuote(text, { quote: 'cat', ...ctx })).toMatchObject({ status: 'verified', found: span });
    }
  });
});
