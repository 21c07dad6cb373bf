import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acquireLock } from '@factcheck/edit';
import { updateCommand } from '../src/commands/update.js';
import { binPath, fakeIo, isPureInsertion, makeWorkspace, read, removeTempDirs } from './fixtures/edit-workspace.js';

afterAll(removeTempDirs);

const SOURCE = 'Intro line.\nThe account has been locked, and content deleted.\nA second line.\n';
const CLAIMS = `version: 1
sources:
  bbc:
    path: a.txt
claims:
  - id: account-locked
    claim: The account was locked.
    verdict: supported
    evidence:
      - source: bbc
        quote: The account has been locked
        span: [0, 27]
`;

describe('concurrent writers', () => {
  it('update is refused while the lock is held, naming the lock file, and writes nothing', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const held = await acquireLock(path.join(root, 'claims.yaml'), { command: 'factcheck add' });
    if (!held.ok) throw new Error('no lock');
    const io = fakeIo(root);
    expect(await updateCommand([], io)).toBe(2);
    expect(io.err()).toContain('.claims.yaml.lock');
    expect(io.err()).toMatch(/claims\.yaml is being written by another process \(pid \d+ .*factcheck add/);
    expect(io.err()).toMatch(/If no factcheck is running, delete \.claims\.yaml\.lock/);
    expect(read(root)).toBe(CLAIMS);
    await held.lock.release();
    const again = fakeIo(root);
    expect(await updateCommand([], again)).toBe(0);
    expect(read(root)).toBe(CLAIMS.replace('[0, 27]', '[12, 39]'));
  });

  it('several `factcheck add` processes at once: each is written whole or refused, never interleaved', async () => {
    const root = makeWorkspace({ 'claims.yaml': CLAIMS, 'a.txt': SOURCE });
    const quotes = ['Intro line.', 'content deleted', 'A second line.', 'and content'];
    const runs = await Promise.all(
      quotes.map(
        (quote, i) =>
          new Promise<{ code: number | null; out: string; err: string; id: string }>((resolve) => {
            const id = `claim-${i}`;
            const child = spawn(process.execPath, [binPath, 'add', '--source', 'bbc', '--quote', quote, '--claim', `Claim ${i}.`, '--id', id], { cwd: root, env: { ...process.env, CI: '' } });
            let out = '';
            let err = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (err += d));
            child.on('close', (code) => resolve({ code, out, err, id }));
          }),
      ),
    );
    const written = runs.filter((r) => r.code === 0);
    expect(written.length).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((r) => r.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is being written by another process|changed on disk while add ran/);
    }
    const text = read(root);
    expect(text.startsWith(CLAIMS)).toBe(true);
    const ids = (parse(text).claims as { id: string }[]).map((c) => c.id);
    expect(ids.slice(1).sort()).toEqual(written.map((r) => r.id).sort());
    expect(isPureInsertion(CLAIMS, text)).toBe(true);
    expect(existsSync(path.join(root, '.claims.yaml.lock'))).toBe(false);
  }, 60_000);
});
