// The report's one script (report.js), run by the browser on every page of the report. It reads
// data only from the page's own JSON block or DOM and builds elements with createElement and
// textContent: never innerHTML with data.
//
// It is compiled on its own (tsconfig.json beside it: the DOM, no Node) by scripts/build-client.mjs
// into one classic script with no imports: it may import types only. The page builder wraps it in a
// function that defines CONTROL_CHARS (see html/assets/client.ts).
import type { CheckOutcome, ClaimRow, ClaimsGlobal, IndexData, PageKind, SortKeys, SortType, TableLists, TableName, TableRows } from '../html/rows.js';

/** The control-character rule of @factcheck/core (global flag), handed in when report.js is written. */
declare const CONTROL_CHARS: RegExp;

const PAGE_SIZE = 50;

function byId<E extends HTMLElement = HTMLElement>(id: string): E | null {
  return document.getElementById(id) as E | null;
}

/** An element every page of its kind has; a page without it is not one of the report's. */
function must<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = byId<E>(id);
  if (!element) throw new Error(`report.js: the page has no #${id}`);
  return element;
}

function codeLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

type TextValue = string | number | null | undefined;

// Appends untrusted text as text nodes; control characters (bidi overrides and the like)
// become visible markers instead of taking effect.
function appendText<P extends Node>(parent: P, value: TextValue): P {
  const text = value == null ? '' : String(value);
  let last = 0;
  for (const match of text.matchAll(CONTROL_CHARS)) {
    const c = match[0];
    const at = match.index;
    if (at > last) parent.appendChild(document.createTextNode(text.slice(last, at)));
    const marker = document.createElement('span');
    marker.className = 'ctl';
    marker.title = `${codeLabel(c)}, shown instead of applied`;
    marker.textContent = codeLabel(c);
    parent.appendChild(marker);
    last = at + c.length;
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  return parent;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string | null, text?: TextValue): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) appendText(node, text);
  return node;
}

function isolated(text: TextValue): HTMLElement {
  return el('bdi', null, text);
}

