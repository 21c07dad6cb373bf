// The shape every cache file shares: a header line with the body's checksum, then the body.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFingerprint, readStampedFile, writeStampedFile } from '../src/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'factcheck-cache-file-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('stamped cache files', () => {
  it('read back what was written, header and body, and leave no temporary file', async () => {
    const file = path.join(root, 'a.json');
    expect(await writeStampedFile(file, { format: 'x 1', key: 'k' }, '{"n":1}')).toBe(true);
    expect(await readStampedFile(file)).toEqual({ header: { format: 'x 1', key: 'k' }, body: '{"n":1}' });
    expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['a changed body', (text: string) => text.replace('{"n":1}', '{"n":2}')],
    ['a body cut short', (text: string) => text.slice(0, -2)],
    ['no header line', () => '{"n":1}'],
    ['a header that is not JSON', (text: string) => `x${text}`],
    ['a header that is a list', () => '[1]\n{"n":1}'],
  ])('are not trusted with %s', async (_name, damage) => {
    const file = path.join(root, 'b.json');
    await writeStampedFile(file, { format: 'x 1' }, '{"n":1}');
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(await readStampedFile(file)).toBeUndefined();
  });

  it('are undefined when missing, and not written into a folder that is not there', async () => {
    expect(await readStampedFile(path.join(root, 'none.json'))).toBeUndefined();
    expect(await writeStampedFile(path.join(root, 'no-folder', 'c.json'), {}, '')).toBe(false);
  });
});

describe('buildFingerprint', () => {
  it('changes when a JavaScript file of the build changes, and only then', () => {
    const build = path.join(root, 'build');
    mkdirSync(path.join(build, 'sub'), { recursive: true });
    writeFileSync(path.join(build, 'sub', 'a.js'), 'export {};\n');
    writeFileSync(path.join(build, 'notes.txt'), 'one');
    const before = buildFingerprint([build]);
    expect(buildFingerprint([build])).toBe(before);
    writeFileSync(path.join(build, 'notes.txt'), 'two, longer');
    expect(buildFingerprint([build])).toBe(before);
    writeFileSync(path.join(build, 'sub', 'a.js'), 'export const a = 1;\n');
    expect(buildFingerprint([build])).not.toBe(before);
    const after = buildFingerprint([build]);
    utimesSync(path.join(build, 'sub', 'a.js'), new Date(0), new Date(0));
    expect(buildFingerprint([build])).not.toBe(after);
  });
});
