// A full disk (ENOSPC), injected in-process: the atomic writer returns the system error code and
// leaves the file as it was, with no temporary file beside it.
import * as fs from 'node:fs';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../src/atomic-write.js';
import { makeWorkspace, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);
afterEach(() => vi.restoreAllMocks());

/**
 * Every file whose name matches `name` is opened as usual, but writing to it fails with ENOSPC
 * (the disk filled up after the file was created, as it does).
 */
function failWritesTo(name: RegExp): void {
  const open = fs.promises.open.bind(fs.promises);
  vi.spyOn(fs.promises, 'open').mockImplementation((async (file: fs.PathLike, ...rest: unknown[]) => {
    const handle = await (open as (...args: unknown[]) => Promise<fs.promises.FileHandle>)(file, ...rest);
    if (name.test(path.basename(String(file)))) {
      handle.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
    }
    return handle;
  }) as typeof fs.promises.open);
}

const TEMP = /^\.claims\.yaml\.\d+\.[0-9a-f]+\.tmp$/;

describe('writeFileAtomic on a full disk', () => {
  it('returns the system error code, leaves the file as it was and no temporary file', async () => {
    const dir = makeWorkspace({ 'claims.yaml': 'old\n' });
    failWritesTo(TEMP);
    const outcome = await writeFileAtomic(path.join(dir, 'claims.yaml'), Buffer.from('new\n'));
    expect(outcome).toMatchObject({ ok: false, kind: 'error', code: 'ENOSPC' });
    expect(fs.readFileSync(path.join(dir, 'claims.yaml'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['claims.yaml']);
  });
});
