// Scenarios on in-memory copies of the real seed articles: what happens to anchored quotes
// when a source is edited.
import { SourceText } from '@factcheck/core';
import type { Span } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { anchorQuote, formatDiff } from '../src/index.js';
import { allSeeds, seed, spanOf } from './seeds.js';

const cpLength = (s: string): number => [...s].length;

/** Sentences of at least 40 characters that occur once in the text. */
function uniqueSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?”"])\s+/)
    .filter((s) => s.length >= 40 && text.indexOf(s) === text.lastIndexOf(s));
}

/** A few quotes spread over the text (first, middle, last unique sentence). */
function sampleQuotes(text: string): { quote: string; span: Span }[] {
  const sentences = uniqueSentences(text);
  const picks = [sentences[0]!, sentences[Math.floor(sentences.length / 2)]!, sentences[sentences.length - 1]!];
  return picks.map((quote) => ({ quote, span: spanOf(text, quote) }));
}

const seeds = [...allSeeds()];

describe('a paragraph inserted before the quotes', () => {
  const inserted = 'Update: this article has been revised since it was first published.\n\n';

  it.each(seeds)('%s: every quote is moved by exactly the inserted length', (_name, raw) => {
    const text = new SourceText(inserted + raw);
    for (const { quote, span } of sampleQuotes(raw)) {
      const result = anchorQuote(text, { quote, span });
      expect(result).toEqual({
        status: 'moved',
        found: [span[0] + cpLength(inserted), span[1] + cpLength(inserted)],
        score: 1,
        kind: 'exact',
        distance: cpLength(inserted),
      });
    }
  });
});

describe('the quoted sentence deleted', () => {
  it.each(seeds)('%s: no unique sentence comes back once deleted', (_name, raw) => {
    const sentences = uniqueSentences(raw);
    expect(sentences.length).toBeGreaterThan(10);
    for (const quote of sentences) {
      const span = spanOf(raw, quote);
      const text = new SourceText(raw.replace(quote, ''));
      const result = anchorQuote(text, { quote, span });
      expect(['missing', 'ambiguous'], quote).toContain(result.status);
      // These articles hold no lookalike of their own sentences: each one is simply missing.
      expect(result.status, quote).toBe('missing');
      expect(result.found).toBeUndefined();
    }
  });
});

describe('a word changed inside a quote', () => {
  const cases = [
    ['000', 'The request was deemed “sensitive” internally and was opposed by senior executives at the company', 'senior', 'junior'],
    ['001', 'The UK parliament TikTok account has been closed and content deleted merely a week after it was opened.', 'closed', 'shut'],
    ['002', 'TikTok is owned by Chinese company ByteDance, which has denied it was controlled by the Chinese government.', 'denied', 'disputed'],
    ['003', 'The ban was introduced immediately as a precautionary measure, according to Cabinet Minister Oliver Dowden.', 'immediately', 'promptly'],
  ] as const;

  it.each(cases)('seed %s: changed (fuzzy), the diff names the word', (id, quote, before, after) => {
    const raw = seed(id);
    const span = spanOf(raw, quote);
    const edited = raw.replace(quote, quote.replace(before, after));
    const text = new SourceText(edited);
    const result = anchorQuote(text, { quote, span });
    expect(result.status).toBe('changed');
    expect(result.kind).toBe('fuzzy');
    const shift = cpLength(after) - cpLength(before);
    expect(result.found).toEqual([span[0], span[1] + shift]);
    expect(result.actual).toBe(quote.replace(before, after));
    expect(result.diff).toContainEqual({ op: 'delete', text: before });
    expect(result.diff).toContainEqual({ op: 'insert', text: after });
    expect(formatDiff(result.diff ?? [])).toContain(`[-${before}-]{+${after}+}`);
    expect(result.distance).toBe(0);
  });
});

