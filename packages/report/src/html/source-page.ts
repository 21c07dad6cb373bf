import { formatSimilarity, type CheckResult, type Claim, type ClaimResult, type ConflictAck, type DiffPart, type EvidenceResult, type LoadedSource, type Stance, type Verdict } from '@factcheck/core';
import { excludedRanges, formatPercent, isBelow, mergeSpans } from '@factcheck/coverage';
import { safeHttpUrl } from './escape.js';
import type { HtmlRenderOptions } from './index-page.js';
import { checkBadge, checkOutcome, meaningsList, verdictBadge } from './meanings.js';
import {
  correctionsOf,
  describeCorrection,
  describeEvidence,
  evidenceHref,
  failureReasons,
  isPassingEvidence,
  reportModel,
  sourceLabel,
  type ReportModel,
} from './model.js';
import { claimElementId, evidenceElementId, lineElementId } from './names.js';
import { formatCount, formatGenerated, renderPage } from './page.js';
import { html, inlineText, joinHtml, textHtml, type SafeHtml } from './safe-html.js';
import { renderSourceText, type PlacedEvidence } from './source-text.js';
import { textFragmentUrl } from './text-fragment.js';
import { bandOf } from './watermarks.js';

const DISABLED = html` disabled`;

/** One source's page: header, legend, quotes without a place, the text, and the claims citing it. */
export function renderSourceHtml(result: CheckResult, sourceId: string, options: HtmlRenderOptions = {}): string {
  const model = reportModel(result);
  const source = result.sources.get(sourceId);
  if (!source) throw new RangeError(`renderSourceHtml: no loaded source with id ${JSON.stringify(sourceId)}; loaded: ${[...result.sources.keys()].slice(0, 10).join(', ')}`);
  const { decl, text } = source;
  const url = safeHttpUrl(decl.url);
  const evidence = model.evidenceBySource.get(sourceId) ?? [];
  const claimOrder = [...new Set(evidence.map((e) => e.claimId))];
  const claimIndex = new Map(claimOrder.map((id, i) => [id, i]));
  const placed: PlacedEvidence[] = [];
  const placeless: EvidenceResult[] = [];
  const keyOf = new Map(evidence.map((e, key) => [e, key]));
  evidence.forEach((e, key) => {
    if (!e.found) {
      placeless.push(e);
      return;
    }
    placed.push({
      key,
      claimIndex: claimIndex.get(e.claimId)!,
      span: e.found,
      status: e.status,
      passing: isPassingEvidence(model, e),
      verdict: model.claimResults.get(e.claimId)?.verdict ?? model.claims.get(e.claimId)?.verdict ?? 'unverified',
      corrected: correctionsOf(model, e).length > 0,
      anchorId: evidenceElementId(e.claimId, e.index),
      tooltip: tooltipOf(model, e),
    });
  });
  const coverage = model.coverageBySource.get(sourceId);
  const sentences = coverage?.detail ?? [];
  const excluded = mergeSpans([...excludedRanges(text, decl.exclude), ...sentences.filter((s) => s.state === 'excluded').map((s) => s.span)]);
  const title = sourceLabel(decl, sourceId);
  const now = options.now ?? new Date();
  const uncoveredCount = sentences.filter((s) => s.state === 'uncovered').length;

  const body = html`<header class="top">
<div class="wrap">
<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">All sources</a></nav>
<h1>${inlineText(title)}</h1>
<p class="meta">${metaLine(source, url)}</p>
${coverageLine(model, sourceId)}
</div>
</header>
<main id="main" class="wrap source-layout">
<div class="reading">
${legend()}
<div class="toolbar" role="group" aria-label="Uncovered sentences">
<button type="button" id="prev-uncovered"${uncoveredCount ? '' : DISABLED}>Previous uncovered <kbd>p</kbd></button>
<button type="button" id="next-uncovered"${uncoveredCount ? '' : DISABLED}>Next uncovered <kbd>n</kbd></button>
<span id="nav-status" role="status">${uncoveredCount ? `${formatCount(uncoveredCount)} uncovered sentence${uncoveredCount === 1 ? '' : 's'}` : 'No uncovered sentences'}</span>
</div>
${placelessSection(model, placeless, claimIndex, url)}
<section class="text-block" aria-labelledby="text-title">
<h2 id="text-title">Text <span class="count">${formatCount(text.lineCount)} line${text.lineCount === 1 ? '' : 's'}</span></h2>
<div class="source-text" id="source-text">
${renderSourceText(text, { evidence: placed, sentences, excluded })}
</div>
</section>
<section class="claims-block" aria-labelledby="claims-title">
<h2 id="claims-title">Claims citing this source <span class="count">${formatCount(claimOrder.length)}</span></h2>
${claimOrder.length ? joinHtml(claimOrder.map((id, i) => claimCard(model, id, i, sourceId, url, keyOf)), '\n') : html`<p class="muted">No claim cites this source yet.</p>`}
</section>
</div>
<aside class="panel" id="panel" aria-labelledby="panel-title">
<div class="panel-head"><h2 id="panel-title">Selected passage</h2><button type="button" id="panel-close" class="close" aria-label="Close the panel">×</button></div>
<div id="panel-body"><p class="muted">Select a highlighted quote (click it, or reach it with <kbd>Tab</kbd>) to see the claims that cite it.</p></div>
</aside>
</main>
<footer class="wrap foot"><p>Generated ${formatGenerated(now)} by factcheck. Keys: <kbd>n</kbd> next and <kbd>p</kbd> previous uncovered sentence.</p></footer>`;
  return renderPage({ title: `${title} · factcheck`, kind: 'source', root: '../', body });
}

