import { describe, expect, it } from 'vitest';
import { loadIn, makeWorkspace, SOURCE, where } from './helpers.js';

const claims = (top = '') => `version: 1
${top}sources:
  bbc:
    path: seeds/a.txt
claims:
  - id: one
    claim: The account was locked.
    verdict: supported
    evidence:
      - { source: bbc, quote: "The account has been locked" }
`;

const load = (text: string) => loadIn(makeWorkspace({ 'claims.yaml': text, 'seeds/a.txt': SOURCE }));

describe('contradictions: option', () => {
  it('leaves every kind on by default', async () => {
    const { value } = await load(claims());
    expect(value?.workspace.contradictionKinds).toEqual(['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported']);
  });

  it('switches off each kind set to false, and only those', async () => {
    const { value, errors } = await load(claims('contradictions: { unsupported: false, antonym: false, entity: true }\n'));
    expect(errors).toEqual([]);
    expect(value?.workspace.contradictionKinds).toEqual(['structured', 'numeric', 'date', 'negation', 'entity']);
  });

  it('rejects an unknown kind and a value that is not a boolean, at their line:col', async () => {
    const typo = await load(claims('contradictions: { unsuported: false }\n'));
    expect(where(typo.errors)).toEqual(['2:19 unknown-key']);
    expect(`${typo.errors[0]?.reason} ${typo.errors[0]?.note ?? ''}`).toContain('unsupported');
    const notBoolean = await load(claims('contradictions: { numeric: "off" }\n'));
    expect(where(notBoolean.errors)).toEqual(['2:28 invalid-type']);
  });
});
