import { VERDICTS, type CheckResult, type Contradiction, type Severity } from '@factcheck/core';
import { formatPercent, isBelow } from '@factcheck/coverage';
import { CHECK_LABELS, checkOutcome, meaningsList, VERDICT_MEANINGS } from './meanings.js';
import { evidenceHref, failureReasons, focusEvidence, reportModel, sourceLabel, type ReportModel } from './model.js';
import { CLAIMS_SCRIPT_FILE, formatCount, formatGenerated, renderPage } from './page.js';
import type { CheckOutcome, ClaimRow, ContradictionRow, FailingRow, IndexData, SortKeys, SortType, SourceRow, TableName } from './rows.js';
import { html, inlineText, scriptJson, textHtml, type SafeHtml } from './safe-html.js';
import { bandOf } from './watermarks.js';

export interface HtmlRenderOptions {
  /** The time shown as "generated". Default: now. */
  now?: Date;
  /**
   * At most this many failing claims and contradictions are embedded in index.html (each list);
   * every failing claim is still shown on its source's page. Default 5000.
   */
  maxListItems?: number;
}

export const DEFAULT_MAX_LIST_ITEMS = 5000;

/** The data behind index.html's tables. */
export function indexData(result: CheckResult, options: HtmlRenderOptions = {}): IndexData {
  const model = reportModel(result);
  const limit = options.maxListItems ?? DEFAULT_MAX_LIST_ITEMS;
  const failingClaims = result.claims.filter((c) => c.status === 'failed');
  const contradictions = orderContradictions(result.contradictions);
  return {
    sources: model.decls.map((decl) => sourceRow(model, decl.id)),
    failing: failingClaims.slice(0, limit).map((claim) => {
      const row: FailingRow = { id: claim.id, t: model.claims.get(claim.id)?.claim ?? '', v: claim.verdict, r: failureReasons(model, claim) };
      const target = focusEvidence(claim);
      const href = target && evidenceHref(model, target, 'root');
      if (href) row.h = href;
      return row;
    }),
    contradictions: contradictions.slice(0, limit).map((c) => contradictionRow(model, c)),
    claimsTotal: result.claims.length,
    failingTotal: failingClaims.length,
    contradictionsTotal: contradictions.length,
    verdicts: { ...VERDICT_MEANINGS },
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function orderContradictions(list: readonly Contradiction[]): Contradiction[] {
  return [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function sourceRow(model: ReportModel, id: string): SourceRow {
  const decl = model.result.workspace.sources.get(id) ?? model.result.sources.get(id)?.decl;
  const coverage = model.coverageBySource.get(id);
  const claimIds = new Set((model.evidenceBySource.get(id) ?? []).map((e) => e.claimId));
  let failing = 0;
  for (const c of claimIds) if (model.claimResults.get(c)?.status === 'failed') failing++;
  const thresholds = coverage?.thresholds ?? {};
  const sentences = coverage ? coverage.sentences - coverage.excluded : 0;
  const pct = coverage?.sentencePct ?? 0;
  const charPct = coverage?.characterPct ?? 0;
  const misses: string[] = [];
  if (coverage && thresholds.sentences !== undefined && isBelow(coverage.covered, sentences, thresholds.sentences)) misses.push(`sentences below ${thresholds.sentences}%`);
  if (coverage && thresholds.characters !== undefined && isBelow(coverage.coveredCharacters, coverage.characters, thresholds.characters)) misses.push(`characters below ${thresholds.characters}%`);
  const row: SourceRow = {
    id,
    f: decl?.path ?? '',
    c: claimIds.size,
    x: failing,
    s: sentences,
    v: coverage?.covered ?? 0,
    pc: pct,
    cp: charPct,
    b: bandOf(pct, thresholds.sentences),
    cb: bandOf(charPct, thresholds.characters),
  };
  const title = sourceLabel(decl, id);
  if (title !== id) row.t = title;
  if (decl?.publisher) row.p = decl.publisher;
  if (coverage?.partial) row.a = coverage.partial;
  const page = model.pageNames.get(id);
  if (page !== `${id}.html`) row.h = page ? `sources/${page}` : '';
  if (misses.length) row.w = misses.join(', ');
  return row;
}

/** The rows of the claims table: every claim, in the order of claims.yaml. */
export function claimRows(result: CheckResult): ClaimRow[] {
  const model = reportModel(result);
  const sourceIndex = new Map(model.decls.map((d, i) => [d.id, i]));
  const movedFails = result.workspace.anchor.moved === 'error';
  return result.claims.map((claim) => {
    const written = model.claims.get(claim.id);
    const sources: number[] = [];
    for (const e of claim.evidence) {
      const at = sourceIndex.get(e.source);
      if (at !== undefined && !sources.includes(at)) sources.push(at);
    }
    const row: ClaimRow = {
      id: claim.id,
      t: written?.claim ?? '',
      v: claim.verdict,
      o: checkOutcome(claim, movedFails),
      s: sources,
      q: claim.evidence.map((e) => e.quote),
    };
    if (written?.note) row.n = written.note;
    const others = (model.contradictionsByClaim.get(claim.id) ?? []).map((c) => (c.claims[0] === claim.id ? c.claims[1] : c.claims[0]));
    if (others.length) row.x = [...new Set(others)];
    // The link to its quote, left out when it is the first quote, on the page of its first source
    // as the sources table names it: report.js rebuilds that one.
    const target = focusEvidence(claim);
    const href = target && evidenceHref(model, target, 'root');
    if (!href) row.h = '';
    else if (href !== impliedHref(model, claim.id, sources[0])) row.h = href;
    return row;
  });
}

/** The link report.js makes for a claim row without `h`: `sources/<first source id>.html#E-<id>-0`. */
function impliedHref(model: ReportModel, claimId: string, firstSource: number | undefined): string | undefined {
  const source = firstSource === undefined ? undefined : model.decls[firstSource]?.id;
  if (source === undefined || model.pageNames.get(source) !== `${source}.html`) return undefined;
  return `sources/${source}.html#E-${claimId}-0`;
}

/** claims.js: sets the global report.js reads the claims table from. JSON is a JavaScript expression. */
export function renderClaimsScript(result: CheckResult): string {
  return `window.FACTCHECK_CLAIMS = ${JSON.stringify(claimRows(result))};\n`;
}

function contradictionRow(model: ReportModel, c: Contradiction): ContradictionRow {
  const row: ContradictionRow = {
    s: c.severity,
    k: c.kind,
    r: c.reason,
    c: c.claims.map((id) => {
      const claim = model.claimResults.get(id);
      const target = claim && focusEvidence(claim);
      const href = target && evidenceHref(model, target, 'root');
      const text = model.claims.get(id)?.claim ?? '';
      return href ? { id, t: text, h: href } : { id, t: text };
    }),
  };
  if (c.acknowledged) row.a = c.acknowledged;
  if (c.evidence) {
    // The claim against its own quote: show the quote, where it stands, and link to it.
    const ownId = c.claims[0];
    const quote = c.evidence;
    const evidence = model.claimResults.get(ownId)?.evidence.find((e) => e.source === quote.source && e.quote === quote.quote);
    const e: ContradictionRow['e'] = { s: quote.source, q: quote.quote };
    const loaded = model.result.sources.get(quote.source);
    if (evidence?.found && loaded) e.l = loaded.text.position(Math.min(evidence.found[0], loaded.text.length)).line;
    const href = evidence && evidenceHref(model, evidence, 'root');
    if (href) e.h = href;
    row.e = e;
  }
  return row;
}

/** index.html: the summary, and the sources, failing claims and contradictions (rendered by report.js from embedded JSON). */
export function renderIndexHtml(result: CheckResult, options: HtmlRenderOptions = {}): string {
  const data = indexData(result, options);
  const generated = formatGenerated(options.now ?? new Date());
  const body = html`<header class="top">
<div class="wrap">
<p class="eyebrow">factcheck report</p>
<h1>Fact-check report</h1>
<p class="meta">${inlineText(result.workspace.displayPath)} · generated ${generated}</p>
</div>
</header>
<main id="main" class="wrap">
${renderSummary(result, data)}
${aboutFigures()}
<noscript><p class="notice">The tables below are drawn by the report's own script from data in this page; allow JavaScript for this file to see them. The figures are also in <a href="coverage-summary.json">coverage-summary.json</a>, and each source has a page in the <code>sources</code> folder.</p></noscript>
<div class="filter">
<label for="filter">Search sources, claims and contradictions</label>
<input id="filter" type="search" autocomplete="off" spellcheck="false" placeholder="Words in an id, title, claim, note, quote or reason">
</div>
${tableSection<'sources'>({
  id: 'sources',
  title: 'Sources',
  total: data.sources.length,
  columns: [
    ['title', 'Source', 'text'],
    ['publisher', 'Publisher', 'text'],
    ['claims', 'Claims', 'number'],
    ['failing', 'Failing the check', 'number'],
    ['pct', 'Sentences quoted', 'number'],
    ['charPct', 'Characters quoted', 'number'],
  ],
  caption: 'How much of each source the quotes that still stand in it touch: how much is quoted, not how many facts are checked. Select a column heading to sort.',
})}
${claimsSection(data)}
${tableSection<'failing'>({
  id: 'failing',
  title: 'Claims failing the check',
  total: data.failingTotal,
  shown: data.failing.length,
  columns: [
    ['id', 'Claim', 'text'],
    ['text', 'Statement', 'text'],
    ['verdict', 'Verdict', 'text'],
    [null, 'Why it fails', 'none'],
  ],
  caption: 'A claim fails the check when one of its quotes no longer stands in its source, or when it is in an unacknowledged contradiction. Each claim links to its quote on the source page.',
  empty: 'Every quote stands, and no contradiction is left unacknowledged.',
})}
${tableSection<'contradictions'>({
  id: 'contradictions',
  title: 'Contradictions',
  total: data.contradictionsTotal,
  shown: data.contradictions.length,
  columns: [
    ['severity', 'Severity', 'number'],
    ['kind', 'Kind', 'text'],
    [null, 'Claims', 'none'],
    ['reason', 'Reason', 'text'],
  ],
  caption: 'Pairs of claims that cannot both be true. Acknowledged ones carry the reason they stand.',
  empty: 'No contradictions.',
})}
</main>
<footer class="wrap foot"><p>Generated ${generated} by factcheck. Figures as JSON: <a href="coverage-summary.json">coverage-summary.json</a>.</p></footer>
<script type="application/json" id="report-data">${scriptJson(data)}</script>`;
  return renderPage({ title: `Fact-check report: ${result.workspace.displayPath}`, kind: 'index', root: '', body, data: CLAIMS_SCRIPT_FILE });
}

function renderSummary(result: CheckResult, data: IndexData): SafeHtml {
  const { total } = result.coverage;
  const global = result.workspace.coverage;
  const counted = total.sentences - total.excluded;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const c of result.contradictions) bySeverity[c.severity]++;
  const below = data.sources.filter((s) => s.w).length;
  const claimsTotal = result.summary.passed + result.summary.failed;
  const thresholdLine = (threshold: number | undefined, covered: number, all: number): SafeHtml => {
    if (threshold === undefined) return html`<span class="muted">no threshold</span>`;
    const miss = isBelow(covered, all, threshold);
    return html`<span class="${miss ? 'fail' : 'pass'}">${miss ? '✗ below' : '✓ meets'} threshold ${threshold}%</span>`;
  };
  const card = (title: string, figure: SafeHtml | string, detail: SafeHtml, cls: string): SafeHtml => {
    const id = `card-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    return html`<section class="card ${cls}" aria-labelledby="${id}"><h2 id="${id}">${title}</h2><p class="figure">${figure}</p><p class="detail">${detail}</p></section>`;
  };
  return html`<div class="cards">
${card(
  'Claims',
  html`${formatCount(result.summary.passed)}<span class="of"> / ${formatCount(claimsTotal)}</span>`,
  html`<span class="pass">${formatCount(result.summary.passed)} with quotes verified</span> · <span class="${result.summary.failed ? 'fail' : 'muted'}">${formatCount(result.summary.failed)} failing the check</span><br><span class="muted">Verified: the quotes stand, not that the claims are true.</span>`,
  result.summary.failed ? 'wm-low' : 'wm-high',
)}
${card(
  'Contradictions',
  formatCount(result.contradictions.length),
  html`<span class="${bySeverity.error ? 'fail' : 'muted'}">${plural(bySeverity.error, 'error')}</span> · <span class="${bySeverity.warning ? 'warn' : 'muted'}">${plural(bySeverity.warning, 'warning')}</span> · <span class="muted">${formatCount(bySeverity.info)} acknowledged or info</span>`,
  bySeverity.error ? 'wm-low' : bySeverity.warning ? 'wm-medium' : 'wm-high',
)}
${card(
  'Sentences quoted',
  formatPercent(total.sentencePct),
  html`${formatCount(total.covered)} of ${formatCount(counted)} sentences quoted${total.partial ? `, ${formatCount(total.partial)} partly` : ''} · ${thresholdLine(global.sentences, total.covered, counted)}`,
  `wm-${bandOf(total.sentencePct, global.sentences)}`,
)}
${card(
  'Characters quoted',
  formatPercent(total.characterPct),
  html`${formatCount(total.coveredCharacters)} of ${formatCount(total.characters)} characters quoted · ${thresholdLine(global.characters, total.coveredCharacters, total.characters)}`,
  `wm-${bandOf(total.characterPct, global.characters)}`,
)}
${card(
  'Sources',
  formatCount(data.sources.length),
  below ? html`<span class="fail">${formatCount(below)} below their threshold</span>` : html`<span class="muted">none below a threshold</span>`,
  below ? 'wm-low' : 'wm-high',
)}
</div>`;
}

const OUTCOMES = Object.keys(CHECK_LABELS) as CheckOutcome[];

/**
 * Every claim, filtered by verdict, check outcome and source; the rows come from claims.js, and
 * report.js adds the sources to their select from the sources table's rows (at 10,000 sources,
 * options written here would weigh a megabyte).
 */
function claimsSection(data: IndexData): SafeHtml {
  const select = (id: string, label: string, options: readonly (readonly [string, string])[]): SafeHtml =>
    html`<div class="pick"><label for="${id}">${label}</label><select id="${id}"><option value="">All</option>${options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></div>`;
  const filters = html`<div class="filters" role="group" aria-label="Filter the claims">
${select('claims-verdict', 'Verdict', VERDICTS.map((v) => [v, v] as const))}
${select('claims-outcome', 'Check', OUTCOMES.map((o) => [o, CHECK_LABELS[o]] as const))}
${select('claims-source', 'Source', [])}
</div>`;
  return tableSection<'claims'>({
    id: 'claims',
    title: 'Claims',
    total: data.claimsTotal,
    columns: [
      ['id', 'Claim', 'text'],
      ['text', 'Statement', 'text'],
      ['verdict', 'Verdict', 'text'],
      ['outcome', 'Check', 'text'],
      ['sources', 'Sources', 'number'],
      ['contradictions', 'Contradictions', 'number'],
    ],
    caption:
      'Every claim, with the fact-checker’s verdict and the outcome of the check. The search looks in ids, claim texts, notes and quotes. Each claim links to its quote on the source page.',
    empty: 'No claims yet.',
    before: filters,
  });
}

/** What the figures and the verdicts mean: visible text, for readers who take green for true. */
function aboutFigures(): SafeHtml {
  return html`<details class="legend about" id="about" open><summary>What the report checks</summary>
${meaningsList()}
</details>`;
}

function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** A column: the key report.js sorts it by and how (a heading of `data-key` and `data-type`), or none. */
type Column<T extends TableName> = readonly [key: SortKeys[T], heading: string, sort: SortType] | readonly [key: null, heading: string, sort: 'none'];

interface TableSpec<T extends TableName> {
  /** The section's id, and the list of IndexData that report.js draws the table from. */
  id: T;
  title: string;
  total: number;
  /** How many rows are embedded, when fewer than total. */
  shown?: number;
  columns: readonly Column<T>[];
  caption: string;
  empty?: string;
  /** Controls shown between the heading and the table. */
  before?: SafeHtml;
}

function tableSection<T extends TableName>(spec: TableSpec<T>): SafeHtml {
  const heads = spec.columns.map(([key, label, type]) =>
    key === null
      ? html`<th scope="col">${label}</th>`
      : html`<th scope="col" data-key="${key}" data-type="${type}"><button type="button" class="sort">${label}<span class="arrow" aria-hidden="true"></span></button></th>`,
  );
  const cut =
    spec.shown !== undefined && spec.shown < spec.total
      ? html`<p class="notice">Showing the first ${formatCount(spec.shown)} of ${formatCount(spec.total)}; every one is listed on its source's page.</p>`
      : '';
  return html`<section class="block" id="${spec.id}" aria-labelledby="${spec.id}-title" data-empty="${spec.empty ?? 'Nothing to show.'}">
<h2 id="${spec.id}-title">${textHtml(spec.title)} <span class="count" id="${spec.id}-count">${formatCount(spec.total)}</span></h2>
${spec.before ?? ''}${cut}<div class="table-wrap">
<table class="data ${spec.id}">
<caption>${textHtml(spec.caption)}</caption>
<thead><tr>${heads}</tr></thead>
<tbody id="${spec.id}-body"></tbody>
</table>
</div>
<nav class="pager" aria-label="${spec.title} pages" id="${spec.id}-pager">
<button type="button" id="${spec.id}-prev">Previous</button>
<span id="${spec.id}-status" role="status">${spec.total ? '' : (spec.empty ?? '')}</span>
<button type="button" id="${spec.id}-next">Next</button>
</nav>
</section>`;
}
