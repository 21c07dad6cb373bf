import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { formatLocation } from '../src/index.js';
import { loadIn, makeWorkspace, SOURCE, VALID, where } from './helpers.js';

async function errorsFor(claims: string, files: Record<string, string | Buffer> = { 'seeds/a.txt': SOURCE }) {
  const root = makeWorkspace({ 'claims.yaml': claims, ...files });
  const result = await loadIn(root);
  return result.errors;
}

describe('loadWorkspace: a valid file', () => {
  it('loads sources, claims and places', async () => {
    const root = makeWorkspace({ 'claims.yaml': VALID, 'seeds/a.txt': SOURCE });
    const result = await loadIn(root);
    expect(result.errors).toEqual([]);
    const { workspace, sources } = result.value!;
    expect(workspace.claims.map((c) => c.id)).toEqual(['account-locked']);
    expect(workspace.claims[0]!.idPlace.start).toMatchObject({ line: 6, column: 9 });
    expect(workspace.claims[0]!.evidence[0]!.span).toEqual([0, 27]);
    expect(workspace.claims[0]!.evidence[0]!.spanPlace!.start).toMatchObject({ line: 12, column: 15 });
    expect(sources.get('bbc')!.text.text).toBe(SOURCE);
    expect(workspace.anchor).toEqual({ minScore: 0.75, margin: 0.05, ignoreCase: false, moved: 'warning' });
  });
});

