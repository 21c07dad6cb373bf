// The walk's readers of single values: strings (with their patterns, choices and readings),
// numbers, booleans and dates. Each reports what is wrong at the node and returns the typed value
// only when the node is valid.
import { parseDateInterval, type TimeScope } from '../dates.js';
import { createMessage, showValue, suggest } from '../messages.js';
import type { Place } from '../types.js';
import type { BooleanSpec, DateSpec, NumberSpec, StringSpec } from './spec.js';
import { describePath, INVALID, lastName, scalarValue, shapeFits, typeError, valid, writtenPath, type NodePath, type Outcome, type WalkContext } from './walk-context.js';

/** A surrogate code unit that is not part of a pair (the `u` flag reads pairs as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

const compiled = new Map<string, RegExp>();

/** The spec's patterns, compiled once each. */
export function patternOf(source: string): RegExp {
  let regex = compiled.get(source);
  if (!regex) compiled.set(source, (regex = new RegExp(source)));
  return regex;
}

export function readString(ctx: WalkContext, node: unknown, spec: StringSpec, path: NodePath, place: Place): Outcome {
  const value = scalarValue(node);
  if (typeof value !== 'string') return typeError(ctx, path, place, spec, node);
  const problem = loneSurrogate(value) ?? blank(spec, value) ?? notAChoice(spec, value, path) ?? patternMismatch(spec, value, path);
  if (problem) {
    ctx.errors.push(createMessage({ ...problem, reason: problem.reason(describePath(path)), file: ctx.file, place }));
    return INVALID;
  }
  if (!spec.read) return valid(value);
  const reading = spec.read(value);
  if ('value' in reading) return valid(reading.value);
  const { ruleId, reason, note } = reading.problem;
  ctx.errors.push(createMessage({ ruleId, reason: `${writtenPath(path)} ${reason}`, file: ctx.file, place, actual: value, note }));
  return INVALID;
}

/** A problem with a string's content, worded once the path is known. */
interface StringProblem {
  ruleId: 'invalid-text' | 'empty-value' | 'invalid-value';
  reason: (where: string) => string;
  actual?: string;
  expected?: string;
  note: string;
}

function loneSurrogate(value: string): StringProblem | undefined {
  const lone = LONE_SURROGATE.exec(value);
  if (!lone) return undefined;
  const unit = `\\u${lone[0].charCodeAt(0).toString(16).toUpperCase()}`;
  return {
    ruleId: 'invalid-text',
    reason: (where) => `${where} holds half of a UTF-16 surrogate pair (${unit}) on its own, which is not a character`,
    actual: unit,
    note: 'Source texts are UTF-8 and cannot contain it: remove the escape, or write the whole character (e.g. \\U0001F600, or the character itself).',
  };
}

function blank(spec: StringSpec, value: string): StringProblem | undefined {
  if (!spec.nonBlank || value.trim() !== '') return undefined;
  return { ruleId: 'empty-value', reason: (where) => `${where} is empty`, note: 'Give it some text, or remove the key.' };
}

function notAChoice(spec: StringSpec, value: string, path: NodePath): StringProblem | undefined {
  if (!spec.enum || spec.enum.includes(value)) return undefined;
  const hint = suggest(value, spec.enum);
  return {
    ruleId: 'invalid-value',
    reason: (where) => `${where} must be one of ${spec.enum!.join(', ')}, got ${showValue(value)}`,
    expected: spec.enum.join(' | '),
    actual: value,
    note: hint ? `Did you mean "${hint}"?` : `${lastName(path)}: ${spec.description}`,
  };
}

function patternMismatch(spec: StringSpec, value: string, path: NodePath): StringProblem | undefined {
  if (!spec.pattern || patternOf(spec.pattern).test(value)) return undefined;
  return {
    ruleId: 'invalid-value',
    reason: (where) => `${where} must be ${spec.patternHint ?? `like ${spec.pattern}`}, got ${showValue(value)}`,
    expected: spec.patternHint ?? spec.pattern,
    actual: value,
    note: `${lastName(path)}: ${spec.description}`,
  };
}

export function readNumber(ctx: WalkContext, node: unknown, spec: NumberSpec, path: NodePath, place: Place): Outcome<number> {
  const value = scalarValue(node);
  if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) return typeError(ctx, path, place, spec, node);
  if ((spec.minimum === undefined || value >= spec.minimum) && (spec.maximum === undefined || value <= spec.maximum)) return valid(value);
  const range = rangeText(spec.minimum, spec.maximum);
  ctx.errors.push(
    createMessage({
      ruleId: 'out-of-range',
      reason: `${describePath(path)} must be ${range}, got ${value}`,
      file: ctx.file,
      place,
      expected: range,
      actual: String(value),
      note: `${lastName(path)}: ${spec.description}`,
    }),
  );
  return INVALID;
}

function rangeText(minimum: number | undefined, maximum: number | undefined): string {
  if (minimum === maximum) return `${minimum}`;
  if (maximum === undefined) return `${minimum} or more`;
  if (minimum === undefined) return `${maximum} or less`;
  return `from ${minimum} to ${maximum}`;
}

export function readBoolean(ctx: WalkContext, node: unknown, spec: BooleanSpec, path: NodePath, place: Place): Outcome<boolean> {
  const value = scalarValue(node);
  return typeof value === 'boolean' ? valid(value) : typeError(ctx, path, place, spec, node);
}

/** A date, month or year, read as the interval of days it names, with its text as written. */
export function readDate(ctx: WalkContext, node: unknown, spec: DateSpec, path: NodePath, place: Place): Outcome<TimeScope> {
  if (!shapeFits(spec, node)) return typeError(ctx, path, place, spec, node);
  const value = scalarValue(node);
  const parsed = parseDateInterval(value);
  if (parsed.value) return valid({ ...parsed.value, text: String(value) });
  ctx.errors.push(
    createMessage({
      ruleId: 'invalid-date',
      reason: `${describePath(path)}: ${parsed.error}`,
      file: ctx.file,
      place,
      actual: showValue(value),
      expected: 'YYYY-MM-DD, YYYY-MM or YYYY',
      note: 'Write a date as YYYY-MM-DD (2022-08-03), a month as YYYY-MM (2022-08), or a year as YYYY (2022).',
    }),
  );
  return INVALID;
}
