import type { EvidenceStatus, SentenceCoverage, SourceText, Span, Verdict } from '@factcheck/core';
import { lineElementId } from './names.js';
import { html, joinHtml, textHtml, type HtmlValue, type SafeHtml } from './safe-html.js';

/** An evidence item that has a place in the text, as the text renderer sees it. */
export interface PlacedEvidence {
  /** Position in the page's evidence list (for `data-ev`). */
  key: number;
  /** Position of its claim in the page's claim list (for `data-c`). */
  claimIndex: number;
  span: Span;
  status: EvidenceStatus;
  /** Verified, and its claim passed. */
  passing: boolean;
  /** The verdict of its claim. */
  verdict: Verdict;
  /** Its quote was corrected (`history` in claims.yaml). */
  corrected?: boolean;
  /** The element id that links point at (`E-<claim>-<index>`). */
  anchorId: string;
  /** One line for the tooltip. */
  tooltip: string;
}

export interface SourceTextLayers {
  evidence: readonly PlacedEvidence[];
  sentences: readonly SentenceCoverage[];
  /** Sorted, merged code point spans of boilerplate. */
  excluded: readonly Span[];
}

const STATUS_WEIGHT: Record<EvidenceStatus, number> = { verified: 0, moved: 1, changed: 2, ambiguous: 3, missing: 3 };

/** A stretch of text inside one line where nothing changes: same sentence, same evidence, same exclusion. */
interface Piece {
  start: number;
  end: number;
  sentence: number;
  /** Keys of the evidence covering it, ascending. */
  evidence: number[];
  excluded: boolean;
  /** Evidence anchors that start here. */
  anchors: string[];
}

/**
 * The source text as HTML lines: `<div class="line" id="L12">` with a permalink number, each
 * sentence in a `span.s` whose class is its coverage state (uncovered ones focusable with
 * tabindex=-1 for the n/p keys), and each stretch covered by evidence in one `mark.ev` that
 * lists all the evidence covering it. Overlapping spans are cut into pieces at every boundary,
 * so elements always nest. Excluded text gets class `x`.
 */
export function renderSourceText(text: SourceText, layers: SourceTextLayers): SafeHtml {
  const n = text.length;
  const lines = lineRanges(text);
  const evidence = layers.evidence
    .map((e) => ({ ...e, span: clamp(e.span, n) }))
    .sort((a, b) => a.span[0] - b.span[0] || a.key - b.key);
  const sentences = [...layers.sentences].map((s) => ({ ...s, span: clamp(s.span, n) })).sort((a, b) => a.span[0] - b.span[0]);

  const points = new Set<number>([0, n]);
  for (const [start, end] of lines) points.add(start).add(end);
  for (const s of sentences) points.add(s.span[0]).add(s.span[1]);
  for (const [start, end] of layers.excluded) points.add(Math.min(start, n)).add(Math.min(end, n));
  for (const e of evidence) points.add(e.span[0]).add(e.span[1]);
  const sorted = [...points].sort((a, b) => a - b);

  const tooltips = new Map(evidence.map((e) => [e.key, e]));
  const out: SafeHtml[] = [];
  let p = 0; // index into sorted points
  let si = 0; // next sentence to consider
  let xi = 0; // next excluded range to consider
  let ei = 0; // next evidence to open
  let active: (typeof evidence)[number][] = [];
  const sentenceSeen = new Set<number>();
  let pendingAnchors: string[] = [];

  lines.forEach(([lineStart, lineEnd], lineIndex) => {
    const pieces: Piece[] = [];
    while (p < sorted.length && sorted[p]! < lineStart) p++;
    for (; p < sorted.length - 1 && sorted[p]! < lineEnd; p++) {
      const start = sorted[p]!;
      const end = Math.min(sorted[p + 1]!, lineEnd);
      while (si < sentences.length && sentences[si]!.span[1] <= start) si++;
      while (xi < layers.excluded.length && layers.excluded[xi]![1] <= start) xi++;
      while (ei < evidence.length && evidence[ei]!.span[0] <= start) {
        const opened = evidence[ei++]!;
        pendingAnchors.push(opened.anchorId);
        active.push(opened);
      }
      active = active.filter((e) => e.span[1] > start);
      const sentence = si < sentences.length && sentences[si]!.span[0] <= start ? si : -1;
      const xr = layers.excluded[xi];
      const excluded = xr !== undefined && xr[0] <= start && xr[1] > start;
      pieces.push({ start, end, sentence, evidence: active.map((e) => e.key).sort((a, b) => a - b), excluded, anchors: pendingAnchors });
      pendingAnchors = [];
    }
    if (lineIndex === lines.length - 1) {
      // Evidence that starts at the very end of the text has no piece to precede.
      while (ei < evidence.length) pendingAnchors.push(evidence[ei++]!.anchorId);
    }
    const trailing = pendingAnchors;
    pendingAnchors = [];
    const number = lineIndex + 1;
    const id = lineElementId(number);
    out.push(
      html`<div class="line" id="${id}"><a class="ln" href="#${id}" aria-hidden="true" tabindex="-1">${number}</a><span class="lt">${renderPieces(text, pieces, sentences, sentenceSeen, tooltips)}${anchorsHtml(trailing)}</span></div>`,
    );
  });
  return joinHtml(out, '\n');
}

