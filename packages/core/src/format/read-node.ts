// The validating walk: reads a YAML node against its spec, reporting every problem at its line:col,
// and returns what it read as typed values (a Draft of the spec) in the same pass.
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { createMessage, showValue, suggest } from '../messages.js';
import type { Place } from '../types.js';
import type { Draft } from './infer.js';
import { patternOf, readBoolean, readDate, readNumber, readString } from './read-scalar.js';
import type { ArraySpec, MapSpec, ObjectSpec, OneOfSpec, Spec } from './spec.js';
import {
  BOMB,
  describePath,
  INVALID,
  kindName,
  lastName,
  nodePlace,
  receivedValue,
  resolveAlias,
  shapeFits,
  typeError,
  type NodePath,
  type Outcome,
  type WalkContext,
} from './walk-context.js';

/**
 * Reads a node (an alias is resolved first, within the budget) against its spec, and gives what
 * it read as the spec's Draft. `parentPlace` stands in for a node without a place of its own (a
 * key with no value).
 */
export function readNode<S extends Spec>(ctx: WalkContext, raw: unknown, spec: S, path: NodePath, parentPlace: Place): Outcome<Draft<S>> {
  // The readers below build each value from its spec; the spec's type says what that value is.
  return readAny(ctx, raw, spec, path, parentPlace) as Outcome<Draft<S>>;
}

function readAny(ctx: WalkContext, raw: unknown, spec: Spec, path: NodePath, parentPlace: Place): Outcome {
  const node = resolveAlias(ctx, raw, parentPlace, path);
  if (node === BOMB) return INVALID;
  const place = nodePlace(ctx, node, parentPlace);
  switch (spec.kind) {
    case 'string':
      return readString(ctx, node, spec, path, place);
    case 'number':
      return readNumber(ctx, node, spec, path, place);
    case 'boolean':
      return readBoolean(ctx, node, spec, path, place);
    case 'date':
      return readDate(ctx, node, spec, path, place);
    case 'oneOf':
      return readOneOf(ctx, node, spec, path, parentPlace, place);
    case 'array':
      return readArray(ctx, node, spec, path, place);
    case 'map':
      return readMap(ctx, node, spec, path, place);
    case 'object':
      // A mapping is placed where it is written: at the *alias, when it is one.
      return readObject(ctx, node, spec, path, place, nodePlace(ctx, raw as YamlNode | null, parentPlace));
  }
}

/**
 * The option whose shape the node has decides, and reports in detail (an empty string is "empty",
 * a bad month is a bad month); a node of no option's shape is a type error.
 */
function readOneOf(ctx: WalkContext, node: YamlNode | null | undefined, spec: OneOfSpec, path: NodePath, parentPlace: Place, place: Place): Outcome {
  const option = spec.options.find((o) => shapeFits(o, node));
  return option ? readAny(ctx, node, option, path, parentPlace) : typeError(ctx, path, place, spec, node);
}

function readArray(ctx: WalkContext, node: YamlNode | null | undefined, spec: ArraySpec, path: NodePath, place: Place): Outcome {
  if (!isSeq(node)) return typeError(ctx, path, place, spec, node);
  let ok = lengthFits(ctx, node.items.length, spec, path, place);
  const items = node.items.map((item, index) => {
    const read = readAny(ctx, item, spec.items, [...path, index], place);
    if (!read.ok) ok = false;
    return read.value;
  });
  // A tuple (a span) means something only whole; a list keeps its good items where they stand.
  const tuple = spec.minItems !== undefined && spec.minItems === spec.maxItems;
  return { value: tuple && !ok ? undefined : items, ok };
}

function lengthFits(ctx: WalkContext, count: number, spec: ArraySpec, path: NodePath, place: Place): boolean {
  if ((spec.minItems === undefined || count >= spec.minItems) && (spec.maxItems === undefined || count <= spec.maxItems)) return true;
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
  return false;
}

/** A key as the format reads it (a word or a number), or undefined after reporting one it cannot. */
function readKey(ctx: WalkContext, pair: Pair, path: NodePath, place: Place): { name: string; place: Place } | undefined {
  const keyNode = pair.key as YamlNode | null;
  const key = isScalar(keyNode) ? keyNode.value : keyNode;
  const keyPlace = nodePlace(ctx, keyNode, place);
  if (typeof key === 'string' || typeof key === 'number') return { name: String(key), place: keyPlace };
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
  return undefined;
}

