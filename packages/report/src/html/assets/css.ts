// The report's one stylesheet (report.css). Colours are variables, with a dark set for
// prefers-color-scheme: dark; status colours are also told apart by line style, not hue alone.
export const REPORT_CSS = String.raw`:root {
  color-scheme: light dark;
  --bg: #f6f6f3;
  --surface: #ffffff;
  --text: #1d2329;
  --muted: #5b6670;
  --border: #dcdfe3;
  --accent: #0a58ca;
  --accent-soft: #e6effc;
  --ok: #1a7f37;
  --ok-bg: #d4f1dc;
  --moved: #8a5a00;
  --moved-bg: #ffecb3;
  --changed: #c4320a;
  --changed-bg: #ffdccf;
  --failing: #6d38d4;
  --failing-bg: #ece2fd;
  --missing: #b42318;
  --uncovered: #d92d20;
  --uncovered-bg: #fff1f0;
  --partial: #b54708;
  --excluded: #8a939b;
  --low: #c0271d;
  --low-bg: #fdecea;
  --medium: #9a6100;
  --medium-bg: #fff4d6;
  --high: #1a7f37;
  --high-bg: #e3f5e8;
  --v-supported: #17692f;
  --v-supported-bg: #d3f0da;
  --v-refuted: #a3201a;
  --v-refuted-bg: #fcdcd8;
  --v-disputed: #7a4a00;
  --v-disputed-bg: #fbe5b0;
  --v-unverified: #48525d;
  --v-unverified-bg: #e3e7eb;
  --v-mixed: #5b2fb5;
  --v-mixed-bg: #e8defa;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "Liberation Serif", "DejaVu Serif", serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171b;
    --surface: #1c2026;
    --text: #e4e7ea;
    --muted: #9ba5af;
    --border: #343b44;
    --accent: #7cb1ff;
    --accent-soft: #1d2d45;
    --ok: #5dd585;
    --ok-bg: #1d4429;
    --moved: #f0c050;
    --moved-bg: #4a3908;
    --changed: #ff9170;
    --changed-bg: #5a2516;
    --failing: #c4a2ff;
    --failing-bg: #382660;
    --missing: #ff8a80;
    --uncovered: #ff6b61;
    --uncovered-bg: #3a1c1c;
    --partial: #f5a65b;
    --excluded: #7a848d;
    --low: #ff8a80;
    --low-bg: #3d1d1b;
    --medium: #f0c050;
    --medium-bg: #3b3011;
    --high: #5dd585;
    --high-bg: #183522;
    --v-supported: #86e3a6;
    --v-supported-bg: #1f4a2c;
    --v-refuted: #ffaaa2;
    --v-refuted-bg: #5e231e;
    --v-disputed: #f5cf70;
    --v-disputed-bg: #4d3b0a;
    --v-unverified: #c6ced6;
    --v-unverified-bg: #333a43;
    --v-mixed: #d6bdff;
    --v-mixed-bg: #3d2c62;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 var(--sans); }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
code, kbd { font-family: var(--mono); font-size: .875em; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; background: var(--surface); }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--surface); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.wrap { max-width: 78rem; margin: 0 auto; padding: 0 1.25rem; }
.muted { color: var(--muted); }
.pass { color: var(--ok); }
.fail { color: var(--low); font-weight: 600; }
.warn { color: var(--medium); font-weight: 600; }
.count { display: inline-block; min-width: 1.6em; padding: 0 .45em; border-radius: 999px; background: var(--accent-soft); color: var(--accent); font-size: .75em; font-weight: 600; vertical-align: .2em; text-align: center; }
.notice { background: var(--medium-bg); border-left: 4px solid var(--medium); padding: .6rem .9rem; border-radius: 4px; }

/* Header and footer */
.top { background: var(--surface); border-bottom: 1px solid var(--border); padding: 1.5rem 0 1.25rem; margin-bottom: 1.5rem; }
.top h1 { margin: .1rem 0 .35rem; font-size: 1.75rem; line-height: 1.25; letter-spacing: -.01em; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; font-weight: 600; color: var(--muted); }
.meta { margin: 0; color: var(--muted); }
.crumbs { font-size: .9rem; }
.crumbs a::before { content: "← "; }
.foot { color: var(--muted); font-size: .875rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--border); margin-top: 2.5rem; }
a.ext::after { content: " ↗"; font-size: .85em; }

/* Summary cards */
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 1rem; margin-bottom: 2rem; }
.card { background: var(--surface); border: 1px solid var(--border); border-top: 4px solid var(--border); border-radius: 8px; padding: .9rem 1rem 1rem; }
.card h2 { margin: 0; font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.card .figure { margin: .2rem 0 .1rem; font-size: 2rem; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.2; }
.card .figure .of { font-size: 1rem; font-weight: 500; color: var(--muted); }
.card .detail { margin: 0; font-size: .9rem; color: var(--muted); }
.card.wm-low { border-top-color: var(--low); }
.card.wm-medium { border-top-color: var(--medium); }
.card.wm-high { border-top-color: var(--high); }
.card.wm-low .figure { color: var(--low); }
.card.wm-medium .figure { color: var(--medium); }

/* Filter, tables, pager */
.filter { margin: 0 0 1.5rem; }
.filter label { display: block; font-weight: 600; margin-bottom: .3rem; }
.filter input { width: 100%; max-width: 34rem; font: inherit; padding: .5rem .75rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: var(--text); }
.block { margin: 0 0 2.5rem; }
.filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; margin: 0 0 .75rem; }
.pick { display: flex; flex-direction: column; gap: .15rem; min-width: 0; }
.pick label { font-size: .8rem; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.pick select { font: inherit; font-size: .9rem; padding: .35rem .5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: var(--text); max-width: 100%; }
td.list { overflow-wrap: anywhere; }
.own-quote blockquote { margin: .2rem 0 0; }
.block > h2 { font-size: 1.3rem; margin: 0 0 .5rem; }
.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
table.data { width: 100%; border-collapse: collapse; font-size: .925rem; }
table.data caption { caption-side: top; text-align: left; padding: .6rem .9rem; color: var(--muted); font-size: .875rem; border-bottom: 1px solid var(--border); }
table.data th, table.data td { padding: .55rem .9rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); }
table.data tbody tr:last-child > * { border-bottom: 0; }
table.data thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); white-space: nowrap; background: var(--bg); }
table.data tbody th { font-weight: 500; }
table.data tbody tr:hover { background: var(--accent-soft); }
.sort { font: inherit; text-transform: inherit; letter-spacing: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; display: inline-flex; gap: .3em; align-items: center; }
.sort:hover { color: var(--text); }
th[aria-sort="ascending"] .arrow::after { content: "▲"; }
th[aria-sort="descending"] .arrow::after { content: "▼"; }
th:not([aria-sort]) .sort .arrow::after { content: "↕"; opacity: .45; }
th[aria-sort] { color: var(--text); }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.sub { color: var(--muted); font-size: .8rem; }
.covcell { display: flex; align-items: center; gap: .6rem; }
.bar { flex: 0 0 7rem; height: .55rem; border-radius: 999px; background: var(--border); overflow: hidden; }
.fill { display: block; height: 100%; border-radius: 999px; }
.fill.wm-low { background: var(--low); }
.fill.wm-medium { background: var(--medium); }
.fill.wm-high { background: var(--high); }
.pct { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3.6em; text-align: right; }
.pct.wm-low, .wm-text.wm-low { color: var(--low); }
.pct.wm-medium, .wm-text.wm-medium { color: var(--medium); }
.pct.wm-high, .wm-text.wm-high { color: var(--high); }
.flag { display: inline-block; margin-top: .2rem; font-size: .75rem; color: var(--low); font-weight: 600; }
td.failing-count.has { color: var(--low); font-weight: 700; }
td.empty { text-align: center; color: var(--muted); padding: 1.25rem; }
ul.reasons { margin: 0; padding-left: 1.1rem; }
ul.reasons li + li { margin-top: .2rem; }
.pair > div + div { margin-top: .35rem; }
.pair .vs { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; }
.ack { display: block; margin-top: .3rem; color: var(--muted); font-size: .85rem; }
.pager { display: flex; align-items: center; gap: .75rem; margin-top: .6rem; font-size: .9rem; color: var(--muted); }
.pager button, .toolbar button { font: inherit; font-size: .9rem; padding: .3rem .8rem; border: 1px solid var(--border); border-radius: 6px; background: var(--surface); color: var(--text); cursor: pointer; }
.pager button:disabled, .toolbar button:disabled { opacity: .45; cursor: default; }
.pager button:not(:disabled):hover, .toolbar button:not(:disabled):hover { border-color: var(--accent); }

/* Verdicts: a colour and an icon each (the icon for readers who do not tell the colours apart) */
.v-supported { --v: var(--v-supported); --vb: var(--v-supported-bg); --vi: "✓"; }
.v-refuted { --v: var(--v-refuted); --vb: var(--v-refuted-bg); --vi: "✗"; }
.v-disputed { --v: var(--v-disputed); --vb: var(--v-disputed-bg); --vi: "⇄"; }
.v-unverified { --v: var(--v-unverified); --vb: var(--v-unverified-bg); --vi: "?"; }
.v-mixed { --v: var(--v-mixed); --vb: var(--v-mixed-bg); --vi: "◐"; }

/* Badges */
.badge { display: inline-block; padding: .05em .55em; border-radius: 999px; font-size: .75rem; font-weight: 600; line-height: 1.5; border: 1px solid currentColor; white-space: nowrap; vertical-align: .1em; }
.st-verified, .status-passed, .sev-info { color: var(--ok); }
.st-moved, .sev-warning { color: var(--moved); }
.st-changed { color: var(--changed); }
.st-missing, .st-ambiguous, .status-failed, .sev-error { color: var(--missing); }
.st-failing { color: var(--failing); }
.badge.v-badge { color: var(--v); background: var(--vb); border-color: currentColor; }
.badge.v-badge::before { content: var(--vi) " "; }
.status-failed, .sev-error { background: var(--low-bg); }
.status-passed { background: var(--high-bg); }

/* Source page */
.cov-line { margin: .6rem 0 0; color: var(--muted); }
.cov-line .stat strong { font-size: 1.15rem; }
.stat.wm-low strong { color: var(--low); }
.stat.wm-medium strong { color: var(--medium); }
.stat.wm-high strong { color: var(--high); }
.sep { margin: 0 .5rem; }
.source-layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 2rem; align-items: start; }
.reading { min-width: 0; }
.legend { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: .5rem .9rem; margin-bottom: 1rem; font-size: .875rem; }
.legend summary { cursor: pointer; font-weight: 600; }
.legend ul { list-style: none; margin: .4rem 0 .2rem; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.legend.about { margin-bottom: 1.5rem; font-size: .9rem; }
.meanings { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .35rem 1rem; margin: .5rem 0 .2rem; }
.meanings dt { font-weight: 600; }
.meanings dd { margin: 0; }
.legend ul.verdict-legend { display: block; margin: .3rem 0 0; }
.verdict-legend li + li { margin-top: .2rem; }
.verdict-legend .badge { min-width: 6.2em; text-align: center; margin-right: .3rem; }
.swatch { font-family: var(--serif); padding: 0 .2em; }
.legend h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .6rem 0 0; }
.legend .cue { color: var(--muted); }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .6rem; margin-bottom: 1rem; }
#nav-status { color: var(--muted); font-size: .9rem; }
.text-block > h2, .claims-block > h2, .placeless > h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
.source-text { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 1rem 1.25rem 1rem .25rem; font-family: var(--serif); font-size: 1.125rem; line-height: 1.75; }
.line { display: grid; grid-template-columns: 3.25rem minmax(0, 1fr); align-items: baseline; }
.line:target { background: var(--accent-soft); border-radius: 4px; }
.ln { text-align: right; padding-right: 1rem; color: var(--muted); font: .75rem/1 var(--mono); text-decoration: none; user-select: none; opacity: .7; }
.ln:hover { opacity: 1; color: var(--accent); }
.lt { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.75em; max-width: 44rem; }
/* A highlighted quote: the background and the icon at its start say the verdict of its claims;
   the underline says the check status, by its style: solid verified, dashed moved, dotted
   changed, double when the quote stands but its claim fails the check. */
.ev { color: var(--text); background: var(--vb, transparent); border-bottom: 2px solid var(--text); border-radius: 2px; cursor: pointer; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.ev.ev-moved { border-bottom-style: dashed; }
.ev.ev-changed { border-bottom: 3px dotted var(--text); }
.ev.ev-failing { border-bottom: 4px double var(--text); }
.ev.ev-start::before { content: var(--vi); color: var(--v); font: 700 .8em/1 var(--sans); margin: 0 .2em 0 .05em; }
.ev.ev-start.ev-corrected::before { content: var(--vi) " ✎"; }
mark.ev.linked { outline: 1px solid var(--accent); }
mark.ev.active { outline: 2px solid var(--accent); outline-offset: 1px; }
.s.uncovered { text-decoration: underline wavy var(--uncovered); text-decoration-thickness: 1px; text-underline-offset: 4px; text-decoration-skip-ink: none; }
.s.partial { text-decoration: underline dotted var(--partial); text-decoration-thickness: 2px; text-underline-offset: 4px; }
.s.uncovered:focus { outline: 2px solid var(--uncovered); outline-offset: 2px; border-radius: 2px; }
.x, .s.excluded { color: var(--excluded); }
.swatch.x { font-style: italic; }
.ctl { font: .7em var(--mono); color: var(--missing); border: 1px solid currentColor; border-radius: 3px; padding: 0 .2em; margin: 0 .1em; vertical-align: .1em; white-space: nowrap; }
.placeless { background: var(--surface); border: 1px solid var(--border); border-left: 4px solid var(--missing); border-radius: 8px; padding: .8rem 1rem; margin-bottom: 1.25rem; }
.placeless-list { list-style: none; padding: 0; margin: 0; }
.placeless-item + .placeless-item { border-top: 1px solid var(--border); margin-top: .6rem; padding-top: .6rem; }
.placeless-item p { margin: 0 0 .3rem; }
.placeless-item:focus, .placeless-item:target { outline: 2px solid var(--accent); outline-offset: 4px; border-radius: 2px; }
.candidates { font-size: .875rem; margin: .3rem 0; }
.history { font-size: .875rem; margin: .3rem 0; padding-left: 1.2rem; color: var(--muted); overflow-wrap: anywhere; }
blockquote { margin: .35rem 0; padding: .2rem .8rem; border-left: 3px solid var(--border); font-family: var(--serif); color: var(--text); white-space: pre-wrap; overflow-wrap: anywhere; }
.diff { margin: .3rem 0; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: .15rem .6rem; font-size: .95em; }
.diff dt { color: var(--muted); font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding-top: .2em; }
.diff dd { margin: 0; font-family: var(--serif); white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: var(--changed-bg); color: var(--changed); text-decoration: line-through; border-radius: 2px; }
ins { background: var(--ok-bg); color: inherit; text-decoration: none; border-bottom: 2px solid var(--ok); border-radius: 2px; }
.claims-block { margin-top: 2rem; }
.claim { background: var(--surface); border: 1px solid var(--border); border-left: 4px solid var(--ok); border-radius: 8px; padding: .75rem 1rem; margin-bottom: .8rem; }
.claim.claim-failed { border-left-color: var(--missing); }
.claim:target { outline: 2px solid var(--accent); }
.claim-head { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
.claim-head h3 { margin: 0 .3rem 0 0; font-size: 1rem; }
.claim-head h3 a { text-decoration: none; }
.claim-text { margin: .4rem 0; font-size: 1.05rem; }
.note { margin: .3rem 0; color: var(--muted); font-size: .9rem; }
.claim ul.evidence, .claim ul.backing { list-style: none; padding: 0; margin: .3rem 0; }
.ev-item { padding: .35rem .5rem; border-radius: 6px; }
.ev-item.current { background: var(--accent-soft); }
.also { margin: .5rem 0 .2rem; font-size: .875rem; font-weight: 600; }
.backing li { font-size: .9rem; margin: .15rem 0; }
.badge-link { text-decoration: none; }
.badge[title] { cursor: help; }
.label { font-weight: 600; color: var(--text); }
.note .label { color: var(--muted); }
.fact { display: flex; flex-wrap: wrap; gap: .3rem 1.25rem; margin: .4rem 0; padding: .35rem .6rem; border: 1px solid var(--border); border-radius: 6px; font-size: .875rem; }
.fact > div { min-width: 0; }
.fact dt { color: var(--muted); font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; }
.fact dd { margin: 0; overflow-wrap: anywhere; }
.fact-value { font-weight: 600; }
.conflicts { margin: .4rem 0; font-size: .875rem; }
.conflicts .label { margin: 0; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.conflicts ul { margin: .2rem 0 0; padding-left: 1.1rem; }
.conflicts li + li { margin-top: .2rem; }
.conflicts .reason { color: var(--text); }
.corroboration { margin: 0 0 .1rem; font-size: .85rem; color: var(--muted); }
.side { margin: .5rem 0 0; padding-left: .6rem; border-left: 2px solid var(--border); }
.side-against { border-left-style: dashed; }
.side-label { margin: 0 0 .1rem; font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.side .also { margin-top: .3rem; }
.empty-side { margin: .2rem 0; font-size: .875rem; }
.panel { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: .8rem 1rem; }
.panel-head { display: flex; justify-content: space-between; align-items: center; }
.panel-head h2 { margin: 0; font-size: 1rem; }
.panel .close { display: none; font: inherit; font-size: 1.4rem; line-height: 1; background: none; border: 0; color: var(--muted); cursor: pointer; }
.panel .claim { border-left-width: 3px; padding: .6rem .75rem; font-size: .95rem; }
.panel .claim-text { font-size: 1rem; }
.panel-count { margin: .5rem 0; color: var(--muted); font-size: .875rem; }
@media (max-width: 60rem) {
  .source-layout { grid-template-columns: minmax(0, 1fr); }
  /* The panel becomes a bottom sheet: flush with the screen's edges, scrolling within itself. */
  .panel { position: fixed; left: 0; right: 0; bottom: 0; top: auto; max-height: 60vh; overflow-y: auto; overscroll-behavior: contain; z-index: 5; border-radius: 12px 12px 0 0; border-bottom: 0; padding-bottom: calc(.8rem + env(safe-area-inset-bottom, 0px)); box-shadow: 0 -4px 24px rgba(0, 0, 0, .2); }
  .panel:not(.open) { display: none; }
  .panel-head { position: sticky; top: -.8rem; background: var(--surface); padding-top: .2rem; }
  .panel .close { display: block; min-width: 2.75rem; min-height: 2.75rem; }
  .source-text { font-size: 1.05rem; }
}
/* Phones: each table row is a card that keeps every column, each cell headed by its column's name. */
@media (max-width: 40rem) {
  .meanings { grid-template-columns: minmax(0, 1fr); }
  .wrap { padding: 0 .75rem; }
  .table-wrap { overflow-x: visible; background: none; border: 0; }
  table.data, table.data tbody, table.data tr, table.data th, table.data td { display: block; width: auto; }
  table.data caption { display: block; border: 0; padding: 0 0 .5rem; }
  table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.data tbody tr { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; margin: 0 0 .6rem; padding: .3rem 0; }
  table.data tbody tr:last-child > * { border-bottom: 0; }
  table.data th, table.data td { border-bottom: 0; padding: .3rem .8rem; overflow-wrap: anywhere; }
  table.data [data-label]::before { content: attr(data-label); display: block; font-size: .7rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
  table.data .num { text-align: left !important; }
  .covcell { flex-wrap: wrap; }
  .bar { flex-basis: 5rem; }
  .filter input { max-width: none; }
  .pick { flex: 1 1 8rem; }
  .source-text { padding-right: .5rem; }
  .line { grid-template-columns: 2.25rem minmax(0, 1fr); }
  .ln { padding-right: .5rem; }
}
@media print {
  .panel, .toolbar, .filter, .pager, .skip { display: none; }
  .source-layout { display: block; }
}
`;
