import { describe, expect, it } from 'vitest';
import type { Message } from '@factcheck/core';
import { formatStylish } from '../src/index.js';

describe('formatStylish on a very large check', () => {
  it('prints 250,000 messages of one file (too many to spread into one call)', () => {
    const messages: Message[] = Array.from({ length: 250_000 }, (_, i) => ({
      ruleId: 'unpinned-span',
      severity: 'warning',
      reason: 'quote is not pinned',
      file: 'claims.yaml',
      place: { start: { line: i + 1, column: 7, offset: i * 40 }, end: { line: i + 1, column: 20, offset: i * 40 + 13 } },
      claimId: `claim-${i}`,
    }));
    const lines = formatStylish(messages).split('\n');
    expect(lines[0]).toBe('claims.yaml');
    expect(lines[1]).toBe('       1:7  warning  quote is not pinned  unpinned-span  (claim-0)');
    expect(lines[250_000]).toBe('  250000:7  warning  quote is not pinned  unpinned-span  (claim-249999)');
  });
});