function readObject(ctx: WalkContext, node: YamlNode | null | undefined, spec: ObjectSpec, path: NodePath, place: Place, written: Place): Outcome {
  if (!isMap(node)) return typeError(ctx, path, place, spec, node);
  let ok = true;
  const fields: Record<string, unknown> = {};
  const at: Record<string, Place> = {};
  const seen = new Set<string>();
  for (const pair of node.items) {
    const key = readKey(ctx, pair, path, place);
    if (!key) {
      ok = false;
      continue;
    }
    seen.add(key.name);
    // Own fields only: `constructor` or `__proto__` is an unknown key like any other.
    const field = Object.hasOwn(spec.fields, key.name) ? spec.fields[key.name] : undefined;
    if (!field) {
      unknownKey(ctx, spec, key.name, path, key.place);
      ok = false;
      continue;
    }
    const read = readAny(ctx, pair.value, field, [...path, key.name], key.place);
    if (!read.ok) ok = false;
    if (read.value !== undefined) fields[key.name] = read.value;
    at[key.name] = nodePlace(ctx, pair.value as YamlNode | null, key.place);
  }
  for (const required of spec.required ?? []) {
    if (seen.has(required)) continue;
    missingField(ctx, spec, required, path, place);
    ok = false;
  }
  // Fields that exclude each other leave the mapping without a meaning: it has no value.
  if (spec.exactlyOne && !exactlyOneGiven(ctx, node, spec, spec.exactlyOne, path, place)) return INVALID;
  return { value: { ...fields, $place: written, $at: at }, ok };
}

function unknownKey(ctx: WalkContext, spec: ObjectSpec, name: string, path: NodePath, place: Place): void {
  const names = Object.keys(spec.fields);
  const hint = suggest(name, names);
  ctx.errors.push(
    createMessage({
      ruleId: 'unknown-key',
      reason: `unknown key ${showValue(name)} in ${describePath(path)}${hint ? `; did you mean "${hint}"?` : ''}`,
      file: ctx.file,
      place,
      actual: name,
      expected: names.join(', '),
      note: `Allowed keys: ${names.join(', ')}.`,
    }),
  );
}

function missingField(ctx: WalkContext, spec: ObjectSpec, name: string, path: NodePath, place: Place): void {
  ctx.errors.push(
    createMessage({
      ruleId: 'missing-field',
      reason: `${describePath(path)} is missing the required field "${name}"`,
      file: ctx.file,
      place,
      expected: name,
      note: `Add "${name}:" (${kindName(spec.fields[name]!)}).`,
    }),
  );
}

/** Checks that exactly one of `names` is a key of the mapping; reports none or several at their place. */
function exactlyOneGiven(ctx: WalkContext, node: YAMLMap, spec: ObjectSpec, names: readonly string[], path: NodePath, place: Place): boolean {
  const given = node.items.filter((pair) => isScalar(pair.key) && names.includes(String(pair.key.value)));
  if (given.length === 1) return true;
  const quoted = names.map((n) => `"${n}"`);
  const choices = quoted.join(' or ');
  const help = names.map((n) => `${n}: ${spec.fields[n]!.description}`).join(' ');
  ctx.errors.push(
    createMessage({
      ruleId: given.length ? 'conflicting-fields' : 'missing-field',
      reason: given.length ? `${describePath(path)} gives both ${quoted.join(' and ')}; give one of them` : `${describePath(path)} needs ${choices}`,
      file: ctx.file,
      place: given.length ? nodePlace(ctx, given[1]!.key as YamlNode, place) : place,
      expected: `one of ${choices}`,
      note: help,
    }),
  );
  return false;
}

/** A map of ids: every entry is kept (an id that is not kebab-case is reported, not dropped). */
function readMap(ctx: WalkContext, node: YamlNode | null | undefined, spec: MapSpec, path: NodePath, place: Place): Outcome {
  if (!isMap(node)) return typeError(ctx, path, place, spec, node);
  let ok = true;
  const entries: { key: string; keyPlace: Place; value: unknown }[] = [];
  for (const pair of node.items) {
    const key = readKey(ctx, pair, path, place);
    if (!key) {
      ok = false;
      continue;
    }
    if (!patternOf(spec.keyPattern).test(key.name)) {
      ctx.errors.push(
        createMessage({
          ruleId: 'invalid-id',
          reason: `${describePath(path)}: the id ${showValue(key.name)} must be ${spec.keyHint}`,
          file: ctx.file,
          place: key.place,
          actual: key.name,
          note: 'Rename it, and every place that refers to it.',
        }),
      );
      ok = false;
    }
    const read = readAny(ctx, pair.value, spec.values, [...path, key.name], key.place);
    if (!read.ok) ok = false;
    entries.push({ key: key.name, keyPlace: key.place, value: read.value });
  }
  return { value: entries, ok };
}
