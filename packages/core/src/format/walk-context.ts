// What every step of the validating walk shares: where it is (the path, for messages; the place,
// for line:col), the alias budget, and the wording of the problems that any kind of node can have.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { createMessage, placeAt, showValue } from '../messages.js';
import type { Message, Place } from '../types.js';
import type { Spec } from './spec.js';

/** A path into the document, e.g. ['claims', 3, 'evidence', 0, 'span']. */
export type NodePath = readonly (string | number)[];

export interface WalkContext {
  doc: Document;
  file: string;
  lineStarts: readonly number[];
  errors: Message[];
  /** Alias resolutions left before the document is treated as an alias bomb. */
  aliasBudget: number;
}

/** What reading a node gives: its draft value (see Draft), and whether the node is wholly valid. */
export interface Outcome<T = unknown> {
  value: T | undefined;
  ok: boolean;
}

export const INVALID: Outcome<never> = { value: undefined, ok: false };

export const valid = <T>(value: T): Outcome<T> => ({ value, ok: true });

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

/** A path with its keys as written (`sources.bbc.exclude[1]`), for messages about a value's content. */
export function writtenPath(path: NodePath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

export function nodePlace(ctx: Pick<WalkContext, 'lineStarts'>, node: YamlNode | null | undefined, fallback?: Place): Place {
  const range = node?.range;
  if (!range) return fallback ?? placeAt(ctx.lineStarts, 0);
  return placeAt(ctx.lineStarts, range[0], range[1]);
}

export const BOMB = Symbol('alias bomb');

/** The node an alias stands for (through chains of aliases), spending the alias budget. */
export function resolveAlias(ctx: WalkContext, node: unknown, place: Place, path: NodePath): YamlNode | null | undefined | typeof BOMB {
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
      return BOMB;
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

/** The scalar value of a node, or undefined when it is a collection or nothing. */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function typeError(ctx: WalkContext, path: NodePath, place: Place, spec: Spec, node: unknown): Outcome<never> {
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
  return INVALID;
}

/** The last named part of a path (`quote` for claims[0].evidence[1].quote), for notes. */
export function lastName(path: NodePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'claims.yaml';
}

/** Whether a node has the YAML shape a spec asks for (before its value is checked). */
export function shapeFits(spec: Spec, node: unknown): boolean {
  const value = scalarValue(node);
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

export function kindName(spec: Spec): string {
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
