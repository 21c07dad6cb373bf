import { compareMessages, createMessage, type CheckResult, type Message, type Span } from '@factcheck/core';

export interface StylishOptions {
  /** Colour the severities (ANSI). Default false. */
  color?: boolean;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' };

/**
 * The human output: messages grouped by file, one line each
 * (`12:7  error  quote not found in seeds/…  missing-quote  (claim-id)`), notes indented beneath.
 */
export function formatStylish(messages: readonly Message[], options: StylishOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${COLORS.reset}` : text);
  const byFile = new Map<string, Message[]>();
  for (const message of [...messages].sort(compareMessages)) {
    const list = byFile.get(message.file) ?? [];
    list.push(message);
    byFile.set(message.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(file);
    const rows = list.map((m) => ({
      where: m.place ? `${m.place.start.line}:${m.place.start.column}` : '',
      severity: m.severity,
      reason: oneLine(m.reason),
      rule: m.ruleId,
      claim: m.claimId ? `(${m.claimId})` : '',
      note: m.note,
    }));
    // A reduce, not Math.max(...rows): a spread of 200,000 messages overflows the call stack.
    const whereWidth = rows.reduce((w, r) => Math.max(w, r.where.length), 0);
    const severityWidth = rows.reduce((w, r) => Math.max(w, r.severity.length), 0);
    for (const row of rows) {
      const severity = paint(COLORS[row.severity], row.severity.padEnd(severityWidth));
      const tail = [paint(COLORS.dim, row.rule), row.claim].filter(Boolean).join('  ');
      out.push(`  ${row.where.padStart(whereWidth)}  ${severity}  ${row.reason}  ${tail}`);
      if (row.note) out.push(`  ${' '.repeat(whereWidth)}  ${' '.repeat(severityWidth)}  ${paint(COLORS.dim, `↳ ${oneLine(row.note)}`)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A source with fewer moved quotes than this keeps its one message per quote. */
const GROUP_MOVED_FROM = 2;

interface MovedGroup {
  path: string;
  /** The claims file that declares the source, where the summary stands. */
  file: string;
  place: Message['place'];
  /** Where each quote's message stands (placeKey: its claims file, and its span or its quote). */
  offsets: Set<string>;
  /** How far each quote moved, start and end; undefined for a quote without a span. */
  shifts: (readonly [number, number] | undefined)[];
}

/** The one shift every quote of a group moved by, when there is one. */
function commonShift(shifts: MovedGroup['shifts']): number | undefined {
  const first = shifts[0];
  if (!first || first[0] !== first[1]) return undefined;
  return shifts.every((s) => s !== undefined && s[0] === first[0] && s[1] === first[0]) ? first[0] : undefined;
}

const shiftOf = (span: Span | undefined, found: Span): readonly [number, number] | undefined => (span ? [found[0] - span[0], found[1] - span[1]] : undefined);

/**
 * The messages of a check for people: the moved-quote warnings of a source with several of them
 * become one line at the source's entry in claims.yaml, with the count and, when every quote moved
 * by the same amount, the shift (`seeds/a.txt: 38 quotes moved by +112 characters; run factcheck
 * update to pin them`). Moved quotes that fail the check (`anchor: { moved: error }`) and every
 * other message stay one by one.
 */
export function groupMovedQuotes(result: CheckResult): Message[] {
  const { workspace } = result;
  if (workspace.anchor.moved === 'error') return [...result.messages];
  const claims = new Map(workspace.claims.map((c) => [c.id, c]));
  const groups = new Map<string, MovedGroup>();
  for (const claim of result.claims) {
    for (const e of claim.evidence) {
      const evidence = claims.get(claim.id)?.evidence[e.index];
      if (e.status !== 'moved' || !e.found || !evidence) continue;
      let group = groups.get(e.source);
      if (!group) {
        const decl = workspace.sources.get(e.source) ?? result.sources.get(e.source)?.decl;
        groups.set(e.source, (group = { path: decl?.path ?? e.source, file: decl?.file ?? workspace.displayPath, place: decl?.place, offsets: new Set(), shifts: [] }));
      }
      group.offsets.add(placeKey(claims.get(claim.id)!.file, (evidence.spanPlace ?? evidence.quotePlace).start.offset));
      group.shifts.push(shiftOf(e.span, e.found));
    }
  }
  const grouped = new Set<string>();
  const summaries: Message[] = [];
  for (const group of groups.values()) {
    if (group.shifts.length < GROUP_MOVED_FROM) continue;
    group.offsets.forEach((offset) => grouped.add(offset));
    const shift = commonShift(group.shifts);
    const by = shift === undefined ? '' : ` by ${shift >= 0 ? '+' : '-'}${Math.abs(shift)} character${Math.abs(shift) === 1 ? '' : 's'}`;
    summaries.push(
      createMessage({
        ruleId: 'quote-moved',
        severity: 'warning',
        reason: `${group.path}: ${group.shifts.length} quotes moved${by}; run factcheck update to pin them`,
        file: group.file,
        ...(group.place ? { place: group.place } : {}),
        note: 'Each still stands word for word in the source; --verbose lists them one by one.',
      }),
    );
  }
  const isGrouped = (m: Message) => m.ruleId === 'quote-moved' && m.severity === 'warning' && m.place !== undefined && grouped.has(placeKey(m.file, m.place.start.offset));
  return [...result.messages.filter((m) => !isGrouped(m)), ...summaries].sort(compareMessages);
}

/** What a passing claim has shown, in one line: its quotes stand, which is not to say it is true. */
export const SUMMARY_MEANING = 'passed: every quote of the claim still stands in its source and no unacknowledged contradiction involves it; not that the claim is true';

/**
 * The closing lines of every check: what "passed" means, then `N passed, N failed`, always the
 * last line (CI reads it).
 */
export function formatSummaryLine(summary: { passed: number; failed: number }): string {
  return `${SUMMARY_MEANING}\n${summary.passed} passed, ${summary.failed} failed`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ⏎ ');
}

/** A place in one of the claims files: its file and offset. */
const placeKey = (file: string, offset: number) => `${file}\0${offset}`;
