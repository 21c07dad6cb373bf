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

interface Kinds {
  nouns: Map<string, Noun>;
  /** Sister terms used for one another ("jail prison"), both ways. */
  interchangeable: Set<string>;
}

let loaded: Kinds | undefined;

function kinds(): Kinds {
  if (loaded) return loaded;
  // Works from src/ (tests) and dist/ (built code) alike: both sit next to lib/.
  const compiled = createRequire(import.meta.url)('../lib/kinds.json') as { nouns: string; interchangeable: string };
  const nouns = new Map<string, Noun>();
  for (const entry of compiled.nouns === '' ? [] : compiled.nouns.split(',')) {
    const space = entry.indexOf(' ');
    const [senses, kindsOf, ancestors] = entry.slice(space + 1).split('|') as [string, string, string];
    nouns.set(entry.slice(0, space), { senses: new Set(senses.split('.')), kinds: new Set(kindsOf.split('.')), ancestors: new Set(ancestors.split('.')) });
  }
  const interchangeable = new Set<string>();
  for (const pair of compiled.interchangeable === '' ? [] : compiled.interchangeable.split(',')) {
    const [a, b] = pair.split(' ') as [string, string];
    interchangeable.add(`${a} ${b}`).add(`${b} ${a}`);
  }
  loaded = { nouns, interchangeable };
  return loaded;
}

/** The singular a lower-case word may be the plural of, or the word itself. */
function singularOf(word: string, known: ReadonlyMap<string, unknown>): string {
  if (known.has(word)) return word;
  const lemma = irregularLemma(word);
  if (lemma !== undefined) return lemma;
  const forms = word.endsWith('ies')
    ? [`${word.slice(0, -3)}y`, word.slice(0, -1)]
    : // "-es" is a plural ending after s, x, z, ch and sh ("boxes", "churches"); else the "e" is the word's ("rates").
      /(?:s|x|z|ch|sh)es$/.test(word)
      ? [word.slice(0, -2), word.slice(0, -1)]
      : word.endsWith('s') && !word.endsWith('ss')
        ? [word.slice(0, -1)]
        : [];
  return forms.find((form) => known.has(form)) ?? word;
}

/** The noun a lower-case word is, singular, or undefined when it is no common noun with a kind. */
function nounOf(word: string): Noun | undefined {
  const all = kinds().nouns;
  return all.get(singularOf(word, all));
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
  const { nouns, interchangeable } = kinds();
  if (interchangeable.has(`${singularOf(a, nouns)} ${singularOf(b, nouns)}`)) return false;
  for (const s of x.senses) if (y.senses.has(s) || y.ancestors.has(s)) return false;
  for (const s of y.senses) if (x.ancestors.has(s)) return false;
  for (const k of x.kinds) if (y.kinds.has(k)) return true;
  return false;
}
