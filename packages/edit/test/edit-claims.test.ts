import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editClaimsText, type ClaimsChange } from '../src/claims-edit.js';
import { fuzzRuns, isPureInsertion, onlySpanNumbersChanged } from './fixtures/edit-workspace.js';

// Comments everywhere, every quoting style, flow and block spans, a flow evidence item, a
// folded block scalar, astral characters before the edited places (UTF-16 offsets ≠ code points).
const TRICKY = `# head comment: claims.yaml 😀
version: 1 # trailing

sources:
  s1:   # source comment
    path: a.txt
    sha256: "00ff"   # hash comment
  s2: {path: b.txt, sha256: abc123}
claims:
  # before the first item
  - id: one   # id comment
    claim: 'Single quoted: claim 𝒳'
    verdict: supported
    evidence:
      # before evidence
      - source: s1
        quote: "Hello, “world” — 😀"   # quote comment
        span: [ 3 ,  10 ]   # span comment
      - {source: s1, quote: plain words, span: [1, 2]}
      - source: s1
        quote: >-
          folded
          quote
        # after the folded quote
      - source: s1
        span:
          - 5   # first
          - 9
        quote: block span
      - source: s1
        quote: unpinned plain # says so

  - id: two
    claim: x
    verdict: refuted
    evidence:
      - {source: s1, quote: "flow no span"}
# tail comment
`;