describe('loadWorkspace: every kind of error, with its line:col', () => {
  it('reports an unknown key with a suggestion', async () => {
    const errors = await errorsFor(VALID.replace('    claim: The', '    claim: The').replace('verdict: supported', 'verdict: supported\n    notes: x'));
    expect(where(errors)).toEqual(['9:5 unknown-key']);
    expect(errors[0]!.reason).toBe('unknown key "notes" in claims[0]; did you mean "note"?');
  });

  it('reports a wrong type, showing the value received', async () => {
    const errors = await errorsFor(VALID.replace('claim: The account was locked.', 'claim: 42'));
    expect(where(errors)).toEqual(['7:12 invalid-type']);
    expect(errors[0]!.reason).toBe('claims[0].claim must be a string, got 42');
  });

  it('reports duplicate ids at the second one, naming the first line', async () => {
    const twice = VALID + VALID.slice(VALID.indexOf('  - id:'));
    const errors = await errorsFor(twice.replace(/^version: 1\n/, 'version: 1\n').replace(/claims:\n([\s\S]*)claims:\n/, 'claims:\n$1'));
    expect(where(errors)).toContain('13:9 duplicate-id');
    expect(errors.find((e) => e.ruleId === 'duplicate-id')!.reason).toBe('duplicate claim id "account-locked" (first used at line 6)');
  });

  it('reports an unknown source id with a suggestion', async () => {
    const errors = await errorsFor(VALID.replace('- source: bbc', '- source: bcc'));
    expect(where(errors)).toEqual(['10:17 unknown-source']);
    expect(errors[0]!.reason).toContain('did you mean "bbc"?');
  });

  it('reports an empty quote', async () => {
    const errors = await errorsFor(VALID.replace('quote: "The account has been locked"', 'quote: "   "'));
    expect(where(errors)).toEqual(['11:16 empty-value']);
    expect(errors[0]!.reason).toBe('claims[0].evidence[0].quote is empty');
  });

  it('reports a missing required field', async () => {
    const errors = await errorsFor(VALID.replace('    verdict: supported\n', ''));
    expect(where(errors)).toEqual(['6:5 missing-field']);
    expect(errors[0]!.reason).toBe('claims[0] is missing the required field "verdict"');
  });

  it.each([
    ['[0, 27.5]', '12:19 invalid-type', 'claims[0].evidence[0].span[1] must be an integer, got 27.5'],
    ['[-1, 27]', '12:16 out-of-range', 'claims[0].evidence[0].span[0] must be 0 or more, got -1'],
    ['[27, 0]', '12:15 invalid-span', 'span [27, 0] is reversed: start must not exceed end'],
    ['[0]', '12:15 invalid-length', 'claims[0].evidence[0].span must have exactly 2 items, got 1'],
    ['"0-27"', '12:15 invalid-type', 'claims[0].evidence[0].span must be a list, got "0-27"'],
  ])('reports the span %s', async (span, expected, reason) => {
    const errors = await errorsFor(VALID.replace('span: [0, 27]', `span: ${span}`));
    expect(where(errors)).toEqual([expected]);
    expect(errors[0]!.reason).toBe(reason);
  });

  it('reports a bad verdict with a suggestion', async () => {
    const errors = await errorsFor(VALID.replace('verdict: supported', 'verdict: suported'));
    expect(where(errors)).toEqual(['8:14 invalid-value']);
    expect(errors[0]!.note).toBe('Did you mean "supported"?');
  });

  it('reports version 2', async () => {
    const errors = await errorsFor(VALID.replace('version: 1', 'version: 2'));
    expect(where(errors)).toEqual(['1:10 out-of-range']);
    expect(errors[0]!.reason).toBe('version must be 1, got 2');
  });

  it('reports an impossible date in when', async () => {
    const errors = await errorsFor(VALID.replace('    verdict: supported\n', '    verdict: supported\n    fact: {subject: a, property: b, value: c, when: 2022-13}\n'));
    expect(where(errors)).toEqual(['9:53 invalid-date']);
    expect(errors[0]!.reason).toBe('claims[0].fact.when: "2022-13" has month 13: months run from 01 to 12');
  });

  it('reports a YAML syntax error, a tab and a duplicate key at their places', async () => {
    // At the { that is never closed, not where the file ends.
    expect(where(await errorsFor('version: 1\nsources: {\n'))).toEqual(['2:10 yaml-syntax']);
    const tab = await errorsFor('version: 1\nsources:\n\tbbc: 1\n');
    expect(tab.map((e) => e.ruleId)).toContain('yaml-tab');
    const dup = await errorsFor('version: 1\nversion: 1\n');
    expect(where(dup)).toEqual(['2:1 duplicate-key']);
    expect(dup[0]!.note).toMatch(/Each key may appear once/);
  });

  it('reports an empty file, a comments-only file, a list, and several documents', async () => {
    expect(where(await errorsFor(''))).toEqual(['1:1 empty-file']);
    expect(where(await errorsFor('# only a comment\n'))).toEqual(['1:1 empty-file']);
    expect(where(await errorsFor('- a\n- b\n'))).toEqual(['1:1 not-a-mapping']);
    expect(where(await errorsFor('version: 1\n---\nversion: 1\n'))).toEqual(['2:1 multiple-documents']);
  });

  it('stops an alias bomb', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const errors = await errorsFor(`version: 1\nsources: {}\nclaims: []\nanchor:\n  x:\n${bomb.map((l) => `    ${l}`).join('\n')}\n`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.ruleId)).toContain('unknown-key');
  });

  it('reports every problem in one run', async () => {
    const errors = await errorsFor(VALID.replace('verdict: supported', 'verdict: nope').replace('- source: bbc', '- source: cnn').replace('span: [0, 27]', 'span: [5, 2]'));
    expect(where(errors)).toEqual(['8:14 invalid-value', '10:17 unknown-source', '12:15 invalid-span']);
  });
});

