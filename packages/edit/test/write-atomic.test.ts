import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStrayTemps, tempPattern, writeFileAtomic } from '../src/atomic-write.js';
import { commitClaimsText, encodeClaimsText, isCi, locateClaims, readClaimsFile, restoreClaimsFile } from '../src/claims-file.js';
import { removeTempDirs, tempDir } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

/** The pid of a process that has exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('writeFileAtomic', () => {
  it('replaces the file, keeps its mode, and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'claims.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o600);
    const outcome = await writeFileAtomic(file, Buffer.from('new content\n'));
    expect(outcome).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe('new content\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['claims.yaml']);
  });

  it('refuses to replace a file that changed since it was read (no lost update), and cleans up', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'claims.yaml');
    writeFileSync(file, 'edited by someone else\n');
    const outcome = await writeFileAtomic(file, Buffer.from('mine\n'), { expected: Buffer.from('what I read\n') });
    expect(outcome).toMatchObject({ ok: false, kind: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('edited by someone else\n');
    expect(readdirSync(dir)).toEqual(['claims.yaml']);
  });

  it('reports a failure as a message, without throwing', async () => {
    const outcome = await writeFileAtomic(path.join(tempDir(), 'missing-folder', 'claims.yaml'), Buffer.from('x'));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.message).toMatch(/could not write claims\.yaml \(ENOENT/);
  });

  it('removes stray temporary files of dead writers only', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'claims.yaml');
    writeFileSync(file, 'x');
    const dead = `.claims.yaml.${deadPid()}.0a1b2c.tmp`;
    const mine = `.claims.yaml.${process.pid}.0a1b2c.tmp`;
    const other = '.other.yaml.1.0a1b2c.tmp';
    for (const name of [dead, mine, other]) writeFileSync(path.join(dir, name), 'partial');
    expect(tempPattern(file).test(dead)).toBe(true);
    expect(await removeStrayTemps(file)).toEqual([dead]);
    expect(readdirSync(dir).sort()).toEqual([mine, other, 'claims.yaml'].sort());
  });
});

describe('the claims file', () => {
  it('keeps a byte order mark, with the text (and its offsets) after it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'claims.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('version: 1\n')]));
    const read = await readClaimsFile(file, 'claims.yaml');
    expect('problem' in read).toBe(false);
    if ('problem' in read) return;
    expect(read.bom).toBe(true);
    expect(read.text).toBe('version: 1\n');
    expect(encodeClaimsText(read, 'version: 1\n# more\n').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await commitClaimsText(read, 'version: 1\n# more\n')).toEqual({ ok: true });
    expect(readFileSync(file)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('version: 1\n# more\n')]));
  });

  it('writes through a symlink to the real file, leaving the link a link', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'real.yaml'), 'a: 1\n');
    symlinkSync('real.yaml', path.join(dir, 'claims.yaml'));
    const where = await locateClaims(dir, 'claims.yaml');
    expect(where.real).toBe(path.join(dir, 'real.yaml'));
    const read = await readClaimsFile(where.real!, where.shown);
    if ('problem' in read) throw new Error(read.problem);
    expect(await commitClaimsText(read, 'a: 2\n')).toEqual({ ok: true });
    expect(lstatSync(path.join(dir, 'claims.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'claims.yaml'), 'utf8')).toBe('a: 2\n');
  });

  it('refuses a file that is not UTF-8, saying how to fix it', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    const read = await readClaimsFile(file, 'claims.yaml');
    expect(read).toEqual({ problem: expect.stringMatching(/UTF-16.*iconv/) });
  });

  it('refuses to replace a read-only claims.yaml', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    writeFileSync(file, 'a: 1\n');
    chmodSync(file, 0o444);
    const read = await readClaimsFile(file, 'claims.yaml');
    if ('problem' in read) throw new Error(read.problem);
    expect(await commitClaimsText(read, 'a: 2\n')).toEqual({ ok: false, kind: 'error', message: 'claims.yaml is read-only (mode 0444); make it writable (chmod u+w claims.yaml)' });
    expect(readFileSync(file, 'utf8')).toBe('a: 1\n');
  });

  it('restores the original bytes only over what it wrote itself', async () => {
    const file = path.join(tempDir(), 'claims.yaml');
    writeFileSync(file, 'original\n');
    const read = await readClaimsFile(file, 'claims.yaml');
    if ('problem' in read) throw new Error(read.problem);
    expect(await commitClaimsText(read, 'written\n')).toEqual({ ok: true });
    expect(await restoreClaimsFile(read, Buffer.from('written\n'))).toEqual({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe('original\n');
    writeFileSync(file, 'someone else\n');
    expect(await restoreClaimsFile(read, Buffer.from('written\n'))).toMatchObject({ ok: false, kind: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('someone else\n');
  });

  it('reads CI from the environment', () => {
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '0' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