function metaLine(source: LoadedSource, url: string | undefined): SafeHtml {
  const { decl } = source;
  const parts: SafeHtml[] = [];
  if (decl.publisher) parts.push(inlineText(decl.publisher));
  if (decl.published) parts.push(html`<time>${textHtml(decl.published)}</time>`);
  parts.push(html`<code>${textHtml(decl.path)}</code>`);
  parts.push(html`id <code>${textHtml(decl.id)}</code>`);
  if (url) parts.push(html`<a class="ext" href="${url}" rel="noopener noreferrer external">Original article</a>`);
  return joinHtml(parts, ' · ');
}

function coverageLine(model: ReportModel, sourceId: string): SafeHtml {
  const c = model.coverageBySource.get(sourceId);
  if (!c) return html`<p class="cov-line muted">No coverage figures for this source.</p>`;
  const counted = c.sentences - c.excluded;
  const t = c.thresholds;
  const thresholdNote = (threshold: number | undefined, covered: number, all: number): SafeHtml | string =>
    threshold === undefined ? '' : isBelow(covered, all, threshold) ? html` <span class="fail">✗ below ${threshold}%</span>` : html` <span class="pass">✓ ${threshold}%</span>`;
  return html`<p class="cov-line"><span class="stat wm-${bandOf(c.sentencePct, t.sentences)}"><strong>${formatPercent(c.sentencePct)}</strong> of sentences quoted</span> (${formatCount(c.covered)} of ${formatCount(counted)}${c.partial ? `, ${formatCount(c.partial)} partly` : ''}${c.excluded ? `, ${formatCount(c.excluded)} excluded` : ''})${thresholdNote(t.sentences, c.covered, counted)}
<span class="sep" aria-hidden="true">·</span> <span class="stat wm-${bandOf(c.characterPct, t.characters)}"><strong>${formatPercent(c.characterPct)}</strong> of characters quoted</span> (${formatCount(c.coveredCharacters)} of ${formatCount(c.characters)})${thresholdNote(t.characters, c.coveredCharacters, c.characters)}</p>`;
}

/** The two cues of a highlighted quote, each explained: its verdict (colour and icon) and its check status (underline). */
function legend(): SafeHtml {
  const verdicts: [string, string][] = [
    ['supported', 'supported: the evidence states the claim'],
    ['refuted', 'refuted: the evidence contradicts the claim'],
    ['disputed', 'disputed: the sources disagree'],
    ['unverified', 'unverified: the sources do not settle it'],
    ['mixed', 'mixed: the passage backs claims with different verdicts'],
  ];
  const statuses: [string, string][] = [
    ['ev ev-verified', 'solid: quote verified'],
    ['ev ev-moved', 'dashed: quote moved (it stands elsewhere in the text)'],
    ['ev ev-changed', 'dotted: quote changed (the text no longer reads so)'],
    ['ev ev-verified ev-failing', 'double: quote verified, but its claim fails the check'],
  ];
  const coverage: [string, string][] = [
    ['s partial', 'Only changed quotes'],
    ['s uncovered', 'Sentence not quoted'],
    ['x', 'Excluded boilerplate'],
  ];
  const list = (items: [string, string][]): SafeHtml => html`<ul>${items.map(([cls, label]) => html`<li><span class="swatch ${cls}">Text</span> ${label}</li>`)}</ul>`;
  return html`<details class="legend" open><summary>Legend</summary>
<h3>Verdict: colour and icon</h3>
<p class="cue">Each highlighted quote takes the colour and the icon of the verdict of the claims it backs.</p>
<ul class="verdict-cues">${verdicts.map(([v, label]) => html`<li><span class="swatch ev ev-start v-${v}" data-verdict-swatch="${v}">Text</span> ${label}</li>`)}</ul>
<h3>Check status: underline</h3>
${list(statuses)}
<p class="cue">✎ after the icon: the quote was corrected (hover or select it to see what it was).</p>
<h3>Coverage</h3>
${list(coverage)}
${meaningsList()}</details>`;
}

