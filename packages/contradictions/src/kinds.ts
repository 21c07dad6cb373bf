// Kinds of common nouns: lib/kinds.json, compiled from WordNet at build time by
// scripts/compile-kinds.mjs. Read once, lazily. Two nouns of one narrow kind that share no sense are
// sister terms: alternatives, so a claim that writes one where its quote writes the other names a
// different thing (wine for beer, a library for a museum, red for blue).
import { createRequire } from 'node:module';
import { irregularLemma } from './lexicon.js';

interface Noun {
  senses: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  /** Every hypernym a few levels up, broad ones included. */
  ancestors: ReadonlySet<string>;
}

let loaded: Map<string, Noun> | undefined;

function nouns(): Map<string, Noun> {
  if (loaded) return loaded;
  // Works from src/ (tests) and dist/ (built code) alike: both sit next to lib/.
  const compiled = createRequire(import.meta.url)('../lib/kinds.json') as { nouns: string };
  loaded = new Map();
  for (const entry of compiled.nouns === '' ? [] : compiled.nouns.split(',')) {
    const space = entry.indexOf(' ');
    const [senses, kinds, ancestors] = entry.slice(space + 1).split('|') as [string, string, string];
    loaded.set(entry.slice(0, space), { senses: new Set(senses.split('.')), kinds: new Set(kinds.split('.')), ancestors: new Set(ancestors.split('.')) });
  }
  return loaded;
}

/** The noun a lower-case word is, singular, or undefined when it is no common noun with a kind. */
function nounOf(word: string): Noun | undefined {
  const all = nouns();
  const direct = all.get(word);
  if (direct) return direct;
  const lemma = irregularLemma(word);
  if (lemma !== undefined) return all.get(lemma);
  if (word.endsWith('ies')) return all.get(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) return all.get(word.slice(0, -2)) ?? all.get(word.slice(0, -1));
  if (word.endsWith('s') && !word.endsWith('ss')) return all.get(word.slice(0, -1));
  return undefined;
}

/** Whether a lower-case word is a common noun of some narrow kind (cheap test before `areSisters`). */
export function hasKind(word: string): boolean {
  return nounOf(word) !== undefined;
}

/**
 * Whether two lower-case words are sister terms: nouns of one narrow kind that share no sense (not
 * synonyms), neither a kind of the other. Inflected plurals are read as their singular.
 */
export function areSisters(a: string, b: string): boolean {
  const x = nounOf(a);
  const y = nounOf(b);
  if (!x || !y || x === y) return false;
  for (const s of x.senses) if (y.senses.has(s) || y.ancestors.has(s)) return false;
  for (const s of y.senses) if (x.ancestors.has(s)) return false;
  for (const k of x.kinds) if (y.kinds.has(k)) return true;
  return false;
}
