import type { ExcludePattern, SourceText, Span } from '@factcheck/core';
import { mergeSpans } from './spans.js';

/** UTF-16 spans of every match of one pattern. Literal matches may overlap. */
function matchUnits(s: string, pattern: ExcludePattern): Span[] {
  const out: Span[] = [];
  if (pattern.kind === 'literal') {
    const literal = pattern.text;
    // An empty string would match between every two characters and exclude nothing.
    if (literal.length === 0) return out;
    for (let at = s.indexOf(literal); at !== -1; at = s.indexOf(literal, at + 1)) out.push([at, at + literal.length]);
    return out;
  }
  // The loader compiles every pattern with the g flag; one built by hand without it runs as a copy that has it.
  const re = pattern.regex.global ? pattern.regex : new RegExp(pattern.regex, `${pattern.regex.flags}g`);
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
 * The parts of a source matched by its `exclude` patterns (as the loader read them: a literal
 * string, or a regular expression), as sorted, merged code point spans.
 */
export function excludedRanges(text: SourceText, patterns: readonly ExcludePattern[]): Span[] {
  const units: Span[] = [];
  for (const pattern of patterns) {
    // One by one: a pattern may match a million times, too many arguments for push(...matches).
    for (const unit of matchUnits(text.text, pattern)) units.push(unit);
  }
  return mergeSpans(units).map(([start, end]) => text.codePointSpan(start, end));
}