// Links in the data always point inside the report; anything else is not linked.
const SAFE_HREF = /^(sources\/)?[A-Za-z0-9_.-]+\.html(#[A-Za-z0-9_-]*)?$/;

function link(href: string | undefined, child: Node): Node {
  if (typeof href !== 'string' || !SAFE_HREF.test(href)) return child;
  const a = document.createElement('a');
  a.href = href;
  a.appendChild(child);
  return a;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US');
const formatCount = (n: number): string => COUNT_FORMAT.format(Number(n));
const formatPct = (p: number): string => `${Number(p).toFixed(1)}%`;

/** What report.js reads of the embedded data: the rows of each table, and what the verdicts mean. */
type EmbeddedData = TableLists & Partial<Pick<IndexData, 'verdicts'>>;

const CLAIMS_GLOBAL: ClaimsGlobal = 'FACTCHECK_CLAIMS';

/** The claims table's rows, set by claims.js (loaded before this script); none without it. */
function claimsData(): ClaimRow[] {
  const rows = (window as unknown as Partial<Record<ClaimsGlobal, unknown>>)[CLAIMS_GLOBAL];
  return Array.isArray(rows) ? (rows as ClaimRow[]) : [];
}

function readData(): EmbeddedData | null {
  const block = byId('report-data');
  if (!block) return null;
  try {
    const data = JSON.parse(block.textContent || 'null') as Omit<EmbeddedData, 'claims'> | null;
    return data && { ...data, claims: claimsData() };
  } catch {
    return null;
  }
}

// ---- index.html ---------------------------------------------------------------------------

function haystack(parts: readonly TextValue[]): string {
  return parts
    .filter((p) => p != null)
    .join('\u0000')
    .toLowerCase();
}

type SortValue = string | number | undefined;

interface TableSpec<T extends TableName> {
  /** What each sortable column sorts a row by. */
  sortValues: { [K in SortKeys[T]]: (row: TableRows[T]) => SortValue };
  /** The text the filter looks in (lower case). */
  search(row: TableRows[T]): string;
  /** Each column's heading, for the cells' labels on narrow screens (set from the page). */
  labels?: string[];
  row(row: TableRows[T]): HTMLTableRowElement;
}

/** What each verdict means, from the embedded data: the tooltip of its badge. */
let verdictMeanings: Partial<Record<string, string>> = {};

function verdictBadge(verdict: string): HTMLElement {
  const name = String(verdict).replace(/[^a-z]/g, '');
  const badge = el('span', `badge v-badge verdict-${name} v-${name}`, verdict);
  const meaning = Object.prototype.hasOwnProperty.call(verdictMeanings, verdict) ? verdictMeanings[verdict] : undefined;
  if (typeof meaning === 'string') badge.title = `${verdict}: ${meaning}`;
  return badge;
}

const sourceHref = (r: TableRows['sources']): string => (r.h === undefined ? `sources/${r.id}.html` : r.h);
const sourceTitle = (r: TableRows['sources']): string => (r.t == null ? r.id : r.t);

/** A cell that heads its row, for screen readers. */
function rowHeading(): HTMLTableCellElement {
  const head = el('th');
  head.scope = 'row';
  return head;
}

function cellWith(child: Node, className?: string): HTMLTableCellElement {
  const cell = el('td', className);
  cell.appendChild(child);
  return cell;
}

const OUTCOME_LABELS: Record<CheckOutcome, string> = { verified: 'quotes verified', 'quotes-failing': 'quotes failing', contradiction: 'contradiction' };

function outcomeBadge(outcome: CheckOutcome): HTMLElement {
  const label = Object.prototype.hasOwnProperty.call(OUTCOME_LABELS, outcome) ? OUTCOME_LABELS[outcome] : String(outcome);
  return el('span', `badge status-${outcome === 'verified' ? 'passed' : 'failed'}`, label);
}

/** The source rows, by position: the claims table names its sources by index. */
let sourceRows: TableRows['sources'][] = [];

/** A claim row's link: its `h`, else its first quote on its first source's page. */
function claimHref(r: ClaimRow): string | undefined {
  if (r.h !== undefined) return r.h;
  const source = sourceRows[(r.s || [])[0] ?? -1];
  return source && source.h === undefined ? `${sourceHref(source)}#E-${r.id}-0` : undefined;
}

const TABLES: { [T in TableName]: TableSpec<T> } = {
  sources: {
    sortValues: {
      title: sourceTitle,
      publisher: (r) => r.p || '',
      claims: (r) => r.c,
      failing: (r) => r.x,
      pct: (r) => r.pc,
      charPct: (r) => r.cp,
    },
    search: (r) => haystack([r.id, r.t, r.p, r.f]),
    row(r) {
      const tr = el('tr');
      const head = rowHeading();
      head.appendChild(link(sourceHref(r), isolated(sourceTitle(r))));
      const sub = el('div', 'sub');
      sub.appendChild(el('code', null, r.id));
      if (r.f) {
        appendText(sub, ' · ');
        appendText(sub, r.f);
      }
      head.appendChild(sub);
      tr.appendChild(head);
      tr.appendChild(cellWith(isolated(r.p || '')));
      tr.appendChild(el('td', 'num', formatCount(r.c)));
      tr.appendChild(el('td', `num failing-count${r.x ? ' has' : ''}`, formatCount(r.x)));
      const cov = el('td');
      const cell = el('div', 'covcell');
      const bar = el('span', 'bar');
      const fill = el('span', `fill wm-${r.b}`);
      fill.style.width = `${Math.max(0, Math.min(100, Number(r.pc)))}%`;
      bar.appendChild(fill);
      bar.setAttribute('aria-hidden', 'true');
      cell.appendChild(bar);
      cell.appendChild(el('span', `pct wm-${r.b}`, formatPct(r.pc)));
      cov.appendChild(cell);
      const counts = `${formatCount(r.v)} of ${formatCount(r.s)}${r.a ? `, ${formatCount(r.a)} partly` : ''}`;
      cov.appendChild(el('div', 'sub', counts));
      if (r.w) cov.appendChild(el('span', 'flag', `✗ ${r.w}`));
      tr.appendChild(cov);
      tr.appendChild(el('td', `num wm-text wm-${r.cb}`, formatPct(r.cp)));
      return tr;
    },
  },
  claims: {
    sortValues: {
      id: (r) => r.id,
      text: (r) => r.t,
      verdict: (r) => r.v,
      outcome: (r) => r.o,
      sources: (r) => (r.s || []).length,
      contradictions: (r) => (r.x || []).length,
    },
    search: (r) => haystack([r.id, r.t, r.n, ...(r.q || [])]),
    row(r) {
      const tr = el('tr');
      const head = rowHeading();
      head.appendChild(link(claimHref(r), el('code', null, r.id)));
      tr.appendChild(head);
      tr.appendChild(cellWith(isolated(r.t)));
      tr.appendChild(cellWith(verdictBadge(r.v)));
      tr.appendChild(cellWith(outcomeBadge(r.o)));
      const sources = el('td', 'list');
      (r.s || []).forEach((at, i) => {
        const source = sourceRows[at];
        if (!source) return;
        if (i > 0) appendText(sources, ', ');
        sources.appendChild(link(source.h === '' ? undefined : sourceHref(source), isolated(sourceTitle(source))));
      });
      tr.appendChild(sources);
      const others = el('td', 'list');
      if (!(r.x || []).length) others.appendChild(el('span', 'muted', 'none'));
      (r.x || []).forEach((id, i) => {
        if (i > 0) appendText(others, ', ');
        others.appendChild(id === r.id ? el('span', null, 'its own quote') : el('code', null, id));
      });
      tr.appendChild(others);
      return tr;
    },
  },
  failing: {
    sortValues: {
      id: (r) => r.id,
      text: (r) => r.t,
      verdict: (r) => r.v,
    },
    search: (r) => haystack([r.id, r.t, r.v, ...(r.r || [])]),
    row(r) {
      const tr = el('tr');
      const head = rowHeading();
      head.appendChild(link(r.h, el('code', null, r.id)));
      tr.appendChild(head);
      tr.appendChild(cellWith(isolated(r.t)));
      tr.appendChild(cellWith(verdictBadge(r.v)));
      const list = el('ul', 'reasons');
      for (const reason of r.r || []) list.appendChild(el('li')).appendChild(isolated(reason));
      tr.appendChild(cellWith(list));
      return tr;
    },
  },
  contradictions: {
    sortValues: {
      severity: (r) => ({ error: 0, warning: 1, info: 2 })[r.s],
      kind: (r) => r.k,
      reason: (r) => r.r,
    },
    search(r) {
      const parts: TextValue[] = [r.s, r.k, r.r, r.a];
      for (const c of r.c || []) parts.push(c.id, c.t);
      return haystack(parts);
    },
    row(r) {
      const tr = el('tr');
      tr.appendChild(cellWith(el('span', `badge sev-${String(r.s).replace(/[^a-z]/g, '')}`, r.s)));
      tr.appendChild(el('td', null, r.k));
      const claims = el('td', 'pair');
      // A claim against its own quote names the claim once, then the quote.
      const pair = r.e ? (r.c || []).slice(0, 1) : r.c || [];
      pair.forEach((c, i) => {
        if (i > 0) claims.appendChild(el('div', 'vs', 'versus'));
        const item = el('div');
        item.appendChild(link(c.h, el('code', null, c.id)));
        appendText(item, ' ');
        item.appendChild(isolated(c.t));
        claims.appendChild(item);
      });
      if (r.e) {
        claims.appendChild(el('div', 'vs', 'versus its own quote'));
        const quote = el('div', 'own-quote');
        const where = el('span', 'sub');
        where.appendChild(el('code', null, r.e.s));
        if (r.e.l) appendText(where, `, line ${formatCount(r.e.l)}`);
        quote.appendChild(link(r.e.h, where));
        quote.appendChild(el('blockquote', null, r.e.q));
        claims.appendChild(quote);
      }
      tr.appendChild(claims);
      const reason = cellWith(isolated(r.r));
      if (r.a) {
        const ack = el('span', 'ack', 'Acknowledged: ');
        ack.appendChild(isolated(r.a));
        reason.appendChild(ack);
      }
      tr.appendChild(reason);
      return tr;
    },
  },
};

function compareValues(a: SortValue, b: SortValue, type: SortType): number {
  if (type === 'number') return Number(a) - Number(b);
  return String(a == null ? '' : a).localeCompare(String(b == null ? '' : b), 'en', { sensitivity: 'base', numeric: true });
}

interface Item<T extends TableName> {
  row: TableRows[T];
  /** Position in the embedded list: ties keep it. */
  index: number;
  /** The filter's text, made on first use. */
  text: string | null;
}

/** One table of index.html, drawn a page of rows at a time from its embedded list. */
class Table<T extends TableName> {
  private readonly all: Item<T>[];
  private visible: Item<T>[];
  private page = 0;
  private sortKey: string | null = null;
  private sortDir = 1;
  private query = '';
  private accept: ((row: TableRows[T]) => boolean) | null = null;
  private readonly labels: string[];
  private readonly section: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;

  constructor(
    name: T,
    rows: readonly TableRows[T][],
    private readonly spec: TableSpec<T>,
  ) {
    this.all = rows.map((row, index) => ({ row, index, text: null }));
    this.visible = this.all;
    this.section = must(name);
    this.body = must(`${name}-body`);
    this.status = must(`${name}-status`);
    this.prev = must<HTMLButtonElement>(`${name}-prev`);
    this.next = must<HTMLButtonElement>(`${name}-next`);
    // On narrow screens a row is a card, and each cell shows its column's heading.
    this.labels = [...this.section.querySelectorAll('thead th')].map((th) => (th.textContent || '').trim());
    this.prev.addEventListener('click', () => {
      this.page--;
      this.render();
    });
    this.next.addEventListener('click', () => {
      this.page++;
      this.render();
    });
    for (const button of this.section.querySelectorAll('th[data-key] button')) {
      button.addEventListener('click', () => {
        if (button.parentElement) this.sortBy(button.parentElement);
      });
    }
  }

  private isSortKey(key: string | null): key is SortKeys[T] & string {
    return key !== null && Object.prototype.hasOwnProperty.call(this.spec.sortValues, key);
  }

  sortBy(th: Element): void {
    const key = th.getAttribute('data-key');
    if (!this.isSortKey(key)) return;
    const type: SortType = th.getAttribute('data-type') === 'number' ? 'number' : 'text';
    this.sortDir = this.sortKey === key ? -this.sortDir : 1;
    this.sortKey = key;
    for (const other of this.section.querySelectorAll('th[data-key]')) {
      if (other !== th) other.removeAttribute('aria-sort');
    }
    th.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
    const dir = this.sortDir;
    const value = this.spec.sortValues[key];
    this.all.sort((a, b) => compareValues(value(a.row), value(b.row), type) * dir || a.index - b.index);
    this.filter(this.query, true);
  }

  /** Keeps only the rows `accept` takes (the claims table's verdict, check and source filters); null keeps all. */
  where(accept: ((row: TableRows[T]) => boolean) | null): void {
    this.accept = accept;
    this.filter(this.query);
  }

  filter(query: string, keepPage = false): void {
    this.query = query;
    const accept = this.accept;
    this.visible =
      query || accept
        ? this.all.filter((item) => {
            if (accept && !accept(item.row)) return false;
            if (!query) return true;
            if (item.text === null) item.text = this.spec.search(item.row);
            return item.text.includes(query);
          })
        : this.all;
    if (!keepPage) this.page = 0;
    this.render();
  }

  render(): void {
    const pages = Math.max(1, Math.ceil(this.visible.length / PAGE_SIZE));
    this.page = Math.max(0, Math.min(this.page, pages - 1));
    const start = this.page * PAGE_SIZE;
    const slice = this.visible.slice(start, start + PAGE_SIZE);
    const fragment = document.createDocumentFragment();
    for (const item of slice) {
      const tr = this.spec.row(item.row);
      for (let i = 0; i < tr.cells.length; i++) {
        const label = this.labels[i];
        if (label) tr.cells[i]!.setAttribute('data-label', label);
      }
      fragment.appendChild(tr);
    }
    if (!slice.length) {
      const tr = el('tr');
      const td = el('td', 'empty', this.query || this.accept ? 'Nothing matches the filter.' : this.section.getAttribute('data-empty'));
      td.colSpan = this.section.querySelectorAll('thead th').length;
      tr.appendChild(td);
      fragment.appendChild(tr);
    }
    this.body.textContent = '';
    this.body.appendChild(fragment);
    const total = this.all.length;
    const shown = this.visible.length;
    this.status.textContent = shown
      ? `Showing ${formatCount(start + 1)}–${formatCount(start + slice.length)} of ${formatCount(shown)}${shown < total ? ` (filtered from ${formatCount(total)})` : ''}`
      : '';
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.prev.hidden = this.next.hidden = pages <= 1;
  }
}

function tableOf<T extends TableName>(name: T, lists: TableLists): Table<T> {
  return new Table(name, lists[name] || [], TABLES[name]);
}

function initIndex(): void {
  const data = readData();
  if (!data) return;
  if (data.verdicts && typeof data.verdicts === 'object') verdictMeanings = data.verdicts;
  sourceRows = data.sources || [];
  const names = Object.keys(TABLES) as TableName[];
  const tables: { render(): void; filter(query: string): void }[] = [];
  for (const name of names) {
    if (name === 'claims' || !byId(name)) continue;
    tables.push(tableOf(name, data));
  }
  if (byId('claims')) {
    const claims = tableOf('claims', data);
    tables.push(claims);
    filterClaims(claims);
  }
  for (const table of tables) table.render();
  const input = must<HTMLInputElement>('filter');
  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const query = input.value.trim().toLowerCase();
      for (const table of tables) table.filter(query);
    }, 120);
  });
}

