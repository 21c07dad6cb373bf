import { describe, expect, it } from 'vitest';
import type { Message } from '@factcheck/core';
import { escapeGithubData, escapeGithubProperty, formatGithub, formatStylish, formatSummaryLine, toJsonErrorReport } from '../src/index.js';

const at = (line: number, column: number, offset = 0) => ({ start: { line, column, offset }, end: { line, column: column + 5, offset: offset + 5 } });

const messages: Message[] = [
  { ruleId: 'missing-quote', severity: 'error', reason: 'quote not found in seeds/002.txt', file: 'claims.yaml', place: at(12, 7, 300), claimId: 'account-closed', note: 'Revise the claim.' },
  { ruleId: 'unpinned-span', severity: 'warning', reason: 'quote is not pinned', file: 'claims.yaml', place: at(3, 15, 40), claimId: 'a' },
  { ruleId: 'coverage-threshold', severity: 'error', reason: 'seeds/001.txt: 71.4% of sentences covered, threshold 85%', file: 'other.yaml', place: at(1, 1) },
];

describe('formatStylish', () => {
  it('groups by file and prints one line a message in place order', () => {
    const lines = formatStylish(messages).split('\n');
    expect(lines[0]).toBe('claims.yaml');
    expect(lines[1]).toBe('  3:15  warning  quote is not pinned  unpinned-span  (a)');
    expect(lines[2]).toBe('  12:7  error    quote not found in seeds/002.txt  missing-quote  (account-closed)');
    expect(lines[3]).toBe(`${' '.repeat(17)}↳ Revise the claim.`);
    expect(lines).toContain('other.yaml');
  });

  it('keeps a message with newlines on one line', () => {
    const text = formatStylish([{ ...messages[0]!, reason: 'a\nb', note: undefined }]);
    expect(text.split('\n')[1]).toContain('a ⏎ b');
  });

  it('ends a check with the count line, after one line that says what passed means', () => {
    const lines = formatSummaryLine({ passed: 61, failed: 2 }).split('\n');
    expect(lines).toHaveLength(2);
    // CI reads the last line: it stays `N passed, N failed`.
    expect(lines[1]).toBe('61 passed, 2 failed');
    expect(lines[0]).toMatch(/^passed: every quote of the claim still stands in its source and no unacknowledged contradiction involves it; not that the claim is true$/);
  });
});

describe('formatGithub', () => {
  it('writes workflow annotations with positions and titles', () => {
    const lines = formatGithub(messages).split('\n');
    expect(lines[0]).toBe(
      '::error file=claims.yaml,line=12,col=7,endLine=12,endColumn=12,title=missing-quote (account-closed)::quote not found in seeds/002.txt%0ARevise the claim.%0ADocs: README.md#rule-missing-quote',
    );
    expect(lines[1]).toMatch(/^::warning file=claims\.yaml,line=3,col=15,/);
  });

  it('links each annotation to the documentation of its rule', () => {
    const lines = formatGithub(messages).split('\n');
    expect(lines.map((line) => /%0ADocs: (\S+)$/.exec(line)?.[1])).toEqual(['README.md#rule-missing-quote', 'README.md#rule-unpinned-span', 'README.md#rule-coverage-threshold']);
  });

  it('escapes data and properties', () => {
    expect(escapeGithubData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeGithubProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const hostile = formatGithub([{ ...messages[0]!, file: 'x,line=1::y', reason: '::error::injected\n::warning::x' }]);
    expect(hostile.split('\n')).toHaveLength(1);
    expect(hostile).toContain('file=x%2Cline=1%3A%3Ay,');
    expect(hostile).toContain('::::error::injected%0A::warning::x');
  });
});

describe('json messages', () => {
  it('add where the README documents each rule, and keep every other key as it is', () => {
    const report = toJsonErrorReport([messages[0]!], [messages[1]!]);
    expect(report.errors).toEqual([{ ...messages[0], docs: 'README.md#rule-missing-quote' }]);
    expect(report.warnings).toEqual([{ ...messages[1], docs: 'README.md#rule-unpinned-span' }]);
    expect(Object.keys(report.errors[0]!).slice(0, -1)).toEqual(Object.keys(messages[0]!));
  });
});
