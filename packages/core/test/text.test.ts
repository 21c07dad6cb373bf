import { describe, expect, it } from 'vitest';
import { readSeed } from '@factcheck/test-fixtures';
import { SourceText } from '../src/index.js';

describe('SourceText', () => {
  it('counts code points, not UTF-16 units, around emoji', () => {
    const text = new SourceText('a😀b🇬🇧c');
    expect(text.text.length).toBe(9);
    expect(text.length).toBe(6);
    expect(text.toUnit(2)).toBe(3); // 'b'
    expect(text.toCodePoint(3)).toBe(2);
    expect(text.slice([1, 2])).toBe('😀');
    expect(text.slice([3, 5])).toBe('🇬🇧');
    expect(text.slice([5, 6])).toBe('c');
  });

  it('maps a unit inside a surrogate pair to its character', () => {
    const text = new SourceText('x😀y');
    expect(text.toCodePoint(2)).toBe(1);
    expect(text.splitsSurrogate(2)).toBe(true);
    expect(text.splitsSurrogate(1)).toBe(false);
  });

  it('round-trips every offset of a text with astral characters', () => {
    const raw = 'start 😀 middle 𝒳 end 🎉🎉 done';
    const text = new SourceText(raw);
    const points = [...raw];
    for (let cp = 0; cp <= points.length; cp++) {
      expect(text.toCodePoint(text.toUnit(cp))).toBe(cp);
      expect(text.slice([0, cp])).toBe(points.slice(0, cp).join(''));
    }
  });

  it('gives lines and columns for LF, CRLF and lone CR', () => {
    const text = new SourceText('one\r\ntwo\nthr😀ee\rfour');
    expect(text.position(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(text.position(5)).toEqual({ line: 2, column: 1, offset: 5 });
    expect(text.position(12)).toEqual({ line: 3, column: 4, offset: 12 }); // after the emoji, in code points
    expect(text.position(16)).toEqual({ line: 4, column: 1, offset: 16 });
    expect(text.lineCount).toBe(4);
  });

  it('handles seed 000, one line with no trailing newline', () => {
    const raw = readSeed('000');
    const text = new SourceText(raw);
    expect(raw.endsWith('\n')).toBe(false);
    expect(text.lineCount).toBe(1);
    expect(text.length).toBe([...raw].length);
    expect(text.position(text.length).line).toBe(1);
  });

  it('is a fast path when there is no astral character', () => {
    const text = new SourceText(readSeed('002'));
    expect(text.hasAstral).toBe(false);
    expect(text.toUnit(100)).toBe(100);
    expect(text.toCodePoint(100)).toBe(100);
  });
});
