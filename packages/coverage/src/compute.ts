import type {
  CoverageResult,
  CoverageThresholds,
  EvidenceResult,
  ExcludePattern,
  LoadedSource,
  Message,
  Place,
  RuleId,
  SentenceCoverage,
  SourceCoverage,
  SourceText,
  Span,
  Workspace,
} from '@factcheck/core';
import { classifyCodePoints, WHITESPACE, WORD } from './chars.js';
import { excludedRanges } from './exclude.js';
import { formatPercent, isBelow, percent } from './percent.js';
import { splitSentences } from './sentences.js';
import { markSpans } from './spans.js';

export interface CoverageInput {
  workspace: Workspace;
  sources: ReadonlyMap<string, LoadedSource>;
  /** Every evidence result; verified and moved quotes cover the text of their own source. */
  evidence: readonly EvidenceResult[];
  /**
   * Sentence spans already split (splitSentences) by source id, as a result cache or a worker
   * thread keeps them; the sources without are split here.
   */
  sentences?: ReadonlyMap<string, readonly Span[]>;
}

export const COVERAGE_RULE_ID = 'coverage-threshold' satisfies RuleId;

/** Passing and failing evidence spans of one source. */
interface SourceEvidence {
  passing: Span[];
  failing: Span[];
}

/**
 * Sentence and character coverage of every loaded source, in the order of claims.yaml.
 *
 * - Evidence has a place in the text when the anchor step `found` it (verified, moved, changed).
 *   It is passing when its quote stands verbatim (verified or moved); changed evidence is failing.
 *   Each source counts on its own: what happens to a claim's evidence in other sources, or to the
 *   claim as a whole, does not change what its quotes in this source cover.
 * - A sentence is covered when passing evidence overlaps one of its word characters (letters and
 *   digits), partial when only failing evidence does, and uncovered otherwise. A sentence whose
 *   word characters all fall in `exclude` matches, or that has none at all (a lone bullet or
 *   rule), is excluded and leaves the denominator. Exclusion wins over coverage.
 * - Characters count code points that are not whitespace and not excluded (by a pattern or
 *   through an excluded sentence); covered ones lie inside passing evidence.
 * - Thresholds: a source's own `coverage` values override the global ones field by field; the
 *   global values apply to every source that sets none of its own and to the total. Each miss is
 *   an error message at the source's entry in claims.yaml (the total's has no place).
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const { workspace, sources } = input;
  const bySource = groupEvidence(input.evidence);
  const results: SourceCoverage[] = [];
  const messages: Message[] = [];
  for (const decl of workspace.sources.values()) {
    const loaded = sources.get(decl.id);
    if (!loaded) continue;
    const evidence = bySource.get(decl.id) ?? { passing: [], failing: [] };
    const thresholds = effectiveThresholds(workspace.coverage, decl.coverage);
    const coverage = measureSource(loaded.text, decl.exclude, evidence, { source: decl.id, path: decl.path, thresholds }, input.sentences?.get(decl.id));
    results.push(coverage);
    messages.push(...thresholdMessages(coverage, { text: decl.path, source: decl.id }, thresholds, decl.file, decl.place));
  }
  const total = sumTotals(results);
  messages.push(...thresholdMessages(total, { text: 'all sources' }, workspace.coverage, workspace.displayPath, undefined));
  return { sources: results, total, messages };
}

function groupEvidence(evidence: readonly EvidenceResult[]): Map<string, SourceEvidence> {
  const bySource = new Map<string, SourceEvidence>();
  for (const item of evidence) {
    if (!item.found) continue;
    let entry = bySource.get(item.source);
    if (!entry) bySource.set(item.source, (entry = { passing: [], failing: [] }));
    (coversText(item) ? entry.passing : entry.failing).push(item.found);
  }
  return bySource;
}

/** A quote covers its source when it stands there verbatim, at its span or elsewhere. */
function coversText(evidence: EvidenceResult): boolean {
  return evidence.status === 'verified' || evidence.status === 'moved';
}

/** The thresholds that apply to one source: its own values, else the global ones. */
export function effectiveThresholds(global: CoverageThresholds, own: CoverageThresholds | undefined): CoverageThresholds {
  const out: CoverageThresholds = {};
  const sentences = own?.sentences ?? global.sentences;
  const characters = own?.characters ?? global.characters;
  if (sentences !== undefined) out.sentences = sentences;
  if (characters !== undefined) out.characters = characters;
  return out;
}