function tooltipOf(model: ReportModel, e: EvidenceResult): string {
  const claim = model.claimResults.get(e.claimId);
  const status = e.status === 'verified' && claim?.status === 'failed' ? 'verified, but the claim fails the check' : e.status;
  let tip = `${e.claimId}: ${claim?.verdict ?? 'unverified'}; quote ${status}`;
  if (e.status === 'changed' && e.actual !== undefined) tip += `\nquote: “${e.quote}”\nsource now reads: “${e.actual}”`;
  for (const correction of correctionsOf(model, e)) tip += `\n${describeCorrection(correction)}`;
  return tip;
}

/** The accepted corrections of a quote, as a list under it; empty when it has none. */
function historyList(model: ReportModel, e: EvidenceResult): SafeHtml | string {
  const corrections = correctionsOf(model, e);
  if (!corrections.length) return '';
  const items = corrections.map((c) => html`<li>Corrected on <time datetime="${c.date}">${c.date}</time>; was: “${textHtml(c.was)}”</li>`);
  return html`<ul class="history" aria-label="Corrections of this quote">${items}</ul>`;
}

/** The candidates of a placeless quote: the places an ambiguous one matches, or the passages a missing one may have become. */
function candidateList(e: EvidenceResult, items: readonly SafeHtml[]): SafeHtml {
  if (e.status !== 'missing') return html`<ul class="candidates">${items}</ul>`;
  return html`<p class="candidates-title">Maybe reworded as:</p><ul class="candidates" aria-label="Passages that may be this quote reworded">${items}</ul>`;
}

function placelessSection(model: ReportModel, placeless: readonly EvidenceResult[], claimIndex: ReadonlyMap<string, number>, url: string | undefined): SafeHtml | string {
  if (!placeless.length) return '';
  const items = placeless.map((e) => {
    const source = model.result.sources.get(e.source);
    const candidates = (e.candidates ?? []).slice(0, 5).map((c) => {
      const line = source ? source.text.position(Math.min(c.span[0], source.text.length)).line : undefined;
      return html`<li>${line ? html`<a href="#${lineElementId(line)}">line ${line}</a>: ` : ''}“${inlineText(c.text)}” <span class="muted">(${formatSimilarity(c.score)})</span></li>`;
    });
    return html`<li class="placeless-item st-${e.status}" id="${evidenceElementId(e.claimId, e.index)}" tabindex="-1" data-c="${claimIndex.get(e.claimId) ?? ''}">
<p><span class="badge st-${e.status}">${e.status}</span> <a href="#${claimElementId(e.claimId)}"><code>${textHtml(e.claimId)}</code></a> <span class="muted">${textHtml(describeEvidence(e, source))}</span></p>
<blockquote>${textHtml(e.quote)}</blockquote>${historyList(model, e)}${candidates.length ? candidateList(e, candidates) : ''}${url ? html`<p><a class="ext" href="${textFragmentUrl(url, e.quote)}" rel="noopener noreferrer external">Look for it in the original</a></p>` : ''}
</li>`;
  });
  return html`<section class="placeless" aria-labelledby="placeless-title">
<h2 id="placeless-title">Quotes not found in the text <span class="count">${formatCount(placeless.length)}</span></h2>
<ul class="placeless-list">${joinHtml(items, '\n')}</ul>
</section>`;
}

function claimCard(model: ReportModel, claimId: string, index: number, sourceId: string, url: string | undefined, keyOf: ReadonlyMap<EvidenceResult, number>): SafeHtml {
  const claim = model.claims.get(claimId);
  const result = model.claimResults.get(claimId);
  const status = result?.status ?? 'failed';
  const verdict = result?.verdict ?? claim?.verdict ?? 'unverified';
  const reasons = result && status === 'failed' ? failureReasons(model, result) : [];
  const outcome = checkOutcome(result ?? { status, evidence: [] }, model.result.workspace.anchor.moved === 'error');
  return html`<article class="claim claim-${status}" id="${claimElementId(claimId)}" data-ci="${index}">
<header class="claim-head"><h3><a href="#${claimElementId(claimId)}"><code>${textHtml(claimId)}</code></a></h3> ${verdictBadge(verdict)} ${checkBadge(outcome)}</header>
<p class="claim-text">${inlineText(claim?.claim ?? '')}</p>
${claim?.note ? html`<p class="note"><span class="label">Note:</span> ${inlineText(claim.note)}</p>` : ''}${claim ? factList(model, claim) : ''}${claim ? conflictList(model, claim, sourceId) : ''}${reasons.length ? html`<ul class="reasons">${reasons.map((r) => html`<li>${inlineText(r)}</li>`)}</ul>` : ''}
${evidenceSides(model, result, verdict, sourceId, url, keyOf)}
</article>`;
}

