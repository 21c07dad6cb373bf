import { describe, expect, it } from 'vitest';
import { computeCoverage, formatUnquotedSentences, unquotedSentences } from '../src/index.js';
import { decl, evidenceAt, loaded, patterns, workspace } from './helpers.js';

// Two sources: in `a` one sentence is quoted, one is touched only by a changed quote, one has runs
// of blanks and one is boilerplate; `b` has no quote at all.
const TEXT_A = 'The account was closed.\nIt had opened days before, officials said.\nCopyright Example News\nA spokesperson  gave\tno reason for it.';
const TEXT_B = 'Parliament shut the account. Officials gave no reason.';

function setup() {
  const a = decl('a', { exclude: patterns('/^Copyright.*$/m') });
  const b = decl('b');
  const sources = new Map([
    ['a', loaded(a, TEXT_A)],
    ['b', loaded(b, TEXT_B)],
  ]);
  const coverage = computeCoverage({
    workspace: workspace([a, b]),
    sources,
    evidence: [
      evidenceAt(TEXT_A, 'The account was closed.', { claimId: 'closed', source: 'a' }),
      evidenceAt(TEXT_A, 'It had opened days before', { claimId: 'opened', source: 'a', status: 'changed' }),
    ],
  });
  return { coverage, sources };
}

describe('unquotedSentences', () => {
  it('lists the sentences no standing quote touches, with their place and words, and no boilerplate', () => {
    const { coverage, sources } = setup();
    const list = unquotedSentences(coverage, sources);
    expect(list.map((s) => [s.source, s.path, s.state, `${s.start.line}:${s.start.column}`, s.text])).toEqual([
      ['a', 'seeds/a.txt', 'partial', '2:1', 'It had opened days before, officials said.'],
      ['a', 'seeds/a.txt', 'uncovered', '4:1', 'A spokesperson gave no reason for it.'],
      ['b', 'seeds/b.txt', 'uncovered', '1:1', 'Parliament shut the account.'],
      ['b', 'seeds/b.txt', 'uncovered', '1:30', 'Officials gave no reason.'],
    ]);
    expect(list[1]!.end).toEqual({ line: 4, column: 39, offset: TEXT_A.length });
    expect(list.some((s) => s.text.includes('Copyright'))).toBe(false);
  });

  it('lists as many as the figures count as not quoted', () => {
    const { coverage, sources } = setup();
    const notQuoted = coverage.sources.reduce((n, s) => n + s.sentences - s.excluded - s.covered, 0);
    expect(unquotedSentences(coverage, sources)).toHaveLength(notQuoted);
  });

  it('keeps to one source when asked', () => {
    const { coverage, sources } = setup();
    expect(unquotedSentences(coverage, sources, { source: 'b' }).map((s) => s.text)).toEqual(['Parliament shut the account.', 'Officials gave no reason.']);
    expect(unquotedSentences(coverage, sources, { source: 'nope' })).toEqual([]);
  });
});

describe('formatUnquotedSentences', () => {
  it('writes file:line:col and the words, one sentence a line, then the counts', () => {
    const { coverage, sources } = setup();
    const text = formatUnquotedSentences(unquotedSentences(coverage, sources), { file: (s) => `ws/${s.path}`, sources: 2 });
    expect(text.split('\n')).toEqual([
      'ws/seeds/a.txt:2:1   (partly: only a changed quote) It had opened days before, officials said.',
      'ws/seeds/a.txt:4:1   A spokesperson gave no reason for it.',
      'ws/seeds/b.txt:1:1   Parliament shut the account.',
      'ws/seeds/b.txt:1:30  Officials gave no reason.',
      '4 sentences not quoted (1 only by changed quotes) in 2 sources; excluded boilerplate is not listed',
    ]);
  });

  it('says so when every sentence is quoted, and shows control characters escaped', () => {
    expect(formatUnquotedSentences([], { sources: 1 })).toBe('Every sentence is quoted in 1 source; excluded boilerplate is not listed');
    const place = { line: 1, column: 1, offset: 0 };
    const text = formatUnquotedSentences([{ source: 'x', path: 'x.txt', state: 'uncovered', start: place, end: place, text: 'Bad \u001b[31mred\u202e' }]);
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text.split('\n')[0]).toBe('x.txt:1:1  Bad \\u001b[31mred\\u202e');
  });
});