describe('loadWorkspace: files', () => {
  it('reports a missing claims.yaml and one that is a directory', async () => {
    const root = makeWorkspace({});
    const missing = await loadIn(root);
    expect(missing.errors[0]).toMatchObject({ ruleId: 'file-not-found', reason: 'claims.yaml does not exist' });
    mkdirSync(path.join(root, 'claims.yaml'));
    const dir = await loadIn(root);
    expect(dir.errors[0]).toMatchObject({ ruleId: 'not-a-file', reason: 'claims.yaml is a directory, not a file' });
  });

  it.each([
    ['../outside.txt', 'path-outside-workspace', 'source "bbc": source path "../outside.txt" leaves the workspace'],
    ['/etc/hostname', 'path-outside-workspace', 'source "bbc": source path "/etc/hostname" is absolute'],
    ['seeds/none.txt', 'file-not-found', 'source "bbc": seeds/none.txt does not exist'],
    ['seeds', 'not-a-file', 'source "bbc": seeds is a directory, not a file'],
  ])('refuses the source path %s', async (sourcePath, ruleId, reason) => {
    const errors = await errorsFor(VALID.replace('path: seeds/a.txt', `path: ${sourcePath}`));
    expect(errors[0]).toMatchObject({ ruleId, reason });
    expect(formatLocation(errors[0]!)).toBe('claims.yaml:4:11');
  });

  it('refuses a symlink that points outside the workspace', async () => {
    const outside = makeWorkspace({ 'secret.txt': 'secret' });
    const root = makeWorkspace({ 'claims.yaml': VALID.replace('path: seeds/a.txt', 'path: seeds/link.txt') });
    mkdirSync(path.join(root, 'seeds'), { recursive: true });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'seeds/link.txt'));
    const { errors } = await loadIn(root);
    expect(errors[0]).toMatchObject({ ruleId: 'path-outside-workspace', reason: 'source "bbc": source path "seeds/link.txt" is a link to a file outside the workspace' });
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x41, 0xc3, 0x28, 0x42]), 'not-utf8', 'source "bbc": seeds/a.txt is not valid UTF-8 (first bad byte 0xc3 at byte 1)'],
    ['UTF-16 with a BOM', Buffer.from('\ufeffhello', 'utf16le'), 'not-utf8', 'source "bbc": seeds/a.txt is UTF-16 (it starts with a UTF-16 byte order mark); factcheck reads UTF-8'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'binary-file', 'source "bbc": seeds/a.txt looks binary (a NUL byte at byte 4); factcheck reads UTF-8 text'],
  ])('refuses a source that is %s', async (_name, bytes, ruleId, reason) => {
    const errors = await errorsFor(VALID.replace('span: [0, 27]', 'span: [0, 0]'), { 'seeds/a.txt': bytes });
    expect(errors[0]).toMatchObject({ ruleId, reason });
  });

  it('refuses an unreadable source (as root too, without its power to pass over permissions)', async () => {
    const root = makeWorkspace({ 'claims.yaml': VALID, 'seeds/a.txt': SOURCE });
    chmodSync(path.join(root, 'seeds/a.txt'), 0o000);
    const errors = await errorsOfUnreadable(root);
    chmodSync(path.join(root, 'seeds/a.txt'), 0o644);
    expect(errors[0]).toMatchObject({
      ruleId: 'file-unreadable',
      reason: 'source "bbc": seeds/a.txt cannot be read (permission denied)',
      note: 'Give the current user read permission (chmod a+r).',
      place: { start: { line: 4, column: 11 } },
    });
  });

  it('strips a UTF-8 BOM so that offsets count from the first character', async () => {
    const root = makeWorkspace({ 'claims.yaml': VALID, 'seeds/a.txt': `\ufeff${SOURCE}` });
    const result = await loadIn(root);
    expect(result.errors).toEqual([]);
    expect(result.value!.sources.get('bbc')!.text.slice([0, 27])).toBe('The account has been locked');
  });

  it('refuses a claims.yaml that is too large', async () => {
    const root = makeWorkspace({ 'claims.yaml': `${VALID}#${'x'.repeat(2000)}\n`, 'seeds/a.txt': SOURCE });
    const { loadWorkspace } = await import('../src/index.js');
    const result = await loadWorkspace('claims.yaml', { cwd: root, maxClaimsBytes: 1000 });
    expect(result.errors[0]).toMatchObject({ ruleId: 'file-too-large' });
    expect(result.errors[0]!.reason).toMatch(/^claims\.yaml is 2\.\d KiB, over the limit of 1000 B$/);
  });

  it('writes the path relative to the current directory in messages', async () => {
    const root = makeWorkspace({ 'sub/claims.yaml': VALID.replace('- source: bbc', '- source: x'), 'sub/seeds/a.txt': SOURCE });
    const result = await loadIn(root, 'sub/claims.yaml');
    expect(result.errors[0]!.file).toBe('sub/claims.yaml');
    writeFileSync(path.join(root, 'unused'), '');
  });
});

