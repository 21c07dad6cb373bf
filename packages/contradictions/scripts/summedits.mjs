// SummEdits-dev as claims against their own evidence: each summary is a claim, and its evidence is
// the document sentences that best back it. Used by eval.mjs; reads data kept outside the repo.
//
// How the evidence is chosen (no label, edit type or original summary is read for it): the document
// is split into sentences (., !, ? or a line break). For each sentence of the summary, document
// sentences are taken greedily, as a fact-checker cites what backs each detail: first the one that
// shares most of its content-word stems (the tokeniser, stop words and stemmer of this package; ties
// go to the earlier sentence), provided they share at least two; then, up to four in all, the one
// that adds most numbers and capitalised words of the summary not yet covered, else most stems, while
// it adds at least one such detail or two stems. The quotes are the chosen sentences, in document order, each once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOP_WORDS, stem, tokenize } from '../dist/index.js';

const SENTENCE = /(?<=[.!?])\s+|\s*\n+\s*/;

const contentStems = (text) => new Set(tokenize(text).map((t) => t.text).filter((w) => !STOP_WORDS.has(w) && /\p{L}|\d/u.test(w)).map((w) => stem(w)));

/** The document sentences that best back a summary, as quotes. */
export function evidenceFor(doc, summary) {
  const sentences = doc.split(SENTENCE).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
  const stems = sentences.map(contentStems);
  const chosen = new Set();
  for (const part of summary.split(/(?<=[.!?])\s+/)) {
    const want = contentStems(part);
    if (want.size === 0) continue;
    // Numbers and capitalised words (not the first) of the summary sentence: its details.
    const details = new Set(
      tokenize(part)
        .filter((t, k) => k > 0 && /^[\p{Lu}\d$£€]/u.test(part.slice(t.start, t.end)))
        .map((t) => stem(t.text)),
    );
    const covered = new Set();
    const gain = (i) => [...want].filter((w) => stems[i].has(w) && !covered.has(w));
    for (let round = 0; round < 4; round++) {
      let best = -1;
      let bestGain = [];
      // Details first: a sentence that backs a number or a name outranks one that only shares words.
      const weight = (g) => g.length + (round === 0 ? 0 : 100 * g.filter((w) => details.has(w)).length);
      for (let i = 0; i < sentences.length; i++) {
        const g = gain(i);
        if (weight(g) > weight(bestGain)) [best, bestGain] = [i, g];
      }
      const enough = round === 0 ? bestGain.length >= 2 : bestGain.length >= 2 || bestGain.some((w) => details.has(w));
      if (best === -1 || !enough) break;
      chosen.add(best);
      for (const w of bestGain) covered.add(w);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((i) => sentences[i]);
}

const EDIT_TYPES = ['entity_modification', 'antonym_swap', 'negation_insertion_removal', 'hallucinated_fact_insertion'];

/** Every item of every domain file, with its evidence: { domain, claim, quotes, consistent, editTypes }. */
export function readSummEdits(dir) {
  if (!existsSync(dir)) return undefined;
  const items = [];
  for (const file of readdirSync(dir).filter((f) => /^summedits_.*\.json$/.test(f)).sort()) {
    const domain = file.slice('summedits_'.length, -'.json'.length);
    for (const row of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
      const editTypes = typeof row.edit_types === 'string' ? JSON.parse(row.edit_types.replace(/'/g, '"')) : (row.edit_types ?? []);
      items.push({ domain, claim: row.summary, quotes: evidenceFor(row.doc, row.summary), consistent: String(row.label) === '1', editTypes });
    }
  }
  return items;
}

const POSITION = { line: 1, column: 1, offset: 0 };
const PLACE = { start: POSITION, end: POSITION };

/** Loaded claims, the way findContradictions takes them. */
export function asClaims(items) {
  return items.map((item, i) => ({
    id: `summedits-${i}`,
    claim: item.claim,
    verdict: 'supported',
    evidence: item.quotes.map((quote) => ({ source: 'doc', quote, stance: 'for', place: PLACE, quotePlace: PLACE })),
    conflicts: [],
    place: PLACE,
    idPlace: PLACE,
    claimPlace: PLACE,
  }));
}

/**
 * Flags per item (claim against its own evidence only), then precision, recall and false-flag rate
 * per domain and per edit type, for the contradiction kinds together and for `unsupported` apart.
 */
export function measureSummEdits(items, findContradictions, options = {}) {
  const claims = asClaims(items);
  const started = performance.now();
  const findings = [];
  // One claim at a time: the claims of one document are near copies of each other and would
  // otherwise be compared between themselves, which is not what this data measures.
  for (const claim of claims) for (const f of findContradictions({ claims: [claim], properties: new Map(), entities: new Map() }, options)) findings.push(f);
  const seconds = (performance.now() - started) / 1000;
  const contradiction = new Map();
  const unsupported = new Set();
  for (const f of findings) {
    const index = Number(f.claims[0].slice('summedits-'.length));
    if (f.kind === 'unsupported') unsupported.add(index);
    else if (!contradiction.has(index)) contradiction.set(index, f);
  }
  const groups = (item) => ['all', `domain ${item.domain}`, ...(item.consistent ? [] : item.editTypes.length === 0 ? ['edit (none given)'] : item.editTypes.map((t) => `edit ${t}`))];
  const table = (flagged) => {
    const rows = new Map();
    const row = (name) => rows.get(name) ?? rows.set(name, { items: 0, inconsistent: 0, consistent: 0, tp: 0, fp: 0 }).get(name);
    items.forEach((item, i) => {
      const hit = flagged(i);
      for (const name of groups(item)) {
        const r = row(name);
        r.items++;
        if (item.consistent) r.consistent++;
        else r.inconsistent++;
        if (hit && item.consistent) r.fp++;
        if (hit && !item.consistent) r.tp++;
      }
      // Edit-type rows count inconsistent items only; their false flags are those of the domain rows.
    });
    return rows;
  };
  const byKind = {};
  for (const f of contradiction.values()) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  return { seconds, contradictions: table((i) => contradiction.has(i)), unsupported: table((i) => unsupported.has(i)), byKind, contradiction, unsupportedSet: unsupported };
}

export { EDIT_TYPES };