const SIDES: readonly [Stance, string][] = [
  ['for', 'Evidence for the claim'],
  ['against', 'Evidence against the claim'],
];

/**
 * A claim's evidence in two labelled groups, for it and against it, each with its quotes in this
 * source and the other sources it cites. A side with no evidence is left out, except in a disputed
 * claim, which should cite both: there the empty side says so.
 */
function evidenceSides(model: ReportModel, result: ClaimResult | undefined, verdict: Verdict, sourceId: string, url: string | undefined, keyOf: ReadonlyMap<EvidenceResult, number>): SafeHtml[] {
  const evidence = result?.evidence ?? [];
  return SIDES.flatMap(([stance, label]) => {
    const side = evidence.filter((e) => stanceOf(e) === stance);
    if (!side.length && verdict !== 'disputed') return [];
    const here = side.filter((e) => e.source === sourceId);
    const elsewhere = side.filter((e) => e.source !== sourceId);
    const body = side.length
      ? html`${here.length ? html`<ul class="evidence">${here.map((e) => evidenceItem(model, e, url, keyOf.get(e) ?? -1))}</ul>` : ''}${elsewhere.length ? html`<p class="also">${here.length ? 'Also cited from:' : 'Cited from:'}</p><ul class="backing">${backingItems(model, elsewhere)}</ul>` : ''}`
      : html`<p class="muted empty-side">None cited: a disputed claim should cite both sides.</p>`;
    const backing = stance === 'for' && result ? corroborationLine(result) : '';
    return [html`<section class="side side-${stance}" aria-label="${label}"><p class="side-label">${label} <span class="count">${formatCount(side.length)}</span></p>${backing}${body}</section>`];
  });
}

/** The evidence item's stance: `against` as resolved by the loader, else `for` (the default). */
function stanceOf(e: EvidenceResult): Stance {
  return e.stance === 'against' ? 'against' : 'for';
}

/** How many distinct sources and publishers back the claim (its evidence for it); empty when none. */
function corroborationLine(result: ClaimResult): SafeHtml | string {
  const c = result.corroboration as ClaimResult['corroboration'] | undefined;
  if (!c || c.sources <= 0) return '';
  const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  return html`<p class="corroboration">Backed by ${plural(c.sources, 'source')} from ${plural(c.publishers, 'publisher')}.</p>`;
}

/** A claim's structured fact and when it holds, as written in claims.yaml; empty without a fact. */
function factList(model: ReportModel, claim: Claim): SafeHtml | string {
  const fact = claim.fact;
  if (!fact) return '';
  const entity = model.result.workspace.entities.get(fact.subject);
  const property = model.result.workspace.properties.get(fact.property);
  const subject = entity?.name ? html`${inlineText(entity.name)} <code>${textHtml(fact.subject)}</code>` : inlineText(fact.subject);
  const propertyTitle = property?.description ?? '';
  return html`<dl class="fact" aria-label="Fact">
<div><dt>Subject</dt><dd class="fact-subject">${subject}</dd></div>
<div><dt>Property</dt><dd class="fact-property"><code title="${propertyTitle}">${textHtml(fact.property)}</code></dd></div>
<div><dt>Value</dt><dd class="fact-value">${inlineText(fact.value)}</dd></div>
${fact.when ? html`<div><dt>When</dt><dd class="fact-when"><time>${textHtml(fact.when.text)}</time></dd></div>` : ''}</dl>`;
}

/** Link to a claim's card: on this page when it cites this source, else on the page of a source it cites. */
function claimHref(model: ReportModel, claimId: string, sourceId: string): string | undefined {
  const evidence = model.claimResults.get(claimId)?.evidence ?? [];
  if (evidence.some((e) => e.source === sourceId)) return `#${claimElementId(claimId)}`;
  for (const e of evidence) {
    const page = model.pageNames.get(e.source);
    if (page) return `${page}#${claimElementId(claimId)}`;
  }
  return undefined;
}