describe('straight quotes replaced by curly quotes', () => {
  const curl = (text: string): string => text.replace(/"([^"\n]*)"/g, '“$1”').replace(/'/g, '’');

  it.each([
    ['001', '"Based on member feedback, we are closing the pilot UK Parliament TikTok account earlier than we had planned," a UK Parliament spokesman announced.'],
    ['001', `"While efforts made to engage young people in the history and functioning of parliament should always be welcomed, we cannot and should not legitimise the use of an app which has been described by tech experts as 'essentially Chinese government spyware'," the letter read in part.`],
    ['002', 'In a tweet, she thanked the speakers for "standing up for our values and protecting our data", adding "common sense prevails".'],
  ] as const)('seed %s: changed (normalized), offsets exact', (id, quote) => {
    const raw = seed(id);
    const span = spanOf(raw, quote);
    const text = new SourceText(curl(raw));
    const result = anchorQuote(text, { quote, span });
    expect(result.status).toBe('changed');
    expect(result.kind).toBe('normalized');
    // One BMP character for another: the offsets do not move.
    expect(result.found).toEqual(span);
    expect(result.actual).toBe(curl(quote));
    expect(result.distance).toBe(0);
    expect(result.diff?.some((p) => p.op === 'insert' && p.text === '“')).toBe(true);
  });
});

describe('CRLF line endings', () => {
  const raw = seed('002');
  const crlf = new SourceText(raw.replace(/\n/g, '\r\n'));
  const newlinesBefore = (cp: number): number => (raw.slice(0, cp).match(/\n/g) ?? []).length;

  it('moves one-line quotes by the carriage returns before them', () => {
    const quotes = sampleQuotes(raw).filter((q) => q.span[0] > 0);
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const { quote, span } of quotes) {
      const shift = newlinesBefore(span[0]);
      expect(shift).toBeGreaterThan(0);
      expect(anchorQuote(crlf, { quote, span })).toEqual({
        status: 'moved',
        found: [span[0] + shift, span[1] + shift],
        score: 1,
        kind: 'exact',
        distance: shift,
      });
    }
  });

  it('reports a quote across paragraphs as changed (normalized), with exact offsets', () => {
    const quote =
      'The account has been locked, and content deleted, days after its launch.\n\nSenior MPs and peers had called';
    const span = spanOf(raw, quote);
    const before = newlinesBefore(span[0]);
    const result = anchorQuote(crlf, { quote, span });
    expect(result).toMatchObject({
      status: 'changed',
      kind: 'normalized',
      found: [span[0] + before, span[1] + before + 2],
      actual: quote.replace(/\n/g, '\r\n'),
      distance: before,
    });
  });
});

describe("seed 003's repeated opening sentence, one copy deleted", () => {
  const raw = seed('003');
  const sentence = raw.slice(0, raw.indexOf('\n'));
  const length = cpLength(sentence);
  const first: Span = [0, length];
  const second: Span = [length + 2, 2 * length + 2];
  const withoutFirst = new SourceText(raw.slice(length + 2));
  const withoutSecond = new SourceText(raw.slice(0, length) + raw.slice(2 * length + 2));

  it('starts with two identical sentences', () => {
    expect(raw.slice(second[0], second[1])).toBe(sentence);
    expect(anchorQuote(new SourceText(raw), { quote: sentence }).status).toBe('ambiguous');
  });

  it('first deleted: a claim on the second moves to offset 0; one on the first stays verified', () => {
    expect(anchorQuote(withoutFirst, { quote: sentence, span: second })).toEqual({
      status: 'moved',
      found: first,
      score: 1,
      kind: 'exact',
      distance: length + 2,
    });
    expect(anchorQuote(withoutFirst, { quote: sentence, span: first })).toMatchObject({ status: 'verified', found: first });
  });

  it('second deleted: a claim on the first is verified; one on the second moves back to 0', () => {
    expect(anchorQuote(withoutSecond, { quote: sentence, span: first })).toMatchObject({ status: 'verified', found: first });
    expect(anchorQuote(withoutSecond, { quote: sentence, span: second })).toMatchObject({
      status: 'moved',
      found: first,
      distance: length + 2,
    });
  });

  it('without a span, the remaining copy is found (verified, not pinned)', () => {
    expect(anchorQuote(withoutFirst, { quote: sentence })).toMatchObject({ status: 'verified', found: first });
    expect(anchorQuote(withoutSecond, { quote: sentence })).toMatchObject({ status: 'verified', found: first });
  });

  it('stored context of the deleted copy does not block the remaining one', () => {
    const contextOfSecond = { prefix: '\n', suffix: '\n\nOn security' };
    expect(anchorQuote(withoutSecond, { quote: sentence, span: second, ...contextOfSecond })).toMatchObject({
      status: 'moved',
      found: first,
    });
  });
});

