// Words: tokenising, stop words, negation cues and a light stemmer. Kept deliberately simple and
// predictable: the rules compare two texts word by word, so both sides go through the same steps.
import { irregularLemma } from './lexicon.js';

export interface Token {
  /** Lower-cased, apostrophes and dashes made plain. */
  text: string;
  /** UTF-16 offsets into the original text (slice it for the token as written). */
  start: number;
  end: number;
}

// Numbers keep their thousands separators, decimals, ordinal or scale suffix and a percent sign;
// ISO dates stay whole; words keep inner apostrophes; currency and percent signs are tokens.
// Names that mix letters and digits ("COVID-19", "F-35", "5G", "A380") stay one word: their digits
// count nothing.
const TOKEN =
  /\d{4}-\d{2}(?:-\d{2})?(?![\d-])|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:bn|m|k|st|nd|rd|th)?\b%?|\d+(?:\.\d+)?(?:bn|m|k|st|nd|rd|th)?\b%?|\d+\p{L}[\p{L}\p{N}]*|\p{L}[\p{L}\p{M}]*-?\d[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|[%$£€]/gu;

/** Curly quotes and apostrophes become straight ones, so "TikTok’s" and "TikTok's" read alike. */
export function plainPunctuation(text: string): string {
  return FANCY.test(text) ? text.replace(FANCY_ALL, (ch) => PLAIN[ch] ?? ch) : text;
}

const FANCY = /[\u2018\u2019\u02bc\u2032\u201c\u201d\u2033\u2010-\u2015]/;
const FANCY_ALL = new RegExp(FANCY.source, 'g');
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
};

/** Splits a text into word, number and sign tokens; "doesn't" gives "does" + "n't", "TikTok's" gives "tiktok". */
export function tokenize(input: string): Token[] {
  const text = plainPunctuation(input);
  // Lower-case once; per token only when case mapping changed the length (e.g. "İ").
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  const textHasApostrophe = text.includes("'");
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const raw = match[0];
    const start = match.index;
    const lower = sameLength ? lowered.slice(start, start + raw.length) : raw.toLowerCase();
    // Few words hold an apostrophe: test for one first, and for contractions and clitics only then.
    const hasApostrophe = textHasApostrophe && raw.includes("'");
    if (hasApostrophe && lower.endsWith("n't") && lower.length > 3) {
      const stemEnd = raw.length - 3;
      // can't → ca + n't, won't → wo + n't: the stem is read through the contraction table below.
      tokens.push({ text: CONTRACTED.get(lower) ?? lower.slice(0, stemEnd), start, end: start + stemEnd });
      tokens.push({ text: "n't", start: start + stemEnd, end: start + raw.length });
      continue;
    }
    if (lower === 'cannot') {
      tokens.push({ text: 'can', start, end: start + 3 });
      tokens.push({ text: 'not', start: start + 3, end: start + raw.length });
      continue;
    }
    const apostrophe = hasApostrophe ? lower.indexOf("'") : -1;
    // Possessive 's and clitics ('re, 've, 'll, 'd) carry no content the rules compare.
    const word = apostrophe > 0 ? lower.slice(0, apostrophe) : lower;
    const end = apostrophe > 0 ? start + apostrophe : start + raw.length;
    tokens.push({ text: word, start, end });
  }
  return tokens;
}

const CONTRACTED = new Map([
  ["can't", 'can'],
  ["won't", 'will'],
  ["shan't", 'shall'],
]);

/**
 * Function words the alignment ignores: articles, pronouns, auxiliaries, prepositions, conjunctions
 * and a few intensifiers. Quantifiers (all, some, many, few, more, less, only) are NOT here: they change
 * what a sentence says.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the this that these those there here it its itself they them their theirs themselves he him his himself ' +
    'she her hers herself we us our ours ourselves you your yours i me my mine who whom whose which what ' +
    'is are was were be been being am has have had having do does did doing will would shall should can could ' +
    'may might must of to in on at by for with from as into onto upon about than then so and or but if ' +
    'because while also very really just too quite rather even still yet already again away out up down off ' +
    'over under through during before after since until till toward towards against between among within ' +
    'per via s'
  ).split(' '),
);

/**
 * Words that negate the clause they stand in. "nor" is counted only when no other cue precedes it
 * ("never shared, nor would it" is one negation); "denied"/"refused" negate the verb that follows.
 */
export const NEGATION_CUES: ReadonlySet<string> = new Set(
  "not n't never no none nor neither nobody nothing nowhere without deny denies denied denying refuse refuses refused refusing".split(' '),
);

/** Cue words that do not negate in these two-word phrases ("not only", "no doubt"). */
const NOT_NEGATING_NEXT: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['not', new Set(['only', 'just', 'merely', 'least', 'simply'])],
  ["n't", new Set(['only', 'just', 'merely'])],
  ['no', new Set(['doubt', 'matter', 'sooner'])],
]);

/** Whether the token at `index` negates: a cue, not part of a fixed phrase that does not negate. */
export function isNegationCue(tokens: readonly Token[], index: number, seenCue: boolean): boolean {
  const word = tokens[index]?.text;
  if (word === undefined || !NEGATION_CUES.has(word)) return false;
  const next = tokens[index + 1]?.text;
  if (next !== undefined && NOT_NEGATING_NEXT.get(word)?.has(next)) return false;
  if (word === 'nor' && seenCue) return false;
  return true;
}

const DOUBLED_FINAL = /([bcdfghjkmnpqrtvwxy])\1$/;

/**
 * A light suffix stemmer: the forms of a word meet on one key (share, shares, shared, sharing → "shar";
 * men → "man" through the irregular table). Keys are not words; they only need to agree.
 */
export function stem(word: string): string {
  let known = stemCache.get(word);
  if (known === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, (known = computeStem(word)));
  }
  return known;
}

// Words repeat across claims: memoising the stem pays for itself. Bounded so memory stays flat.
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

function computeStem(word: string): string {
  const irregular = irregularLemma(word);
  let w = irregular ?? word;
  // Plural acronyms: "mps" → "mp", "pcs" → "pc".
  if (w.length === 3 && w.endsWith('s') && !/[aeiouy]/.test(w)) return w.slice(0, 2);
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  if (w !== word && DOUBLED_FINAL.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
