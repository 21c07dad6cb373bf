// The icon of each verdict, as the stylesheet draws it, is the one both READMEs tell readers to look for.
import { readFileSync } from 'node:fs';
import { VERDICTS } from '@factcheck/core';
import { describe, expect, it } from 'vitest';
import { REPORT_CSS } from '../src/html/assets/css.js';

const ROOT_README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const PACKAGE_README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

function iconOf(verdict: string): string | undefined {
  return new RegExp(`\\.v-${verdict} \\{[^}]*--vi: "([^"]+)";`).exec(REPORT_CSS)?.[1];
}

describe('the verdict cues', () => {
  const cues = [...VERDICTS, 'mixed'];

  it('give every verdict, and mixed, an icon of its own', () => {
    const icons = cues.map(iconOf);
    expect(icons.every((i) => i !== undefined)).toBe(true);
    expect(new Set(icons).size).toBe(cues.length);
  });

  it('are the ones the READMEs explain', () => {
    for (const verdict of cues) {
      const icon = iconOf(verdict)!.replace(/[?*+.]/g, '\\$&');
      expect(ROOT_README, verdict).toMatch(new RegExp(`${icon}\\s+[a-z]+\\s+(\`|\\*\\*)${verdict}(\`|\\*\\*)`));
      expect(PACKAGE_README, verdict).toMatch(new RegExp(`${icon}\\s+[a-z]+\\s+${verdict}`));
    }
  });
});
