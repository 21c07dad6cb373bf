// A full disk (ENOSPC, or EDQUOT for a used-up quota), injected in-process: update and add say
// that the disk is full and where, that claims.yaml was left unchanged, and leave no lock or
// temporary file behind.
import * as fs from 'node:fs';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { addCommand } from '../src/commands/add.js';
import { updateCommand } from '../src/commands/update.js';
import { fakeIo, readBytes, removeTempDirs, tempDir } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);
afterEach(() => vi.restoreAllMocks());

const SOURCE = 'An opening line put before the rest.\nThe committee met on Monday. It published its report on Friday.\n';
const QUOTE = 'It published its report on Friday.';

/** A workspace in `folder` whose one quote moved (update pins it), plus a second sentence free for add. */
function workspace(folder = ''): string {
  const root = tempDir();
  const quoteAt = SOURCE.indexOf(QUOTE) - 10;
  const claims = `version: 1\nsources:\n  notes:\n    path: seeds/notes.txt\nclaims:\n  - id: report-published\n    claim: The report came out on Friday.\n    verdict: supported\n    evidence:\n      - source: notes\n        quote: "${QUOTE}"\n        span: [${quoteAt}, ${quoteAt + QUOTE.length}]\n`;
  const dir = path.join(root, folder);
  fs.mkdirSync(path.join(dir, 'seeds'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'seeds', 'notes.txt'), SOURCE);
  fs.writeFileSync(path.join(dir, 'claims.yaml'), claims);
  return root;
}

/** Files beside claims.yaml other than the workspace's own: locks, temporary files. */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name !== 'claims.yaml' && name !== 'seeds');

/**
 * Every file whose name matches `name` is opened as usual, but writing to it fails with `code`
 * (the disk filled up after the file was created, as it does).
 */
function failWritesTo(name: RegExp, code: 'ENOSPC' | 'EDQUOT' = 'ENOSPC'): void {
  const open = fs.promises.open.bind(fs.promises);
  vi.spyOn(fs.promises, 'open').mockImplementation((async (file: fs.PathLike, ...rest: unknown[]) => {
    const handle = await (open as (...args: unknown[]) => Promise<fs.promises.FileHandle>)(file, ...rest);
    if (name.test(path.basename(String(file)))) {
      handle.writeFile = () => Promise.reject(Object.assign(new Error(`${code}: no space left on device, write`), { code, syscall: 'write' }));
    }
    return handle;
  }) as typeof fs.promises.open);
}

const TEMP = /^\.claims\.yaml\.\d+\.[0-9a-f]+\.tmp$/;

describe('update on a full disk', () => {
  it('says the disk is full, where, and that claims.yaml is unchanged; nothing is left behind', async () => {
    const root = workspace();
    const before = readBytes(root);
    failWritesTo(TEMP);
    const io = fakeIo(root);
    const code = await updateCommand([], io);
    expect(io.err()).toBe(
      'update: the disk is full (ENOSPC): claims.yaml could not be written in ./; claims.yaml was left unchanged.\n' +
        'Free some space on the disk that holds ./, then run `factcheck update` again.\n',
    );
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(readBytes(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('names the folder of claims.yaml, relative to the current folder', async () => {
    const root = workspace(path.join('fact', 'checks'));
    const dir = path.join(root, 'fact', 'checks');
    const before = fs.readFileSync(path.join(dir, 'claims.yaml'));
    failWritesTo(TEMP, 'EDQUOT');
    const io = fakeIo(root);
    const code = await updateCommand(['--claims', 'fact/checks/claims.yaml'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('update: the disk quota is used up (EDQUOT): claims.yaml could not be written in fact/checks/; claims.yaml was left unchanged.');
    expect(io.err()).toContain('Free some space on the disk that holds fact/checks/');
    expect(fs.readFileSync(path.join(dir, 'claims.yaml'))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a lock file that cannot be written is removed, with the same message', async () => {
    const root = workspace();
    const before = readBytes(root);
    failWritesTo(/^\.claims\.yaml\.lock$/);
    const io = fakeIo(root);
    const code = await updateCommand([], io);
    expect(code).toBe(2);
    expect(io.err()).toBe(
      'update: the disk is full (ENOSPC): .claims.yaml.lock could not be written in ./; claims.yaml was left unchanged.\n' +
        'Free some space on the disk that holds ./, then run `factcheck update` again.\n',
    );
    expect(readBytes(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
    // Once there is room again, update works at once: no stale lock is in the way.
    vi.restoreAllMocks();
    const again = fakeIo(root);
    expect(await updateCommand([], again)).toBe(0);
    expect(readBytes(root).equals(before)).toBe(false);
  });
});

describe('add on a full disk', () => {
  it('says the disk is full, where, and that claims.yaml is unchanged; nothing is left behind', async () => {
    const root = workspace();
    const before = readBytes(root);
    failWritesTo(TEMP);
    const io = fakeIo(root);
    const code = await addCommand(['--source', 'notes', '--quote', 'The committee met on Monday.', '--claim', 'The committee met on Monday.'], io);
    expect(io.err()).toBe(
      'add: the disk is full (ENOSPC): claims.yaml could not be written in ./; claims.yaml was left unchanged.\n' +
        'Free some space on the disk that holds ./, then run `factcheck add` again.\n',
    );
    expect(code).toBe(2);
    expect(readBytes(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });
});
