import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ID_PATTERN } from '@factcheck/core';
import { deriveClaimId, ID_MAX_LENGTH } from '../src/claim-id.js';
import { doubleQuoted, flowSpan, plainScalar, singleQuoted, stringScalar } from '../src/scalar.js';
import { applyEdits, editsOverlap, lineBreakOf, mapOffset } from '../src/text-edit.js';
import { fuzzRuns } from './fixtures/edit-workspace.js';

const FC = { seed: 20240611, numRuns: fuzzRuns(200) };

describe('applyEdits', () => {
  it('replaces and inserts, leaving everything else as it was', () => {
    const text = 'span: [320, 392] # keep\nnext: 1\n';
    const edited = applyEdits(text, [
      { start: 7, end: 10, text: '350' },
      { start: 12, end: 15, text: '4220' },
      { start: text.length, end: text.length, text: 'added: 2\n' },
    ]);
    expect(edited).toBe('span: [350, 4220] # keep\nnext: 1\nadded: 2\n');
  });

  it('refuses overlapping edits and two insertions at one place', () => {
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: 'x' }, { start: 3, end: 5, text: 'y' }])).toThrow(RangeError);
    expect(editsOverlap([{ start: 2, end: 2, text: 'a' }, { start: 2, end: 2, text: 'b' }])).toBe(true);
    expect(editsOverlap([{ start: 1, end: 3, text: 'a' }, { start: 3, end: 3, text: 'b' }])).toBe(false);
  });

  it('maps offsets of the old text into the new one', () => {
    const edits = [
      { start: 2, end: 4, text: 'XYZ' },
      { start: 6, end: 6, text: '++' },
    ];
    // "ab[cd]ef|gh" → "abXYZef++gh"
    expect(mapOffset(0, edits)).toBe(0);
    expect(mapOffset(3, edits)).toBe(2);
    expect(mapOffset(4, edits)).toBe(5);
    expect(mapOffset(6, edits)).toBe(9);
    expect(mapOffset(6, edits, false)).toBe(7);
    expect(mapOffset(8, edits)).toBe(11);
  });

  it('keeps every byte outside the edited ranges (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 5 })), { maxLength: 6 }), (text, raw) => {
        const edits: { start: number; end: number; text: string }[] = [];
        let cursor = 0;
        for (const [gap, length, insert] of [...raw].sort((a, b) => a[0] - b[0])) {
          const start = Math.min(text.length, cursor + (gap % 7));
          const end = Math.min(text.length, start + length);
          if (edits.some((e) => e.start === start && e.end === start) && start === end) continue;
          edits.push({ start, end, text: insert });
          cursor = end + 1;
          if (cursor > text.length) break;
        }
        const edited = applyEdits(text, edits);
        let expected = '';
        let at = 0;
        for (const e of edits) {
          expected += text.slice(at, e.start) + e.text;
          at = e.end;
        }
        expect(edited).toBe(expected + text.slice(at));
      }),
      FC,
    );
  });

  it('tells the line break a text uses', () => {
    expect(lineBreakOf('a\r\nb\n')).toBe('\r\n');
    expect(lineBreakOf('a\nb\r\n')).toBe('\n');
    expect(lineBreakOf('a\rb')).toBe('\r');
    expect(lineBreakOf('no break')).toBe('\n');
  });
});