/** The verdict, check and source selects above the claims table. */
function filterClaims(table: Table<'claims'>): void {
  const selects = ['claims-verdict', 'claims-outcome', 'claims-source'].map((id) => byId<HTMLSelectElement>(id));
  const [verdict, outcome, source] = selects;
  if (!verdict || !outcome || !source) return;
  const options = document.createDocumentFragment();
  sourceRows.forEach((row, i) => {
    const option = el('option', null, sourceTitle(row));
    option.value = String(i);
    options.appendChild(option);
  });
  source.appendChild(options);
  const update = (): void => {
    const v = verdict.value;
    const o = outcome.value;
    const s = source.value === '' ? -1 : Number(source.value);
    table.where(v || o || s >= 0 ? (r) => (!v || r.v === v) && (!o || r.o === o) && (s < 0 || (r.s || []).includes(s)) : null);
  };
  for (const select of selects) select!.addEventListener('change', update);
  // A reload keeps the selects' values: apply them.
  if (verdict.value || outcome.value || source.value) update();
}

// ---- source pages ---------------------------------------------------------------------------

function markOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('mark.ev') : null;
}

function initSource(): void {
  const panel = must('panel');
  const panelBody = must('panel-body');
  const status = must('nav-status');
  const cards = new Map<string, Element>();
  for (const card of document.querySelectorAll('.claims-block article.claim[data-ci]')) cards.set(card.getAttribute('data-ci')!, card);
  const marks = [...document.querySelectorAll<HTMLElement>('mark.ev')];
  let pinned: HTMLElement | null = null;
  let shown: HTMLElement | null = null;

  const words = (node: Element, name: string): string[] => (node.getAttribute(name) || '').split(' ').filter((w) => w !== '');

  // On narrow screens the panel is a sheet over the bottom of the page: scroll the passage above it.
  function keepAboveSheet(mark: HTMLElement): void {
    if (getComputedStyle(panel).position !== 'fixed') return;
    const sheetTop = panel.getBoundingClientRect().top;
    const box = mark.getBoundingClientRect();
    if (box.bottom > sheetTop - 8) window.scrollBy(0, box.bottom - sheetTop + Math.min(sheetTop / 3, 96));
  }

  function stripIds(node: Element): void {
    node.removeAttribute('id');
    for (const n of node.querySelectorAll('[id]')) n.removeAttribute('id');
  }

  // Shows the claims of a highlighted piece in the panel; on narrow screens the panel opens
  // (as a sheet) only on focus or click, not on hover.
  function show(mark: HTMLElement, open: boolean): void {
    if (open) {
      panel.classList.add('open');
      // After the panel has its content, and after the browser's own scroll to the focused mark.
      window.requestAnimationFrame(() => keepAboveSheet(mark));
    }
    if (shown === mark) return;
    shown = mark;
    const claims = words(mark, 'data-c');
    const evidence = words(mark, 'data-ev');
    panelBody.textContent = '';
    panelBody.appendChild(el('p', 'panel-count', claims.length === 1 ? 'This passage is cited by 1 claim.' : `This passage is cited by ${claims.length} claims.`));
    const verdicts = words(mark, 'data-verdict');
    if (verdicts.length > 1) panelBody.appendChild(el('p', 'panel-mixed', `Mixed verdicts: the claims it backs are ${verdicts.join(' and ')}.`));
    for (const ci of claims) {
      const card = cards.get(ci);
      if (!card) continue;
      const copy = card.cloneNode(true) as Element;
      stripIds(copy);
      for (const item of copy.querySelectorAll('.ev-item[data-ev]')) {
        if (evidence.includes(item.getAttribute('data-ev')!)) item.classList.add('current');
      }
      panelBody.appendChild(copy);
    }
    for (const m of marks) {
      m.classList.toggle('active', m === mark);
      const shared = m !== mark && words(m, 'data-ev').some((k) => evidence.includes(k));
      m.classList.toggle('linked', shared);
    }
  }

  document.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) {
      pinned = mark;
      show(mark, true);
    }
  });
  document.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark, false);
  });
  document.addEventListener('mouseout', (event) => {
    const from = markOf(event.target);
    const to = markOf(event.relatedTarget);
    if (from && !to && pinned && pinned !== from) show(pinned, false);
  });
  must('panel-close').addEventListener('click', () => {
    panel.classList.remove('open');
    if (pinned) pinned.focus();
  });

  // n / p: next and previous uncovered sentence.
  const uncovered = [...document.querySelectorAll<HTMLElement>('.s.uncovered[tabindex]')];
  let lastVisited = -1;
  const text = must('source-text');

  function indexFrom(reference: Node, dir: number): number {
    let found = -1;
    for (let i = 0; i < uncovered.length; i++) {
      const position = reference.compareDocumentPosition(uncovered[i]!);
      if (dir > 0 && position & Node.DOCUMENT_POSITION_FOLLOWING && !(position & Node.DOCUMENT_POSITION_CONTAINS)) return i;
      if (dir < 0 && position & Node.DOCUMENT_POSITION_PRECEDING && !(position & Node.DOCUMENT_POSITION_CONTAINS)) found = i;
    }
    return found;
  }

  // Without a focused place to start from, start from what is on screen.
  function indexInView(dir: number): number {
    if (dir > 0) {
      const i = uncovered.findIndex((s) => s.getBoundingClientRect().top >= 0);
      return i === -1 ? 0 : i;
    }
    for (let j = uncovered.length - 1; j >= 0; j--) if (uncovered[j]!.getBoundingClientRect().bottom <= window.innerHeight) return j;
    return uncovered.length - 1;
  }

  function move(dir: 1 | -1): void {
    if (!uncovered.length) {
      status.textContent = 'No uncovered sentences';
      return;
    }
    const active = document.activeElement;
    const current = active instanceof HTMLElement ? uncovered.indexOf(active) : -1;
    let target: number;
    if (current !== -1) target = current + dir;
    else if (active && text.contains(active)) {
      target = indexFrom(active, dir);
      if (target === -1) target = dir > 0 ? 0 : uncovered.length - 1;
    } else if (lastVisited !== -1) target = lastVisited + dir;
    else target = indexInView(dir);
    target = (target + uncovered.length) % uncovered.length;
    lastVisited = target;
    const sentence = uncovered[target]!;
    sentence.scrollIntoView({ block: 'center' });
    sentence.focus({ preventScroll: true });
    status.textContent = `Uncovered sentence ${target + 1} of ${uncovered.length}`;
  }

  const isTyping = (t: EventTarget | null): boolean => t instanceof Element && ((t instanceof HTMLElement && t.isContentEditable) || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    if (event.key === 'n' || event.key === 'p') {
      event.preventDefault();
      move(event.key === 'n' ? 1 : -1);
    } else if (event.key === 'Escape' && panel.classList.contains('open')) {
      panel.classList.remove('open');
    }
  });
  must('next-uncovered').addEventListener('click', () => move(1));
  must('prev-uncovered').addEventListener('click', () => move(-1));

  // A link to #E-… opens the quote it names: focus its first highlighted piece.
  function openHash(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith('E-')) return;
    const target = byId(id);
    if (!target) return;
    if (target.classList.contains('ev-anchor')) {
      let next = target.nextElementSibling;
      while (next && next.classList.contains('ev-anchor')) next = next.nextElementSibling;
      if (next instanceof HTMLElement && next.matches('mark.ev')) {
        next.focus({ preventScroll: true });
        next.scrollIntoView({ block: 'center' });
      }
    } else {
      target.focus({ preventScroll: true });
    }
  }
  window.addEventListener('hashchange', openHash);
  // The browser's own scroll to the fragment moves the focus after deferred scripts have run.
  if (document.readyState === 'complete') openHash();
  else window.addEventListener('load', openHash);
}

const PAGES: Record<PageKind, () => void> = { index: initIndex, source: initSource };

const kind = document.body.getAttribute('data-page');
if (kind !== null && Object.prototype.hasOwnProperty.call(PAGES, kind)) PAGES[kind as PageKind]();
