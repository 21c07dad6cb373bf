import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { parseDateInterval } from './dates.js';
import { createMessage, placeAt, showValue, suggest } from './messages.js';
import type { Spec } from './schema.js';
import type { Message, Place } from './types.js';

/** A path into the document, e.g. ['claims', 3, 'evidence', 0, 'span']. */
export type NodePath = readonly (string | number)[];

export interface ValidationContext {
  doc: Document;
  file: string;
  lineStarts: readonly number[];
  errors: Message[];
  /** Alias resolutions left before the document is treated as an alias bomb. */
  aliasBudget: number;
}

/** A surrogate code unit that is not part of a pair (the `u` flag reads pairs as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** Default cap on alias expansions while validating (the yaml library's own default is 100). */
export const MAX_ALIAS_EXPANSIONS = 100;

export function describePath(path: NodePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[\w-]{1,40}$/.test(part)) out += out ? `.${part}` : part;
    // A key that is not a plain word (spaces, dots, a whole paragraph) is shown quoted and short.
    else out += `[${showValue(part, 42)}]`;
  }
  return out || 'the document';
}

export function nodePlace(ctx: Pick<ValidationContext, 'lineStarts'>, node: YamlNode | null | undefined, fallback?: Place): Place {
  const range = node?.range;
  if (!range) return fallback ?? placeAt(ctx.lineStarts, 0);
  return placeAt(ctx.lineStarts, range[0], range[1]);
}

function resolve(ctx: ValidationContext, node: unknown, place: Place, path: NodePath): YamlNode | null | undefined | 'bomb' {
  let current = node;
  while (isAlias(current)) {
    if (--ctx.aliasBudget < 0) {
      if (ctx.aliasBudget === -1) {
        ctx.errors.push(
          createMessage({
            ruleId: 'yaml-alias-limit',
            reason: `too many alias expansions (more than ${MAX_ALIAS_EXPANSIONS}) at ${describePath(path)}: this looks like an alias bomb`,
            file: ctx.file,
            place,
            note: 'Write the values out, or use fewer *aliases.',
          }),
        );
      }
      return 'bomb';
    }
    current = current.resolve(ctx.doc);
  }
  return current as YamlNode | null | undefined;
}

/**
 * A node's value as a message shows it: a list as a list (with its length), a mapping as a
 * mapping, an empty value (`key:` with nothing after it) as nothing.
 */
export function receivedValue(node: unknown): unknown {
  if (isScalar(node)) return node.value === null && node.source === '' ? undefined : node.value;
  if (isSeq(node)) return node.items;
  if (isMap(node)) return {};
  return node ?? undefined;
}

function typeError(ctx: ValidationContext, path: NodePath, place: Place, spec: Spec, node: unknown): void {
  const expected = kindName(spec);
  const received = showValue(receivedValue(node));
  ctx.errors.push(
    createMessage({
      ruleId: 'invalid-type',
      reason: `${describePath(path)} must be ${expected}, got ${received}`,
      file: ctx.file,
      place,
      expected,
      actual: received,
      note: `${lastName(path)}: ${spec.description}`,
    }),
  );
}

/** The last named part of a path (`quote` for claims[0].evidence[1].quote), for notes. */
function lastName(path: NodePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'claims.yaml';
}

/** Whether a node has the YAML shape a spec asks for (before its value is checked). */
function shapeFits(spec: Spec, node: unknown): boolean {
  const value = isScalar(node) ? node.value : undefined;
  switch (spec.kind) {
    case 'object':
    case 'map':
      return isMap(node);
    case 'array':
      return isSeq(node);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' || typeof value === 'number';
    case 'oneOf':
      return spec.options.some((option) => shapeFits(option, node));
  }
}

function kindName(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.enum ? `one of ${spec.enum.join(', ')}` : 'a string';
    case 'number':
      return spec.integer ? 'an integer' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'map':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'date':
      return 'a date (YYYY-MM-DD, YYYY-MM or YYYY)';
    case 'oneOf':
      return spec.options.map(kindName).join(' or ');
  }
}

