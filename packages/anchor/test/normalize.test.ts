import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../src/index.js';
import { fuzzRuns } from './seeds.js';

fc.configureGlobal({ seed: 42, numRuns: fuzzRuns(200) });

/** The original text behind normalized units [start, end). */
function origin(text: string, norm: ReturnType<typeof normalizeForMatch>, start: number, end: number): string {
  return text.slice(norm.starts[start]!, norm.ends[end - 1]!);
}

describe('normalizeForMatch', () => {
  it('folds whitespace runs (spaces, tabs, CRLF, NBSP) to one space', () => {
    const text = 'a \t b\r\n\r\nc\u00a0\u00a0d';
    const norm = normalizeForMatch(text);
    expect(norm.text).toBe('a b c d');
    // The space after "a" stands for the whole run " \t ".
    expect(origin(text, norm, 1, 2)).toBe(' \t ');
    expect(origin(text, norm, 3, 4)).toBe('\r\n\r\n');
  });

  it('folds curly quotes, primes and dashes to ASCII', () => {
    expect(normalizeForMatch('‘a’ ‚b‛ ′ “c” „d‟ ″').text).toBe(`'a' 'b' ' "c" "d" "`);
    expect(normalizeForMatch('a‐b‑c‒d–e—f―g−h').text).toBe('a-b-c-d-e-f-g-h');
  });

  it('applies NFKC: ligatures, full-width forms, composed accents', () => {
    const text = 'ﬁne ＡＢ e\u0301';
    const norm = normalizeForMatch(text);
    expect(norm.text).toBe('fine AB é');
    // Both letters of the ligature map back to the one ligature character.
    expect(origin(text, norm, 0, 2)).toBe('ﬁ');
    // The composed é maps back to e + combining acute.
    expect(origin(text, norm, 8, 9)).toBe('e\u0301');
  });

  it('folds case only with ignoreCase', () => {
    expect(normalizeForMatch('TikTok ÉTÉ').text).toBe('TikTok ÉTÉ');
    expect(normalizeForMatch('TikTok ÉTÉ', { ignoreCase: true }).text).toBe('tiktok été');
  });

  it('keeps astral characters and maps them to both UTF-16 units', () => {
    const text = 'x 😀  y';
    const norm = normalizeForMatch(text);
    expect(norm.text).toBe('x 😀 y');
    expect(origin(text, norm, 2, 4)).toBe('😀');
    expect(origin(text, norm, 4, 5)).toBe('  ');
  });

  it('leaves plain ASCII as it is, with an identity map', () => {
    const text = 'Plain text, one space.';
    const norm = normalizeForMatch(text);
    expect(norm.text).toBe(text);
    expect([...norm.starts]).toEqual([...text].map((_, i) => i));
    expect([...norm.ends]).toEqual([...text].map((_, i) => i + 1));
  });

  it('maps every normalized unit to an ordered, non-empty original range (property)', () => {
    const chars = fc.constantFrom('a', 'Z', ' ', '\n', '\r', '\t', '’', '“', '—', 'ﬁ', 'e\u0301', '😀', '\u00a0', 'İ');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.boolean(), (parts, ignoreCase) => {
        const text = parts.join('');
        const norm = normalizeForMatch(text, { ignoreCase });
        expect(norm.starts.length).toBe(norm.text.length);
        expect(norm.ends.length).toBe(norm.text.length);
        for (let i = 0; i < norm.text.length; i++) {
          expect(norm.starts[i]!).toBeLessThan(norm.ends[i]!);
          if (i > 0) expect(norm.starts[i]!).toBeGreaterThanOrEqual(norm.starts[i - 1]!);
        }
        if (text.length > 0) {
          expect(norm.starts[0]).toBe(0);
          expect(norm.ends[norm.ends.length - 1]).toBe(text.length);
        }
        // Normalizing is idempotent.
        expect(normalizeForMatch(norm.text, { ignoreCase }).text).toBe(norm.text);
      }),
    );
  });
});