/** Span numbers in flow evidence mappings and in the block span set to 0: only `span: […]` lines remain to compare. */
const flat = (t: string) => t.replace(/span: \[\d+, \d+\]\}/g, 'span: [0, 0]}').replace(/(span:\r?\n\s+- )\d+(   # first\r?\n\s+- )\d+/, '$10$20');

const ev = (claim: number, evidence: number) => ({ claim, evidence });
const span = (claim: number, evidence: number, s: number, e: number): ClaimsChange => ({ kind: 'span', ...ev(claim, evidence), span: [s, e] });
const quote = (claim: number, evidence: number, q: string): ClaimsChange => ({ kind: 'quote', ...ev(claim, evidence), quote: q });

function edit(text: string, changes: ClaimsChange[]) {
  const outcome = editClaimsText(text, changes);
  expect(outcome.problems).toEqual([]);
  expect(outcome.applied).toHaveLength(changes.length);
  return outcome.text;
}

/** `text` with each `from` replaced by `to`, each found exactly once: the expectation, built independently. */
function replaced(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    expect(out.split(from).length - 1).toBe(1);
    out = out.replace(from, () => to);
  }
  return out;
}

describe('editClaimsText: rewriting spans', () => {
  it('rewrites the numbers of a flow span and nothing else (spacing and comment kept)', () => {
    expect(edit(TRICKY, [span(0, 0, 123, 4567)])).toBe(replaced(TRICKY, ['span: [ 3 ,  10 ]   # span comment', 'span: [ 123 ,  4567 ]   # span comment']));
  });

  it('rewrites a block span item by item, keeping its comments', () => {
    expect(edit(TRICKY, [span(0, 3, 50, 90)])).toBe(replaced(TRICKY, ['- 5   # first\n          - 9\n', '- 50   # first\n          - 90\n']));
  });

  it('rewrites a span inside a flow evidence mapping', () => {
    expect(edit(TRICKY, [span(0, 1, 11, 22)])).toBe(replaced(TRICKY, ['quote: plain words, span: [1, 2]}', 'quote: plain words, span: [11, 22]}']));
  });

  it('applies many changes at once, each exactly where it belongs', () => {
    const out = edit(TRICKY, [span(0, 0, 7, 8), span(0, 1, 9, 10), span(0, 3, 11, 12), span(0, 4, 13, 14), span(1, 0, 15, 16), { kind: 'sha256', source: 's1', sha256: 'beef' }]);
    const data = parse(out);
    expect(data.claims[0].evidence.map((e: { span: number[] }) => e.span)).toEqual([[7, 8], [9, 10], undefined, [11, 12], [13, 14]]);
    expect(data.claims[1].evidence[0].span).toEqual([15, 16]);
    expect(data.sources.s1.sha256).toBe('beef');
    const before = TRICKY.replace('"00ff"', '"beef"').replace('quote: "flow no span"}', 'quote: "flow no span", span: [0, 0]}');
    expect(onlySpanNumbersChanged(flat(before), flat(out), true)).toEqual({ ok: true });
  });
});

describe('editClaimsText: pinning evidence without a span', () => {
  it('inserts `span:` after the quote line (and its comment), at the indentation of its siblings', () => {
    expect(edit(TRICKY, [span(0, 4, 7, 9)])).toBe(replaced(TRICKY, ['        quote: unpinned plain # says so\n', '        quote: unpinned plain # says so\n        span: [7, 9]\n']));
  });

  it('inserts after a folded block quote, before the comment that follows it', () => {
    expect(edit(TRICKY, [span(0, 2, 0, 12)])).toBe(replaced(TRICKY, ['          quote\n', '          quote\n        span: [0, 12]\n']));
  });

  it('adds the key to a flow evidence mapping', () => {
    expect(edit(TRICKY, [span(1, 0, 1, 4)])).toBe(replaced(TRICKY, ['{source: s1, quote: "flow no span"}', '{source: s1, quote: "flow no span", span: [1, 4]}']));
  });

  it('when the quote is the first key of its item (`- quote: …`), indents to that key', () => {
    const text = 'claims:\n  - id: a\n    evidence:\n      - quote: "q"\n        source: s\n';
    expect(edit(text, [span(0, 0, 0, 1)])).toBe('claims:\n  - id: a\n    evidence:\n      - quote: "q"\n        span: [0, 1]\n        source: s\n');
  });

  it('at the end of a file without a final line break, starts a line and keeps the ending', () => {
    const text = 'claims:\n  - id: a\n    evidence:\n      - source: s\n        quote: last';
    expect(edit(text, [span(0, 0, 2, 6)])).toBe(`${text}\n        span: [2, 6]`);
  });
});

describe('editClaimsText: quotes and sha256 keep their style', () => {
  it('double stays double, plain stays plain when it can', () => {
    const out = edit(TRICKY, [quote(0, 0, 'Hello, "world" \\ 2'), quote(0, 4, 'still plain words')]);
    expect(out).toBe(
      replaced(TRICKY, ['quote: "Hello, “world” — 😀"   # quote comment', 'quote: "Hello, \\"world\\" \\\\ 2"   # quote comment'], ['quote: unpinned plain # says so', 'quote: still plain words # says so']),
    );
  });

  it('a plain quote that cannot stay plain is double-quoted; a flow one too', () => {
    const out = edit(TRICKY, [quote(0, 4, 'Note: # not a comment'), quote(0, 1, 'a, b')]);
    expect(out).toBe(replaced(TRICKY, ['quote: unpinned plain # says so', 'quote: "Note: # not a comment" # says so'], ['quote: plain words,', 'quote: "a, b",']));
  });

  it('a folded block quote becomes one double-quoted line, keeping the line break after it', () => {
    const out = edit(TRICKY, [quote(0, 2, 'new\nwords')]);
    expect(out).toBe(replaced(TRICKY, ['quote: >-\n          folded\n          quote\n', 'quote: "new\\nwords"\n']));
    expect(parse(out).claims[0].evidence[2].quote).toBe('new\nwords');
  });

  it('refreshes a sha256 in block and flow mappings, keeping the quotes', () => {
    const out = edit(TRICKY, [
      { kind: 'sha256', source: 's1', sha256: 'a1b2' },
      { kind: 'sha256', source: 's2', sha256: '1234' },
    ]);
    // All digits would read as a number if left plain: it is quoted.
    expect(out).toBe(replaced(TRICKY, ['sha256: "00ff"', 'sha256: "a1b2"'], ['sha256: abc123}', 'sha256: "1234"}']));
    expect(parse(out).sources.s2.sha256).toBe('1234');
  });
});

describe('editClaimsText: line endings, unicode, and what it refuses', () => {
  it('keeps CRLF line endings, and writes new lines with CRLF', () => {
    const crlf = TRICKY.replace(/\n/g, '\r\n');
    const out = edit(crlf, [span(0, 0, 4, 5), span(0, 4, 6, 7), span(0, 2, 8, 9)]);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(out).toBe(
      replaced(
        crlf,
        ['[ 3 ,  10 ]', '[ 4 ,  5 ]'],
        ['quote: unpinned plain # says so\r\n', 'quote: unpinned plain # says so\r\n        span: [6, 7]\r\n'],
        ['          quote\r\n', '          quote\r\n        span: [8, 9]\r\n'],
      ),
    );
  });

  it('leaves an aliased span alone (editing it would change another place), and still makes the other changes', () => {
    const text = 'claims:\n  - id: a\n    evidence:\n      - source: s\n        quote: q\n        span: &s [1, 2]\n      - source: s\n        quote: q\n        span: *s\n  - id: b\n    evidence:\n      - source: s\n        quote: r\n        span: [5, 6]\n';
    const outcome = editClaimsText(text, [span(0, 1, 3, 4), span(1, 0, 7, 8)]);
    expect(outcome.applied.map((a) => a.change)).toEqual([span(1, 0, 7, 8)]);
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.reason).toMatch(/not written as a list of two numbers/);
    expect(outcome.text).toBe(text.replace('[5, 6]', '[7, 8]'));
  });

  it('changes nothing in a file that does not parse', () => {
    const outcome = editClaimsText('claims: [\n', [span(0, 0, 1, 2)]);
    expect(outcome.text).toBe('claims: [\n');
    expect(outcome.problems[0]!.reason).toMatch(/does not parse/);
  });

  it('never changes a byte outside the spans it rewrites (property)', () => {
    const evidence = [
      [0, 0],
      [0, 1],
      [0, 3],
      [0, 4],
      [0, 2],
      [1, 0],
    ] as const;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.subarray([...evidence.keys()], { minLength: 1 }),
        fc.array(fc.tuple(fc.nat(100_000), fc.nat(1_000)), { minLength: 6, maxLength: 6 }),
        (crlf, chosen, numbers) => {
          const text = crlf ? TRICKY.replace(/\n/g, '\r\n') : TRICKY;
          const changes = chosen.map((k) => span(evidence[k]![0], evidence[k]![1], numbers[k]![0], numbers[k]![0] + numbers[k]![1]));
          const out = edit(text, changes);
          const data = parse(out);
          for (const c of changes) if (c.kind === 'span') expect(data.claims[c.claim].evidence[c.evidence].span).toEqual([...c.span]);
          // Outside span lines (rewritten or inserted, flow evidence aside) every line is the same.
          const before = chosen.includes(5) ? text.replace('quote: "flow no span"}', 'quote: "flow no span", span: [0, 0]}') : text;
          const result = onlySpanNumbersChanged(flat(before), flat(out), true);
          expect(result).toEqual({ ok: true });
        },
      ),
      { seed: 7, numRuns: fuzzRuns(100) },
    );
  });
});

