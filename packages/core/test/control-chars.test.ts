import { describe, expect, it } from 'vitest';
import { CONTROL_CHARS, createMessage, escapeControlChars } from '../src/index.js';

const hex = (code: number) => code.toString(16).padStart(4, '0');

/** Every code point the rule matches, from a scan of the whole Basic Multilingual Plane. */
function matchedCodePoints(): number[] {
  const all = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).join('');
  return [...all.matchAll(CONTROL_CHARS)].map((m) => m[0].charCodeAt(0));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the control-character rule', () => {
  it('matches exactly the C0 and C1 controls but tab and line breaks, and the bidirectional formatting characters', () => {
    expect(matchedCodePoints().map(hex)).toEqual(
      [...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), ...range(0x7f, 0x9f), 0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069)].map(hex),
    );
  });

  it('includes the three invisible direction marks', () => {
    // ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK: invisible, and easily left out of a rule.
    expect(escapeControlChars('a\u061Cb\u200Ec\u200Fd')).toBe('a\\u061cb\\u200ec\\u200fd');
  });

  it('leaves tab, line breaks and ordinary text as they are', () => {
    expect(escapeControlChars('tab\there\nline\r\n“quotes” — é 中文 👍🏽')).toBe('tab\there\nline\r\n“quotes” — é 中文 👍🏽');
  });

  it('writes terminal escape sequences and direction overrides as escapes', () => {
    expect(escapeControlChars('\u001b[31mred\u009b0m \u202Eevil\u2066')).toBe('\\u001b[31mred\\u009b0m \\u202eevil\\u2066');
  });

  it('is the rule messages apply to their reason and note', () => {
    const message = createMessage({ ruleId: 'yaml-syntax', reason: 'mark\u200Fhere \u001b[2J', note: 'letter\u061Cmark', file: 'claims.yaml' });
    expect(message.reason).toBe('mark\\u200fhere \\u001b[2J');
    expect(message.note).toBe('letter\\u061cmark');
  });
});
