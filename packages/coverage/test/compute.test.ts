import { describe, expect, it } from 'vitest';
import { computeCoverage, measureSource, percent } from '../src/index.js';
import { decl, evidenceAt, loaded, patterns, placeAtLine, workspace } from './helpers.js';

const TEXT = 'Alpha one is here. Beta two is there. Gamma three is far. Delta four is near.';

function run(text: string, evidence: ReturnType<typeof evidenceAt>[], init: Parameters<typeof decl>[1] = {}, global = {}) {
  const d = decl('src', init);
  return computeCoverage({
    workspace: workspace([d], global),
    sources: new Map([[d.id, loaded(d, text)]]),
    evidence,
  });
}

describe('computeCoverage: sentence states', () => {
  it('marks sentences covered, partial, uncovered and excluded', () => {
    const result = run(
      TEXT,
      [
        evidenceAt(TEXT, 'one is', { claimId: 'pass', source: 'src' }),
        evidenceAt(TEXT, 'two', { claimId: 'fail', source: 'src', status: 'changed' }),
        evidenceAt(TEXT, 'three', { claimId: 'pass', source: 'src', status: 'changed' }),
      ],
      { exclude: patterns('Delta four is near.') },
    );
    const source = result.sources[0]!;
    expect(source.detail.map((s) => s.state)).toEqual(['covered', 'partial', 'partial', 'excluded']);
    expect(source.detail.map((s) => s.span)).toEqual([
      [0, 18],
      [19, 37],
      [38, 57],
      [58, 77],
    ]);
    expect(source).toMatchObject({ sentences: 4, covered: 1, partial: 2, excluded: 1, sentencePct: 33.3 });
  });

  it('needs passing evidence to touch a word character: spaces and punctuation do not cover', () => {
    // The span ". " lies between the first two sentences and overlaps both by punctuation/space only.
    const text = 'First one. Second one.';
    const result = run(text, [{ ...evidenceAt(text, '. S', { claimId: 'c', source: 'src' }) }]);
    expect(result.sources[0]!.detail.map((s) => s.state)).toEqual(['uncovered', 'covered']);
    const dotOnly = run(text, [evidenceAt(text, '. ', { claimId: 'c', source: 'src' })]);
    expect(dotOnly.sources[0]!.detail.map((s) => s.state)).toEqual(['uncovered', 'uncovered']);
  });

  it('counts changed evidence as failing (partial), never as covered; verified and moved quotes cover', () => {
    const changed = run(TEXT, [evidenceAt(TEXT, 'Alpha', { claimId: 'c', source: 'src', status: 'changed' })]);
    expect(changed.sources[0]!.detail[0]!.state).toBe('partial');
    expect(changed.sources[0]!.covered).toBe(0);
    const moved = run(TEXT, [evidenceAt(TEXT, 'Alpha', { claimId: 'c', source: 'src', status: 'moved' })]);
    expect(moved.sources[0]!.detail[0]!.state).toBe('covered');
  });

  it('prefers covered over partial when both kinds of evidence touch a sentence', () => {
    const result = run(
      TEXT,
      [evidenceAt(TEXT, 'Alpha', { claimId: 'bad', source: 'src', status: 'changed' }), evidenceAt(TEXT, 'here', { claimId: 'good', source: 'src' })],
    );
    expect(result.sources[0]!.detail[0]!.state).toBe('covered');
  });

  it('ignores evidence without a place (missing, ambiguous) and evidence of other sources', () => {
    const missing = { ...evidenceAt(TEXT, 'Alpha', { claimId: 'c', source: 'src', status: 'missing' }) };
    delete (missing as { found?: unknown }).found;
    const elsewhere = evidenceAt(TEXT, 'Beta', { claimId: 'c', source: 'other-source' });
    const result = run(TEXT, [missing, elsewhere]);
    expect(result.sources[0]!.detail.every((s) => s.state === 'uncovered')).toBe(true);
  });

  it('lets exclusion win over coverage, and excludes sentences without word characters', () => {
    const text = 'top of page\n•••\nReal sentence here.';
    const result = run(text, [evidenceAt(text, 'top of', { claimId: 'c', source: 'src' })], { exclude: patterns('top of page') });
    expect(result.sources[0]!.detail.map((s) => s.state)).toEqual(['excluded', 'excluded', 'uncovered']);
    expect(result.sources[0]!).toMatchObject({ sentences: 3, excluded: 2, covered: 0, sentencePct: 0 });
  });

  it('excludes a sentence only when all of its word characters are excluded', () => {
    const text = 'Image source, Getty Images: the account was closed.';
    const result = run(text, [], { exclude: patterns('/Image source, \\w+ Images/') });
    expect(result.sources[0]!.detail[0]!.state).toBe('uncovered');
  });
});

