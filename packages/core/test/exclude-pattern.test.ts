import { describe, expect, it } from 'vitest';
import { readExcludePattern, regexProblem } from '../src/index.js';
import { loadIn, makeWorkspace, SOURCE, VALID, where } from './helpers.js';

const excludeLine = (list: string) => VALID.replace('    path: seeds/a.txt\n', `    path: seeds/a.txt\n    exclude: ${list}\n`);

describe('readExcludePattern', () => {
  it('reads a plain string as a literal, whatever characters it holds', () => {
    expect(readExcludePattern('Read Entire Article')).toEqual({ value: { kind: 'literal', text: 'Read Entire Article' } });
    expect(readExcludePattern('/usr/bin and more')).toEqual({ value: { kind: 'literal', text: '/usr/bin and more' } });
    expect(readExcludePattern('/')).toEqual({ value: { kind: 'literal', text: '/' } });
  });

  it('compiles /pattern/flags once, with the g flag added when not written', () => {
    const reading = readExcludePattern('/^Image source.*$/m');
    expect('value' in reading && reading.value).toEqual({ kind: 'regex', regex: /^Image source.*$/gm });
    const global = readExcludePattern('/ad/g');
    expect('value' in global && global.value.kind === 'regex' && global.value.regex.flags).toBe('g');
  });

  it('refuses a pattern that does not compile, in the words of the flags as written', () => {
    expect(readExcludePattern('/a/zz')).toMatchObject({ problem: { ruleId: 'invalid-pattern', reason: "is not a valid regular expression: Invalid flags supplied to RegExp constructor 'zz'" } });
    expect(regexProblem('/(unclosed/m')).toBe('is not a valid regular expression: /(unclosed/m: Unterminated group');
  });

  it('refuses a pattern that could run for ever', () => {
    expect(readExcludePattern('/(a+)+$/')).toMatchObject({ problem: { ruleId: 'invalid-pattern', reason: expect.stringMatching(/^could run for ever: the group \(a\+\)\+ repeats/) } });
  });
});

describe('exclude in claims.yaml', () => {
  it('loads each entry read, in order', async () => {
    const result = await loadIn(makeWorkspace({ 'claims.yaml': excludeLine('[top of page, "/^Image source.*$/m"]'), 'seeds/a.txt': SOURCE }));
    expect(result.errors).toEqual([]);
    expect(result.value!.workspace.sources.get('bbc')!.exclude).toEqual([
      { kind: 'literal', text: 'top of page' },
      { kind: 'regex', regex: /^Image source.*$/gm },
    ]);
  });

  it('reports a bad pattern at its own item, counting every item of the list', async () => {
    const result = await loadIn(makeWorkspace({ 'claims.yaml': excludeLine('[12, "/(a+)+/"]'), 'seeds/a.txt': SOURCE }));
    expect(where(result.errors)).toEqual(['5:15 invalid-type', '5:19 invalid-pattern']);
    expect(result.errors[1]!.reason).toMatch(/^sources\.bbc\.exclude\[1\] could run for ever/);
    expect(result.errors[1]!.actual).toBe('/(a+)+/');
  });
});