/** Coverage of one text. Pure: exported for callers that measure a text outside a workspace. */
export function measureSource(
  text: SourceText,
  exclude: readonly ExcludePattern[],
  evidence: { passing: readonly Span[]; failing: readonly Span[] },
  about: { source: string; path: string; thresholds: CoverageThresholds },
  sentences: readonly Span[] = splitSentences(text),
): SourceCoverage {
  const n = text.length;
  const classes = classifyCodePoints(text.text, n);
  const excluded = markSpans(excludedRanges(text, exclude), n);
  const passing = markSpans(evidence.passing, n);
  const failing = markSpans(evidence.failing, n);

  const detail: SentenceCoverage[] = [];
  let covered = 0;
  let partial = 0;
  let excludedCount = 0;
  for (const span of sentences) {
    const state = sentenceState(span, classes, excluded, passing, failing);
    if (state === 'covered') covered++;
    else if (state === 'partial') partial++;
    else if (state === 'excluded') {
      excludedCount++;
      // The whole sentence leaves the character count too, so both figures agree.
      excluded.fill(1, span[0], span[1]);
    }
    detail.push({ span, state });
  }

  let characters = 0;
  let coveredCharacters = 0;
  for (let i = 0; i < n; i++) {
    if (classes[i] === WHITESPACE || excluded[i] === 1) continue;
    characters++;
    coveredCharacters += passing[i]!;
  }

  const counted = detail.length - excludedCount;
  return {
    source: about.source,
    path: about.path,
    sentences: detail.length,
    covered,
    partial,
    excluded: excludedCount,
    characters,
    coveredCharacters,
    sentencePct: percent(covered, counted),
    characterPct: percent(coveredCharacters, characters),
    thresholds: about.thresholds,
    detail,
  };
}

function sentenceState(
  [start, end]: Span,
  classes: Uint8Array,
  excluded: Uint8Array,
  passing: Uint8Array,
  failing: Uint8Array,
): SentenceCoverage['state'] {
  let anyIncluded = false;
  let touchedByPassing = false;
  let touchedByFailing = false;
  for (let i = start; i < end; i++) {
    if (classes[i] !== WORD) continue;
    if (excluded[i] === 0) anyIncluded = true;
    if (passing[i] === 1) touchedByPassing = true;
    else if (failing[i] === 1) touchedByFailing = true;
  }
  if (!anyIncluded) return 'excluded';
  if (touchedByPassing) return 'covered';
  return touchedByFailing ? 'partial' : 'uncovered';
}

function sumTotals(sources: readonly SourceCoverage[]): CoverageResult['total'] {
  let sentences = 0;
  let covered = 0;
  let partial = 0;
  let excluded = 0;
  let characters = 0;
  let coveredCharacters = 0;
  for (const s of sources) {
    sentences += s.sentences;
    covered += s.covered;
    partial += s.partial;
    excluded += s.excluded;
    characters += s.characters;
    coveredCharacters += s.coveredCharacters;
  }
  return {
    sentences,
    covered,
    partial,
    excluded,
    characters,
    coveredCharacters,
    sentencePct: percent(covered, sentences - excluded),
    characterPct: percent(coveredCharacters, characters),
  };
}

type Figures = CoverageResult['total'];

/** What a threshold message is about: a source (its path, and its id) or all sources together. */
interface Subject {
  text: string;
  source?: string;
}

function thresholdMessages(
  figures: Figures,
  subject: Subject,
  thresholds: CoverageThresholds,
  file: string,
  place: Place | undefined,
): Message[] {
  const messages: Message[] = [];
  const counted = figures.sentences - figures.excluded;
  const checks = [
    { kind: 'sentences', threshold: thresholds.sentences, covered: figures.covered, total: counted, pct: figures.sentencePct },
    { kind: 'characters', threshold: thresholds.characters, covered: figures.coveredCharacters, total: figures.characters, pct: figures.characterPct },
  ] as const;
  for (const check of checks) {
    if (check.threshold === undefined || !isBelow(check.covered, check.total, check.threshold)) continue;
    const message: Message = {
      ruleId: COVERAGE_RULE_ID,
      severity: 'error',
      reason: `${subject.text}: ${formatPercent(check.pct)} of ${check.kind} covered, threshold ${check.threshold}%`,
      file,
      actual: `${formatPercent(check.pct)} (${check.covered} of ${check.total} ${check.kind})`,
      expected: `at least ${check.threshold}%`,
      note:
        check.kind === 'sentences'
          ? 'Add claims whose evidence quotes the uncovered sentences, or leave boilerplate out with `exclude:`.'
          : 'Quote more of the source in claims, or leave boilerplate out with `exclude:`.',
    };
    if (place) message.place = place;
    if (subject.source !== undefined) message.source = subject.source;
    messages.push(message);
  }
  return messages;
}