/** Validates a node against its spec, pushing every problem found; returns whether it is valid. */
export function validateNode(ctx: ValidationContext, raw: unknown, spec: Spec, path: NodePath, parentPlace: Place): boolean {
  const resolved = resolve(ctx, raw, parentPlace, path);
  if (resolved === 'bomb') return false;
  const node = resolved;
  const place = nodePlace(ctx, node, parentPlace);
  switch (spec.kind) {
    case 'string': {
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'string') {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      const lone = LONE_SURROGATE.exec(value);
      if (lone) {
        const unit = `\\u${lone[0].charCodeAt(0).toString(16).toUpperCase()}`;
        ctx.errors.push(
          createMessage({
            ruleId: 'invalid-text',
            reason: `${describePath(path)} holds half of a UTF-16 surrogate pair (${unit}) on its own, which is not a character`,
            file: ctx.file,
            place,
            actual: unit,
            note: 'Source texts are UTF-8 and cannot contain it: remove the escape, or write the whole character (e.g. \\U0001F600, or the character itself).',
          }),
        );
        return false;
      }
      if (spec.nonBlank && value.trim() === '') {
        ctx.errors.push(
          createMessage({ ruleId: 'empty-value', reason: `${describePath(path)} is empty`, file: ctx.file, place, note: 'Give it some text, or remove the key.' }),
        );
        return false;
      }
      if (spec.enum && !spec.enum.includes(value)) {
        const hint = suggest(value, spec.enum);
        ctx.errors.push(
          createMessage({
            ruleId: 'invalid-value',
            reason: `${describePath(path)} must be one of ${spec.enum.join(', ')}, got ${showValue(value)}`,
            file: ctx.file,
            place,
            expected: spec.enum.join(' | '),
            actual: value,
            note: hint ? `Did you mean "${hint}"?` : `${lastName(path)}: ${spec.description}`,
          }),
        );
        return false;
      }
      if (spec.pattern && !new RegExp(spec.pattern).test(value)) {
        ctx.errors.push(
          createMessage({
            ruleId: 'invalid-value',
            reason: `${describePath(path)} must be ${spec.patternHint ?? `like ${spec.pattern}`}, got ${showValue(value)}`,
            file: ctx.file,
            place,
            expected: spec.patternHint ?? spec.pattern,
            actual: value,
            note: `${lastName(path)}: ${spec.description}`,
          }),
        );
        return false;
      }
      return true;
    }
    case 'number': {
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value))) {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      if ((spec.minimum !== undefined && value < spec.minimum) || (spec.maximum !== undefined && value > spec.maximum)) {
        const range =
          spec.minimum === spec.maximum
            ? `${spec.minimum}`
            : spec.maximum === undefined
              ? `${spec.minimum} or more`
              : spec.minimum === undefined
                ? `${spec.maximum} or less`
                : `from ${spec.minimum} to ${spec.maximum}`;
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
        return false;
      }
      return true;
    }
    case 'boolean': {
      const value = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'boolean') {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      return true;
    }
    case 'date': {
      if (!shapeFits(spec, node)) {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      const value = (node as { value: unknown }).value;
      const parsed = parseDateInterval(value);
      if (parsed.error) {
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
        return false;
      }
      return true;
    }
    case 'oneOf': {
      // The option whose shape the node has decides, and reports in detail (an empty string
      // is "empty", a bad month is a bad month); a node of no option's shape is a type error.
      const option = spec.options.find((o) => shapeFits(o, node));
      if (option) return validateNode(ctx, node, option, path, parentPlace);
      typeError(ctx, path, place, spec, node);
      return false;
    }
    case 'array': {
      if (!isSeq(node)) {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      let ok = true;
      const count = node.items.length;
      if ((spec.minItems !== undefined && count < spec.minItems) || (spec.maxItems !== undefined && count > spec.maxItems)) {
        const expected =
          spec.minItems === spec.maxItems
            ? `exactly ${spec.minItems} items`
            : spec.maxItems === undefined
              ? `at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`
              : `from ${spec.minItems ?? 0} to ${spec.maxItems} items`;
        ctx.errors.push(
          createMessage({
            ruleId: 'invalid-length',
            reason: `${describePath(path)} must have ${expected}, got ${count}`,
            file: ctx.file,
            place,
            expected,
            actual: String(count),
            note: `${lastName(path)}: ${spec.description}`,
          }),
        );
        ok = false;
      }
      node.items.forEach((item, index) => {
        if (!validateNode(ctx, item, spec.items, [...path, index], place)) ok = false;
      });
      return ok;
    }
    case 'object':
    case 'map': {
      if (!isMap(node)) {
        typeError(ctx, path, place, spec, node);
        return false;
      }
      let ok = true;
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? keyNode.value : keyNode;
        const keyPlace = nodePlace(ctx, keyNode, place);
        if (typeof key !== 'string' && typeof key !== 'number') {
          const got = showValue(receivedValue(keyNode));
          ctx.errors.push(
            createMessage({
              ruleId: 'invalid-key',
              reason: `a key in ${describePath(path)} is ${got}; keys must be plain words or strings`,
              file: ctx.file,
              place: keyPlace,
              actual: got,
              note: 'Write the key as a word followed by a colon, e.g. `title: …`.',
            }),
          );
          ok = false;
          continue;
        }
        const name = String(key);
        seen.add(name);
        if (spec.kind === 'object') {
          const field = spec.fields[name];
          if (!field) {
            const hint = suggest(name, Object.keys(spec.fields));
            ctx.errors.push(
              createMessage({
                ruleId: 'unknown-key',
                reason: `unknown key ${showValue(name)} in ${describePath(path)}${hint ? `; did you mean "${hint}"?` : ''}`,
                file: ctx.file,
                place: keyPlace,
                actual: name,
                expected: Object.keys(spec.fields).join(', '),
                note: `Allowed keys: ${Object.keys(spec.fields).join(', ')}.`,
              }),
            );
            ok = false;
            continue;
          }
          if (!validateNode(ctx, pair.value, field, [...path, name], keyPlace)) ok = false;
        } else {
          if (!new RegExp(spec.keyPattern).test(name)) {
            ctx.errors.push(
              createMessage({
                ruleId: 'invalid-id',
                reason: `${describePath(path)}: the id ${showValue(name)} must be ${spec.keyHint}`,
                file: ctx.file,
                place: keyPlace,
                actual: name,
                note: 'Rename it, and every place that refers to it.',
              }),
            );
            ok = false;
          }
          if (!validateNode(ctx, pair.value, spec.values, [...path, name], keyPlace)) ok = false;
        }
      }
      if (spec.kind === 'object') {
        for (const required of spec.required ?? []) {
          if (!seen.has(required)) {
            ctx.errors.push(
              createMessage({
                ruleId: 'missing-field',
                reason: `${describePath(path)} is missing the required field "${required}"`,
                file: ctx.file,
                place,
                expected: required,
                note: `Add "${required}:" (${kindName(spec.fields[required]!)}).`,
              }),
            );
            ok = false;
          }
        }
      }
      return ok;
    }
  }
}
