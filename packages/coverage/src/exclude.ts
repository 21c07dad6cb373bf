import type { SourceText, Span } from '@factcheck/core';
import { mergeSpans } from './spans.js';

/** A boilerplate pattern, ready to run: a literal string or a global regular expression. */
export type ExcludeMatcher = { literal: string } | { regex: RegExp };

// The same rule as the loader: a pattern written /…/flags is a regular expression.
const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;

/**
 * Compiles one `exclude` pattern. Plain strings match literally and case-sensitively; `/…/flags`
 * strings are regular expressions, always run with the `g` flag. Returns undefined for a pattern
 * that cannot match anything (an empty string, or an invalid regular expression, which the loader
 * reports; coverage skips it rather than throwing).
 */
export function compileExcludePattern(pattern: string): ExcludeMatcher | undefined {
  const parsed = REGEX_FORM.exec(pattern);
  if (!parsed) return pattern.length > 0 ? { literal: pattern } : undefined;
  const flags = parsed[2]!;
  try {
    return { regex: new RegExp(parsed[1]!, flags.includes('g') ? flags : `${flags}g`) };
  } catch {
    return undefined;
  }
}

/** UTF-16 spans of every match of one matcher. Literal matches may overlap. */
function matchUnits(s: string, matcher: ExcludeMatcher): Span[] {
  const out: Span[] = [];
  if ('literal' in matcher) {
    const { literal } = matcher;
    for (let at = s.indexOf(literal); at !== -1; at = s.indexOf(literal, at + 1)) out.push([at, at + literal.length]);
    return out;
  }
  const re = matcher.regex;
  re.lastIndex = 0;
  // The v flag (unicodeSets) also matches by code point.
  const unicode = re.unicode || re.flags.includes('v');
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      // A zero-length match excludes nothing; step past it so the loop always advances.
      re.lastIndex = stepForward(s, m.index, unicode);
      if (re.lastIndex > s.length) break;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function stepForward(s: string, at: number, unicode: boolean): number {
  if (unicode) {
    const c = s.charCodeAt(at);
    const d = s.charCodeAt(at + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) return at + 2;
  }
  return at + 1;
}

/**
 * The parts of a source matched by its `exclude` patterns, as sorted, merged code point spans.
 * Patterns that do not compile are skipped.
 */
export function excludedRanges(text: SourceText, patterns: readonly string[]): Span[] {
  const units: Span[] = [];
  for (const pattern of patterns) {
    const matcher = compileExcludePattern(pattern);
    if (matcher) units.push(...matchUnits(text.text, matcher));
  }
  return mergeSpans(units).map(([start, end]) => text.codePointSpan(start, end));
}
