import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '@factcheck/core';
import { planAppendClaim, type NewClaim, newClaimData } from './append-claim.js';
import { doubleQuoted, flowSpan, stringScalar, type ScalarStyle } from './scalar.js';
import { applyEdits, atLineStart, editsOverlap, lineBreakOf, lineStartAt, nextLineStart, type TextEdit } from './text-edit.js';

/**
 * One intended change to claims.yaml, addressed by position in the document: `claim` is the
 * index of the item in the `claims:` list, `evidence` the index in its `evidence:` list.
 */
export type ClaimsChange =
  | { kind: 'span'; claim: number; evidence: number; span: Span }
  | { kind: 'quote'; claim: number; evidence: number; quote: string }
  | { kind: 'history'; claim: number; evidence: number; entry: HistoryEntry }
  | { kind: 'sha256'; source: string; sha256: string }
  | { kind: 'append-claim'; claim: NewClaim };

/** One accepted correction, as `history:` records it: the day (YYYY-MM-DD) and the old words. */
export interface HistoryEntry {
  date: string;
  was: string;
}

export interface PlannedChange {
  change: ClaimsChange;
  /** The text edits that make this change (a span rewrite is two: one per number). */
  edits: TextEdit[];
}

export interface ChangeProblem {
  change: ClaimsChange;
  /** Why the change could not be made safely, phrased for the user. */
  reason: string;
  /** Offset in the original text of the node concerned, when known. */
  offset?: number;
}

export interface EditOutcome {
  /** The edited text (the original text when nothing could be applied). */
  text: string;
  applied: PlannedChange[];
  problems: ChangeProblem[];
  /** The edited text as parsed to check it, when any change was applied (its places are those of `text`). */
  readBack?: Document.Parsed;
}

/** The most alias expansions accepted while comparing documents (as the loader). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses claims.yaml the way the loader does; every node keeps its range in the text. The CST's
 * tokens are not kept: the edits splice the text itself, and parsing without them is faster.
 */
export function parseForEdit(text: string): Document.Parsed {
  // The loader's settings (core schema whatever a %YAML directive says): the document update
  // plans on is the loader's, and the edited text must read back the same way.
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'error' });
}

/**
 * Applies `changes` to the text of claims.yaml by splicing only the scalars concerned (and, for
 * a missing span or a new claim, inserting text), so every other byte stays as it was. Each
 * result is checked by parsing it again: the document must read as the old one with exactly
 * these changes. A change that fails that check (an unusual layout, an alias) is left out and
 * reported in `problems`; the others still apply.
 *
 * @param doc `text` as parseForEdit reads it, when the caller has parsed it already (it is not
 *   changed here): the text is then not parsed again.
 */
export function editClaimsText(text: string, changes: readonly ClaimsChange[], doc: Document.Parsed = parseForEdit(text)): EditOutcome {
  if (doc.errors.length) {
    const reason = `claims.yaml does not parse: ${doc.errors[0]?.message.split('\n')[0] ?? 'a YAML error'}`;
    return { text, applied: [], problems: changes.map((change) => ({ change, reason })) };
  }
  const before = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  const plans = changes.map((change) => ({ change, plan: planChange(text, doc, change) }));
  // Two changes editing one place are rare: all edits are checked at once (one sort), and only
  // when some overlap are they checked change by change, the earlier change keeping the place.
  const clash = editsOverlap(plans.flatMap(({ plan }) => (typeof plan === 'string' ? [] : plan)));
  const planned: PlannedChange[] = [];
  const problems: ChangeProblem[] = [];
  const kept: TextEdit[] = [];
  for (const { change, plan } of plans) {
    if (typeof plan === 'string') problems.push({ change, reason: plan, ...offsetOf(doc, change) });
    else if (clash && editsOverlap([...kept, ...plan])) problems.push({ change, reason: 'another change already edits this place', ...offsetOf(doc, change) });
    else {
      planned.push({ change, edits: plan });
      if (clash) kept.push(...plan);
    }
  }
  if (!planned.length) return { text, applied: [], problems };
  const all = tryApply(text, before, planned);
  if (all !== undefined) return { ...all, applied: planned, problems };
  // Something did not read back as intended: find which changes are safe on their own.
  const safe: PlannedChange[] = [];
  for (const p of planned) {
    if (tryApply(text, before, [p]) !== undefined) safe.push(p);
    else problems.push({ change: p.change, reason: 'the edited file would not read back as intended (an unusual layout or an alias here)', ...offsetOf(doc, p.change) });
  }
  const together = safe.length ? tryApply(text, before, safe) : undefined;
  if (together !== undefined) return { ...together, applied: safe, problems };
  return {
    text,
    applied: [],
    problems: [...problems, ...safe.map((p) => ({ change: p.change, reason: 'the changes together would not read back as intended', ...offsetOf(doc, p.change) }))],
  };
}

