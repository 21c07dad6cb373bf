import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { publicApi } from '../src/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'factcheck-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entryWith(files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return path.join(dir, 'index.ts');
}

describe('publicApi', () => {
  it('sorts re-exported names into values and types', () => {
    const entry = entryWith({
      'parts.ts': [
        'export function check(): void {}',
        'export const LIMIT = 3;',
        'export class Finder {}',
        'export enum Mode { A }',
        'export interface Options { a: number }',
        'export type Status = "ok" | "bad";',
        'export function hidden(): void {}',
      ].join('\n'),
      'index.ts': "export { check, LIMIT, Finder, Mode } from './parts.js';\nexport type { Options, Status } from './parts.js';\n",
    });
    expect(publicApi(entry)).toEqual({ values: ['Finder', 'LIMIT', 'Mode', 'check'], types: ['Options', 'Status'] });
  });

  it('counts a name declared both as a value and as a type as a value', () => {
    const entry = entryWith({ 'index.ts': 'export const Verdicts = ["a"] as const;\nexport type Verdicts = (typeof Verdicts)[number];\n' });
    expect(publicApi(entry)).toEqual({ values: ['Verdicts'], types: [] });
  });

  it('reads its own entry', () => {
    expect(publicApi(fileURLToPath(new URL('../src/index.ts', import.meta.url)))).toEqual({ values: ['publicApi'], types: ['PublicApi'] });
  });
});

describe('publicApi reads the syntax', () => {
  it('sorts names marked type one by one, and takes the exported name of an alias', () => {
    const entry = entryWith({ 'index.ts': "export { type Options, check as run, LIMIT } from './parts.js';\nexport { type Status as State } from './parts.js';\n" });
    expect(publicApi(entry)).toEqual({ values: ['LIMIT', 'run'], types: ['Options', 'State'] });
  });

  it('reads the entry again when it changes', () => {
    const entry = entryWith({ 'index.ts': "export { check } from './parts.js';\n" });
    expect(publicApi(entry).values).toEqual(['check']);
    entryWith({ 'index.ts': "export { check, LIMIT } from './parts.js';\n" });
    expect(publicApi(entry).values).toEqual(['LIMIT', 'check']);
  });

  it('refuses `export *`, whose names are not listed, saying what to write instead', () => {
    const entry = entryWith({ 'index.ts': "export * from './parts.js';\n" });
    expect(() => publicApi(entry)).toThrow(/index\.ts: `export \* from '\.\/parts\.js';` exports names that are not listed; list each name instead/);
  });

  it('reads the entries of the packages of this repository, each of which lists its names', () => {
    const packages = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
    for (const name of ['core', 'check', 'edit', 'vitest']) {
      const surface = publicApi(path.join(packages, name, 'src/index.ts'));
      expect(surface.values.length + surface.types.length).toBeGreaterThan(0);
    }
  });
});
