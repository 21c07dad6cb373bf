import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readClaims, workspaceDir } from '@factcheck/test-fixtures';
import { toJsonSchema } from '../src/index.js';

describe('claims.schema.json', () => {
  it('is generated from the validator spec (run `pnpm --filter @factcheck/core schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../claims.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(toJsonSchema());
  });

  it('is named on the first line of the fixture claims.yaml, by a path that leads to it', () => {
    const first = readClaims().split('\n')[0]!;
    const named = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
    expect(named).toBeDefined();
    expect(path.resolve(workspaceDir, named!)).toBe(fileURLToPath(new URL('../claims.schema.json', import.meta.url)));
  });

  it('closes every object, so that editors flag unknown keys', () => {
    const schema = toJsonSchema() as { additionalProperties: boolean; properties: Record<string, { items?: { additionalProperties?: boolean } }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.claims!.items!.additionalProperties).toBe(false);
  });
});
