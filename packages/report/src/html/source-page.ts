import type { CheckResult, DiffPart, EvidenceResult, LoadedSource } from '@factcheck/core';
import { excludedRanges, formatPercent, isBelow, mergeSpans } from '@factcheck/coverage';
import { escapeHtml, inlineText, renderText, safeHttpUrl } from './escape.js';
import type { HtmlRenderOptions } from './index-page.js';
import {
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
import { renderSourceText, type PlacedEvidence } from './source-text.js';
import { textFragmentUrl } from './text-fragment.js';
import { bandOf } from './watermarks.js';

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

  const body = `<header class="top">
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
<button type="button" id="prev-uncovered"${uncoveredCount ? '' : ' disabled'}>Previous uncovered <kbd>p</kbd></button>
<button type="button" id="next-uncovered"${uncoveredCount ? '' : ' disabled'}>Next uncovered <kbd>n</kbd></button>
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
${claimOrder.length ? claimOrder.map((id, i) => claimCard(model, id, i, sourceId, url, keyOf)).join('\n') : '<p class="muted">No claim cites this source yet.</p>'}
</section>
</div>
<aside class="panel" id="panel" aria-labelledby="panel-title">
<div class="panel-head"><h2 id="panel-title">Selected passage</h2><button type="button" id="panel-close" class="close" aria-label="Close the panel">×</button></div>
<div id="panel-body"><p class="muted">Select a highlighted quote (click it, or reach it with <kbd>Tab</kbd>) to see the claims it backs.</p></div>
</aside>
</main>
<footer class="wrap foot"><p>Generated ${escapeHtml(formatGenerated(now))} by factcheck. Keys: <kbd>n</kbd> next and <kbd>p</kbd> previous uncovered sentence.</p></footer>`;
  return renderPage({ title: `${title} · factcheck`, kind: 'source', root: '../', body });
}

function metaLine(source: LoadedSource, url: string | undefined): string {
  const { decl } = source;
  const parts: string[] = [];
  if (decl.publisher) parts.push(inlineText(decl.publisher));
  if (decl.published) parts.push(`<time>${renderText(decl.published)}</time>`);
  parts.push(`<code>${renderText(decl.path)}</code>`);
  parts.push(`id <code>${renderText(decl.id)}</code>`);
  if (url) parts.push(`<a class="ext" href="${escapeHtml(url)}" rel="noopener noreferrer external">Original article</a>`);
  return parts.join(' · ');
}

function coverageLine(model: ReportModel, sourceId: string): string {
  const c = model.coverageBySource.get(sourceId);
  if (!c) return '<p class="cov-line muted">No coverage figures for this source.</p>';
  const counted = c.sentences - c.excluded;
  const t = c.thresholds;
  const thresholdNote = (threshold: number | undefined, covered: number, all: number): string =>
    threshold === undefined ? '' : isBelow(covered, all, threshold) ? ` <span class="fail">✗ below ${escapeHtml(String(threshold))}%</span>` : ` <span class="pass">✓ ${escapeHtml(String(threshold))}%</span>`;
  return `<p class="cov-line"><span class="stat wm-${bandOf(c.sentencePct, t.sentences)}"><strong>${escapeHtml(formatPercent(c.sentencePct))}</strong> of sentences</span> (${formatCount(c.covered)} of ${formatCount(counted)} covered${c.partial ? `, ${formatCount(c.partial)} partly` : ''}${c.excluded ? `, ${formatCount(c.excluded)} excluded` : ''})${thresholdNote(t.sentences, c.covered, counted)}
<span class="sep" aria-hidden="true">·</span> <span class="stat wm-${bandOf(c.characterPct, t.characters)}"><strong>${escapeHtml(formatPercent(c.characterPct))}</strong> of characters</span> (${formatCount(c.coveredCharacters)} of ${formatCount(c.characters)})${thresholdNote(t.characters, c.coveredCharacters, c.characters)}</p>`;
}

function legend(): string {
  const items: [string, string][] = [
    ['ev ev-verified', 'Quote verified, claim passes'],
    ['ev ev-verified ev-failing', 'Quote verified, claim fails'],
    ['ev ev-moved', 'Quote moved'],
    ['ev ev-changed', 'Quote changed'],
    ['s partial', 'Only failing evidence'],
    ['s uncovered', 'Uncovered sentence'],
    ['x', 'Excluded boilerplate'],
  ];
  return `<details class="legend" open><summary>Legend</summary><ul>${items.map(([cls, label]) => `<li><span class="swatch ${cls}">Text</span> ${label}</li>`).join('')}</ul></details>`;
}

function tooltipOf(model: ReportModel, e: EvidenceResult): string {
  const claim = model.claimResults.get(e.claimId);
  const status = e.status === 'verified' && claim?.status === 'failed' ? 'verified, but the claim fails' : e.status;
  let tip = `${e.claimId}: ${status}`;
  if (e.status === 'changed' && e.actual !== undefined) tip += `\nquote: “${e.quote}”\nsource now reads: “${e.actual}”`;
  return tip;
}

