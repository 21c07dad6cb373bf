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
