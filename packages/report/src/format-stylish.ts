import { compareMessages, type Message } from '@factcheck/core';

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
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
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

/** `N passed, N failed`: the closing line of every check. */
export function formatSummaryLine(summary: { passed: number; failed: number }): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ⏎ ');
}