describe('editClaimsText: appending a claim', () => {
  const claim = {
    id: 'new-claim',
    claim: 'A claim: with "quotes", # and ünïcödé 😀',
    verdict: 'supported' as const,
    evidence: [{ source: 's1', quote: 'two\nlines “curly”', span: [4, 9] as const, suffix: '\n\nNext' }],
  };
  const append = (text: string) => edit(text, [{ kind: 'append-claim', claim }]);
  const expectedClaim = { id: 'new-claim', claim: claim.claim, verdict: 'supported', evidence: [{ source: 's1', quote: 'two\nlines “curly”', suffix: '\n\nNext', span: [4, 9] }] };

  it('appends after the last claim, before the comments that follow, in the neighbours’ layout', () => {
    const out = append(TRICKY);
    expect(isPureInsertion(TRICKY, out)).toBe(true);
    expect(parse(out).claims.at(-1)).toEqual(expectedClaim);
    expect(parse(out).claims).toHaveLength(3);
    // The blank line between claims is kept as the separator, and the tail comment stays last.
    expect(out).toContain('      - {source: s1, quote: "flow no span"}\n\n  - id: new-claim\n    claim: "A claim: with \\"quotes\\", # and ünïcödé 😀"\n');
    expect(out.endsWith('        span: [4, 9]\n# tail comment\n')).toBe(true);
  });

  it('appends before other top-level keys', () => {
    const text = 'claims:\n  - id: a\n    evidence:\n      - source: s\n        quote: q\n\n# sources below\nsources:\n  s: {path: a.txt}\n';
    const out = append(text);
    expect(isPureInsertion(text, out)).toBe(true);
    // A single claim right under `claims:` sets no blank-line separator.
    expect(out).toContain('        quote: q\n  - id: new-claim\n');
    expect(out).toContain('        span: [4, 9]\n\n# sources below\nsources:\n');
    expect(parse(out).sources).toEqual({ s: { path: 'a.txt' } });
  });

  it('follows an indentless list style', () => {
    const text = 'claims:\n- id: a\n  evidence:\n  - source: s\n    quote: q\n';
    const out = append(text);
    expect(out).toBe(`${text}- id: new-claim\n  claim: "A claim: with \\"quotes\\", # and ünïcödé 😀"\n  verdict: supported\n  evidence:\n  - source: s1\n    quote: "two\\nlines “curly”"\n    suffix: "\\n\\nNext"\n    span: [4, 9]\n`);
  });

  it('handles a file without a final line break, keeping that ending', () => {
    const text = 'claims:\n  - id: a\n    evidence:\n      - source: s\n        quote: q';
    const out = append(text);
    expect(out.startsWith(`${text}\n  - id: new-claim\n`)).toBe(true);
    expect(out.endsWith('span: [4, 9]')).toBe(true);
    expect(parse(out).claims[1]).toEqual(expectedClaim);
  });

  it('replaces an empty flow list, keeping a comment after it', () => {
    const text = 'version: 1\nclaims: [] # none yet\nlater: 1\n';
    const out = append(text);
    expect(out.startsWith('version: 1\nclaims: # none yet\n  - id: new-claim\n')).toBe(true);
    expect(out.endsWith('        span: [4, 9]\nlater: 1\n')).toBe(true);
    expect(parse(out)).toEqual({ version: 1, claims: [expectedClaim], later: 1 });
  });

  it('appends one flow item to a non-empty flow list', () => {
    const text = 'claims: [{id: a, evidence: [{source: s, quote: q}]}]  # flow\n';
    const out = append(text);
    expect(isPureInsertion(text, out)).toBe(true);
    expect(parse(out).claims[1]).toEqual(expectedClaim);
    expect(out.endsWith(']  # flow\n')).toBe(true);
  });

  it('keeps CRLF', () => {
    const text = TRICKY.replace(/\n/g, '\r\n');
    const out = append(text);
    expect(isPureInsertion(text, out)).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parse(out).claims[2]).toEqual(expectedClaim);
  });
});