function placelessSection(model: ReportModel, placeless: readonly EvidenceResult[], claimIndex: ReadonlyMap<string, number>, url: string | undefined): string {
  if (!placeless.length) return '';
  const items = placeless.map((e) => {
    const source = model.result.sources.get(e.source);
    const candidates = (e.candidates ?? []).slice(0, 5).map((c) => {
      const line = source ? source.text.position(Math.min(c.span[0], source.text.length)).line : undefined;
      return `<li>${line ? `<a href="#${lineElementId(line)}">line ${line}</a>: ` : ''}“${inlineText(c.text)}” <span class="muted">(${Math.round(c.score * 100)}%)</span></li>`;
    });
    return `<li class="placeless-item st-${e.status}" id="${evidenceElementId(e.claimId, e.index)}" tabindex="-1" data-c="${claimIndex.get(e.claimId) ?? ''}">
<p><span class="badge st-${e.status}">${e.status}</span> <a href="#${claimElementId(e.claimId)}"><code>${renderText(e.claimId)}</code></a> <span class="muted">${renderText(describeEvidence(e, source))}</span></p>
<blockquote>${renderText(e.quote)}</blockquote>${candidates.length ? `<ul class="candidates">${candidates.join('')}</ul>` : ''}${url ? `<p><a class="ext" href="${escapeHtml(textFragmentUrl(url, e.quote))}" rel="noopener noreferrer external">Look for it in the original</a></p>` : ''}
</li>`;
  });
  return `<section class="placeless" aria-labelledby="placeless-title">
<h2 id="placeless-title">Quotes not found in the text <span class="count">${formatCount(placeless.length)}</span></h2>
<ul class="placeless-list">${items.join('\n')}</ul>
</section>`;
}

function claimCard(model: ReportModel, claimId: string, index: number, sourceId: string, url: string | undefined, keyOf: ReadonlyMap<EvidenceResult, number>): string {
  const claim = model.claims.get(claimId);
  const result = model.claimResults.get(claimId);
  const status = result?.status ?? 'failed';
  const verdict = result?.verdict ?? claim?.verdict ?? 'unverified';
  const here = (result?.evidence ?? []).filter((e) => e.source === sourceId);
  const elsewhere = (result?.evidence ?? []).filter((e) => e.source !== sourceId);
  const reasons = result && status === 'failed' ? failureReasons(model, result) : [];
  return `<article class="claim claim-${status}" id="${claimElementId(claimId)}" data-ci="${index}">
<header class="claim-head"><h3><a href="#${claimElementId(claimId)}"><code>${renderText(claimId)}</code></a></h3> <span class="badge verdict-${escapeHtml(verdict)}">${escapeHtml(verdict)}</span> <span class="badge status-${status}">${status}</span></header>
<p class="claim-text">${inlineText(claim?.claim ?? '')}</p>
${claim?.note ? `<p class="note">${inlineText(claim.note)}</p>` : ''}${reasons.length ? `<ul class="reasons">${reasons.map((r) => `<li>${inlineText(r)}</li>`).join('')}</ul>` : ''}
<ul class="evidence">${here.map((e) => evidenceItem(model, e, url, keyOf.get(e) ?? -1)).join('')}</ul>
${elsewhere.length ? `<p class="also">Also backed by:</p><ul class="backing">${backingItems(model, elsewhere)}</ul>` : ''}
</article>`;
}

function evidenceItem(model: ReportModel, e: EvidenceResult, url: string | undefined, key: number): string {
  const source = model.result.sources.get(e.source);
  const line = e.found && source ? source.text.position(Math.min(e.found[0], source.text.length)).line : undefined;
  const passing = isPassingEvidence(model, e);
  const jump = `<a href="#${evidenceElementId(e.claimId, e.index)}">${line ? `line ${line}` : 'details'}</a>`;
  const diff = e.status === 'changed' && e.diff?.length ? renderDiff(e.diff) : e.status === 'changed' && e.actual !== undefined ? `<dl class="diff"><dt>Text</dt><dd><ins>${renderText(e.actual)}</ins></dd></dl>` : '';
  return `<li class="ev-item" data-ev="${key}"><span class="badge st-${e.status}${e.status === 'verified' && !passing ? ' st-failing' : ''}">${e.status}</span> ${jump}${url ? ` · <a class="ext" href="${escapeHtml(textFragmentUrl(url, e.quote))}" rel="noopener noreferrer external">open in the original</a>` : ''}
${diff || `<blockquote>${renderText(e.quote)}</blockquote>`}</li>`;
}

/**
 * A diff of the quote against the text, as two lines: the quote with the parts the text lacks
 * struck out, and the text with the parts the quote lacks marked as inserted.
 */
export function renderDiff(parts: readonly DiffPart[]): string {
  const side = (keep: DiffPart['op'], tag: 'del' | 'ins'): string =>
    parts
      .filter((part) => part.op === 'equal' || part.op === keep)
      .map((part) => (part.op === 'equal' ? renderText(part.text) : `<${tag}>${renderText(part.text)}</${tag}>`))
      .join('');
  return `<dl class="diff"><dt>Quote</dt><dd>${side('delete', 'del')}</dd><dt>Text</dt><dd>${side('insert', 'ins')}</dd></dl>`;
}

/** The other sources that back a claim: one line per source, one status link per quote. */
function backingItems(model: ReportModel, evidence: readonly EvidenceResult[]): string {
  const bySource = new Map<string, EvidenceResult[]>();
  for (const e of evidence) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  return [...bySource]
    .map(([sourceId, items]) => {
      const decl = model.result.workspace.sources.get(sourceId) ?? model.result.sources.get(sourceId)?.decl;
      const name = inlineText(sourceLabel(decl, sourceId));
      const first = evidenceHref(model, items[0]!, 'sources');
      const badges = items
        .map((e) => {
          const href = evidenceHref(model, e, 'sources');
          const badge = `<span class="badge st-${e.status}">${e.status}</span>`;
          return href ? `<a class="badge-link" href="${escapeHtml(href)}" aria-label="quote ${e.index + 1}: ${e.status}">${badge}</a>` : badge;
        })
        .join(' ');
      return `<li>${first ? `<a href="${escapeHtml(first)}">${name}</a>` : name} ${badges}</li>`;
    })
    .join('');
}