/** The claim's acknowledged disagreements (`conflicts:`), each with what it names and why the claim stands. */
function conflictList(model: ReportModel, claim: Claim, sourceId: string): SafeHtml | string {
  if (!claim.conflicts.length) return '';
  const items = claim.conflicts.map((ack) => html`<li>${conflictTarget(model, claim, ack, sourceId)}: <span class="reason">${inlineText(ack.reason)}</span></li>`);
  return html`<div class="conflicts"><p class="label">Acknowledged conflicts</p><ul>${items}</ul></div>`;
}

function conflictTarget(model: ReportModel, claim: Claim, ack: ConflictAck, sourceId: string): SafeHtml {
  if (ack.with !== undefined) {
    const href = claimHref(model, ack.with, sourceId);
    const id = html`<code>${textHtml(ack.with)}</code>`;
    const other = model.claims.get(ack.with);
    return html`With claim ${href ? html`<a href="${href}">${id}</a>` : id}${other ? html` (“${inlineText(other.claim)}”)` : ''}`;
  }
  const index = ack.evidence ?? 0;
  const evidence = claim.evidence[index];
  const label = html`quote ${index + 1}`;
  if (!evidence) return html`With its own ${label}`;
  const href = evidence.source === sourceId ? `#${evidenceElementId(claim.id, index)}` : evidenceHref(model, { source: evidence.source, claimId: claim.id, index }, 'sources');
  return html`With its own ${href ? html`<a href="${href}">${label}</a>` : label} (<code>${textHtml(evidence.source)}</code>: “${inlineText(evidence.quote)}”)`;
}

function evidenceItem(model: ReportModel, e: EvidenceResult, url: string | undefined, key: number): SafeHtml {
  const source = model.result.sources.get(e.source);
  const line = e.found && source ? source.text.position(Math.min(e.found[0], source.text.length)).line : undefined;
  const passing = isPassingEvidence(model, e);
  const jump = html`<a href="#${evidenceElementId(e.claimId, e.index)}">${line ? `line ${line}` : 'details'}</a>`;
  const quote =
    e.status === 'changed' && e.diff?.length
      ? diffHtml(e.diff)
      : e.status === 'changed' && e.actual !== undefined
        ? html`<dl class="diff"><dt>Text</dt><dd><ins>${textHtml(e.actual)}</ins></dd></dl>`
        : html`<blockquote>${textHtml(e.quote)}</blockquote>`;
  return html`<li class="ev-item" data-ev="${key}"><span class="badge st-${e.status}${e.status === 'verified' && !passing ? ' st-failing' : ''}">${e.status}</span> ${jump}${url ? html` · <a class="ext" href="${textFragmentUrl(url, e.quote)}" rel="noopener noreferrer external">open in the original</a>` : ''}
${quote}${historyList(model, e)}</li>`;
}

/**
 * A diff of the quote against the text, as two lines: the quote with the parts the text lacks
 * struck out, and the text with the parts the quote lacks marked as inserted.
 */
export function renderDiff(parts: readonly DiffPart[]): string {
  return diffHtml(parts).toString();
}

function diffHtml(parts: readonly DiffPart[]): SafeHtml {
  const side = (keep: DiffPart['op'], mark: (text: SafeHtml) => SafeHtml): SafeHtml[] =>
    parts.filter((part) => part.op === 'equal' || part.op === keep).map((part) => (part.op === 'equal' ? textHtml(part.text) : mark(textHtml(part.text))));
  const deleted = side('delete', (text) => html`<del>${text}</del>`);
  const inserted = side('insert', (text) => html`<ins>${text}</ins>`);
  return html`<dl class="diff"><dt>Quote</dt><dd>${deleted}</dd><dt>Text</dt><dd>${inserted}</dd></dl>`;
}

/** The other sources that back a claim: one line per source, one status link per quote. */
function backingItems(model: ReportModel, evidence: readonly EvidenceResult[]): SafeHtml[] {
  const bySource = new Map<string, EvidenceResult[]>();
  for (const e of evidence) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  return [...bySource].map(([sourceId, items]) => {
    const decl = model.result.workspace.sources.get(sourceId) ?? model.result.sources.get(sourceId)?.decl;
    const name = inlineText(sourceLabel(decl, sourceId));
    const first = evidenceHref(model, items[0]!, 'sources');
    const badges = items.map((e) => {
      const href = evidenceHref(model, e, 'sources');
      const badge = html`<span class="badge st-${e.status}">${e.status}</span>`;
      return href ? html`<a class="badge-link" href="${href}" aria-label="quote ${e.index + 1}: ${e.status}">${badge}</a>` : badge;
    });
    return html`<li>${first ? html`<a href="${first}">${name}</a>` : name} ${joinHtml(badges, ' ')}</li>`;
  });
}
