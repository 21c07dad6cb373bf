#!/usr/bin/env node
// A deterministic corpus for the scale benchmarks: N sources of English recombined from the
// example articles (a word-pair model learnt from their sentences, walked by a seeded generator,
// so that texts read like news copy without repeating), and M claims spread over them, each
// quoting one sentence of its source with its span pinned. Optionally a fraction of the sources
// is edited afterwards the way publishers edit: a sentence added at the top (every later quote
// moves), one quoted sentence reworded (changed), one deleted (missing).
//
//   node bench/corpus.mjs --sources 2000 --claims 20000 [--edited 0.1] [--seed 1] --out DIR
//
// The same flags always give the same bytes.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { readSeeds } from '@factcheck/test-fixtures';
import { prng as random } from '@factcheck/test-fixtures';


const START = '\u0002';
const END = '\u0003';

/** The word-pair model of the example articles: for each word, the words seen after it. */
function learn(texts) {
  const next = new Map();
  const add = (a, b) => {
    let list = next.get(a);
    if (!list) next.set(a, (list = []));
    list.push(b);
  };
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
      const words = sentence.split(/\s+/).filter(Boolean);
      if (words.length < 4) continue;
      add(START, words[0]);
      for (let i = 0; i + 1 < words.length; i++) add(words[i], words[i + 1]);
      add(words.at(-1), END);
    }
  }
  return next;
}

/** One sentence: a walk through the model, 8 to 40 words, ending on a word that ended a sentence. */
function sentence(model, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  for (;;) {
    const words = [];
    let word = pick(model.get(START));
    while (word !== END && words.length < 40) {
      words.push(word);
      word = pick(model.get(word) ?? [END]);
    }
    if (words.length >= 8 && /[.!?]["”’]?$/.test(words.at(-1))) return words.join(' ');
  }
}

const codePoints = (text) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/** A source of about `bytes` characters in paragraphs, and the place of each sentence (code points). */
function sourceText(model, rand, bytes) {
  const parts = [];
  const sentences = [];
  let units = 0;
  let points = 0;
  const push = (text) => {
    parts.push(text);
    units += text.length;
    points += codePoints(text);
  };
  push(`${sentence(model, rand).replace(/[.!?]["”’]?$/, '')}\n\n`);
  while (units < bytes) {
    const count = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < count; k++) {
      const text = sentence(model, rand);
      sentences.push({ text, start: points, end: points + codePoints(text) });
      push(text);
      push(k + 1 < count ? ' ' : '\n\n');
    }
  }
  return { text: parts.join(''), sentences };
}

const yamlString = (text) => JSON.stringify(text);

/**
 * The corpus as files: `claims.yaml` and `seeds/s<i>.txt`, by path relative to the corpus folder.
 * `edited` sources are listed by id, edited after the claims were pinned.
 */
export function generateCorpus({ sources = 2000, claims = 20000, edited = 0, seed = 1, bytesPerSource = 15000 } = {}) {
  const model = learn([...readSeeds().values()]);
  const rand = random(seed);
  const files = new Map();
  const texts = [];
  for (let i = 0; i < sources; i++) texts.push(sourceText(model, rand, bytesPerSource));
  const lines = ['version: 1', 'sources:'];
  for (let i = 0; i < sources; i++) lines.push(`  s${i}:`, `    path: seeds/s${i}.txt`, `    title: Generated article ${i}`, `    publisher: Publisher ${i % 37}`);
  lines.push('claims:');
  const quoted = texts.map(() => []);
  for (let c = 0; c < claims; c++) {
    const s = c % sources;
    const { sentences } = texts[s];
    // Claims of one source quote distinct sentences while there are enough of them.
    const at = (Math.floor(c / sources) * 7 + s) % sentences.length;
    const q = sentences[at];
    quoted[s].push(at);
    lines.push(
      `  - id: claim-${c}`,
      // Short claims, so that 100,000 of them stay under the 32 MiB that claims.yaml may have.
      `    claim: ${yamlString(`Article ${s}: ${q.text.split(' ').slice(0, 6).join(' ')}`)}`,
      '    verdict: supported',
      '    evidence:',
      `      - source: s${s}`,
      `        quote: ${yamlString(q.text)}`,
      `        span: [${q.start}, ${q.end}]`,
    );
  }
  files.set('claims.yaml', `${lines.join('\n')}\n`);
  const editedIds = [];
  const editCount = Math.round(sources * edited);
  for (let i = 0; i < sources; i++) {
    let { text } = texts[i];
    // Spread the edited sources over the corpus, the same ones for the same flags.
    if (editCount > 0 && (i * editCount) % sources < editCount) {
      editedIds.push(`s${i}`);
      const { sentences } = texts[i];
      const [reworded, deleted] = quoted[i];
      if (deleted !== undefined && deleted !== reworded) text = text.replace(sentences[deleted].text, '');
      if (reworded !== undefined) text = text.replace(sentences[reworded].text, sentences[reworded].text.replace(/\b(\w{5,})\b/, (w) => `${w}s`));
      text = `${sentence(model, rand)}\n\n${text}`;
    }
    files.set(`seeds/s${i}.txt`, text);
  }
  return { files, edited: editedIds };
}

/** Writes the corpus under `dir`. */
export async function writeCorpus(dir, options) {
  const corpus = generateCorpus(options);
  await mkdir(path.join(dir, 'seeds'), { recursive: true });
  for (const [file, text] of corpus.files) await writeFile(path.join(dir, file), text);
  return corpus;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at === -1 ? fallback : args[at + 1];
  };
  const out = option('out');
  if (!out) {
    console.error('Usage: node bench/corpus.mjs --sources N --claims M [--edited FRACTION] [--seed N] --out DIR');
    process.exit(2);
  }
  const corpus = await writeCorpus(out, {
    sources: Number(option('sources', '2000')),
    claims: Number(option('claims', '20000')),
    edited: Number(option('edited', '0')),
    seed: Number(option('seed', '1')),
  });
  console.log(`wrote ${corpus.files.size - 1} sources and claims.yaml to ${out} (${corpus.edited.length} edited)`);
}