describe('computeCoverage: characters', () => {
  it('counts non-whitespace, non-excluded code points inside passing evidence', () => {
    const text = 'ab cd. Ef gh.';
    // Non-whitespace: a b c d . E f g h . = 10; "ab c" covers a, b, c.
    const result = run(text, [evidenceAt(text, 'ab c', { claimId: 'c', source: 'src' })]);
    expect(result.sources[0]).toMatchObject({ characters: 10, coveredCharacters: 3, characterPct: 30 });
  });

  it('leaves excluded text and excluded sentences out of the character count', () => {
    const text = 'Menu\n---\nab cd. Ef gh.';
    const result = run(text, [evidenceAt(text, 'Ef gh.', { claimId: 'c', source: 'src' })], { exclude: patterns('Menu') });
    // "---" has no word characters: its sentence is excluded, so its three dashes do not count.
    expect(result.sources[0]).toMatchObject({ characters: 10, coveredCharacters: 5, characterPct: 50 });
  });

  it('counts an astral character once, and places spans in code points', () => {
    const text = '𝐀𝐁 one. 😀 Two.';
    const st = [...text];
    expect(st.length).toBe(14);
    // Code points 8..14 are "😀 Two." (in UTF-16 units they are 10..17).
    expect(text.indexOf('😀')).toBe(10);
    const evidence = { claimId: 'c', index: 0, source: 'src', quote: '😀 Two.', stance: 'for' as const, status: 'verified' as const, found: [8, 14] as const, pinned: true };
    const result = run(text, [evidence]);
    const source = result.sources[0]!;
    expect(source.detail.map((s) => [s.span, s.state])).toEqual([
      [[0, 7], 'uncovered'],
      [[8, 14], 'covered'],
    ]);
    // Non-whitespace code points: 𝐀 𝐁 o n e . 😀 T w o . = 11; covered: 😀 T w o . = 5.
    expect(source).toMatchObject({ characters: 11, coveredCharacters: 5, characterPct: 45.4 });
  });

  it('clamps spans that run past the end of the text', () => {
    const text = 'Short one.';
    const evidence = { claimId: 'c', index: 0, source: 'src', quote: 'x', stance: 'for' as const, status: 'verified' as const, found: [6, 99] as const, pinned: true };
    const result = run(text, [evidence]);
    expect(result.sources[0]).toMatchObject({ characters: 9, coveredCharacters: 4, covered: 1 });
  });
});

describe('percentages', () => {
  it('rounds down to one decimal so a figure never reads as a threshold it misses', () => {
    expect(percent(2, 3)).toBe(66.6);
    expect(percent(9999, 10000)).toBe(99.9);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(7, 10)).toBe(70);
  });

  it('counts a source with nothing to cover as 100%', () => {
    const result = run('top of page', [], { exclude: patterns('top of page') });
    expect(result.sources[0]).toMatchObject({ sentences: 1, excluded: 1, sentencePct: 100, characters: 0, characterPct: 100 });
    const empty = run('', []);
    expect(empty.sources[0]).toMatchObject({ sentences: 0, sentencePct: 100, characterPct: 100 });
    expect(empty.messages).toEqual([]);
  });
});

