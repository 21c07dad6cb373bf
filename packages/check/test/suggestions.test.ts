import { describe, expect, it, afterAll } from 'vitest';
import { makeWorkspace, removeTempDirs } from '@factcheck/test-fixtures/edit-workspace';
import { checkWorkspace } from '../src/index.js';

// A publisher rewrote a sentence: the quote is missing, and check names the passage that may be
// its new wording, with its line, so the fact-checker need not search for it by hand.

afterAll(removeTempDirs);

const BEFORE = 'Human beings have lived here for over ten millennia.';
const AFTER = 'Humans have lived in the Americas for over ten thousand years.';
const ARTICLE = `The valley is old.\n\n${AFTER}\n\nTheir descendants still farm here.\n`;

const claims = `version: 1
sources:
  a:
    path: a.txt
claims:
  - id: old-settlement
    claim: "People have lived in the valley for ten thousand years."
    verdict: supported
    evidence:
      - source: a
        quote: ${JSON.stringify(BEFORE)}
        span: [19, 71]
`;

describe('a missing quote with a suggestion', () => {
  it('check says "maybe reworded as", with the passage and its line, and how to take it', async () => {
    const root = makeWorkspace({ 'claims.yaml': claims, 'a.txt': ARTICLE }, 'factcheck-suggest-');
    const checked = await checkWorkspace('claims.yaml', { cwd: root });
    expect(checked.errors).toEqual([]);
    const result = checked.value!;
    const evidence = result.claims[0]!.evidence[0]!;
    expect(evidence.status).toBe('missing');
    expect(evidence.candidates?.[0]?.text).toBe(AFTER);
    const [message] = result.messages.filter((m) => m.ruleId === 'missing-quote');
    expect(message!.reason).toMatch(new RegExp(`^quote not found in a\\.txt; maybe reworded as: "${AFTER.replace(/\./g, '\\.')}", line 3 \\(\\d+% similar\\)$`));
    expect(message!.actual).toBe(AFTER);
    expect(message!.note).toContain('factcheck update --take old-settlement');
    expect(result.claims[0]!.status).toBe('failed');
  });
});
