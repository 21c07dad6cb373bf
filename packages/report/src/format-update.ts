import { escapeControlChars, type Span } from '@factcheck/core';
import type { EditAction, LeftoverLine, UpdateLeftover, UpdateLine, UpdateResult } from '@factcheck/edit';

type AnyLine = UpdateLine<EditAction> | LeftoverLine;

const showSpan = (span: Span | undefined) => (span ? `[${span[0]}, ${span[1]}]` : 'none');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The kind of a line as update's output names it (stable: the JSON `kind`, and the summary's counts). */
function kindOf(action: EditAction | UpdateLeftover): string {
  switch (action.kind) {
    case 'refresh-sha256':
      return 'sha256';
    case 'left-for-a-person':
      return action.status;
    default:
      return action.kind;
  }
}

/** The claim a line is about; none for a source's sha256. */
function claimIdOf(action: EditAction | UpdateLeftover): string | undefined {
  if (action.kind === 'not-editable') return claimIdOf(action.action);
  return action.kind === 'refresh-sha256' ? undefined : action.evidence.claimId;
}

/** An edit as update's JSON writes it: `kind`, the claim and source, the place, the values before and after, `message` last. */
function jsonEdit(line: UpdateLine<EditAction>, file: string): Record<string, unknown> {
  const { action } = line;
  const place = { file: line.file ?? file, line: line.line, column: line.column };
  const message = line.text;
  switch (action.kind) {
    case 'refresh-sha256':
      return { kind: 'sha256', source: action.source, ...place, before: action.before, after: action.after, message };
    case 'accept':
      return {
        kind: 'accept',
        claimId: action.evidence.claimId,
        source: action.evidence.source,
        ...place,
        before: action.quote.before,
        after: action.quote.after,
        ...(action.score !== undefined ? { score: action.score } : {}),
        ...(action.history ? { history: action.history } : {}),
        ...(action.suggestion !== undefined ? { suggestion: action.suggestion } : {}),
        message,
      };
    case 'pin':
      return { kind: 'pin', claimId: action.evidence.claimId, source: action.evidence.source, ...place, after: showSpan(action.span), message };
    case 'repin':
      return { kind: 'repin', claimId: action.evidence.claimId, source: action.evidence.source, ...place, before: showSpan(action.before), after: showSpan(action.after), message };
  }
}

/** What is left for a person, as update's JSON writes it: as an edit, with the `note` before `message`. */
function jsonLeftover(line: LeftoverLine, file: string): Record<string, unknown> {
  const { action, note } = line;
  const place = { file: line.file ?? file, line: line.line, column: line.column };
  const message = line.text;
  if (action.kind === 'not-editable') {
    const claimId = claimIdOf(action);
    const source = action.action.kind === 'refresh-sha256' ? action.action.source : action.action.evidence.source;
    return { kind: 'not-editable', ...(claimId !== undefined ? { claimId } : {}), source, ...place, note, message };
  }
  const r = action.result;
  const changed = action.status === 'changed';
  return {
    kind: action.status,
    claimId: action.evidence.claimId,
    source: action.evidence.source,
    ...place,
    ...(changed && r.actual !== undefined ? { before: r.quote, after: r.actual } : {}),
    ...(changed && r.score !== undefined ? { score: r.score } : {}),
    note,
    message,
  };
}

function countKinds(result: UpdateResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of [...result.edits, ...result.leftovers]) {
    const kind = kindOf(line.action);
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** The closing summary: what was written (or would be, in a dry run), and how much is left for a person. */
function updateSummary(result: UpdateResult): string {
  const c = countKinds(result);
  const parts = [
    c.repin ? `${plural(c.repin, 'span')} re-pinned` : '',
    c.pin ? `${plural(c.pin, 'span')} added` : '',
    c.accept ? `${plural(c.accept, 'quote')} accepted` : '',
    c.sha256 ? `${plural(c.sha256, 'sha256', 'sha256s')} refreshed` : '',
  ].filter(Boolean);
  // The claims files edited: claims.yaml, or the files it includes whose claims changed.
  const files = result.files?.length ? result.files.join(', ') : result.claims;
  let head: string;
  if (!result.edits.length) head = `${result.claims} is up to date: nothing to pin.`;
  else if (result.dryRun) head = `Dry run: ${files} not written; update would make ${plural(result.edits.length, 'edit')} (${parts.join(', ')}).`;
  else head = `Updated ${files}: ${parts.join(', ')}.`;
  if (!result.leftovers.length) return head;
  const left = ['changed', 'ambiguous', 'missing', 'not-editable'].filter((k) => c[k]).map((k) => `${c[k]} ${k}`);
  return `${head}\n${plural(result.leftovers.length, 'evidence item')} left for you (${left.join(', ')}).`;
}

/**
 * What `factcheck update` prints. stylish: one line per edit (`claims.yaml:13:15  span [0, 27] →
 * [21, 48]  (claim-id)`), then what is left for a person with a note on what to do, then the
 * summary. json: one object with `edits`, `leftovers` and `summary`.
 */
export function formatUpdateResult(result: UpdateResult, format: 'stylish' | 'json'): string {
  if (format === 'json') {
    const edits = result.edits.map((line) => jsonEdit(line, result.claims));
    const leftovers = result.leftovers.map((line) => jsonLeftover(line, result.claims));
    const json = { version: 1, claims: result.claims, dryRun: result.dryRun, written: result.written, edits, leftovers, summary: updateSummary(result) };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  // The lines quote the sources: control characters in them must not reach the terminal.
  const show = (line: AnyLine) => {
    const claimId = claimIdOf(line.action);
    return escapeControlChars(`${line.file ?? result.claims}:${line.line}:${line.column}  ${line.text}${claimId ? `  (${claimId})` : ''}\n`);
  };
  let out = result.edits.map(show).join('');
  if (result.leftovers.length) {
    out += `${result.edits.length ? '\n' : ''}Not changed, needs a person:\n`;
    for (const line of result.leftovers) out += `${show(line)}    ${escapeControlChars(line.note)}\n`;
  }
  return `${out}${result.edits.length || result.leftovers.length ? '\n' : ''}${updateSummary(result)}\n`;
}
