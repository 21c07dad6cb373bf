// The rule registry and the README's "Rules" section say the same: every registered rule has its
// row (id, severity, description, and the anchor that messages link to), and every row is a rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMessage, RULES, ruleDocs, type RuleId } from '../src/index.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The rows of the README's Rules table: id (as anchored and as shown), severity, description. */
function documentedRules(): { anchor: string; id: string; severity: string; description: string }[] {
  const section = /^## Rules\n([\s\S]*?)(?=^## )/m.exec(README)?.[1] ?? '';
  return [...section.matchAll(/^\| <a id="rule-([^"]+)"><\/a>`([^`]+)` \| (\w+) \| (.*) \|$/gm)].map((m) => ({ anchor: m[1]!, id: m[2]!, severity: m[3]!, description: m[4]! }));
}

describe('the rule registry', () => {
  it('has a README row for every rule, and a rule for every README row', () => {
    const rows = documentedRules();
    expect(rows.map((row) => row.id)).toEqual(Object.keys(RULES));
  });

  it('documents each rule under its anchor, with its severity and description', () => {
    for (const row of documentedRules()) {
      expect(row.anchor, row.id).toBe(row.id);
      const rule = RULES[row.id as RuleId];
      expect({ severity: row.severity, description: row.description }, row.id).toEqual({ severity: rule.severity, description: rule.description });
    }
  });

  it('links a rule to its README anchor', () => {
    expect(ruleDocs('missing-quote')).toBe('README.md#rule-missing-quote');
    expect(README).toContain('<a id="rule-missing-quote"></a>');
  });

  it('describes each rule in one line, as a sentence', () => {
    for (const [id, rule] of Object.entries(RULES)) expect(rule.description, id).toMatch(/^[A-Z*`a-z].*\.$/);
    for (const [id, rule] of Object.entries(RULES)) expect(rule.description, id).not.toContain('\n');
  });

  it('gives a message the severity of its rule unless it says otherwise', () => {
    expect(createMessage({ ruleId: 'unpinned-span', reason: 'r', file: 'claims.yaml' }).severity).toBe('warning');
    expect(createMessage({ ruleId: 'missing-quote', reason: 'r', file: 'claims.yaml' }).severity).toBe('error');
    expect(createMessage({ ruleId: 'unpinned-span', severity: 'error', reason: 'r', file: 'claims.yaml' }).severity).toBe('error');
  });
});