describe('YAML scalars', () => {
  const tricky = ['a: b', 'x #y', "it's", 'say "hi"', 'line1\nline2', '  lead', 'trail ', '123', 'true', 'null', '- dash', '‘curly’ “q” — dash', '😀', 'tab\there', 'a\u0085b\u2028c\ufeffd\u007fe', '#c', '@a', '[a]', 'a, b', '\\back', ''];

  it('double-quotes any string on one line, reading back exactly, even indented', () => {
    for (const value of [...tricky, 'x'.repeat(300), `${'word '.repeat(40)}\nnext line after a long one`]) {
      const text = doubleQuoted(value);
      expect(text).toMatch(/^"/);
      expect(text).not.toMatch(/[\n\r]/);
      expect(parse(`a:\n  b:\n    quote: ${text}\n`)).toEqual({ a: { b: { quote: value } } });
    }
  });

  it('double-quoted strings read back for any unicode string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        const text = doubleQuoted(value);
        expect(text).not.toMatch(/[\n\r]/);
        expect(parse(`k:\n  - q: ${text}`)).toEqual({ k: [{ q: value }] });
      }),
      FC,
    );
  });

  it('writes plain or single-quoted only when that reads back as the same string, in block and flow context (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: 'grapheme', maxLength: 30 })), (value) => {
        const block = plainScalar(value, { inFlow: false });
        if (block !== undefined) expect(parse(`k: ${block}`)).toEqual({ k: value });
        const flow = plainScalar(value, { inFlow: true });
        if (flow !== undefined) expect(parse(`k: {q: ${flow}, r: 1}`)).toEqual({ k: { q: value, r: 1 } });
        const single = singleQuoted(value);
        if (single !== undefined) expect(parse(`k: ${single}`)).toEqual({ k: value });
        for (const style of ['plain', 'single', 'double'] as const) {
          expect(parse(`k: [${stringScalar(value, style, { inFlow: true })}]`)).toEqual({ k: [value] });
        }
      }),
      FC,
    );
  });

  it('keeps a plain style when it can, and quotes when it must', () => {
    expect(stringScalar('The account has been locked', 'plain')).toBe('The account has been locked');
    expect(stringScalar('Note: this', 'plain')).toBe('"Note: this"');
    expect(stringScalar('a, b', 'plain', { inFlow: true })).toBe('"a, b"');
    expect(stringScalar("it's", 'single')).toBe("'it''s'");
    expect(stringScalar('two\nlines', 'single')).toBe('"two\\nlines"');
    expect(flowSpan([3, 14])).toBe('[3, 14]');
  });
});

describe('deriveClaimId', () => {
  const ID = new RegExp(ID_PATTERN);

  it('names the claim by its first content words', () => {
    expect(deriveClaimId('The UK Parliament closed its TikTok account.', new Set())).toBe('uk-parliament-closed-tiktok-account');
    expect(deriveClaimId("TikTok's owner ByteDance is based in Beijing, China", new Set())).toBe('tiktok-owner-bytedance-based-beijing-china');
    expect(deriveClaimId('Élisabeth Borne a démissionné', new Set())).toBe('elisabeth-borne-demissionne');
  });

  it('is at most six words and 48 characters, cut at a word', () => {
    const id = deriveClaimId('Parliamentarians unanimously overwhelmingly disapproved extraordinarily controversial legislation yesterday afternoon', new Set());
    expect(id.length).toBeLessThanOrEqual(ID_MAX_LENGTH);
    expect(id.split('-').length).toBeLessThanOrEqual(6);
    expect('parliamentarians-unanimously-overwhelmingly-disapproved'.startsWith(id)).toBe(true);
  });

  it('adds -2, -3 … when taken, and falls back to "claim"', () => {
    const taken = new Set(['uk-parliament-closed-account', 'uk-parliament-closed-account-2']);
    expect(deriveClaimId('UK Parliament closed account', taken)).toBe('uk-parliament-closed-account-3');
    expect(deriveClaimId('¿¡ — !?', new Set())).toBe('claim');
    expect(deriveClaimId('¿¡ — !?', new Set(['claim']))).toBe('claim-2');
  });

  it('always gives a valid, unused id (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.uniqueArray(fc.constantFrom<string>('claim', 'claim-2', 'a', 'a-b', 'uk'), { maxLength: 5 }), (text, used) => {
        const taken = new Set(used);
        const id = deriveClaimId(text, taken);
        expect(id).toMatch(ID);
        expect(id.length).toBeLessThanOrEqual(ID_MAX_LENGTH);
        expect(taken.has(id)).toBe(false);
      }),
      FC,
    );
  });
});

describe('two insertions at one place', () => {
  it('apply in the order they give, and are refused when they give none', () => {
    const span = { start: 4, end: 4, text: 'span\n' };
    const history = { start: 4, end: 4, text: 'history\n', order: 1 };
    expect(applyEdits('abc\nend\n', [history, span])).toBe('abc\nspan\nhistory\nend\n');
    expect(editsOverlap([span, { ...history, order: 0 }])).toBe(true);
  });
});
