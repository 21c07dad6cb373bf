import type { CoverageResult, CoverageThresholds } from '@factcheck/core';
import { formatPercent, isBelow } from './percent.js';

export interface CoverageTableOptions {
  /** Heading line above the table. Default `Coverage: sentences quoted (not facts checked)`. */
  title?: string;
  /** The global thresholds (`workspace.coverage`), checked against the total line. Default: none (no mark on the total). */
  thresholds?: CoverageThresholds;
}

interface Row {
  name: string;
  sentences: string;
  sentencePct: string;
  characterPct: string;
  mark: string;
}

/**
 * A short plain-text table of coverage by source (id, covered/total sentences, sentence %,
 * character %, and ✓/✗ against the thresholds that apply), with a total line. No colours:
 * callers that print to a terminal may colour it.
 */
// Coverage counts sentences that some verified quote overlaps; the heading says so, so that
// 100% is not read as "every fact checked".
const DEFAULT_COVERAGE_TITLE = 'Coverage: sentences quoted (not facts checked)';

export function formatCoverageTable(coverage: CoverageResult, options: CoverageTableOptions = {}): string {
  const rows: Row[] = coverage.sources.map((s) => ({
    name: s.source,
    sentences: `${s.covered}/${s.sentences - s.excluded}`,
    sentencePct: formatPercent(s.sentencePct),
    characterPct: formatPercent(s.characterPct),
    mark: thresholdMark(s.thresholds, s.covered, s.sentences - s.excluded, s.coveredCharacters, s.characters),
  }));
  const t = coverage.total;
  const totalThresholds = options.thresholds ?? {};
  rows.push({
    name: 'total',
    sentences: `${t.covered}/${t.sentences - t.excluded}`,
    sentencePct: formatPercent(t.sentencePct),
    characterPct: formatPercent(t.characterPct),
    mark: thresholdMark(totalThresholds, t.covered, t.sentences - t.excluded, t.coveredCharacters, t.characters),
  });
  const header: Row = { name: 'source', sentences: 'quoted', sentencePct: '%', characterPct: 'chars %', mark: '' };
  const all = [header, ...rows];
  const width = (pick: (r: Row) => string): number => Math.max(...all.map((r) => [...pick(r)].length));
  const w = { name: width((r) => r.name), sentences: width((r) => r.sentences), sentencePct: width((r) => r.sentencePct), characterPct: width((r) => r.characterPct) };
  const line = (r: Row): string =>
    [padEnd(r.name, w.name), padStart(r.sentences, w.sentences), padStart(r.sentencePct, w.sentencePct), padStart(r.characterPct, w.characterPct), r.mark]
      .join('  ')
      .trimEnd();
  const lines = [options.title ?? DEFAULT_COVERAGE_TITLE, line(header), ...rows.slice(0, -1).map(line), '-'.repeat(line(header).length), line(rows[rows.length - 1]!)];
  return lines.join('\n');
}

function thresholdMark(thresholds: CoverageThresholds, covered: number, total: number, coveredChars: number, chars: number): string {
  const misses: string[] = [];
  if (thresholds.sentences !== undefined && isBelow(covered, total, thresholds.sentences)) misses.push(`sentences < ${thresholds.sentences}%`);
  if (thresholds.characters !== undefined && isBelow(coveredChars, chars, thresholds.characters)) misses.push(`chars < ${thresholds.characters}%`);
  if (misses.length) return `✗ ${misses.join(', ')}`;
  return thresholds.sentences !== undefined || thresholds.characters !== undefined ? '✓' : '';
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...s].length)) + s;
}