/** The edited text, and its document, when it parses back to `before` with exactly these changes; undefined otherwise. */
function tryApply(text: string, before: unknown, planned: readonly PlannedChange[]): { text: string; readBack: Document.Parsed } | undefined {
  const edited = applyEdits(text, planned.flatMap((p) => p.edits));
  const readBack = readBackAs(edited, expectedData(before, planned.map((p) => p.change)));
  return readBack ? { text: edited, readBack } : undefined;
}

/** The document of `text` when it parses without errors to exactly `expected`; undefined otherwise. */
export function readBackAs(text: string, expected: unknown): Document.Parsed | undefined {
  const doc = parseForEdit(text);
  if (doc.errors.length) return undefined;
  try {
    return isDeepStrictEqual(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), expected) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** claims.yaml as data: only the parts a change reaches into. */
interface ClaimsData {
  sources?: Record<string, Record<string, unknown> | undefined>;
  claims?: ({ evidence?: (Record<string, unknown> | undefined)[] } | undefined)[];
}

/**
 * The data of the document after the changes, computed on the data rather than on the text. A
 * change whose place is missing from the data leaves it as it is: the edited text, which does
 * make the change, then does not read back as this, and the change is refused.
 */
export function expectedData(before: unknown, changes: readonly ClaimsChange[]): unknown {
  const data = structuredClone(before) as ClaimsData;
  for (const change of changes) {
    switch (change.kind) {
      case 'span':
      case 'quote':
      case 'history': {
        const evidence = data.claims?.[change.claim]?.evidence?.[change.evidence];
        if (!evidence) break;
        if (change.kind === 'span') evidence.span = [change.span[0], change.span[1]];
        else if (change.kind === 'quote') evidence.quote = change.quote;
        else evidence.history = [...((evidence.history as unknown[] | undefined) ?? []), { date: change.entry.date, was: change.entry.was }];
        break;
      }
      case 'sha256': {
        const source = data.sources?.[change.source];
        if (source) source.sha256 = change.sha256;
        break;
      }
      case 'append-claim':
        data.claims?.push(newClaimData(change.claim));
        break;
    }
  }
  return data;
}

/** The text edits for one change, or why it cannot be made. */
function planChange(text: string, doc: Document.Parsed, change: ClaimsChange): TextEdit[] | string {
  switch (change.kind) {
    case 'span':
      return planSpan(text, doc, change.claim, change.evidence, change.span);
    case 'quote':
      return planQuote(text, doc, change.claim, change.evidence, change.quote);
    case 'history':
      return planHistory(text, doc, change.claim, change.evidence, change.entry);
    case 'sha256':
      return planSha256(text, doc, change.source, change.sha256);
    case 'append-claim':
      return planAppendClaim(text, doc, change.claim);
  }
}

function evidenceMap(doc: Document.Parsed, claim: number, evidence: number): YAMLMap | string {
  const node = doc.getIn(['claims', claim, 'evidence', evidence], true);
  return isMap(node) ? node : `claims[${claim}].evidence[${evidence}] is not a mapping`;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? [range[0], range[1], range[2]] : undefined;
}

/** Rewrites the two numbers of an existing span in place, or inserts a `span:` key after the quote. */
function planSpan(text: string, doc: Document.Parsed, claim: number, evidence: number, span: Span): TextEdit[] | string {
  const map = evidenceMap(doc, claim, evidence);
  if (typeof map === 'string') return map;
  const existing = pairOf(map, 'span');
  if (existing) {
    const seq = existing.value;
    if (!isSeq(seq) || seq.items.length !== 2) return 'the span is not written as a list of two numbers';
    const edits: TextEdit[] = [];
    for (const [i, item] of seq.items.entries()) {
      const range = rangeOf(item);
      if (!isScalar(item) || typeof item.value !== 'number' || !range) return 'the span is not written as a list of two numbers';
      edits.push({ start: range[0], end: range[1], text: String(span[i]) });
    }
    return edits;
  }
  return insertPair(text, map, 'span', flowSpan(span));
}

/**
 * Inserts `key: value` into an evidence mapping, after its quote (or its last entry): in a
 * block mapping as a new line at the quote key's indentation, in a flow mapping after a comma.
 */
function insertPair(text: string, map: YAMLMap, key: string, value: string): TextEdit[] | string {
  const anchor = pairOf(map, 'quote') ?? map.items.at(-1);
  const keyRange = rangeOf(anchor?.key);
  const valueRange = rangeOf(anchor?.value);
  if (!anchor || !keyRange || !valueRange) return 'the evidence has no entry to place the span after';
  if (map.flow) return [{ start: valueRange[1], end: valueRange[1], text: `, ${key}: ${value}` }];
  const eol = lineBreakOf(text);
  const indent = ' '.repeat(keyRange[0] - lineStartAt(text, keyRange[0]));
  const line = `${indent}${key}: ${value}`;
  const end = valueRange[1];
  const at = atLineStart(text, end) ? end : nextLineStart(text, end);
  if (atLineStart(text, at) && at > 0) return [{ start: at, end: at, text: `${line}${eol}` }];
  // The value ends the file without a line break: start a new line, and keep the file's ending.
  return [{ start: text.length, end: text.length, text: `${eol}${line}` }];
}

function styleOf(node: Scalar): ScalarStyle | 'block' {
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

/** Rewrites one string scalar, keeping its quoting style when that style can hold the new value. */
function replaceString(text: string, node: unknown, value: string, inFlow: boolean): TextEdit[] | string {
  const range = rangeOf(node);
  if (!isScalar(node) || !range) return 'the value is not a single scalar';
  const style = styleOf(node);
  if (style !== 'block') return [{ start: range[0], end: range[1], text: stringScalar(value, style, { inFlow }) }];
  // A block scalar (| or >) becomes one double-quoted line; its header comment and the line
  // breaks that end it stay.
  const original = text.slice(range[0], range[1]);
  const header = /^[^\r\n]*/.exec(original)?.[0] ?? '';
  const comment = /\s#.*$/.exec(header)?.[0] ?? '';
  const ending = /(?:[ \t]*(?:\r\n|\n|\r))*$/.exec(original)?.[0] ?? '';
  return [{ start: range[0], end: range[1], text: `${doubleQuoted(value)}${comment}${ending}` }];
}

function planQuote(text: string, doc: Document.Parsed, claim: number, evidence: number, quote: string): TextEdit[] | string {
  const map = evidenceMap(doc, claim, evidence);
  if (typeof map === 'string') return map;
  const pair = pairOf(map, 'quote');
  if (!pair) return 'the evidence has no quote';
  return replaceString(text, pair.value, quote, Boolean(map.flow));
}

/** A history entry as one flow mapping: `{ date: 2026-12-04, was: "the old words" }`. */
export function flowHistoryEntry(entry: HistoryEntry): string {
  return `{ date: ${entry.date}, was: ${doubleQuoted(entry.was)} }`;
}

/**
 * Appends an entry to an evidence item's `history:` list, or adds the list after the item's last
 * entry: new lines in block layout (at the indentation already used), `, …` in flow layout. The
 * insertion is ordered after a `span:` inserted at the same place, so that the span stays next
 * to its quote.
 */
function planHistory(text: string, doc: Document.Parsed, claim: number, evidence: number, entry: HistoryEntry): TextEdit[] | string {
  const map = evidenceMap(doc, claim, evidence);
  if (typeof map === 'string') return map;
  const item = flowHistoryEntry(entry);
  const existing = pairOf(map, 'history');
  if (existing) return appendToHistory(text, existing, item);
  const last = map.items.at(-1);
  const keyRange = rangeOf(last?.key);
  const valueRange = rangeOf(last?.value);
  if (!last || !keyRange || !valueRange) return 'the evidence has no entry to place the history after';
  if (map.flow) return [{ start: valueRange[1], end: valueRange[1], text: `, history: [${item}]`, order: 1 }];
  const eol = lineBreakOf(text);
  const indent = ' '.repeat(keyRange[0] - lineStartAt(text, keyRange[0]));
  return insertLines(text, valueRange[1], `${indent}history:${eol}${indent}  - ${item}`);
}

/** Appends a flow-mapping item to an existing history list. */
function appendToHistory(text: string, pair: Pair, item: string): TextEdit[] | string {
  const seq = pair.value;
  if (!isSeq(seq)) return 'the history is not written as a list';
  const last = seq.items.at(-1);
  const lastRange = rangeOf(last);
  if (seq.flow) {
    if (lastRange) return [{ start: lastRange[1], end: lastRange[1], text: `, ${item}`, order: 1 }];
    const range = rangeOf(seq);
    const close = range ? text.lastIndexOf(']', range[1]) : -1;
    return range && close >= range[0] ? [{ start: close, end: close, text: item, order: 1 }] : 'the history list has an unusual layout';
  }
  if (!lastRange) return 'the history list has an unusual layout';
  // The dash of each item stands at the same column: take it from the last one.
  const lineStart = lineStartAt(text, lastRange[0]);
  const dash = /^( *)- +$/.exec(text.slice(lineStart, lastRange[0]));
  if (!dash) return 'the history list has an unusual layout';
  return insertLines(text, lastRange[1], `${dash[1]}- ${item}`);
}

/** Inserts whole lines after the line holding `end` (keeping the file's line breaks and its ending). */
function insertLines(text: string, end: number, lines: string): TextEdit[] {
  const eol = lineBreakOf(text);
  const at = atLineStart(text, end) ? end : nextLineStart(text, end);
  if (atLineStart(text, at) && at > 0) return [{ start: at, end: at, text: `${lines}${eol}`, order: 1 }];
  // The list ends the file without a line break: start a new line, and keep the file's ending.
  return [{ start: text.length, end: text.length, text: `${eol}${lines}`, order: 1 }];
}

function planSha256(text: string, doc: Document.Parsed, source: string, sha256: string): TextEdit[] | string {
  const map = doc.getIn(['sources', source], true);
  if (!isMap(map)) return `sources.${source} is not a mapping`;
  const pair = pairOf(map, 'sha256');
  if (!pair) return `sources.${source} has no sha256 to refresh`;
  return replaceString(text, pair.value, sha256, Boolean(map.flow));
}

/** Where the node a change concerns starts in the original text (for messages). */
function offsetOf(doc: Document.Parsed, change: ClaimsChange): { offset?: number } {
  let node: unknown;
  if (change.kind === 'span' || change.kind === 'quote' || change.kind === 'history') {
    const map = doc.getIn(['claims', change.claim, 'evidence', change.evidence], true);
    node = isMap(map) ? (pairOf(map, change.kind)?.value ?? pairOf(map, 'quote')?.value ?? map) : map;
  } else if (change.kind === 'sha256') node = doc.getIn(['sources', change.source, 'sha256'], true);
  else node = doc.get('claims', true);
  const range = rangeOf(node);
  return range ? { offset: range[0] } : {};
}
