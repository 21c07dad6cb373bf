// The YAML library's errors, and what it throws, as messages placed where a person can fix them;
// and the alias checks (undefined anchors, cycles, alias bombs) that run before validation.
import { isAlias, isCollection, isMap, isNode, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import { MAX_ALIAS_EXPANSIONS, nodePlace, type WalkContext } from '../format/walk-context.js';
import { createMessage, placeAt, showValue } from '../messages.js';
import type { Message, Place } from '../types.js';
import { deepNestingStart } from './nesting.js';

/**
 * When the YAML library runs out of stack (some hundreds of levels, depending on the stack size),
 * the message points at the structure that nests deeper than this.
 */
const NESTING_SHOWN = 100;

/** Where a text that is too deep for the YAML library shows its deep structure (else its top). */
export function deepPlace(text: string, lineStarts: readonly number[]): Place {
  return placeAt(lineStarts, deepNestingStart(text, NESTING_SHOWN) ?? 0);
}

/**
 * What the YAML library throws (rather than reports): the stack running out on deep nesting,
 * or too many alias expansions. Anything else is shown as it comes, as a syntax problem.
 */
export function unreadable(error: unknown, file: string, place: Place): Message {
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError) return tooDeep(file, place);
  if (/alias/i.test(text)) {
    return createMessage({
      ruleId: 'yaml-alias-limit',
      reason: `${file} expands its *aliases more than ${MAX_ALIAS_EXPANSIONS} times: this looks like an alias bomb ("billion laughs")`,
      file,
      place,
      note: 'Write the values out, or use fewer *aliases.',
    });
  }
  return createMessage({ ruleId: 'yaml-syntax', reason: `${file} could not be read: ${yamlReason(text)}`, file, place, note: 'Fix the YAML at this place.' });
}

function tooDeep(file: string, place: Place): Message {
  return createMessage({
    ruleId: 'yaml-too-deep',
    reason: `${file} is nested too deeply to read: the lists or mappings that start here go hundreds of levels deep`,
    file,
    place,
    note: 'claims.yaml needs only a few levels (claims → evidence → span): remove the deep structure, or check for stray [ or { characters.',
  });
}

/** The YAML library's errors as messages, each placed where a person can fix it. */
export function yamlErrors(doc: Document.Parsed, text: string, file: string, lineStarts: readonly number[]): Message[] {
  const deep = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  // Past the point where the stack ran out, every other error is a consequence.
  if (deep) return [tooDeep(file, placeAt(lineStarts, deepNestingStart(text, NESTING_SHOWN) ?? outermostAt(doc, deep.pos[0])))];
  const messages: Message[] = [];
  const seen = new Set<number>();
  // A value whose next line is indented too far reads as one multi-line key: both codes at one place.
  const multiline = new Set(doc.errors.filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY').map((e) => e.pos[0]));
  for (const error of doc.errors) {
    // The library often reports one mistake twice at the same offset (e.g. under two codes).
    if (seen.has(error.pos[0])) continue;
    seen.add(error.pos[0]);
    const message = yamlError(error, doc, text, file, lineStarts);
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && multiline.has(error.pos[0])) {
      message.note = 'The line after this value is indented more than its key, so it reads as part of the value: align the keys of a mapping at one column (or quote a value that contains ": ").';
    }
    messages.push(message);
  }
  return messages;
}