/** Code point ranges of each line's content, without its line terminator. */
function lineRanges(text: SourceText): Span[] {
  const starts = text.getLineStarts();
  const s = text.text;
  return starts.map((unitStart, i) => {
    let unitEnd = i + 1 < starts.length ? starts[i + 1]! : s.length;
    if (i + 1 < starts.length) {
      // Drop the terminator: \n, \r\n or \r.
      unitEnd--;
      if (s.charCodeAt(unitEnd) === 10 && unitEnd > unitStart && s.charCodeAt(unitEnd - 1) === 13) unitEnd--;
    }
    return text.codePointSpan(unitStart, unitEnd);
  });
}

function clamp([start, end]: Span, n: number): Span {
  const s = Math.max(0, Math.min(start, n));
  return [s, Math.max(s, Math.min(end, n))];
}

function anchorsHtml(ids: readonly string[]): SafeHtml[] {
  return ids.map((id) => html`<span class="ev-anchor" id="${id}"></span>`);
}

/** The uncovered sentences are stops of the n and p keys, not of Tab. */
const FOCUSABLE_BY_SCRIPT = html` tabindex="-1"`;

function renderPieces(
  text: SourceText,
  pieces: readonly Piece[],
  sentences: readonly SentenceCoverage[],
  sentenceSeen: Set<number>,
  evidenceByKey: ReadonlyMap<number, PlacedEvidence>,
): SafeHtml[] {
  const out: SafeHtml[] = [];
  let i = 0;
  while (i < pieces.length) {
    const sentence = pieces[i]!.sentence;
    let j = i;
    while (j < pieces.length && pieces[j]!.sentence === sentence) j++;
    const inner = renderRuns(text, pieces.slice(i, j), evidenceByKey);
    if (sentence < 0) out.push(inner);
    else {
      const state = sentences[sentence]!.state;
      const first = !sentenceSeen.has(sentence);
      sentenceSeen.add(sentence);
      // Only the first piece of a sentence carries its id (a sentence may cross a line).
      const attrs = first ? html` id="S${sentence + 1}"${state === 'uncovered' ? FOCUSABLE_BY_SCRIPT : ''}` : '';
      out.push(html`<span class="s ${state}"${attrs}>${inner}</span>`);
    }
    i = j;
  }
  return out;
}

function renderRuns(text: SourceText, pieces: readonly Piece[], evidenceByKey: ReadonlyMap<number, PlacedEvidence>): SafeHtml {
  const out: HtmlValue[] = [];
  let i = 0;
  while (i < pieces.length) {
    const first = pieces[i]!;
    const signature = first.evidence.join(' ');
    let j = i + 1;
    while (j < pieces.length && pieces[j]!.anchors.length === 0 && pieces[j]!.excluded === first.excluded && pieces[j]!.evidence.join(' ') === signature) j++;
    const raw = text.slice([first.start, pieces[j - 1]!.end]);
    const content = textHtml(raw);
    out.push(anchorsHtml(first.anchors));
    if (first.evidence.length) out.push(markHtml(first.evidence, first.excluded, content, evidenceByKey, /\S/u.test(raw), first.anchors.length > 0));
    else if (first.excluded) out.push(html`<span class="x">${content}</span>`);
    else out.push(content);
    i = j;
  }
  return html`${out}`;
}

/**
 * The verdict a highlighted piece shows: its claims' verdict when they agree, `mixed` when the
 * claims it backs have different verdicts (one supported, one refuted).
 */
export function passageVerdict(verdicts: Iterable<Verdict>): Verdict | 'mixed' {
  const distinct = new Set(verdicts);
  return distinct.size === 1 ? distinct.values().next().value! : 'mixed';
}

/**
 * A highlighted piece: its class gives the verdict (`v-…`, colour and icon) and, apart from it,
 * the check status (`ev-…`, the underline). `ev-start` marks a piece where a quote begins, which
 * carries the verdict's icon. Only pieces with visible text are focusable (a space between
 * sentences is not a stop).
 */
function markHtml(keys: readonly number[], excluded: boolean, content: SafeHtml, evidenceByKey: ReadonlyMap<number, PlacedEvidence>, focusable: boolean, starts: boolean): SafeHtml {
  const items = keys.map((k) => evidenceByKey.get(k)!);
  const worst = items.reduce((a, b) => (STATUS_WEIGHT[b.status] > STATUS_WEIGHT[a.status] ? b : a));
  const failing = items.some((e) => e.status === 'verified' && !e.passing);
  const claims = [...new Set(items.map((e) => e.claimIndex))].join(' ');
  const verdicts = [...new Set(items.map((e) => e.verdict))];
  const verdict = passageVerdict(verdicts);
  const classes = ['ev', `ev-${worst.status}`, `v-${verdict}`];
  if (failing) classes.push('ev-failing');
  if (items.length > 1) classes.push('ev-multi');
  if (items.some((e) => e.corrected)) classes.push('ev-corrected');
  if (starts) classes.push('ev-start');
  if (excluded) classes.push('x');
  // The verdicts of a mixed passage, for its panel; a single one is in the class already.
  const data = verdict === 'mixed' ? html`data-ev="${keys.join(' ')}" data-c="${claims}" data-verdict="${verdicts.join(' ')}"` : html`data-ev="${keys.join(' ')}" data-c="${claims}"`;
  if (!focusable) return html`<mark class="${classes.join(' ')}" ${data}>${content}</mark>`;
  const head = verdict === 'mixed' ? `mixed verdicts: ${verdicts.join(', ')}\n` : '';
  const title = head + items.map((e) => e.tooltip).join('\n');
  return html`<mark class="${classes.join(' ')}" tabindex="0" ${data} title="${title}">${content}</mark>`;
}
