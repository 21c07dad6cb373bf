import { describe, expect, it } from 'vitest';
import type { AddResult, UpdateResult } from '@factcheck/edit';
import { formatAddResult, formatUpdateResult } from '../src/index.js';

const ref = (claimId: string, claim: number) => ({ claimId, file: 'claims.yaml', claim, evidence: 0, source: 'bbc' });
const sha = (c: string) => c.repeat(64);

const result: UpdateResult = {
  claims: 'claims.yaml',
  files: ['claims.yaml'],
  dryRun: false,
  written: true,
  edits: [
    { action: { kind: 'repin', evidence: ref('locked', 0), before: [0, 27], after: [21, 48] }, file: 'claims.yaml', line: 13, column: 15, text: 'span [0, 27] → [21, 48]' },
    { action: { kind: 'pin', evidence: ref('second', 1), span: [94, 108] }, file: 'claims.yaml', line: 21, column: 15, text: 'span [94, 108] added' },
    {
      action: { kind: 'accept', evidence: ref('third', 2), quote: { before: 'old words', after: 'new words' }, span: { after: [1, 10] }, score: 0.9, history: { date: '2026-12-04', was: 'old words' } },
      file: 'claims.yaml',
      line: 30,
      column: 16,
      text: 'quote accepted (score 0.90): "old" → "new"; span none → [1, 10]; old words kept in history (2026-12-04)',
    },
    { action: { kind: 'refresh-sha256', source: 'bbc', before: sha('0'), after: sha('a'), file: 'claims.yaml' }, file: 'claims.yaml', line: 6, column: 13, text: 'sha256 of bbc refreshed: 000000000000… → aaaaaaaaaaaa…' },
  ],
  leftovers: [
    {
      action: { kind: 'left-for-a-person', evidence: ref('gone', 3), status: 'changed', result: { claimId: 'gone', index: 0, source: 'bbc', quote: 'was \u009b here', stance: 'for', pinned: true, status: 'changed', actual: 'is here', score: 0.5 } },
      file: 'claims.yaml',
      line: 40,
      column: 16,
      text: 'quote changed in a.txt:1:1 (score 0.50): \u009b',
      note: 'Check the new wording against the claim; `factcheck update --accept` takes it.',
    },
    {
      action: { kind: 'not-editable', action: { kind: 'refresh-sha256', source: 'bbc', before: sha('0'), after: sha('b'), file: 'claims.yaml' }, reason: 'the value is not a single scalar' },
      file: 'claims.yaml',
      line: 6,
      column: 13,
      text: 'could not refresh the sha256 of bbc automatically: the value is not a single scalar',
      note: `Write \`sha256: ${sha('b')}\` here by hand.`,
    },
  ],
};

