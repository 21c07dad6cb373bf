import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateClaims } from '../src/update.js';
import { makeWorkspace, read, removeTempDirs } from './fixtures/edit-workspace.js';

// Every YAML parse in the process, the loader's included (@factcheck/core reads claims.yaml with
// parseAllDocuments), recorded with the text it parsed.
const parses = vi.hoisted(() => [] as { fn: 'parseDocument' | 'parseAllDocuments'; text: string }[]);
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  const counted = <F extends (text: string, ...rest: never[]) => unknown>(fn: 'parseDocument' | 'parseAllDocuments', parse: F) =>
    ((text: string, ...rest: never[]) => {
      parses.push({ fn, text });
      return parse(text, ...rest);
    }) as F;
  return { ...yaml, parseDocument: counted('parseDocument', yaml.parseDocument), parseAllDocuments: counted('parseAllDocuments', yaml.parseAllDocuments) };
});

afterAll(removeTempDirs);
beforeEach(() => {
  parses.length = 0;
});

const CLAIMS = `version: 1
sources:
  a:
    path: a.txt
    sha256: "${'0'.repeat(64)}"
claims:
  - id: closed
    claim: The account was closed.
    verdict: supported
    evidence:
      - source: a
        quote: The account was closed
        span: [0, 22]
      - source: a
        quote: after a week
  - id: gone
    claim: Gone.
    verdict: supported
    evidence:
      - source: a
        quote: Nothing of the kind is in the article.
`;
const SOURCE = 'An intro. The account was closed after a week.\n';

/** How often each text was parsed, and by which function. */
function count(original: string) {
  const of = (text: string) => ({
    parseDocument: parses.filter((p) => p.text === text && p.fn === 'parseDocument').length,
    parseAllDocuments: parses.filter((p) => p.text === text && p.fn === 'parseAllDocuments').length,
  });
  const others = [...new Set(parses.map((p) => p.text).filter((t) => t !== original))];
  return { original: of(original), others: others.map(of) };
}

const options = (root: string, dryRun: boolean) => ({ claims: 'claims.yaml', cwd: root, env: {}, accept: false, dryRun, force: false, today: '2026-12-04' });

describe('one update parses claims.yaml once: the loader\'s document serves planning, applying and its report', () => {
  it('when it writes: the file as read once (by the loader), the edited text once', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const result = await updateClaims(options(root, false));
    // A re-pin, a pin, a sha256 refreshed, and a quote left for a person: planning, applying and
    // the places of all four lines come from those two documents.
    expect(result.value?.edits.map((e) => e.action.kind)).toEqual(['repin', 'pin', 'refresh-sha256']);
    // Line 21 as read; 22 in the file as written, below the span added above it.
    expect(result.value?.leftovers.map((l) => [l.action.kind, l.line])).toEqual([['left-for-a-person', 22]]);
    expect(result.value?.written).toBe(true);
    const { original, others } = count(CLAIMS);
    expect(original).toEqual({ parseDocument: 0, parseAllDocuments: 1 });
    // The edited text: parsed once to read it back, and that document places the lines.
    expect(others).toEqual([{ parseDocument: 1, parseAllDocuments: 0 }]);
    expect(parses.find((p) => p.text !== CLAIMS)?.text).toBe(read(root));
  });

  it('in a dry run, and with nothing to write', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    await updateClaims(options(root, true));
    expect(count(CLAIMS)).toEqual({ original: { parseDocument: 0, parseAllDocuments: 1 }, others: [{ parseDocument: 1, parseAllDocuments: 0 }] });

    const pinned = CLAIMS.replace(/ {4}sha256: .*\n/, '').replace('span: [0, 22]', 'span: [10, 32]').replace('quote: after a week\n', 'quote: after a week\n        span: [33, 45]\n');
    writeFileSync(path.join(root, 'claims.yaml'), pinned);
    parses.length = 0;
    const result = await updateClaims(options(root, false));
    expect(result.value).toMatchObject({ edits: [], written: false });
    expect(count(pinned)).toEqual({ original: { parseDocument: 0, parseAllDocuments: 1 }, others: [] });
  });
});