function yamlError(error: YAMLError, doc: Document.Parsed, text: string, file: string, lineStarts: readonly number[]): Message {
  const reason = yamlReason(error.message);
  const at = (start: number, end: number) => placeAt(lineStarts, start, end);
  const quote = /^Missing closing (["'])quote/.exec(reason)?.[1];
  if (error.code === 'MISSING_CHAR' && quote) {
    // The library reports an unclosed quote where the file ends; the mistake is where it opens.
    const open = openingQuote(text, error.pos[0], quote);
    return createMessage({
      ruleId: 'yaml-syntax',
      reason: `a ${quote === '"' ? 'double' : 'single'}-quoted value is not closed: the ${quote} here has no closing ${quote}`,
      file,
      place: at(open, error.pos[0]),
      note: quote === '"' ? 'Close the quote at the end of the value; a " inside the value is written \\".' : "Close the quote at the end of the value; a ' inside the value is written ''.",
    });
  }
  const flow = /^Flow (sequence|map) in block collection/.exec(reason)?.[1];
  if (flow) {
    const [open, close] = flow === 'map' ? ['{', '}'] : ['[', ']'];
    const start = unclosedFlowStart(doc, error.pos[0]);
    return createMessage({
      ruleId: 'yaml-syntax',
      reason: `the ${open} here is not closed with ${close} (or a line inside it is not indented more than its key)`,
      file,
      place: at(start ?? error.pos[0], error.pos[0]),
      note: `Close it with ${close} on the same line, or indent each continued line more than the key.`,
    });
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:#\n]*[^\s:#])(?=[ \t]*:)/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[0];
    return createMessage({
      ruleId: 'duplicate-key',
      reason: key ? `the key ${key} appears twice in the same mapping` : 'a key appears twice in the same mapping',
      file,
      place: at(error.pos[0], error.pos[1]),
      note: yamlNote(error.code, reason),
    });
  }
  const ruleId = error.code === 'TAB_AS_INDENT' ? 'yaml-tab' : 'yaml-syntax';
  return createMessage({ ruleId, reason, file, place: at(error.pos[0], error.pos[1]), note: yamlNote(error.code, reason) });
}

/** Start of the top-level value that holds `offset` (where a too-deep structure begins). */
function outermostAt(doc: Document.Parsed, offset: number): number {
  const root = doc.contents;
  let start = offset;
  if (isMap(root)) {
    // The last value that starts before the offset (the library may cut its range short).
    for (const pair of root.items) {
      const range = (pair.value as YamlNode | null)?.range;
      if (range && range[0] <= offset && (start === offset || range[0] > start)) start = range[0];
    }
  }
  return start;
}

/** Offset of the quote that opens the unclosed scalar ending at `end`: nothing inside it closes it. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) return i;
    } else if (text[i - 1] === "'") i--;
    else return i;
  }
  return end;
}

/** Start of the flow collection ([ … ] or { … }) that the library found unclosed at `end`. */
function unclosedFlowStart(doc: Document.Parsed, end: number): number | undefined {
  let start: number | undefined;
  try {
    visit(doc, {
      Collection(_key, node) {
        if (node.flow && node.range && node.range[0] < end && node.range[1] >= end) start = node.range[0];
      },
    });
  } catch {
    return undefined;
  }
  return start;
}

/**
 * Every alias must name an anchor defined before it, and must not sit inside the node it names
 * (that makes a cycle). Checked in the document order the library resolves aliases in; also says
 * whether the document holds any alias at all.
 */
export function checkAliases(ctx: WalkContext): { errors: Message[]; hasAliases: boolean } {
  const errors: Message[] = [];
  const anchors = new Map<string, YamlNode>();
  let hasAliases = false;
  try {
    visit(ctx.doc, {
      Node(_key, node, path) {
        if (isAlias(node)) {
          hasAliases = true;
          const target = anchors.get(node.source);
          const name = showValue(node.source, 40).slice(1, -1);
          if (!target) {
            errors.push(
              createMessage({
                ruleId: 'yaml-alias-undefined',
                reason: `the alias *${name} names no anchor: &${name} is not defined before it`,
                file: ctx.file,
                place: nodePlace(ctx, node),
                note: `Define the value once with &${name} before this place, or write the value out here.`,
              }),
            );
          } else if (path.includes(target)) {
            errors.push(
              createMessage({
                ruleId: 'yaml-alias-cycle',
                reason: `the alias *${name} sits inside the value it names (&${name}), which makes an endless structure`,
                file: ctx.file,
                place: nodePlace(ctx, node),
                note: 'Write the value out instead of the alias.',
              }),
            );
          }
          if (errors.length >= 20) return visit.BREAK;
        } else if (isNode(node) && node.anchor) {
          anchors.set(node.anchor, node);
        }
        return undefined;
      },
    });
  } catch (error) {
    if (error instanceof RangeError) return { errors: [tooDeep(ctx.file, placeAt(ctx.lineStarts, 0))], hasAliases };
    throw error;
  }
  return { errors, hasAliases };
}

/** Where an alias bomb shows: the first alias whose value holds aliases itself (the multiplier). */
export function aliasBombPlace(ctx: WalkContext): Place {
  let place: Place | undefined;
  const anchors = new Map<string, YamlNode>();
  try {
    visit(ctx.doc, {
      Node(_key, node) {
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          if (isCollection(target) && containsAlias(target)) {
            place = nodePlace(ctx, node);
            return visit.BREAK;
          }
        } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
        return undefined;
      },
    });
  } catch {
    // A place is only a help here: fall back to the top of the file.
  }
  return place ?? placeAt(ctx.lineStarts, 0);
}

function containsAlias(node: YamlNode): boolean {
  let found = false;
  visit(node, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

export function yamlReason(message: string): string {
  // The yaml library appends "at line L, column C" and a code frame; we give the place separately.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlNote(code: string, reason: string): string {
  if (/^Nested mappings are not allowed in compact mappings/.test(reason)) return 'A value that contains ": " must be quoted, e.g. claim: "Note: the account was locked".';
  if (/^Implicit keys need to be on a single line/.test(reason)) return 'A key and its colon must be on one line; check the indentation of this line and the one before.';
  if (/^Sequence item without - indicator/.test(reason)) return 'This line is indented like a list item but has no "- ": align it with the keys above it (or start it with "- ").';
  if (/^Implicit map keys need to be followed by map values/.test(reason)) return 'Write a colon and a space after the key ("key: value"), or quote the line if it is a value.';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping: remove or rename one of them.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'BAD_INDENT':
      return 'Align the key with its siblings.';
    case 'BAD_SCALAR_START':
      return 'Quote the value: a plain value cannot start with @ or `.';
    case 'BAD_DQ_ESCAPE':
      return 'Inside "…", a backslash starts an escape (\\n, \\", \\\\): write \\\\ for a backslash, or use single quotes.';
    case 'KEY_OVER_1024_CHARS':
      return 'A key may be at most 1024 characters: check for a missing line break, or a missing colon.';
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'Check quotes and brackets: a quoted value containing ": " or "#" needs closing quotes.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A key needs a colon and a space after it.';
    default:
      return 'Fix the YAML syntax at this place.';
  }
}
