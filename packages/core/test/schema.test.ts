import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../src/index.js';

describe('claims.schema.json', () => {
  it('is generated from the validator spec (run `pnpm --filter @factcheck/core schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync(new URL('../claims.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(toJsonSchema());
  });

  it('is named on the first line of the workspace claims.yaml', () => {
    const first = readFileSync(new URL('../../../claims.yaml', import.meta.url), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=./packages/core/claims.schema.json');
  });

  it('closes every object, so that editors flag unknown keys', () => {
    const schema = toJsonSchema() as { additionalProperties: boolean; properties: Record<string, { items?: { additionalProperties?: boolean } }> };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.claims!.items!.additionalProperties).toBe(false);
  });
});
