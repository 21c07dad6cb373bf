// The antonym lexicon: lib/antonyms.json, compiled from WordNet at build time by
// scripts/compile-antonyms.mjs. Read once, lazily; the WordNet database itself is never read here.
import { createRequire } from 'node:module';

interface CompiledLexicon {
  about: string;
  /** "a b" pairs joined by commas: WordNet's word-to-word antonyms and their inflected forms. */
  direct: string;
  /** The same for members of antonymous synsets that WordNet does not link word to word. */
  synset: string;
  /** Pairs attested only as nouns (man/woman, start/end), direct and synset level. */
  directNouns: string;
  synsetNouns: string;
  /** Adjective satellites against the antonyms of their head (giant/little through large/little). */
  indirect: string;
  /** "form lemma" pairs: irregular verb forms and plurals. */
  lemmas: string;
}

/**
 * How an antonym pair is attested: WordNet links the two words (`direct`) or only their synsets
 * (`synset`); `noun` is set when the pair is attested only as nouns (man/woman), which name
 * different things rather than opposite properties.
 */
export interface AntonymSource {
  level: 'direct' | 'synset' | 'indirect';
  noun: boolean;
}

/** Which antonym pairs to accept. */
export interface AntonymFilter {
  /** Accept synset-level pairs (big/small). Default false in this lookup. */
  synset?: boolean;
  /** Accept indirect adjective pairs (giant/little). Default false in this lookup. */
  indirect?: boolean;
  /** Accept noun-only pairs (man/woman). Default false in this lookup. */
  nouns?: boolean;
}

interface Lexicon {
  antonyms: Map<string, Map<string, AntonymSource>>;
  /** A bit per word hash, set for every word that has antonyms (see `mayHaveAntonyms`). */
  antonymBits: Uint32Array;
  lemmas: Map<string, string>;
  /** Irregular forms and their lemmas alike (men, man, sat, sit). */
  irregular: Set<string>;
}

let loaded: Lexicon | undefined;

function addPairs(into: Lexicon['antonyms'], list: string, source: AntonymSource): void {
  if (list === '') return;
  for (const pair of list.split(',')) {
    const space = pair.indexOf(' ');
    const a = pair.slice(0, space);
    const b = pair.slice(space + 1);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let row = into.get(x);
      if (!row) into.set(x, (row = new Map()));
      if (!row.has(y)) row.set(y, source);
    }
  }
}

// 2^18 bits (32 KiB): a few thousand words with antonyms leave most bits clear.
const ANTONYM_BITS = 1 << 18;

/** A word's bit: its FNV-1a hash, cut to ANTONYM_BITS. */
function bitOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 0x01000193);
  return hash & (ANTONYM_BITS - 1);
}

function lexicon(): Lexicon {
  if (loaded) return loaded;
  // Works from src/ (tests) and dist/ (built code) alike: both sit next to lib/.
  const compiled = createRequire(import.meta.url)('../lib/antonyms.json') as CompiledLexicon;
  const antonyms: Lexicon['antonyms'] = new Map();
  addPairs(antonyms, compiled.direct, { level: 'direct', noun: false });
  addPairs(antonyms, compiled.directNouns, { level: 'direct', noun: true });
  addPairs(antonyms, compiled.synset, { level: 'synset', noun: false });
  addPairs(antonyms, compiled.synsetNouns, { level: 'synset', noun: true });
  addPairs(antonyms, compiled.indirect, { level: 'indirect', noun: false });
  const lemmas = new Map<string, string>();
  for (const pair of compiled.lemmas === '' ? [] : compiled.lemmas.split(',')) {
    const [form, lemma] = pair.split(' ');
    if (form && lemma) lemmas.set(form, lemma);
  }
  const antonymBits = new Uint32Array(ANTONYM_BITS / 32);
  for (const word of antonyms.keys()) {
    const bit = bitOf(word);
    antonymBits[bit >>> 5]! |= 1 << (bit & 31);
  }
  loaded = { antonyms, antonymBits, lemmas, irregular: new Set([...lemmas.keys(), ...lemmas.values()]) };
  return loaded;
}

function accepts(source: AntonymSource | undefined, filter: AntonymFilter): boolean {
  if (!source) return false;
  if (source.level === 'synset' && filter.synset !== true) return false;
  if (source.level === 'indirect' && filter.indirect !== true) return false;
  return !source.noun || filter.nouns === true;
}

/**
 * The antonyms of a lower-case word, sorted. By default only WordNet's word-to-word pairs that are
 * not noun-only; `synset` and `nouns` widen the list. Unknown words have none.
 */
export function antonymsOf(word: string, filter: AntonymFilter = {}): string[] {
  const row = lexicon().antonyms.get(word);
  if (!row) return [];
  return [...row].filter(([, source]) => accepts(source, filter)).map(([other]) => other).sort();
}

/**
 * False when a lower-case word certainly has no antonyms; true when it may have some. Most words have
 * none, and testing a bit is far cheaper than a map lookup, which hot loops can then skip.
 */
export function mayHaveAntonyms(word: string): boolean {
  const bit = bitOf(word);
  return (lexicon().antonymBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

/** How two lower-case words are antonyms, or undefined when they are not. */
export function antonymSource(a: string, b: string): AntonymSource | undefined {
  return lexicon().antonyms.get(a)?.get(b);
}

/** Whether two lower-case words are antonyms under the filter (default: direct, not noun-only). */
export function areAntonyms(a: string, b: string, filter: AntonymFilter = {}): boolean {
  return accepts(antonymSource(a, b), filter);
}

/** The lemma of an irregular form (men → man, sat → sit), or undefined. */
export function irregularLemma(word: string): string | undefined {
  return lexicon().lemmas.get(word);
}

/** Whether a word is an irregular form or the lemma of one (its forms do not share a prefix). */
export function isIrregular(word: string): boolean {
  return lexicon().irregular.has(word);
}

/** Sizes of the compiled lexicon, for reports. */
export function antonymLexiconSize(): { words: number; lemmas: number } {
  const { antonyms, lemmas } = lexicon();
  return { words: antonyms.size, lemmas: lemmas.size };
}