// A lookalike paragraph stands next to the quoted one; then the quoted one is deleted.
// Behaviour: the lookalike is never verified or moved. A distant lookalike (similarity below
// minScore) leaves the quote missing, listed only as a rejected candidate. A close lookalike
// (one or two words apart) is reported as changed (fuzzy): the check fails, and the diff
// shows exactly which words differ, so a person decides whether it still supports the claim.
describe('a lookalike paragraph that stays after the quoted one is deleted', () => {
  const raw = seed('002');
  const quote =
    'Senior MPs and peers had called for the account to be removed until TikTok gave "credible assurances" no data could be handed to China.';
  // Similarity 0.59 to the quote: recognisably related, but below minScore.
  const far =
    'Senior MPs and peers had asked for the app to be taken down until TikTok offered "firm guarantees" that no data would go to Beijing.';
  const close =
    'Senior MPs and peers had called for the account to be suspended until TikTok gave "credible assurances" no data could be passed to China.';
  const span = spanOf(raw, quote);

  const scenario = (lookalike: string): { both: SourceText; after: SourceText } => {
    const both = raw.replace(quote, `${quote}\n\n${lookalike}`);
    return { both: new SourceText(both), after: new SourceText(both.replace(`${quote}\n\n`, '')) };
  };

  it('with both present, the quote itself is verified, and a stale span moves to it, not the lookalike', () => {
    for (const lookalike of [far, close]) {
      const { both } = scenario(lookalike);
      expect(anchorQuote(both, { quote, span })).toMatchObject({ status: 'verified', found: span });
      expect(anchorQuote(both, { quote, span: [span[0] + 5, span[1] + 5] })).toMatchObject({
        status: 'moved',
        found: span,
      });
    }
  });

  it('a distant lookalike (below 0.75): missing, the lookalike only a rejected candidate', () => {
    const { after } = scenario(far);
    const result = anchorQuote(after, { quote, span });
    expect(result.status).toBe('missing');
    expect(result.found).toBeUndefined();
    expect(result.candidates?.[0]).toMatchObject({ text: far, span: [span[0], span[0] + cpLength(far)] });
    expect(result.candidates?.[0]?.score).toBeLessThan(0.75);
  });

  it('a close lookalike: changed (fuzzy), clearly a different text, never verified or moved', () => {
    const { after } = scenario(close);
    const result = anchorQuote(after, { quote, span });
    expect(result.status).toBe('changed');
    expect(result.kind).toBe('fuzzy');
    expect(result.found).toEqual([span[0], span[0] + cpLength(close)]);
    expect(result.actual).toBe(close);
    expect(result.actual).not.toBe(quote);
    expect(result.score).toBeGreaterThanOrEqual(0.75);
    expect(result.score).toBeLessThan(1);
    expect(formatDiff(result.diff ?? [])).toContain('[-removed-]{+suspended+}');
    expect(formatDiff(result.diff ?? [])).toContain('[-handed-]{+passed+}');
  });
});

describe('emoji inserted before a quote', () => {
  it.each(seeds)('%s: the offset moves by code points, not UTF-16 units', (_name, raw) => {
    const emoji = '🎉🎉🎉 ';
    expect(emoji.length).toBe(7);
    expect(cpLength(emoji)).toBe(4);
    const [first, middle] = sampleQuotes(raw);
    // Insert the emoji between the two quotes: the first stays, the second moves by 4.
    const at = raw.indexOf(middle!.quote);
    const text = new SourceText(raw.slice(0, at) + emoji + raw.slice(at));
    expect(anchorQuote(text, first!)).toMatchObject({ status: 'verified', found: first!.span });
    const result = anchorQuote(text, middle!);
    expect(result).toMatchObject({
      status: 'moved',
      found: [middle!.span[0] + 4, middle!.span[1] + 4],
      distance: 4,
    });
    expect(text.slice(result.found!)).toBe(middle!.quote);
  });
});