describe('formatUpdateResult', () => {
  it('stylish: one line per edit, then what is left with its note, then the summary; control characters escaped', () => {
    expect(formatUpdateResult(result, 'stylish')).toBe(
      'claims.yaml:13:15  span [0, 27] → [21, 48]  (locked)\n' +
        'claims.yaml:21:15  span [94, 108] added  (second)\n' +
        'claims.yaml:30:16  quote accepted (score 0.90): "old" → "new"; span none → [1, 10]; old words kept in history (2026-12-04)  (third)\n' +
        'claims.yaml:6:13  sha256 of bbc refreshed: 000000000000… → aaaaaaaaaaaa…\n' +
        '\n' +
        'Not changed, needs a person:\n' +
        'claims.yaml:40:16  quote changed in a.txt:1:1 (score 0.50): \\u009b  (gone)\n' +
        '    Check the new wording against the claim; `factcheck update --accept` takes it.\n' +
        'claims.yaml:6:13  could not refresh the sha256 of bbc automatically: the value is not a single scalar\n' +
        `    Write \`sha256: ${sha('b')}\` here by hand.\n` +
        '\n' +
        'Updated claims.yaml: 1 span re-pinned, 1 span added, 1 quote accepted, 1 sha256 refreshed.\n' +
        '2 evidence items left for you (1 changed, 1 not-editable).\n',
    );
  });

  it('json: the stable keys of each line, in order, `message` last', () => {
    const json = formatUpdateResult(result, 'json');
    expect(json.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(['version', 'claims', 'dryRun', 'written', 'edits', 'leftovers', 'summary']);
    expect(parsed.edits.map((e: object) => Object.keys(e))).toEqual([
      ['kind', 'claimId', 'source', 'file', 'line', 'column', 'before', 'after', 'message'],
      ['kind', 'claimId', 'source', 'file', 'line', 'column', 'after', 'message'],
      ['kind', 'claimId', 'source', 'file', 'line', 'column', 'before', 'after', 'score', 'history', 'message'],
      ['kind', 'source', 'file', 'line', 'column', 'before', 'after', 'message'],
    ]);
    expect(parsed.edits[0]).toMatchObject({ kind: 'repin', before: '[0, 27]', after: '[21, 48]' });
    expect(parsed.edits[3]).toMatchObject({ kind: 'sha256', before: sha('0'), after: sha('a') });
    expect(parsed.leftovers).toEqual([
      { kind: 'changed', claimId: 'gone', source: 'bbc', file: 'claims.yaml', line: 40, column: 16, before: 'was \u009b here', after: 'is here', score: 0.5, note: result.leftovers[0]!.note, message: result.leftovers[0]!.text },
      { kind: 'not-editable', source: 'bbc', file: 'claims.yaml', line: 6, column: 13, note: result.leftovers[1]!.note, message: result.leftovers[1]!.text },
    ]);
  });

  it('says when there is nothing to do, and what a dry run would do', () => {
    expect(formatUpdateResult({ claims: 'c.yaml', files: [], dryRun: false, written: false, edits: [], leftovers: [] }, 'stylish')).toBe('c.yaml is up to date: nothing to pin.\n');
    expect(formatUpdateResult({ ...result, dryRun: true, written: false, leftovers: [] }, 'stylish')).toMatch(/\n\nDry run: claims\.yaml not written; update would make 4 edits \(1 span re-pinned, 1 span added, 1 quote accepted, 1 sha256 refreshed\)\.\n$/);
  });
});

describe('formatAddResult', () => {
  const added: AddResult = {
    kind: 'added',
    claims: 'claims.yaml',
    written: false,
    claim: { id: 'intro', claim: 'An intro.', verdict: 'supported', evidence: [{ source: 'bbc', quote: 'An intro.', span: [0, 9] }] },
    line: 24,
    column: 5,
    foundAt: ['a.txt:1:1'],
    yaml: '\n  - id: intro\n    claim: An intro.\n',
  };

  it('stylish: where the claim goes and where its quote stands; a dry run shows the YAML', () => {
    expect(formatAddResult({ ...added, written: true }, 'stylish')).toBe('Added claim "intro" at claims.yaml:24:5\n  quote found at a.txt:1:1, span [0, 9]\n');
    expect(formatAddResult(added, 'stylish')).toBe('Dry run: claims.yaml not written. add would append claim "intro" at line 24 (quote found at a.txt:1:1, span [0, 9]):\n\n  - id: intro\n    claim: An intro.\n');
  });

  it('json: the claim with where each quote stands, and the YAML appended', () => {
    expect(JSON.parse(formatAddResult(added, 'json'))).toEqual({
      version: 1,
      claims: 'claims.yaml',
      dryRun: true,
      written: false,
      line: 24,
      column: 5,
      claim: { id: 'intro', claim: 'An intro.', verdict: 'supported', evidence: [{ source: 'bbc', quote: 'An intro.', span: [0, 9], at: 'a.txt:1:1' }] },
      yaml: added.yaml,
    });
  });

  it('a quote not found: the lines as they are (control characters escaped in stylish), the candidates in json', () => {
    const notFound: AddResult = { kind: 'not-found', source: 'bbc', result: { status: 'missing' }, candidates: [{ span: [0, 3], score: 0.6, text: 'abc', at: 'a.txt:1:1' }], lines: ['add: the quote is not in a.txt word for word. \u001b[2J', '  a.txt:1:1  score 0.60  "abc"'] };
    expect(formatAddResult(notFound, 'stylish')).toBe('add: the quote is not in a.txt word for word. \\u001b[2J\n  a.txt:1:1  score 0.60  "abc"\n');
    expect(JSON.parse(formatAddResult(notFound, 'json'))).toEqual({ version: 1, written: false, status: 'missing', source: 'bbc', candidates: notFound.candidates, message: notFound.lines.join('\n') });
  });
});