describe('computeCoverage: thresholds', () => {
  // Seven sentences, five covered: 71.4%.
  const text = 'S1 a. S2 b. S3 c. S4 d. S5 e. S6 f. S7 g.';
  const evidence = ['S1', 'S2', 'S3', 'S4', 'S5'].map((q) => evidenceAt(text, q, { claimId: 'c', source: 'src' }));

  it('reports a source below the global threshold at its entry in claims.yaml, with the figures', () => {
    const result = run(text, evidence, { path: 'articles/interview.txt', place: placeAtLine(12) }, { sentences: 85 });
    const [message] = result.messages;
    expect(message).toEqual({
      ruleId: 'coverage-threshold',
      severity: 'error',
      reason: 'articles/interview.txt: 71.4% of sentences covered, threshold 85%',
      file: 'claims.yaml',
      place: placeAtLine(12),
      source: 'src',
      actual: '71.4% (5 of 7 sentences)',
      expected: 'at least 85%',
      note: expect.stringContaining('exclude'),
    });
    expect(result.sources[0]!.thresholds).toEqual({ sentences: 85 });
  });

  it('also checks the total against the global threshold, without a place', () => {
    const result = run(text, evidence, {}, { sentences: 85 });
    expect(result.messages).toHaveLength(2);
    expect(result.messages.map((m) => m.source)).toEqual(['src', undefined]);
    expect(result.messages[1]).toMatchObject({ reason: 'all sources: 71.4% of sentences covered, threshold 85%', file: 'claims.yaml' });
    expect(result.messages[1]!.place).toBeUndefined();
  });

  it('lets a source override the global threshold, field by field', () => {
    const result = run(text, evidence, { coverage: { sentences: 70 } }, { sentences: 85, characters: 90 });
    expect(result.sources[0]!.thresholds).toEqual({ sentences: 70, characters: 90 });
    const own = result.messages.filter((m) => m.source === 'src');
    expect(own.map((m) => m.expected)).toEqual(['at least 90%']);
    expect(own[0]!.reason).toBe(`seeds/src.txt: ${result.sources[0]!.characterPct.toFixed(1)}% of characters covered, threshold 90%`);
    // The total still answers to the global thresholds.
    const total = result.messages.filter((m) => m.source === undefined);
    expect(total.map((m) => m.reason)).toContain('all sources: 71.4% of sentences covered, threshold 85%');
  });

  it('reports nothing when coverage meets the threshold exactly or no threshold is set', () => {
    expect(run(text, evidence, { coverage: { sentences: 71.4 } }).messages).toEqual([]);
    const threeOfFour = 'A a. B b. C c. D d.';
    const three = ['A', 'B', 'C'].map((q) => evidenceAt(threeOfFour, q, { claimId: 'c', source: 'src' }));
    expect(run(threeOfFour, three, { coverage: { sentences: 75 } }).messages).toEqual([]);
    expect(run(threeOfFour, three, { coverage: { sentences: 75.1 } }).messages).toHaveLength(1);
    expect(run(text, evidence).messages).toEqual([]);
  });

  it('reports a per-source threshold even when no global threshold exists', () => {
    const result = run(text, evidence, { coverage: { sentences: 80 } });
    expect(result.messages.map((m) => [m.source, m.reason])).toEqual([['src', 'seeds/src.txt: 71.4% of sentences covered, threshold 80%']]);
  });
});

describe('computeCoverage: workspace', () => {
  it('keeps the order of claims.yaml, skips sources that were not loaded, and sums the total', () => {
    const a = decl('a');
    const b = decl('b');
    const missing = decl('never-loaded');
    const textA = 'One. Two.';
    const textB = 'Three. Four. Five.';
    const result = computeCoverage({
      workspace: workspace([b, missing, a]),
      sources: new Map([
        ['a', loaded(a, textA)],
        ['b', loaded(b, textB)],
      ]),
      evidence: [evidenceAt(textA, 'One', { claimId: 'c', source: 'a' }), evidenceAt(textB, 'Four', { claimId: 'c', source: 'b' })],
    });
    expect(result.sources.map((s) => s.source)).toEqual(['b', 'a']);
    // Characters: "One.Two." 8 + "Three.Four.Five." 16 = 24; covered: "One" 3 + "Four" 4 = 7.
    expect(result.total).toEqual({ sentences: 5, covered: 2, partial: 0, excluded: 0, characters: 24, coveredCharacters: 7, sentencePct: 40, characterPct: 29.1 });
  });

  it('measureSource works on a single text outside a workspace', () => {
    const coverage = measureSource(loaded(decl('x'), 'A b. C d.').text, [], { passing: [[0, 1]], failing: [] }, { source: 'x', path: 'x.txt', thresholds: {} });
    expect(coverage.detail.map((s) => s.state)).toEqual(['covered', 'uncovered']);
  });
});
