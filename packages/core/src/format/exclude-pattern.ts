// The `exclude` patterns of a source: plain strings match literally, strings written /pattern/flags
// are regular expressions. They are read here, once, when claims.yaml is loaded; coverage and the
// report run the patterns as read.
import type { RuleId } from '../rules.js';

/** A boilerplate pattern, ready to run. */
export type ExcludePattern =
  | { kind: 'literal'; text: string }
  /** Compiled with the `g` flag (added when not written), so that it finds every match. */
  | { kind: 'regex'; regex: RegExp };

/** What reading a text gives: its value, or why it has none (placed and worded by the reader). */
export type TextReading<T> = { value: T } | { problem: { ruleId: RuleId; reason: string; note: string } };

const REGEX_FORM = /^\/(.*)\/([a-z]*)$/s;

const PATTERN_NOTE = 'Fix the pattern (repeat a group or its content, not both), or write it without the surrounding slashes to match it literally.';

/**
 * Reads one `exclude` entry. A regular expression must compile and be safe to run: JavaScript
 * cannot stop a running regular expression, so a pattern that can backtrack for ever (a repeated
 * group that itself repeats, as in `(a+)+`) is refused here rather than left to hang.
 */
export function readExcludePattern(pattern: string): TextReading<ExcludePattern> {
  const parsed = REGEX_FORM.exec(pattern);
  if (!parsed) return { value: { kind: 'literal', text: pattern } };
  const [, body, flags] = parsed as unknown as [string, string, string];
  let regex: RegExp;
  try {
    regex = new RegExp(body, flags.includes('g') ? flags : `${flags}g`);
  } catch (error) {
    // The engine names the flags in its complaint: show the ones written, not the `g` added.
    const complaint = compileError(body, flags) ?? engineMessage(error);
    return { problem: { ruleId: 'invalid-pattern', reason: `is not a valid regular expression: ${complaint}`, note: PATTERN_NOTE } };
  }
  const nested = nestedRepetition(body);
  if (nested !== undefined) {
    return {
      problem: {
        ruleId: 'invalid-pattern',
        reason: `could run for ever: the group ${nested} repeats, and so does something inside it, which can take exponential time on some texts`,
        note: PATTERN_NOTE,
      },
    };
  }
  return { value: { kind: 'regex', regex } };
}

/** The engine's complaint about a pattern with the flags as written, if it has one. */
function compileError(body: string, flags: string): string | undefined {
  try {
    new RegExp(body, flags);
    return undefined;
  } catch (error) {
    return engineMessage(error);
  }
}

function engineMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '');
}

/** Why a pattern written /…/flags cannot be used, or undefined when it can (plain strings always can). */
export function regexProblem(pattern: string): string | undefined {
  const reading = readExcludePattern(pattern);
  return 'problem' in reading ? reading.problem.reason : undefined;
}

/** Unbounded repetition right at `at`: `*`, `+` or `{n,}`. */
function repeatsAt(source: string, at: number): boolean {
  const c = source[at];
  return c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(at)));
}

/** The first group that repeats without bound and holds an unbounded repetition, as written. */
export function nestedRepetition(source: string): string | undefined {
  const open: { start: number; repeats: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      if (!inClass && repeatsAt(source, i + 1) && open.length > 0) open[open.length - 1]!.repeats = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        if (repeatsAt(source, i + 1) && open.length > 0) open[open.length - 1]!.repeats = true;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') open.push({ start: i, repeats: false });
    else if (c === ')') {
      const group = open.pop();
      if (!group) continue;
      const groupRepeats = repeatsAt(source, i + 1);
      if (groupRepeats && group.repeats) return source.slice(group.start, i + 2);
      if ((groupRepeats || group.repeats) && open.length > 0) open[open.length - 1]!.repeats = true;
    } else if (repeatsAt(source, i) && open.length > 0 && source[i - 1] !== '(') open[open.length - 1]!.repeats = true;
  }
  return undefined;
}
