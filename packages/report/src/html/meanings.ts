// What the report's words mean, said once for every page: the verdicts (word for word as the
// README's table and the JSON Schema say them), what "quotes verified" checks, and what the
// coverage figures count, so that a reader never takes a green tick for "true" or a coverage
// figure for "every fact checked".
import type { ClaimResult, Verdict } from '@factcheck/core';
import type { CheckOutcome } from './rows.js';
import { html, type SafeHtml } from './safe-html.js';

/** What each verdict of claims.yaml says about a claim, for people. */
export const VERDICT_MEANINGS: Readonly<Record<Verdict, string>> = {
  supported: 'the cited evidence states the claim, with the same attribution',
  refuted: 'the cited evidence contradicts it',
  disputed: 'the cited sources disagree, and evidence on both sides is cited',
  unverified: 'the sources do not settle it',
};

/** What a claim that passes the check has shown: its quotes stand, nothing more. */
export const CHECK_MEANING =
  'every quote of the claim still stands word for word in its source, and no unacknowledged contradiction involves it; this says the evidence is where the claim says it is, not that the claim is true';

/** What the coverage figures count. */
export const COVERAGE_MEANING =
  'a sentence counts as quoted when a quote that still stands in the source (verified or moved) overlaps one of its words; this measures how much of a source is quoted, not how many of its facts are checked';

export type { CheckOutcome };

export const CHECK_LABELS: Readonly<Record<CheckOutcome, string>> = {
  verified: 'quotes verified',
  'quotes-failing': 'quotes failing',
  contradiction: 'contradiction',
};

const CHECK_TITLES: Readonly<Record<CheckOutcome, string>> = {
  verified: `Quotes verified: ${CHECK_MEANING}.`,
  'quotes-failing': 'Quotes failing: at least one quote of the claim no longer stands as written in its source.',
  contradiction: 'Contradiction: the quotes stand, but the claim contradicts another claim or its own evidence, and the contradiction is not acknowledged.',
};

/**
 * The outcome of a claim's check: passed, failed because a quote no longer stands (a moved quote
 * fails only when claims.yaml says `anchor: { moved: error }`), or failed for a contradiction alone.
 */
export function checkOutcome(claim: Pick<ClaimResult, 'status' | 'evidence'>, movedFails: boolean): CheckOutcome {
  if (claim.status === 'passed') return 'verified';
  const stands = (status: string) => status === 'verified' || (status === 'moved' && !movedFails);
  return claim.evidence.every((e) => stands(e.status)) ? 'contradiction' : 'quotes-failing';
}

/** A verdict as a badge, with its meaning as its tooltip. */
export function verdictBadge(verdict: Verdict): SafeHtml {
  return html`<span class="badge v-badge verdict-${verdict} v-${verdict}" title="${verdict}: ${VERDICT_MEANINGS[verdict]}">${verdict}</span>`;
}

/** A claim's outcome as a badge (`status-passed` or `status-failed`), with its meaning as its tooltip. */
export function checkBadge(outcome: CheckOutcome): SafeHtml {
  return html`<span class="badge status-${outcome === 'verified' ? 'passed' : 'failed'}" title="${CHECK_TITLES[outcome]}">${CHECK_LABELS[outcome]}</span>`;
}

/** Every verdict with its badge and its meaning, as visible text. */
function verdictLegend(): SafeHtml {
  const verdicts = Object.keys(VERDICT_MEANINGS) as Verdict[];
  return html`<ul class="verdict-legend">${verdicts.map((v) => html`<li>${verdictBadge(v)} <span class="meaning">${VERDICT_MEANINGS[v]}</span></li>`)}</ul>`;
}

/** What "quotes verified", "sentences quoted" and each verdict mean, as visible text: both pages' legends. */
export function meaningsList(): SafeHtml {
  return html`<dl class="meanings">
<dt>Quotes verified</dt><dd>${sentenceCase(CHECK_MEANING)}.</dd>
<dt>Sentences quoted</dt><dd>${sentenceCase(COVERAGE_MEANING)}.</dd>
<dt>Verdicts</dt><dd>Written by the fact-checker in claims.yaml; the check does not decide them.${verdictLegend()}</dd>
</dl>`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