describe('regexProblem: exclude patterns', () => {
  it('accepts plain strings and safe regular expressions', async () => {
    const { regexProblem } = await import('../src/index.js');
    for (const safe of ['Read Entire Article', '/^Image source.*$/m', '/^(Image|Photo) source, [A-Z]\\w+/', '/(?:ab)+c*/', '/[(]+x/']) expect(regexProblem(safe)).toBeUndefined();
  });

  it('refuses a pattern that does not compile', async () => {
    const { regexProblem } = await import('../src/index.js');
    expect(regexProblem('/(unclosed/')).toMatch(/^is not a valid regular expression: .*Unterminated group/);
  });

  it('refuses nested repetition, which can backtrack for ever', async () => {
    const { regexProblem } = await import('../src/index.js');
    for (const slow of ['/(a+)+$/', '/(\\w+\\s?)*x/', '/((ab)*c)+/', '/(?:[a-z]+,){2,}$/', '/(\\d+)+/'])
      expect(regexProblem(slow), slow).toMatch(/^could run for ever: the group \(/);
  });
});

/**
 * The load errors of a workspace whose source has mode 000, read by someone that file permissions
 * stop. A user other than root is stopped as it is. Root passes over permissions through two
 * capabilities (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): the load then runs in a child process that
 * setpriv starts without them, still root, so that it reaches the checkout and the workspace
 * wherever they are (even under a folder only root may enter), from the built package. Where no
 * capability can be dropped, the refusal the system would give is injected into the file read.
 */
async function errorsOfUnreadable(root: string): Promise<readonly { ruleId: string }[]> {
  if (process.getuid?.() !== 0) return (await loadIn(root)).errors;
  const entry = pathToFileURL(fileURLToPath(new URL('../dist/index.js', import.meta.url))).href;
  const script = `const { loadWorkspace } = await import(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify((await loadWorkspace('claims.yaml', { cwd: process.cwd() })).errors));`;
  const child = spawnSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (child.status === 0) return JSON.parse(child.stdout) as { ruleId: string }[];
  const readFile = fs.promises.readFile.bind(fs.promises);
  const source = path.join(root, 'seeds/a.txt');
  const spy = vi.spyOn(fs.promises, 'readFile').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) =>
    path.resolve(String(file)) === source
      ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${source}'`), { code: 'EACCES' }))
      : (readFile as (...args: unknown[]) => Promise<Buffer>)(file, ...rest)) as typeof fs.promises.readFile);
  try {
    return (await loadIn(root)).errors;
  } finally {
    spy.mockRestore();
  }
}

describe('loadWorkspace: many sources', () => {
  it('reads them concurrently, yet keeps the order claims.yaml declares them in, and reports each unreadable one at its path', async () => {
    const count = 60;
    // Sizes that finish out of order: the later sources are the smaller ones.
    const files: Record<string, string> = {};
    const lines = ['version: 1', 'sources:'];
    for (let i = 0; i < count; i++) {
      lines.push(`  s${i}:`, `    path: seeds/s${i}.txt`);
      if (i % 7 !== 3) files[`seeds/s${i}.txt`] = `Source ${i}. `.repeat((count - i) * 200);
    }
    lines.push('claims: []');
    const root = makeWorkspace({ 'claims.yaml': `${lines.join('\n')}\n`, ...files });
    const loaded = await loadIn(root);
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => i % 7 === 3);
    expect(loaded.errors.map((e) => [e.ruleId, e.source, e.place?.start.line])).toEqual(missing.map((i) => ['file-not-found', `s${i}`, 4 + 2 * i]));
    const partial = await loadIn(makeWorkspace({ 'claims.yaml': `${lines.join('\n')}\n`, ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`seeds/s${i}.txt`, `Source ${i}. `.repeat((count - i) * 200)])) }));
    expect([...partial.value!.sources.keys()]).toEqual(Array.from({ length: count }, (_, i) => `s${i}`));
    expect(partial.value!.sources.get('s5')!.text.text.startsWith('Source 5. ')).toBe(true);
  });
});
