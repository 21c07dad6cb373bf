import { isMap, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { Span, Verdict } from '@factcheck/core';
import { doubleQuoted, flowSpan, plainScalar } from './scalar.js';
import { atLineStart, lineBreakOf, lineStartAt, nextLineStart, type TextEdit } from './text-edit.js';

export interface NewEvidence {
  source: string;
  quote: string;
  span: Span;
  prefix?: string;
  suffix?: string;
}

/** A claim to append to claims.yaml, its evidence already found and pinned. */
export interface NewClaim {
  id: string;
  claim: string;
  verdict: Verdict;
  evidence: NewEvidence[];
}

/** The claim as the loader's YAML data (what the appended text must read back as). */
export function newClaimData(claim: NewClaim): Record<string, unknown> {
  return {
    id: claim.id,
    claim: claim.claim,
    verdict: claim.verdict,
    evidence: claim.evidence.map((e) => ({
      source: e.source,
      quote: e.quote,
      ...(e.prefix !== undefined ? { prefix: e.prefix } : {}),
      ...(e.suffix !== undefined ? { suffix: e.suffix } : {}),
      span: [e.span[0], e.span[1]],
    })),
  };
}

/** Columns of a block claims list: the item's dash and keys, and its evidence list's dash and keys. */
export interface BlockLayout {
  dash: number;
  key: number;
  evidenceDash: number;
  evidenceKey: number;
  /** A blank line between claims. */
  blankLine: boolean;
}

/** Identifiers and words are written plain when they can be; quotes and context always double-quoted. */
const plainOr = (value: string, inFlow = false) => plainScalar(value, { inFlow }) ?? doubleQuoted(value);

/** The lines of a claim as a block list item, in the given layout (no line breaks). */
export function renderBlockClaim(claim: NewClaim, layout: BlockLayout): string[] {
  const sp = (n: number) => ' '.repeat(n);
  const afterDash = (dash: number, key: number) => `${sp(dash)}-${sp(Math.max(1, key - dash - 1))}`;
  const lines = [
    `${afterDash(layout.dash, layout.key)}id: ${plainOr(claim.id)}`,
    `${sp(layout.key)}claim: ${plainOr(claim.claim)}`,
    `${sp(layout.key)}verdict: ${plainOr(claim.verdict)}`,
    `${sp(layout.key)}evidence:`,
  ];
  for (const e of claim.evidence) {
    lines.push(`${afterDash(layout.evidenceDash, layout.evidenceKey)}source: ${plainOr(e.source)}`);
    lines.push(`${sp(layout.evidenceKey)}quote: ${doubleQuoted(e.quote)}`);
    if (e.prefix !== undefined) lines.push(`${sp(layout.evidenceKey)}prefix: ${doubleQuoted(e.prefix)}`);
    if (e.suffix !== undefined) lines.push(`${sp(layout.evidenceKey)}suffix: ${doubleQuoted(e.suffix)}`);
    lines.push(`${sp(layout.evidenceKey)}span: ${flowSpan(e.span)}`);
  }
  return lines;
}

/** The claim as one flow mapping, for a claims list written `[…]`. */
export function renderFlowClaim(claim: NewClaim): string {
  const evidence = claim.evidence.map((e) => {
    const parts = [`source: ${plainOr(e.source, true)}`, `quote: ${doubleQuoted(e.quote)}`];
    if (e.prefix !== undefined) parts.push(`prefix: ${doubleQuoted(e.prefix)}`);
    if (e.suffix !== undefined) parts.push(`suffix: ${doubleQuoted(e.suffix)}`);
    parts.push(`span: ${flowSpan(e.span)}`);
    return `{${parts.join(', ')}}`;
  });
  return `{id: ${plainOr(claim.id, true)}, claim: ${doubleQuoted(claim.claim)}, verdict: ${plainOr(claim.verdict, true)}, evidence: [${evidence.join(', ')}]}`;
}

/** Column of `offset` on its line. */
const columnOf = (text: string, offset: number) => offset - lineStartAt(text, offset);

/** Dash and key columns of a block list item whose mapping starts on the dash's line (`- key: …`). */
function itemColumns(text: string, item: YamlNode | undefined): { dash: number; key: number } | undefined {
  const start = item?.range?.[0];
  if (start === undefined) return undefined;
  const before = text.slice(lineStartAt(text, start), start);
  const match = /^( *)-( +)$/.exec(before);
  return match ? { dash: (match[1] ?? '').length, key: before.length } : undefined;
}

/** The layout of the existing claims, so that a new one looks like its neighbours. */
export function layoutOf(text: string, claimsKeyColumn: number, items: readonly unknown[]): BlockLayout {
  const last = items.at(-1) as YamlNode | undefined;
  const item = itemColumns(text, last) ?? { dash: claimsKeyColumn + 2, key: claimsKeyColumn + 4 };
  const evidenceSeq = isMap(last) ? (last as YAMLMap).get('evidence', true) : undefined;
  const firstEvidence = isSeq(evidenceSeq) ? (evidenceSeq.items[0] as YamlNode | undefined) : undefined;
  const evidence = itemColumns(text, firstEvidence) ?? { dash: item.key + 2, key: item.key + 4 };
  let blankLine = false;
  const start = last?.range?.[0];
  if (start !== undefined) {
    const lineStart = lineStartAt(text, start);
    if (lineStart > 0) {
      const previousLine = text.slice(lineStartAt(text, lineStart - 1), lineStart);
      blankLine = previousLine.trim() === '';
    }
  }
  return { dash: item.dash, key: item.key, evidenceDash: evidence.dash, evidenceKey: evidence.key, blankLine };
}

/**
 * The edits that append `claim` at the end of the `claims:` list, after its last item and before
 * whatever follows it (other keys, comments, blank lines). An empty flow list (`claims: []`) is
 * replaced by a block list; a non-empty flow list gets one more flow item.
 */
export function planAppendClaim(text: string, doc: Document.Parsed, claim: NewClaim): TextEdit[] | string {
  const root = doc.contents;
  if (!isMap(root)) return 'claims.yaml is not a mapping';
  const pair = root.items.find((p) => (p.key as { value?: unknown } | null)?.value === 'claims');
  const seq = pair?.value;
  const keyStart = (pair?.key as YamlNode | undefined)?.range?.[0];
  if (!pair || !isSeq(seq) || !seq.range || keyStart === undefined) return 'claims.yaml has no `claims:` list';
  const eol = lineBreakOf(text);
  if (seq.flow && seq.items.length) {
    const lastEnd = (seq.items.at(-1) as YamlNode).range?.[1];
    if (lastEnd === undefined) return 'the last claim has no place in the text';
    return [{ start: lastEnd, end: lastEnd, text: `, ${renderFlowClaim(claim)}` }];
  }
  const keyColumn = columnOf(text, keyStart);
  const lines = renderBlockClaim(claim, layoutOf(text, keyColumn, seq.items)).join(eol);
  if (seq.flow) return replaceEmptyFlowList(text, seq.range, lines, eol);
  const last = seq.items.at(-1) as YamlNode | undefined;
  const end = last?.range?.[1];
  if (end === undefined) return 'the last claim has no place in the text';
  const blank = layoutOf(text, keyColumn, seq.items).blankLine ? eol : '';
  // Back up over blank lines the item's range may include, to just after its last line.
  let contentEnd = end;
  while (contentEnd > 0 && /[ \t\r\n]/.test(text.charAt(contentEnd - 1))) contentEnd--;
  const at = nextLineStart(text, contentEnd);
  if (atLineStart(text, at) && at > contentEnd) return [{ start: at, end: at, text: `${blank}${lines}${eol}` }];
  // The last claim ends the file without a line break: start a new line, keep the file's ending.
  return [{ start: text.length, end: text.length, text: `${eol}${blank}${lines}` }];
}

/** `claims: []` becomes `claims:` with the new item on the lines below. */
function replaceEmptyFlowList(text: string, range: readonly [number, number, number], lines: string, eol: string): TextEdit[] | string {
  const [start, end] = range;
  if (text.slice(start, end).includes('#')) return 'the empty claims list holds a comment; write `claims:` on its own line first';
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const remove: TextEdit = { start: from, end, text: '' };
  const at = nextLineStart(text, end);
  if (atLineStart(text, at) && at > end) return [remove, { start: at, end: at, text: `${lines}${eol}` }];
  return [remove, { start: text.length, end: text.length, text: `${eol}${lines}` }];
}
