// A re-anchoring workload made from the seed articles: one long page (about 64 KB) of sentences
// generated from the seeds' words by an order-2 word chain, quotes pinned against it, and an
// edited version of the page as a publisher would leave it: paragraphs added (quotes move),
// typography changed, words corrected, sentences rewritten or deleted. Deterministic: the same
// seed number always gives the same workload. No data from outside the seed articles.
import { prng, readSeeds } from './index.js';

export { prng };


const pick = (random, list) => list[Math.floor(random() * list.length)];

/** The seeds' sentences, split into words (punctuation stays on its word). */
function seedSentences() {
  const sentences = [];
  for (const text of readSeeds().values()) {
    for (const s of text.split(/(?<=[.!?][”"’]?)\s+/)) {
      const words = s.split(/\s+/).filter(Boolean);
      if (words.length >= 4) sentences.push(words);
    }
  }
  return sentences;
}

/** A word chain over the seed sentences: word → next words; '' starts and ends a sentence. */
function wordChain(sentences) {
  const next = new Map();
  for (const words of sentences) {
    const padded = ['', ...words, ''];
    for (let i = 0; i + 1 < padded.length; i++) {
      let list = next.get(padded[i]);
      if (!list) next.set(padded[i], (list = []));
      list.push(padded[i + 1]);
    }
  }
  return next;
}

/** Runs of this many words appear at most once in the page, so no passage has a twin. */
const RUN = 4;

function generateSentence(chain, random, minWords, maxWords, runs) {
  for (;;) {
    const words = [];
    let a = '';
    for (;;) {
      const c = pick(random, chain.get(a));
      if (c === '' || words.length >= maxWords) break;
      words.push(c);
      a = c;
    }
    if (words.length < minWords || words.length > maxWords || !/[.!?][”"’]?$/.test(words[words.length - 1])) continue;
    const keys = [];
    for (let i = 0; i + RUN <= words.length; i++) keys.push(words.slice(i, i + RUN).join(' ').toLowerCase());
    if (new Set(keys).size !== keys.length || keys.some((k) => runs.has(k))) continue;
    for (const k of keys) runs.add(k);
    return words.join(' ');
  }
}

/** Straight quotes for curly ones and back, a doubled space: the words stay, the typography changes. */
function retype(sentence, random) {
  let out = sentence.replace(/[’']/g, (q) => (q === '’' ? "'" : '’')).replace(/[“”"]/g, (q) => (q === '"' ? '“' : '"'));
  if (out === sentence) {
    const spaces = [...out.matchAll(/ /g)].map((m) => m.index);
    const at = pick(random, spaces);
    out = `${out.slice(0, at)}  ${out.slice(at + 1)}`;
  }
  return out;
}

/** One or two words replaced, inserted or removed: a correction. */
function correct(sentence, vocabulary, random) {
  const words = sentence.split(' ');
  const edits = 1 + Math.floor(random() * 2);
  for (let i = 0; i < edits; i++) {
    const at = 1 + Math.floor(random() * Math.max(1, words.length - 2));
    const kind = random();
    if (kind < 0.5) words[at] = pick(random, vocabulary);
    else if (kind < 0.75) words.splice(at, 0, pick(random, vocabulary));
    else if (words.length > 4) words.splice(at, 1);
  }
  return words.join(' ');
}

/**
 * A rewrite of the sentence: about a third of its words replaced, dropped or joined by new
 * ones, its first and last words usually kept. The quote is gone; the rewrite is where it went.
 */
function rewrite(sentence, vocabulary, random) {
  const words = sentence.split(' ');
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const edge = i === 0 || i === words.length - 1;
    const r = random();
    if (edge ? r < 0.75 : r < 0.6) out.push(words[i]);
    else if (r < 0.8) out.push(pick(random, vocabulary));
    else if (r < 0.9) out.push(...(i === words.length - 1 ? [pick(random, vocabulary), words[i]] : [words[i], pick(random, vocabulary)]));
    // else: dropped
  }
  if (out.length < 3) out.push(pick(random, vocabulary), pick(random, vocabulary));
  const last = out[out.length - 1];
  if (!/[.!?][”"’]?$/.test(last)) out[out.length - 1] = `${last.replace(/[,;:]$/, '')}.`;
  return out.join(' ');
}

/**
 * The workload: `page` (the text the quotes were pinned against), `edited` (the page now),
 * and `quotes`: each with its text, its span in `page` (code points), what happened to it
 * (`verbatim`, `retyped`, `corrected`, `rewritten`, `deleted`), and for a rewritten one the span
 * of its new wording in `edited`.
 *
 * @param options size: the page's length in characters (default 65536); quotes: how many
 * (default 453); notVerbatim: how many of them no longer stand word for word (default 215);
 * seed: the PRNG seed (default 1).
 */
export function makeWorkload(options = {}) {
  const size = options.size ?? 65536;
  const quoteCount = options.quotes ?? 453;
  const notVerbatim = options.notVerbatim ?? 215;
  const random = prng(options.seed ?? 1);
  const sentences = seedSentences();
  const chain = wordChain(sentences);
  const vocabulary = sentences.flat().filter((w) => /^[a-z]+$/.test(w));

  // The page: paragraphs of 3 to 6 generated sentences, no sentence twice.
  const seen = new Set();
  const runs = new Set();
  const paragraphs = [];
  let length = 0;
  while (length < size) {
    const count = 3 + Math.floor(random() * 4);
    const paragraph = [];
    while (paragraph.length < count) {
      const s = generateSentence(chain, random, 6, 40, runs);
      if (seen.has(s)) continue;
      seen.add(s);
      paragraph.push(s);
    }
    paragraphs.push(paragraph);
    length += paragraph.join(' ').length + 2;
  }

  // Quotes: whole sentences, spread over the page; each gets a fate.
  const all = paragraphs.flatMap((p, pi) => p.map((s, si) => ({ pi, si, s })));
  const chosen = new Set();
  while (chosen.size < Math.min(quoteCount, all.length)) chosen.add(Math.floor(random() * all.length));
  const order = [...chosen].sort((a, b) => a - b);
  const fates = order.map((_, i) => (i < notVerbatim ? ['retyped', 'corrected', 'corrected', 'rewritten', 'rewritten', 'deleted'][i % 6] : 'verbatim'));
  // Shuffle the fates (Fisher-Yates) so that each kind is spread over the page.
  for (let i = fates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [fates[i], fates[j]] = [fates[j], fates[i]];
  }
  const fateOf = new Map(order.map((index, i) => [index, fates[i]]));

  // The page as pinned, and the edited page: every fourth paragraph gets a new one before it.
  const join = (ps) => ps.map((p) => p.join(' ')).join('\n\n');
  const page = join(paragraphs);
  const editedParagraphs = [];
  const newWording = new Map();
  let flat = 0;
  for (const [pi, paragraph] of paragraphs.entries()) {
    if (pi % 4 === 1) editedParagraphs.push([generateSentence(chain, random, 6, 30, runs), generateSentence(chain, random, 6, 30, runs)]);
    const out = [];
    for (const s of paragraph) {
      const fate = fateOf.get(flat++);
      if (fate === 'retyped') out.push(retype(s, random));
      else if (fate === 'corrected') out.push(correct(s, vocabulary, random));
      else if (fate === 'rewritten') {
        const r = rewrite(s, vocabulary, random);
        newWording.set(flat - 1, r);
        out.push(r);
      } else if (fate !== 'deleted') out.push(s);
    }
    editedParagraphs.push(out.length ? out : [generateSentence(chain, random, 6, 30, runs)]);
  }
  const edited = join(editedParagraphs);

  // Code point offsets of UTF-16 offsets, counted once per text.
  const counter = (text) => {
    let unitAt = 0;
    let cpAt = 0;
    return (unit) => {
      if (unit < unitAt) {
        unitAt = 0;
        cpAt = 0;
      }
      for (; unitAt < unit; unitAt++) {
        const c = text.charCodeAt(unitAt);
        if (!(c >= 0xdc00 && c < 0xe000 && unitAt > 0 && text.charCodeAt(unitAt - 1) >= 0xd800 && text.charCodeAt(unitAt - 1) < 0xdc00)) cpAt++;
      }
      return cpAt;
    };
  };
  const cpLength = (s) => [...s].length;
  const pageCp = counter(page);
  const editedCp = counter(edited);
  const quotes = [];
  let unit = 0;
  flat = 0;
  let searchFrom = 0;
  for (const paragraph of paragraphs) {
    for (const s of paragraph) {
      const at = page.indexOf(s, unit);
      unit = at + s.length;
      const index = flat++;
      const fate = fateOf.get(index);
      if (!fate) continue;
      const start = pageCp(at);
      const quote = { quote: s, span: [start, start + cpLength(s)], fate };
      const wording = newWording.get(index);
      if (wording !== undefined) {
        const where = edited.indexOf(wording, searchFrom);
        if (where >= 0) {
          searchFrom = where;
          const from = editedCp(where);
          quote.newSpan = [from, from + cpLength(wording)];
          quote.newText = wording;
        }
      }
      quotes.push(quote);
    }
  }
  return { page, edited, quotes };
}

/** The workload as a workspace's files: claims.yaml (one claim per quote) and page.txt (the edited page). */
export function workloadFiles(workload) {
  const lines = ['version: 1', 'sources:', '  page:', '    path: page.txt', 'claims:'];
  workload.quotes.forEach((q, i) => {
    lines.push(`  - id: quote-${i + 1}`, `    claim: Claim ${i + 1}.`, '    verdict: supported', '    evidence:', '      - source: page', `        quote: ${JSON.stringify(q.quote)}`, `        span: [${q.span[0]}, ${q.span[1]}]`);
  });
  return { 'claims.yaml': `${lines.join('\n')}\n`, 'page.txt': workload.edited };
}
