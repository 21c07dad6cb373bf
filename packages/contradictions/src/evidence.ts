// A claim against its own evidence, on paraphrase. The claim is written in the fact-checker's words, so
// it rarely lines up with its quote word for word. Each clause of the claim is lined up with the
// quote window that shares most of its content words (longest common subsequence); the words that
// do not line up fall into gaps between shared anchors. A rule fires only on what stands in the same
// gap of both texts (a different number, name, role or an opposite word between the same anchors),
// or on a negation that only one of two well-aligned windows carries. Separately, a number, date or
// name of the claim that no quote mentions in any form is an unsupported detail.
import { analyseWith } from './analyse.js';
import type { AliasTable, Analysis, Item } from './analyse.js';
import { datesDisjoint } from './dates.js';
import { disjoint } from './interval.js';
import { areSisters, hasKind } from './kinds.js';
import { areAntonyms, mayHaveAntonyms } from './lexicon.js';
import type { AntonymFilter } from './lexicon.js';
import type { Quantity, QuantityOptions } from './numbers.js';
import { stem } from './tokens.js';

export type EvidenceConflictKind = 'numeric' | 'date' | 'negation' | 'antonym' | 'entity' | 'unsupported';

export interface EvidenceConflict {
  kind: EvidenceConflictKind;
  /** One line: "'chief executive' vs 'vice-president'". */
  reason: string;
  /** Index of the quote that says otherwise; undefined for an unsupported detail (no quote mentions it). */
  quote?: number;
}

export interface EvidenceRuleOptions extends QuantityOptions {
  aliases?: AliasTable;
  antonyms: AntonymFilter;
  /**
   * Share of a claim clause's content words (numbers and dates included) that must line up with the
   * quote window for the gap rules (numbers, dates, names, roles, antonyms). Default 0.34.
   */
  minCoverage: number;
  /**
   * The same share for opposites: a common word and its opposite need more context than a number or
   * a name to be about the same thing. Default 0.5.
   */
  antonymCoverage: number;
  /** The same share for the negation rule, which has no gap to anchor it. Default 0.7. */
  negationCoverage: number;
  /**
   * The same share for the negation rule when the negated word itself lines up: the word a cue
   * negates ("did not *approve*", "without *consent*") is the anchor right after the cue, so the two
   * texts deny and assert the same thing. Default 0.4.
   */
  negatedWordCoverage: number;
  /**
   * The share for an opposite that stands anywhere in the clause's window rather than in the same gap
   * (paraphrase reorders words); the clause and window must also share one more word than
   * `minAnchors`. Default 0.5.
   */
  oppositeCoverage: number;
  /** Also compare numbers and names anywhere in the window, at `minCoverage` (see `oppositeCoverage`). */
  windowValues: boolean;
  /**
   * Also a common noun for another of the same narrow kind (WordNet sister terms: wine for beer, a
   * library for a museum), beside the same word or value. Reported as `entity`. Default true.
   */
  sisterTerms: boolean;
  /** Also an opposite beside the same word or value, anywhere in a quote clause close enough (see `windowConflicts`). */
  neighbourOpposites: boolean;
  /** Distinct content words a clause and its window must share. Default 2 (3 for negation). */
  minAnchors: number;
}

export const DEFAULT_EVIDENCE_RULE_OPTIONS: EvidenceRuleOptions = {
  approximateTolerance: 0.1,
  antonyms: { synset: true, indirect: true, nouns: false },
  minCoverage: 0.34,
  antonymCoverage: 0.5,
  negationCoverage: 0.7,
  negatedWordCoverage: 0.2,
  oppositeCoverage: 0.5,
  windowValues: true,
  neighbourOpposites: true,
  sisterTerms: true,
  minAnchors: 2,
};

// Sentences, then clauses: a claim clause is the unit that is lined up with a quote window.
const SENTENCE_SPLIT = /(?<=[.!?])\s+|;\s*|:\s+|\s+[-–—]\s+|\n+/g;
const CLAUSE_SPLIT = /,\s*(?:and|but|while|whereas|although|though|which|who)\s+|\s+but\s+|,\s*however,?\s*/gi;
// Phrases: every comma and every "and" or "but" as well. Numbers, names and opposites are compared
// phrase by phrase ("up 70 basis points from the prior quarter"); a negation needs its whole clause.
const PHRASE_SPLIT = /,\s*(?:however,?\s*)?(?:(?:and|but|while|whereas|although|though|which|who)\s+)?|\s+(?:and|but)\s+/gi;

/** The sentences and clauses (or, with `phrases`, the phrases) of a text, each with its offset in the text. */
export function clausesOf(text: string, phrases = false): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const split = (part: string, offset: number, re: RegExp, then?: RegExp) => {
    re.lastIndex = 0;
    let last = 0;
    const pieces: Array<[string, number]> = [];
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      pieces.push([part.slice(last, m.index), offset + last]);
      last = m.index + m[0].length;
    }
    pieces.push([part.slice(last), offset + last]);
    for (const [piece, at] of pieces) {
      if (then) split(piece, at, then);
      else if (/\p{L}/u.test(piece)) out.push({ text: piece, start: at });
    }
  };
  split(text, 0, SENTENCE_SPLIT, phrases ? PHRASE_SPLIT : CLAUSE_SPLIT);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word classes of general English the rules read: roles, phrasal opposites, names.

/** Roles and titles, longest first; each maps to one canonical form (CEO is chief executive). */
const ROLE_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/\bchief executive officer\b|\bchief executive\b|\bceo\b/i, 'chief executive'],
  [/\bchief operating officer\b|\bcoo\b/i, 'chief operating officer'],
  [/\bchief financial officer\b|\bcfo\b/i, 'chief financial officer'],
  [/\bchief technology officer\b|\bcto\b/i, 'chief technology officer'],
  [/\bvice[- ]presidents?\b|\bvp\b/i, 'vice-president'],
  [/\bvice[- ]chair(?:man|woman|person)?s?\b/i, 'vice-chair'],
  [/\bdeputy (?:prime )?ministers?\b/i, 'deputy minister'],
  [/\bprime ministers?\b|\bpremiers?\b/i, 'prime minister'],
  [/\bpresidents?\b/i, 'president'],
  [/\bchair(?:man|woman|person)?s?\b/i, 'chair'],
  [/\bfounders?\b|\bco-founders?\b/i, 'founder'],
  [/\bowners?\b/i, 'owner'],
  [/\bspokes(?:man|woman|person)\b/i, 'spokesperson'],
  [/\bsecretar(?:y|ies)\b/i, 'secretary'],
  [/\bministers?\b/i, 'minister'],
  [/\bdirectors?\b/i, 'director'],
  [/\bmanagers?\b/i, 'manager'],
  [/\btreasurers?\b/i, 'treasurer'],
  [/\bgovernors?\b/i, 'governor'],
  [/\bmayors?\b/i, 'mayor'],
  [/\bsenators?\b/i, 'senator'],
  [/\bjudges?\b/i, 'judge'],
  [/\bambassadors?\b/i, 'ambassador'],
  [/\bcommissioners?\b/i, 'commissioner'],
];

/** Words that make a role part of a longer one, or qualify it ("former", "acting"): no conflict then. */
const ROLE_QUALIFIERS = /\b(?:former|ex|acting|interim|deputy|vice|assistant|associate|senior|junior|co|executive|general|regional|managing|board)\b/i;

const ROLE_GLOBAL: ReadonlyArray<[RegExp, string]> = ROLE_FORMS.map(([pattern, role]) => [new RegExp(pattern.source, 'gi'), role]);
/** Whether a text may name a role at all: one test spares the per-role ones on most texts. */
const ANY_ROLE = new RegExp(ROLE_FORMS.map(([pattern]) => pattern.source).join('|'), 'i');

/** A text with its role phrases blanked out (so "executive" of "chief executive" is no qualifier). */
function withoutRoles(text: string): string {
  if (!ANY_ROLE.test(text)) return text;
  return ROLE_GLOBAL.reduce((rest, [pattern]) => rest.replace(pattern, ' '), text);
}

/** The role phrases of a text, in order, each with its place and canonical form; longer ones first. */
function rolePhrases(text: string): Array<{ start: number; end: number; role: string }> {
  const found: Array<{ start: number; end: number; role: string }> = [];
  if (!ANY_ROLE.test(text)) return found;
  let rest = text;
  for (const [pattern, role] of ROLE_GLOBAL) {
    rest = rest.replace(pattern, (match: string, at: number) => {
      found.push({ start: at, end: at + match.length, role });
      return ' '.repeat(match.length);
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The roles a span of text names, canonical, in order; a role found inside a longer one is not repeated. */
export function rolesIn(text: string): string[] {
  return rolePhrases(text).map((p) => p.role);
}

/**
 * Verbs of state that take an adjective after their object ("kept its account open", "left the door
 * shut"): the adjective is what the clause asserts, in the verb's place.
 */
const STATE_VERBS = new Set('keep keeps kept keeping leave leaves left leaving remain remains remained remaining stay stays stayed staying hold holds held holding'.split(' '));
const STATES = new Set('open opened closed shut active inactive'.split(' '));

/** Opposites of general English that WordNet does not link word to word, with their inflected forms. */
const EXTRA_OPPOSITES: ReadonlyArray<[string, string]> = [
  ['lift', 'impose'],
  ['lift', 'reimpose'],
  ['lift', 'introduce'],
  ['scrap', 'introduce'],
  ['scrap', 'impose'],
  ['ease', 'tighten'],
  ['relax', 'tighten'],
  ['hire', 'fire'],
  ['hire', 'lay off'],
  ['accept', 'reject'],
  ['approve', 'reject'],
  ['approve', 'veto'],
  ['confirm', 'deny'],
  ['allow', 'ban'],
  ['allow', 'prohibit'],
  ['permit', 'ban'],
  ['permit', 'prohibit'],
  ['support', 'oppose'],
  ['win', 'lose'],
  ['gain', 'lose'],
  ['rise', 'fall'],
  ['rise', 'drop'],
  ['rise', 'decline'],
  ['increase', 'cut'],
  ['increase', 'reduce'],
  ['increase', 'drop'],
  ['increase', 'fall'],
  ['raise', 'cut'],
  ['raise', 'reduce'],
  ['expand', 'shrink'],
  ['expand', 'reduce'],
  ['include', 'exclude'],
  ['succeed', 'fail'],
  ['pass', 'fail'],
  ['acquit', 'convict'],
  ['join', 'quit'],
  ['open', 'shut'],
  ['profit', 'loss'],
  ['surplus', 'deficit'],
  ['strengthen', 'weaken'],
  ['boost', 'cut'],
  ['boost', 'reduce'],
  ['above', 'below'],
  ['before', 'after'],
  ['earlier', 'later'],
  ['previous', 'next'],
  ['add', 'remove'],
  ['combine', 'separate'],
  ['start', 'finish'],
  ['begin', 'finish'],
  ['benefit', 'drawback'],
  ['advantage', 'drawback'],
  ['gain', 'loss'],
  ['success', 'failure'],
  ['majority', 'minority'],
  ['significant', 'slight'],
  ['substantial', 'slight'],
  ['significantly', 'slightly'],
  ['substantially', 'slightly'],
  ['friend', 'enemy'],
  ['ally', 'enemy'],
  ['happy', 'sad'],
];

const IRREGULAR_FORMS: Readonly<Record<string, string[]>> = {
  win: ['won', 'winning'],
  lose: ['lost', 'losing'],
  rise: ['rose', 'risen', 'rising'],
  fall: ['fell', 'fallen'],
  cut: ['cutting'],
  shut: ['shutting'],
  quit: ['quitting'],
  drop: ['dropped', 'dropping'],
  scrap: ['scrapped', 'scrapping'],
  'lay off': ['laid off'],
};

function formsOf(word: string): string[] {
  if (word.includes(' ')) return [word, ...(IRREGULAR_FORMS[word] ?? [])];
  const base = word.endsWith('e') ? word.slice(0, -1) : word;
  const forms = [word, `${word}s`, word.endsWith('e') ? `${word}d` : `${word}ed`, `${base}ing`];
  if (/(?:s|x|sh|ch)$/.test(word)) forms.push(`${word}es`);
  return [...forms, ...(IRREGULAR_FORMS[word] ?? [])];
}

const OPPOSITES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  const add = (x: string, y: string) => {
    let row = map.get(x);
    if (!row) map.set(x, (row = new Set()));
    row.add(y);
  };
  for (const [a, b] of EXTRA_OPPOSITES) {
    for (const x of formsOf(a)) for (const y of formsOf(b)) {
      add(x, y);
      add(y, x);
    }
  }
  return map;
})();

/** Whether two lower-case words are opposites: WordNet under the filter, or the list above. */
export function areOpposites(a: string, b: string, filter: AntonymFilter): boolean {
  if (areAntonyms(a, b, filter) || OPPOSITES.get(a)?.has(b) === true || negatedForm(a, b) || negatedForm(b, a)) return true;
  // One side inflected, the other not ("open" and "closes"): compare their base forms.
  const x = baseForms(a);
  const y = baseForms(b);
  return x.some((p) => y.some((q) => (p !== a || q !== b) && (areAntonyms(p, q, filter) || OPPOSITES.get(p)?.has(q) === true)));
}

/** Prefixes and suffixes `negatedForm` reads; a word with none of them and no listed opposite is a base at most. */
const AFFIXED = /^(?:un|in|im|il|ir|dis|de)|(?:less|ful)$/;

/**
 * False when a lower-case word certainly has no opposite under `areOpposites`: neither it nor a base
 * form has WordNet antonyms or a listed opposite, and it is not a prefixed form (it may still be the
 * base of one: that is decided on the prefixed side, which passes here).
 */
function mayHaveOpposites(word: string): boolean {
  if (AFFIXED.test(word)) return true;
  return baseForms(word).some((p) => mayHaveAntonyms(p) || OPPOSITES.has(p));
}

/**
 * Words a negating prefix does not negate: the prefixed word is another word ("disclose" is not
 * "not close", "invaluable" is very valuable).
 */
const NOT_NEGATED = new Set(
  'discover discount display discourse discharge dispatch dismiss disclose disease disgrace disgust discard dispose disposition dismember distribute dissent dissolve distill distress invaluable inflammable infamous unravel unloose'.split(' '),
);

/** Adjective endings after which in-, im-, il- and ir- negate ("incorrect", "impossible", "irrelevant"). */
const ADJECTIVE_END = /(?:able|ible|ent|ant|al|ive|ate|ect|ete|ure|ite|ous|ar|ic|ient)$/;

/**
 * Whether `word` is `base` with a negating prefix or the opposite suffix: un- ("unaware"), in-/im-/il-/ir-
 * before an adjective ("inefficient"), dis- ("disagree"), de- before a verb in -ate/-ize/-ify
 * ("deregulate"), and -less for -ful ("careless", "careful"). Both words as written.
 */
function negatedForm(word: string, base: string): boolean {
  if (word.length <= base.length || NOT_NEGATED.has(word)) return false;
  if (word.endsWith('less') && base.endsWith('ful')) return word.length > 6 && word.slice(0, -4) === base.slice(0, -3);
  if (!word.endsWith(base) || base.length < 4) return false;
  const prefix = word.slice(0, word.length - base.length);
  switch (prefix) {
    case 'un':
    case 'dis':
      return true;
    case 'in':
      return !/^[bmplr]/.test(base) && base.length >= 5 && ADJECTIVE_END.test(base);
    case 'im':
      return /^[bmp]/.test(base) && base.length >= 5 && ADJECTIVE_END.test(base);
    case 'il':
      return base.startsWith('l') && ADJECTIVE_END.test(base);
    case 'ir':
      return base.startsWith('r') && ADJECTIVE_END.test(base);
    case 'de':
      return base.length >= 6 && /(?:ate|ize|ise|ify)[sd]?$|(?:ated|izing|ising|ating)$/.test(base);
    default:
      return false;
  }
}

/** A verb or noun and the base forms its ending may hide (closes → close, clos; opened → open). */
function baseForms(word: string): string[] {
  const out = [word];
  if (word.length < 5) return out;
  if (word.endsWith('es')) out.push(word.slice(0, -1), word.slice(0, -2));
  else if (word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -1), word.slice(0, -2));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return out;
}

/** Capitalised words that are not names: titles of address, days, and words often capitalised. */
const NOT_NAMES = new Set(
  (
    'i mr mrs ms dr prof sir madam monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'q1 q2 q3 q4 ok okay yes no hi hello dear thanks thank please celsius fahrenheit kelvin'
  ).split(' '),
);

/**
 * Capitalised adjectives (Conservative, Chinese, European, Catholic, Federal) qualify a name rather
 * than name something: two of them in one place are often two words for one thing (Conservative, Tory).
 */
const ADJECTIVE_LIKE = /(?:ive|ian|ean|ican|ese|ish|ic|al|ern)$/;

/** Whether the item is written as a name: capitalised, not the first word of its sentence or clause. */
function isName(text: string, it: Item, segmentStart: number): boolean {
  if (it.kind !== 'word' || it.key.startsWith('#')) return false;
  if (it.key.startsWith('@')) return true;
  // Capitalised words, and names written in two capitalised parts (TikTok); not acronyms or codes.
  if (!/^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/.test(text.slice(it.start, it.end))) return false;
  if (NOT_NAMES.has(it.word)) return false;
  if (ANY_ROLE.test(it.word)) return false;
  // The first word of a sentence, clause or quotation is capitalised whatever it is.
  // segmentStart -1: capitalised is enough (the caller knows the word is a name elsewhere).
  if (segmentStart < 0) return true;
  const before = text.slice(Math.max(segmentStart, it.start - 3), it.start);
  if (it.start <= segmentStart || /(?:^|[.!?:;"(\n])\s*$/.test(before)) return false;
  return true;
}

/**
 * Whether a word of an analysed text names someone or something in a way two claims can disagree
 * on: written as a name (not opening its sentence) and not a capitalised adjective.
 */
export function namesEntity(text: string, it: Item): boolean {
  return isName(text, it, 0) && !ADJECTIVE_LIKE.test(it.word);
}

// ---------------------------------------------------------------------------------------------
// Lining up a claim clause with a quote window.

interface Side {
  analysis: Analysis;
  items: Item[];
  /** Where the clause or segment starts and ends in the analysed text (names at its start are not names). */
  start: number;
  end: number;
}

/** The items that lie within [start, end) of their text (items are in text order). */
function itemsIn(items: readonly Item[], start: number, end: number): Item[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Item[] = [];
  for (let k = lo; k < items.length && items[k]!.start < end; k++) if (items[k]!.end <= end) out.push(items[k]!);
  return out;
}

/** Items of a clause, with state verbs folded ("kept X open" reads as "open X"). */
function foldStates(items: Item[]): Item[] {
  const out = items;
  for (let i = 0; i < out.length; i++) {
    const verb = out[i]!;
    if (verb.kind !== 'word' || !STATE_VERBS.has(verb.word)) continue;
    for (let k = i + 1; k < Math.min(out.length, i + 5); k++) {
      const state = out[k]!;
      if (state.kind === 'word' && STATES.has(state.word)) {
        out[i] = { ...state, start: verb.start, end: state.end };
        out.splice(k, 1);
        break;
      }
      if (state.kind !== 'word') break;
    }
  }
  return out;
}

// One table for every alignment, grown when needed.
let lcsTable = new Uint16Array(4096);

/** Longest common subsequence of item keys, as index pairs. */
function lcs(a: readonly Item[], b: readonly Item[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if (lcsTable.length < (n + 1) * w) lcsTable = new Uint16Array(Math.max((n + 1) * w, lcsTable.length * 2));
  const t = lcsTable;
  t.fill(0, n * w, (n + 1) * w);
  for (let i = 0; i < n; i++) t[i * w + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = a[i]!.key === b[j]!.key && a[i]!.kind !== 'cue' ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i]!.key === b[j]!.key && a[i]!.kind !== 'cue') {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

interface Gap {
  claim: Item[];
  quote: Item[];
  /** Where the text of each side between its anchors starts and ends (the quote's cut to a few words at the ends). */
  claimFrom: number;
  claimTo: number;
  quoteFrom: number;
  quoteTo: number;
}

interface Lineup {
  pairs: Array<[number, number]>;
  /** Distinct word keys lined up. */
  anchors: number;
  /** Lined-up content items over the clause's content items. */
  coverage: number;
  /** Negation cues in the clause, and in the quote window. */
  claimCues: Item[];
  quoteCues: Item[];
}

/** Items of the quote taken beyond the first and last anchors. */
const EDGE = 3;

/** The words of both sides that do not line up, gap by gap between the anchors. */
function gapsOf(claim: Side, quote: Side, pairs: ReadonlyArray<[number, number]>): Gap[] {
  const A = claim.items;
  const B = quote.items;
  const gaps: Gap[] = [];
  for (let k = 0; k <= pairs.length; k++) {
    const [pi, pj] = k > 0 ? pairs[k - 1]! : [-1, -1];
    const [ni, nj] = k < pairs.length ? pairs[k]! : [A.length, B.length];
    let qFrom = pj + 1;
    let qTo = nj;
    if (k === 0) qFrom = Math.max(qFrom, qTo - EDGE);
    if (k === pairs.length) qTo = Math.min(qTo, qFrom + EDGE);
    const quoteItems = B.slice(qFrom, qTo);
    const quoteFrom = pj >= 0 ? B[pj]!.end : (quoteItems[0]?.start ?? 0);
    const quoteTo = nj < B.length && k < pairs.length ? B[nj]!.start : (quoteItems[quoteItems.length - 1]?.end ?? quoteFrom);
    gaps.push({
      claim: A.slice(pi + 1, ni),
      quote: quoteItems,
      claimFrom: pi >= 0 ? A[pi]!.end : claim.start,
      claimTo: ni < A.length ? A[ni]!.start : claim.end,
      quoteFrom,
      quoteTo: Math.max(quoteFrom, quoteTo),
    });
  }
  return gaps;
}

function lineUp(claim: Side, quote: Side): Lineup | undefined {
  const A = claim.items;
  const B = quote.items;
  const pairs = lcs(A, B);
  if (pairs.length === 0) return undefined;
  const keys = new Set<string>();
  for (const [i] of pairs) if (A[i]!.kind === 'word') keys.add(A[i]!.key);
  let content = 0;
  for (const it of A) if (it.kind !== 'cue') content++;
  const [firstJ, lastJ] = [pairs[0]![1], pairs[pairs.length - 1]![1]];
  return {
    pairs,
    anchors: keys.size,
    coverage: content === 0 ? 0 : pairs.length / content,
    claimCues: A.filter((it) => it.kind === 'cue'),
    quoteCues: B.slice(Math.max(0, firstJ - EDGE), lastJ + 1).filter((it) => it.kind === 'cue'),
  };
}

// ---------------------------------------------------------------------------------------------
// What every quote mentions, in any form: for unsupported details and for "the claim's value is
// nowhere in the evidence" (a conflict needs the claim's value to be absent, not merely elsewhere).

class Mentions {
  quantities: Item[] = [];
  dates: Item[] = [];
  /** Lower-case words and their stems, and entity keys. */
  words = new Set<string>();
  /** Canonical roles named. */
  roles = new Set<string>();
  private squeezedText: string | undefined;
  private plainText: string | undefined;

  constructor(private readonly quotes: readonly Analysis[]) {
    for (const q of quotes) {
      for (const it of q.items) {
        if (it.kind === 'quantity') this.quantities.push(it);
        else if (it.kind === 'date') this.dates.push(it);
        else if (it.kind === 'word') {
          this.words.add(it.key);
          this.words.add(it.word);
        }
      }
      for (const role of rolesIn(q.text)) this.roles.add(role);
    }
  }

  /** Lower-case text of all quotes with spaces, hyphens and dots taken out ("Tik Tok" is "tiktok"); built when first needed. */
  get squeezed(): string {
    return (this.squeezedText ??= this.quotes.map((q) => q.text.toLowerCase().replace(/[\s\-.'’]+/g, '')).join(' '));
  }

  /** Lower-case text of all quotes, thousands separators taken out of numbers; built when first needed. */
  get plain(): string {
    return (this.plainText ??= this.quotes.map((q) => q.text.toLowerCase().replace(/(\d),(?=\d{3}\b)/g, '$1')).join(' '));
  }
}

/** The way a quantity is open: "more than 5" has no upper end, "below 5" no lower one. */
const openEnd = (q: Quantity) => (q.high === Infinity ? 'up' : q.low === -Infinity ? 'down' : undefined);

/** Whether two numbers differ by more than 1% of the larger. */
const apart = (a: Quantity, b: Quantity) => Math.abs(a.value - b.value) > Math.max(Math.abs(a.value), Math.abs(b.value)) * 0.01;

/**
 * Bounds of opposite kinds at one figure ("above $25 billion" against "below $25 billion"): their
 * intervals share only that figure, yet they say opposite things.
 */
function oppositeBounds(a: Quantity, b: Quantity): boolean {
  const [x, y] = [openEnd(a), openEnd(b)];
  return x !== undefined && y !== undefined && x !== y && !apart(a, b);
}

/**
 * Bounds of one kind at different figures ("more than 1,000" against "more than 1,200"): not one
 * figure written two ways, so the claim's is unsupported; but one may imply the other, so never a
 * conflict.
 */
function boundsOfOneKindApart(a: Quantity, b: Quantity): boolean {
  const way = openEnd(a);
  return way !== undefined && way === openEnd(b) && apart(a, b);
}

/** The place of the last digit a figure is written to, in its units ("$2.3 billion": 0.1 billion); none for words. */
function writtenStep(q: Quantity): number | undefined {
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(q.text);
  if (!m) return undefined;
  const literal = Number(`${m[1]!.replace(/,/g, '')}${m[2] === undefined ? '' : `.${m[2]}`}`);
  return literal > 0 ? (q.value / literal) * 10 ** -(m[2]?.length ?? 0) : undefined;
}

/**
 * Whether the figure written to fewer places is the other one rounded ("$2.3 billion" for "$2.31
 * billion", "$441 million" for "$441.2 million"; not "40%" for "40.6%"). Exact figures only.
 */
function roundedAlike(a: Quantity, b: Quantity): boolean {
  if (a.low !== a.high || b.low !== b.high || a.ordinal || b.ordinal) return false;
  const [x, y] = [writtenStep(a), writtenStep(b)];
  if (x === undefined || y === undefined || x === y) return false;
  return Math.abs(a.value - b.value) <= Math.max(x, y) / 2 + Number.EPSILON * Math.abs(a.value);
}

/**
 * Whether two quantities state different figures: no value fits both (unless one is the other
 * rounded), or opposite bounds at one figure.
 */
const differentFigure = (a: Quantity, b: Quantity) => (disjoint(a, b) && !roundedAlike(a, b)) || oppositeBounds(a, b);

/**
 * Whether two quantities may be one figure written two ways: their intervals meet, and their numbers
 * are within a factor of two (a quarter apart when only one of them is a bound). An open
 * bound reaches far ("below $25 billion" holds $0.14), so a meeting interval alone would let it stand
 * for any smaller figure of the text.
 */
function sameFigure(a: Quantity, b: Quantity): boolean {
  if (differentFigure(a, b) || boundsOfOneKindApart(a, b)) return false;
  const [x, y] = [Math.abs(a.value), Math.abs(b.value)];
  // A bound against a figure ("at least $6" against "$10.52") must be near it to be that figure.
  const reach = openEnd(a) === openEnd(b) ? 2 : 1.25;
  return x === y || Math.min(x, y) * reach >= Math.max(x, y);
}

/**
 * Whether two units may measure one thing: equal, or neither a percentage or a currency (a noun unit
 * is read from the next word, and "30 new users" and "30 users" are one figure).
 */
const HARD_UNIT = /^(?:%|[^\p{L}\d])$/u;
const unitsAgree = (a: Quantity, b: Quantity) => a.unit === b.unit || !(HARD_UNIT.test(a.unit) || HARD_UNIT.test(b.unit));

function quantityMentioned(it: Item, m: Mentions): boolean {
  const q = it.quantity!;
  if (m.quantities.some((o) => unitsAgree(q, o.quantity!) && sameFigure(q, o.quantity!))) return true;
  // A quote figure of the same number, read and found different ("below $25 billion" for "above $25
  // billion"), is not the claim's figure written another way.
  if (m.quantities.some((o) => o.quantity!.value === q.value && o.quantity!.unit === q.unit)) return false;
  // Digits the quote writes as part of a word ("7pm", "Q3") or a form the reader does not take apart.
  const digits = /\d+(?:[.,]\d+)*/.exec(q.text)?.[0]?.replace(/,/g, '');
  if (digits !== undefined && new RegExp(`(?<![\\d.])${digits.replace('.', '\\.')}(?![\\d]|\\.\\d)`).test(m.plain)) return true;
  // A year or a day of the month written as a date in the quote.
  return m.dates.some((o) => o.date!.from.startsWith(String(q.value)) || o.date!.text.includes(String(q.value)));
}

function dateMentioned(it: Item, m: Mentions): boolean {
  const d = it.date!;
  if (m.dates.some((o) => !datesDisjoint(d, o.date!))) return true;
  // A year the quote only writes as a number ("the 2020 figures").
  return m.quantities.some((o) => d.from.startsWith(String(o.quantity!.value)) && d.to.startsWith(String(o.quantity!.value)));
}

/**
 * Whether `items` (a claim's) write quote value b somewhere other than `except`: the same figure in a
 * unit that agrees, or a date that shares a day. A quote value the claim writes is no other value.
 */
function writesValue(items: readonly Item[], b: Item, except?: Item): boolean {
  return items.some(
    (c) => c !== except && c.kind === b.kind && (b.kind === 'quantity' ? unitsAgree(c.quantity!, b.quantity!) && sameFigure(c.quantity!, b.quantity!) : b.kind === 'date' && !datesDisjoint(c.date!, b.date!)),
  );
}

/**
 * The capitalised words written right beside a name, in one run of capitals ("Sunak" for "Rishi" of
 * "Rishi Sunak"): the other parts of the same name.
 */
function namePartners(analysis: Analysis, it: Item): Item[] {
  const at = analysis.items.indexOf(it);
  return [analysis.items[at - 1], analysis.items[at + 1]].filter(
    (other): other is Item =>
      other !== undefined &&
      other.kind === 'word' &&
      /^\p{Lu}/u.test(analysis.text.slice(other.start, other.end)) &&
      /^[\s\-.'’]*$/.test(analysis.text.slice(Math.min(it.end, other.end), Math.max(it.start, other.start))),
  );
}

/**
 * Whether quote name b may stand for claim name a: not when b is part of a longer name whose other
 * part the claim writes elsewhere; and when a is part of a longer name whose other part a quote writes ("Rishi"
 * of "Rishi Sunak", where a quote says "Sunak"), b must stand beside that part too ("South America"
 * against "North America"); else a is the same person named in full.
 */
function sameNameSlot(claimAnalysis: Analysis, a: Item, quote: Analysis, b: Item, m: Mentions): boolean {
  const quotePartners = namePartners(quote, b);
  const claimPartners = namePartners(claimAnalysis, a);
  // A part of a name the claim writes elsewhere ("River" of "River Seine", where the claim says
  // "Seine") is no other name, unless a stands beside that same part ("CloudTrek Connect" against
  // "CloudTrek Workspace").
  const written = quotePartners.filter((q) => claimAnalysis.items.some((c) => c.kind === 'word' && c.key === q.key));
  if (written.length > 0 && !written.some((q) => claimPartners.some((p) => p.key === q.key))) return false;
  const partners = claimPartners.filter((p) => nameMentioned(p, m));
  return partners.length === 0 || quotePartners.some((q) => partners.some((p) => p.key === q.key));
}

function nameMentioned(it: Item, m: Mentions): boolean {
  if (m.words.has(it.key) || m.words.has(it.word) || m.squeezed.includes(it.word.replace(/[\s\-.'’]+/g, ''))) return true;
  // The same name in another form: China and Chinese, Britain and British, Canada and Canadian.
  const root = it.word.slice(0, Math.max(4, it.word.length - 2));
  return it.word.length >= 5 && [...m.words].some((w) => w.length >= root.length && w.startsWith(root));
}

/** Whether a role of the claim is one the quotes name, or part of one ("president" in "vice-president"). */
const roleMentioned = (role: string, m: Mentions) => m.roles.has(role);

/** Up to this many characters around a name, within its sentence, hold the role given to it. */
const BESIDE = 45;

/** A role a quote writes right beside a name (apposition, or a title before it), and that quote. */
function besideName(name: Item, quotes: readonly Analysis[]): { role: string; quote: number } | undefined {
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    for (const it of q.items) {
      if (it.kind !== 'word' || it.key !== name.key || !isName(q.text, it, -1)) continue;
      const after = q.text.slice(it.end, it.end + BESIDE).split(/[.;:!?()]/)[0]!;
      const before = q.text.slice(Math.max(0, it.start - BESIDE), it.start).split(/[.;:!?(),]/).pop()!;
      // "Bertram, the app's vice-president of…" or "vice-president Theo Bertram": a role next to it.
      const first = rolePhrases(after)[0];
      if (first && /^\s*,\s*(?:[\p{L}'’-]+\s+){0,3}$/u.test(after.slice(0, first.start))) return { role: first.role, quote: k };
      const last = rolePhrases(before).pop();
      if (last && /^\s*(?:[A-Z][\p{L}'’-]*\s+){0,2}$/u.test(before.slice(last.end))) return { role: last.role, quote: k };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/**
 * Small numbers written as words, and low ranks, are how a summary counts what it reads ("two
 * speakers", "the second point"), not figures a quote must state.
 */
const WEAK_NUMBERS = /^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|single|once|twice|couple|dozen|first|second|third|fourth|fifth)\s*)+$/i;

/**
 * Words that carry a negation of their own ("stop X being exported" is "X not exported"; "failed to
 * attend", "avoided", "lacks", "ruled out"): a text that holds one may say what the other says with
 * "not". Stems.
 */
const IMPLICIT_NEGATIVES: ReadonlySet<string> = new Set(
  (
    'stop prevent avoid halt ban block fail lack refrain ceas abstain reject oppos against absenc unabl ' +
    'instead rather unless except exclud omit forbid prohibit preclud deter resist declin dismiss miss ' +
    'neglect ignor forgo forgot forget barr hinder impossibl unlik without free rule'
  )
    .split(' ')
    .map((w) => stem(w)),
);

/** A number that numbers a list item ("3) The document…", "2. Costs"): it counts nothing. */
function isListMarker(text: string, it: Item): boolean {
  return /^\s*$/.test(text.slice(Math.max(0, text.lastIndexOf('\n', it.start)), it.start)) && /^[).:]/.test(text.slice(it.end, it.end + 1)) && /^\d{1,2}$/.test(it.quantity!.text);
}

/**
 * Conflicts between a claim and its own quotes under local alignment, and the claim's unsupported
 * details. At most one finding per kind; each names the quote that says otherwise.
 */
export function evidenceConflicts(claim: string, quotes: readonly string[], options: Partial<EvidenceRuleOptions> = {}): EvidenceConflict[] {
  const settings: EvidenceRuleOptions = { ...DEFAULT_EVIDENCE_RULE_OPTIONS, ...options };
  const analyseOptions = { approximateTolerance: settings.approximateTolerance, ...(settings.aliases ? { aliases: settings.aliases } : {}) };
  return evidenceConflictsOf(analyseWith(claim, analyseOptions), quotes, settings);
}

/** `evidenceConflicts` on a claim already analysed with the same quantity options and aliases. */
export function evidenceConflictsOf(claimAnalysis: Analysis, quotes: readonly string[], settings: EvidenceRuleOptions): EvidenceConflict[] {
  const claim = claimAnalysis.text;
  const analyseOptions = { approximateTolerance: settings.approximateTolerance, ...(settings.aliases ? { aliases: settings.aliases } : {}) };
  const quoteAnalyses = quotes.map((q) => analyseWith(q, analyseOptions));
  const mentions = new Mentions(quoteAnalyses);
  const claimClauses = clausesOf(claim);
  const found = new Map<EvidenceConflictKind, EvidenceConflict>();
  const report = (c: EvidenceConflict) => {
    if (!found.has(c.kind)) found.set(c.kind, c);
  };

  // Unsupported details: numbers, dates and names the quotes never mention, all in one finding.
  const missing: string[] = [];
  // The claim's numbers and names no quote mentions: the window rules compare them too.
  const absentValues = new Set<Item>();
  for (const clause of claimClauses) {
    const end = clause.start + clause.text.length;
    for (const it of itemsIn(claimAnalysis.items, clause.start, end)) {
      // A number that names something ("Category 2", "Article 50") the quotes never write may stand
      // against another after the same label, and a small count in words ("two speakers") against
      // another count in the same slot; neither is a detail a quote must give, so neither is unsupported.
      if (isIdentifier(it)) {
        if (!mentions.words.has(it.key)) absentValues.add(it);
        continue;
      }
      if (it.kind === 'quantity' && WEAK_NUMBERS.test(it.quantity!.text.trim())) {
        if (!isListMarker(claim, it) && !quantityMentioned(it, mentions)) absentValues.add(it);
        continue;
      }
      const unsupported =
        it.kind === 'quantity'
          ? !isListMarker(claim, it) && !quantityMentioned(it, mentions)
          : it.kind === 'date'
            ? !dateMentioned(it, mentions)
            : // A declared entity is a subject of the workspace, which quotes often name by a pronoun.
              isName(claim, it, clause.start) && !it.key.startsWith('@') && !ADJECTIVE_LIKE.test(it.word) && !nameMentioned(it, mentions);
      if (!unsupported) continue;
      absentValues.add(it);
      const written = `'${claim.slice(it.start, it.end)}'`;
      if (!missing.includes(written)) missing.push(written);
    }
  }
  if (missing.length > 0) report({ kind: 'unsupported', reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} in no quote` });

  // A person's role: the claim gives a name a role, and a quote puts a different role right beside
  // the same name ("Theo Bertram, the app's vice-president").
  for (const clause of claimClauses) {
    const roles = rolesIn(clause.text).filter((r) => !roleMentioned(r, mentions));
    if (roles.length !== 1 || ROLE_QUALIFIERS.test(withoutRoles(clause.text))) continue;
    const end = clause.start + clause.text.length;
    for (const it of claimAnalysis.items) {
      // A name may open the claim: it is then capitalised in the quote too.
      if (it.start < clause.start || it.end > end || !(isName(claim, it, clause.start) || isName(claim, it, -1))) continue;
      const beside = besideName(it, quoteAnalyses);
      if (beside) {
        report({ kind: 'entity', reason: `'${roles[0]}' vs '${beside.role}'`, quote: beside.quote });
        break;
      }
    }
  }

  // Conflicts: each claim phrase against its best window among the quotes' phrases (numbers, dates,
  // names, roles, opposites), and each claim clause against the best of the quotes' clauses (negation).
  // Negation needs a cue on one side at least.
  // Claim words the gap rule saw beside an opposite in the same gap.
  const judged = new Set<Item>();
  const anyCue = claimAnalysis.negations > 0 || quoteAnalyses.some((q) => q.negations > 0);
  for (const phrases of anyCue ? [true, false] : [true]) {
    const segments = quoteAnalyses.flatMap((analysis, quote) =>
      clausesOf(analysis.text, phrases).map((c) => ({
        quote,
        side: { analysis, start: c.start, end: c.start + c.text.length, items: foldStates(itemsIn(analysis.items, c.start, c.start + c.text.length)) },
      })),
    );
    for (const clause of phrases ? clausesOf(claim, true) : claimClauses) {
      const end = clause.start + clause.text.length;
      const side: Side = { analysis: claimAnalysis, start: clause.start, end, items: foldStates(itemsIn(claimAnalysis.items, clause.start, end)) };
      if (side.items.length === 0) continue;
      let best: { lineup: Lineup; quote: number; side: Side } | undefined;
      for (const segment of segments) {
        const lineup = lineUp(side, segment.side);
        if (!lineup) continue;
        if (!best || lineup.anchors > best.lineup.anchors || (lineup.anchors === best.lineup.anchors && segment.side.items.length < best.side.items.length)) {
          best = { lineup, quote: segment.quote, side: segment.side };
        }
      }
      if (!best || best.lineup.anchors < settings.minAnchors) continue;
      const { lineup, quote } = best;
      for (const conflict of clauseConflicts(claim, side, best.side, lineup, mentions, settings, phrases ? 'gaps' : 'negation', judged)) report({ ...conflict, quote });
    }
  }
  // The clause's window, words in any order. Paraphrase reorders words ("sales decreased to $441
  // million" against "sales were $441 million, an increase"), so a value need not share a gap with the
  // one it replaces; but the clause and its best quote clause must line up well, and both values must
  // be unpaired: the claim's in no quote, the quote's in no part of the claim.
  windowConflicts(claimAnalysis, claimClauses, quoteAnalyses, mentions, settings, found, report, judged, absentValues);
  const order: EvidenceConflictKind[] = ['numeric', 'date', 'entity', 'negation', 'antonym', 'unsupported'];
  return order.flatMap((kind) => (found.has(kind) ? [found.get(kind)!] : []));
}

/** Content items after a cue that make up what it negates, for `negatesAnchor`. */
const NEGATED_SCOPE = 3;

/**
 * Whether a cue negates words that line up with the other text: the first content items after the cue
 * (up to NEGATED_SCOPE, cues skipped, within the clause) are all anchors. "not expected to exceed
 * $460,000" denies "expect to exceed $460,000"; "not sparring in a kickboxing fight" does not deny
 * "sparring in a match", since the negated words are not all there. `side` 0 reads the claim's
 * indices of the pairs, 1 the quote's.
 */
function negatesAnchor(items: readonly Item[], cues: readonly Item[], pairs: ReadonlyArray<[number, number]>, side: 0 | 1): boolean {
  const paired = new Set(pairs.map((p) => p[side]));
  for (const cue of cues) {
    const at = items.indexOf(cue);
    if (at < 0) continue;
    let scope = 0;
    let all = true;
    for (let k = at + 1; k < items.length && scope < NEGATED_SCOPE; k++) {
      if (items[k]!.kind === 'cue') continue;
      scope++;
      if (!paired.has(k)) all = false;
    }
    if (scope > 0 && all) return true;
  }
  return false;
}

/** A claim item no quote mentions, which the window rules may compare. */
type WindowKind = 'antonym' | 'numeric' | 'date' | 'entity' | 'sister';

/**
 * Items of a clause this close to a word are its neighbours (the slot it fills): one on each side for
 * an opposite, whose neighbours are common words; two for a name, a sister term or a direction; three
 * for a number or a date, which are rarest and stand furthest from the words they qualify ("dividend
 * to $0.14 per share", "released GPT-4 in November 2022").
 */
const NEIGHBOURS = 1;
const VALUE_NEIGHBOURS = 2;
const FIGURE_NEIGHBOURS = 3;

/**
 * How a figure moved, from a word of change right before it ("up 40%", "fell by 3 points", "an
 * increase of 17%") or right after it ("17% higher"): 'up' or 'down' for the size of a change, 'rose
 * to' or 'fell to' for the level it reached ("fell to 4.1%"). Only a size and a size, or a level and
 * a level, compare.
 */
type Direction = 'up' | 'down' | 'rose to' | 'fell to';

function directionOf(text: string, it: Item): Direction | undefined {
  const before = DIRECTION_BEFORE.exec(text.slice(Math.max(0, it.start - 24), it.start));
  const after = before ? undefined : DIRECTION_AFTER.exec(text.slice(it.end, it.end + 24));
  const word = (before ? (before[1] ?? before[3]) : after?.[1])?.toLowerCase();
  if (word === undefined) return undefined;
  const up = /^(?:up|ris|rose|increas|grew|grow|gain|climb|jump|higher)/.test(word);
  if (before?.[4]?.toLowerCase() === 'to') return up ? 'rose to' : 'fell to';
  return up ? 'up' : 'down';
}

/** Whether two directions say opposite things of one figure: a size against a size, a level against a level. */
const oppositeDirections = (x: Direction | undefined, y: Direction | undefined) =>
  x !== undefined && y !== undefined && x !== y && x.endsWith(' to') === y.endsWith(' to');

/**
 * Words of change written right before a figure ("up 40%", "fell by 3 points", "an increase of 17%",
 * "fell to 4.1%"); "to" only after a verb of change.
 */
const DIRECTION_BEFORE =
  /\b(?:(up|down|higher|lower|increase|decrease|rise|fall|drop|decline|gain)(?:\s+(by|of))?|(rose|risen|rising|rises|increased|decreased|grew|fell|dropped|declined|gained|climbed|jumped)(?:\s+(by|to))?)\s*$/i;
/**
 * The same words right after it ("17% higher", "a 5% rise"). Not after a comma: in "2.1%, down from
 * 2.5%" the figure is where the fall ended, not the fall.
 */
const DIRECTION_AFTER = /^\s*(higher|lower|increase|decrease|rise|fall|drop|decline|gain)\b/i;

/** Whether a date is closed at both ends ("in 2020", "5 May 2021"), not open ("since March 2019", "July 4th"). */
const closedDate = (it: Item) => !it.date!.from.startsWith('0001') && !it.date!.to.startsWith('9999');

/** Whether two items stand for the same thing: one word, or quantities and dates that agree. */
function sameItem(a: Item, b: Item): boolean {
  if (a.key !== b.key || a.kind === 'cue') return false;
  if (a.kind === 'quantity') return sameFigure(a.quantity!, b.quantity!);
  if (a.kind === 'date') return !datesDisjoint(a.date!, b.date!);
  return true;
}

/** Whether item i of `a` and item j of `b` have a neighbour in common (the same word or value beside both). */
function shareNeighbour(a: readonly Item[], i: number, b: readonly Item[], j: number, reach = NEIGHBOURS): boolean {
  for (let x = Math.max(0, i - reach); x <= Math.min(a.length - 1, i + reach); x++) {
    if (x === i) continue;
    for (let y = Math.max(0, j - reach); y <= Math.min(b.length - 1, j + reach); y++) if (y !== j && sameItem(a[x]!, b[y]!)) return true;
  }
  return false;
}

/** Whether the figures right after items i of `a` and j of `b` (or, failing those, right before) are both there and differ. */
function figuresDisagree(a: readonly Item[], i: number, b: readonly Item[], j: number): boolean {
  for (const step of [1, -1]) {
    const [x, y] = [a[i + step], b[j + step]];
    if (x?.kind === 'quantity' && y?.kind === 'quantity') return !sameItem(x, y);
  }
  return false;
}

/** Whether an item is a number that names something ("Category 4", "Article 50"), read as a word. */
const isIdentifier = (it: Item) => it.kind === 'word' && /^#\d/.test(it.key);

/** Whether item k is the noun a number right before it counts ("ten *years*"). */
function countedAt(items: readonly Item[], k: number): boolean {
  const before = items[k - 1];
  return before?.kind === 'quantity' && before.quantity!.unit === items[k]!.key;
}

/** Items before a word that a negation cue among them may govern ("not up 4%", "no new museum"). */
const CUE_REACH = 3;

/** Whether a negation cue stands among the CUE_REACH items before item i. */
function cueBefore(items: readonly Item[], i: number): boolean {
  for (let k = Math.max(0, i - CUE_REACH); k < i; k++) if (items[k]!.kind === 'cue') return true;
  return false;
}

/**
 * A sister term with a neighbour in common on one side only still fills the same slot when its clause
 * and the quote clause share this many words: the two then tell of one thing.
 */
const SISTER_ANCHORS = 4;

/**
 * Whether item i of `a` and item j of `b` fill the same slot: a neighbour in common before both, and
 * one after both (within VALUE_NEIGHBOURS), as "a *museum* in Paris" and "a *library* in Paris" do not
 * (nothing before), but "visited the *museum* in Paris" and "visited the *library* in Paris" do.
 */
function sameSlot(a: readonly Item[], i: number, b: readonly Item[], j: number): boolean {
  const side = (step: -1 | 1) => {
    for (let x = i + step; x >= 0 && x < a.length && Math.abs(x - i) <= VALUE_NEIGHBOURS; x += step) {
      for (let y = j + step; y >= 0 && y < b.length && Math.abs(y - j) <= VALUE_NEIGHBOURS; y += step) if (sameItem(a[x]!, b[y]!)) return true;
    }
    return false;
  };
  return side(-1) && side(1);
}

/**
 * The claim's clauses against the quotes' clauses, words in any order. Paraphrase reorders words
 * ("sales decreased to $441 million" against "sales were $441 million, an increase"), so a value need
 * not share a gap with the one it replaces. Two ways to stand in the same place:
 * - in the window of the best lined-up quote clause (one more anchor than `minAnchors`, and a share of
 *   the clause lined up of at least `oppositeCoverage` for opposites, `minCoverage` for numbers, dates
 *   and names), the claim's value being in no quote and the quote's in no part of the claim;
 * - or in the same slot of any quote clause that shares `minAnchors` words (one more for an
 *   opposite), beside the same words (`inSlot`): a number, date, name, numbered name or sister term
 *   for another, an opposite ("a decrease of 17%", "an increase of 17%"), or the other direction at
 *   the same figure ("down 4%", "up 4%").
 */
function windowConflicts(
  claimAnalysis: Analysis,
  claimClauses: ReadonlyArray<{ text: string; start: number }>,
  quoteAnalyses: readonly Analysis[],
  mentions: Mentions,
  settings: EvidenceRuleOptions,
  found: ReadonlyMap<EvidenceConflictKind, EvidenceConflict>,
  report: (c: EvidenceConflict) => void,
  judged: ReadonlySet<Item>,
  absentValues: ReadonlySet<Item>,
): void {
  const claim = claimAnalysis.text;
  // The claim's candidates, found on the whole claim first: most claims have none, and are done.
  const candidates = new Map<Item, WindowKind>();
  const directed = new Set<Item>();
  const absentWords: Item[] = [];
  // Common nouns no quote writes, which a sister term of the quotes may stand against.
  const absentNouns: Item[] = [];
  for (const clause of claimClauses) {
    for (const it of itemsIn(claimAnalysis.items, clause.start, clause.start + clause.text.length)) {
      if (it.kind === 'word' && !judged.has(it) && !mentions.words.has(it.key) && !mentions.words.has(it.word)) {
        if (!found.has('antonym')) absentWords.push(it);
        if (settings.sisterTerms && !found.has('entity') && hasKind(it.word)) absentNouns.push(it);
      }
      if (it.kind === 'quantity' && !found.has('antonym') && directionOf(claim, it) !== undefined) directed.add(it);
      if (settings.windowValues && absentValues.has(it)) {
        const kind: WindowKind = it.kind === 'quantity' ? 'numeric' : it.kind === 'date' ? 'date' : 'entity';
        // An open date ("since 2019", "July 4th") is no single time to set against another.
        if (!found.has(kind) && !(kind === 'date' && !closedDate(it))) candidates.set(it, kind);
      }
    }
  }
  if (absentWords.length === 0 && absentNouns.length === 0 && candidates.size === 0 && directed.size === 0) return;
  const claimKeys = new Set(claimAnalysis.items.map((it) => it.key));
  // A quote's value stands against the claim's when they differ and the claim does not write the
  // quote's elsewhere; a date only when both are closed.
  const otherFigure = (a: Item, b: Item) =>
    b.kind === 'quantity' && b.quantity!.unit === a.quantity!.unit && differentFigure(a.quantity!, b.quantity!) && !writesValue(claimAnalysis.items, b);
  const otherDate = (a: Item, b: Item) => b.kind === 'date' && closedDate(b) && datesDisjoint(a.date!, b.date!) && !writesValue(claimAnalysis.items, b);
  if (absentWords.length > 0 || absentNouns.length > 0) {
    // Quote words the claim does not write, each once; those with a prefix or suffix apart.
    const seen = new Set<string>();
    const others: Item[] = [];
    for (const q of quoteAnalyses) {
      for (const it of q.items) {
        if (it.kind !== 'word' || claimKeys.has(it.key) || seen.has(it.word)) continue;
        seen.add(it.word);
        others.push(it);
      }
    }
    const affixed = others.filter((it) => AFFIXED.test(it.word));
    for (const it of absentWords) {
      // A word with no opposite of its own can only be the base of a prefixed quote word.
      for (const b of mayHaveOpposites(it.word) ? others : affixed) {
        if (areOpposites(it.word, b.word, settings.antonyms)) {
          candidates.set(it, 'antonym');
          break;
        }
      }
    }
    if (absentNouns.length > 0) {
      const nouns = others.filter((b) => hasKind(b.word));
      for (const it of absentNouns) if (!candidates.has(it) && nouns.some((b) => areSisters(it.word, b.word))) candidates.set(it, 'sister');
    }
  }
  if (candidates.size === 0 && directed.size === 0) return;
  const segments = quoteAnalyses.flatMap((analysis, quote) =>
    clausesOf(analysis.text).map((c) => ({
      quote,
      side: { analysis, start: c.start, end: c.start + c.text.length, items: foldStates(itemsIn(analysis.items, c.start, c.start + c.text.length)) },
    })),
  );
  const reported = new Set<WindowKind>();
  for (const clause of claimClauses) {
    const end = clause.start + clause.text.length;
    const items = foldStates(itemsIn(claimAnalysis.items, clause.start, end));
    const mine = items.filter((it) => candidates.has(it) || directed.has(it));
    if (mine.length === 0) continue;
    const side: Side = { analysis: claimAnalysis, start: clause.start, end, items };
    const claimNegated = items.some((it) => it.kind === 'cue');
    let best: { lineup: Lineup; quote: number; side: Side } | undefined;
    const close: Array<{ quote: number; side: Side; anchors: number }> = [];
    const clauseWords = new Set(items.filter((it) => it.kind === 'word').map((it) => it.key));
    const clauseValues = items.filter((it) => it.kind === 'quantity' || it.kind === 'date');
    for (const segment of segments) {
      const lineup = lineUp(side, segment.side);
      if (!lineup) continue;
      // Close: the words the two clauses share, in any order (the same-slot rules read no order);
      // `minAnchors` for a value, one more for an opposite (see `inSlot`).
      const shared =
        new Set(segment.side.items.filter((it) => it.kind === 'word' && clauseWords.has(it.key)).map((it) => it.key)).size +
        // A date or figure both write counts as a shared word ("in 2022").
        clauseValues.filter((v) => segment.side.items.some((it) => sameItem(v, it))).length;
      if (shared >= settings.minAnchors) close.push({ ...segment, anchors: shared });
      if (lineup.anchors < settings.minAnchors + 1) continue;
      if (!best || lineup.anchors > best.lineup.anchors) best = { lineup, quote: segment.quote, side: segment.side };
    }
    if (!best && close.length === 0) continue;
    if (best) {
      const top = best;
      const { pairs, claimCues, quoteCues, coverage } = top.lineup;
      const quoteText = top.side.analysis.text;
      const window = top.side.items.slice(Math.max(0, pairs[0]![1] - EDGE), pairs[pairs.length - 1]![1] + EDGE + 1);
      for (const a of mine) {
        const kind = candidates.get(a);
        // A sister term or a numbered name needs the same slot: it is judged beside its neighbours only.
        if (kind === undefined || kind === 'sister' || isIdentifier(a) || reported.has(kind)) continue;
        if (coverage < (kind === 'antonym' ? settings.oppositeCoverage : settings.minCoverage)) continue;
        let b: Item | undefined;
        if (kind === 'antonym') {
          if (claimCues.length > 0 !== quoteCues.length > 0) continue;
          b = window.find((it) => it.kind === 'word' && !claimKeys.has(it.key) && areOpposites(a.word, it.word, settings.antonyms));
        } else if (kind === 'date') {
          b = window.find((it) => otherDate(a, it));
        } else if (kind === 'numeric') {
          b = window.find((it) => otherFigure(a, it));
        } else {
          b = window.find((it) => isName(quoteText, it, top.side.start) && !ADJECTIVE_LIKE.test(it.word) && !claimKeys.has(it.key) && sameNameSlot(claimAnalysis, a, top.side.analysis, it, mentions));
        }
        if (!b) continue;
        const [ai, bj] = [items.indexOf(a), top.side.items.indexOf(b)];
        if (kind === 'antonym' ? figuresDisagree(items, ai, top.side.items, bj) : cueBefore(items, ai) !== cueBefore(top.side.items, bj)) continue;
        const written = (it: Item, text: string) => (it.kind === 'quantity' ? it.quantity!.text : it.kind === 'date' ? it.date!.text : kind === 'antonym' ? it.word : text.slice(it.start, it.end));
        reported.add(kind);
        report({ kind, reason: `'${written(a, claim)}' vs '${written(b, quoteText)}'`, quote: top.quote });
      }
    }
    if (reported.has('antonym') || !settings.neighbourOpposites) continue;
    /** Whether a quote moves the claim's figure the way the claim says. */
    const movedThatWay = (a: Item, way: Direction | undefined) =>
      quoteAnalyses.some((q) => q.items.some((it) => it.kind === 'quantity' && sameItem(a, it) && directionOf(q.text, it) === way));
    // What stands in the same slot as a claim item in a quote clause: a value, a name or a sister
    // term beside the same words, an opposite beside the same word or value, or the other direction.
    const inSlot = (a: Item, i: number, b: Item, j: number, segment: (typeof close)[number]): { kind: 'numeric' | 'date' | 'entity' | 'antonym'; reason: string } | undefined => {
      const other = segment.side.items;
      const quoteText = segment.side.analysis.text;
      const kind = candidates.get(a);
      if (kind === 'numeric' && !reported.has('numeric') && otherFigure(a, b) && shareNeighbour(items, i, other, j, FIGURE_NEIGHBOURS)) {
        return { kind: 'numeric', reason: `'${a.quantity!.text}' vs '${b.quantity!.text}'` };
      }
      if (kind === 'date' && !reported.has('date') && otherDate(a, b) && shareNeighbour(items, i, other, j, FIGURE_NEIGHBOURS)) {
        return { kind: 'date', reason: `'${a.date!.text}' vs '${b.date!.text}'` };
      }
      // Another name in the same slot: "the Packers and the Chiefs" against "the Patriots and the Chiefs".
      // Another number after the same label: "a Category 2 storm" against "a Category 4 hurricane".
      if (kind === 'entity' && isIdentifier(a)) {
        if (!reported.has('entity') && isIdentifier(b) && !claimKeys.has(b.key) && items[i - 1]?.key === other[j - 1]?.key && items[i - 1]?.kind === 'word') {
          return { kind: 'entity', reason: `'${claim.slice(items[i - 1]!.start, a.end)}' vs '${quoteText.slice(other[j - 1]!.start, b.end)}'` };
        }
        return undefined;
      }
      if (kind === 'entity' && !reported.has('entity') && b.kind === 'word' && !claimKeys.has(b.key) && isName(quoteText, b, segment.side.start) && !ADJECTIVE_LIKE.test(b.word) && sameNameSlot(claimAnalysis, a, segment.side.analysis, b, mentions)) {
        if (shareNeighbour(items, i, other, j, VALUE_NEIGHBOURS)) return { kind: 'entity', reason: `'${claim.slice(a.start, a.end)}' vs '${quoteText.slice(b.start, b.end)}'` };
      }
      // A thing of the same kind in the same slot: "the old museum on the high street" against "the
      // old library on the high street". Opposite nouns (man, woman) are the antonym rule's.
      // A noun that a number counts ("ten years", "four weeks") may be the other written in units.
      if (kind === 'sister' && !reported.has('entity') && b.kind === 'word' && !claimKeys.has(b.key) && !countedAt(items, i) && !countedAt(other, j) && areSisters(a.word, b.word) && !areAntonyms(a.word, b.word, { synset: true, nouns: true })) {
        if (sameSlot(items, i, other, j) || (segment.anchors >= SISTER_ANCHORS && shareNeighbour(items, i, other, j))) return { kind: 'entity', reason: `'${a.word}' vs '${b.word}'` };
      }
      // Beside different figures ("fell 10%" and "increased 2%") the two opposites tell of two things.
      if (kind === 'antonym' && b.kind === 'word' && !claimKeys.has(b.key) && areOpposites(a.word, b.word, settings.antonyms) && shareNeighbour(items, i, other, j) && !figuresDisagree(items, i, other, j)) {
        return { kind: 'antonym', reason: `'${a.word}' vs '${b.word}'` };
      }
      // The other direction at the same figure, beside the same words, and no quote moving that figure
      // the claim's way ("sales fell 4% in Europe and rose 4% in Asia" holds both).
      if (directed.has(a) && b.kind === 'quantity' && a.quantity!.value !== 0 && sameItem(a, b)) {
        const [x, y] = [directionOf(claim, a), directionOf(quoteText, b)];
        if (oppositeDirections(x, y) && shareNeighbour(items, i, other, j, VALUE_NEIGHBOURS) && !movedThatWay(a, x)) {
          return { kind: 'antonym', reason: `'${x} ${a.quantity!.text}' vs '${y} ${b.quantity!.text}'` };
        }
      }
      return undefined;
    };
    neighbours: for (const segment of close) {
      const other = segment.side.items;
      // Opposites are read in clauses of one polarity ("not closed" may be "open"); a value, with the
      // cues just before it only (a cue elsewhere in a long clause says nothing of it).
      const samePolarity = other.some((it) => it.kind === 'cue') === claimNegated;
      for (const a of mine) {
        // An opposite is a common word: it needs one shared word more than a value, and clauses of one polarity.
        if (candidates.get(a) === 'antonym' && (!samePolarity || segment.anchors < settings.minAnchors + 1)) continue;
        const i = items.indexOf(a);
        const negated = cueBefore(items, i);
        for (let j = 0; j < other.length; j++) {
          if (negated !== cueBefore(other, j)) continue;
          const conflict = inSlot(a, i, other[j]!, j, segment);
          if (!conflict) continue;
          reported.add(conflict.kind);
          report({ ...conflict, quote: segment.quote });
          // An opposite settles the clause; values go on to the next claim item.
          if (conflict.kind === 'antonym') break neighbours;
          break;
        }
      }
    }
  }
}

function clauseConflicts(
  claim: string,
  side: Side,
  quoteSide: Side,
  lineup: Lineup,
  mentions: Mentions,
  settings: EvidenceRuleOptions,
  rules: 'gaps' | 'negation',
  judged: Set<Item>,
): Array<Omit<EvidenceConflict, 'quote'>> {
  const out: Array<Omit<EvidenceConflict, 'quote'>> = [];
  const quoteText = quoteSide.analysis.text;
  // Presence, not parity: "cannot and should not" negates once, in other words, not twice.
  const claimNegated = lineup.claimCues.length > 0;
  const quoteNegated = lineup.quoteCues.length > 0;
  if (rules === 'gaps' && lineup.coverage >= settings.minCoverage) {
    // Numbers and dates in the same slot (lined up by kind and unit).
    for (const [i, j] of lineup.pairs) {
      const a = side.items[i]!;
      const b = quoteSide.items[j]!;
      // A cue right before one value and not the other ("not up 4%") leaves the two unjudged.
      if (cueBefore(side.items, i) !== cueBefore(quoteSide.items, j)) continue;
      // The quote's value must not be the claim's elsewhere ("for 2020 and for 2021" against "for 2021").
      if (a.kind === 'quantity' && a.quantity!.unit === b.quantity!.unit && differentFigure(a.quantity!, b.quantity!) && !quantityMentioned(a, mentions) && !writesValue(side.analysis.items, b, a)) {
        out.push({ kind: 'numeric', reason: `'${a.quantity!.text}' vs '${b.quantity!.text}'` });
      }
      if (a.kind === 'date' && datesDisjoint(a.date!, b.date!) && !dateMentioned(a, mentions) && !writesValue(side.analysis.items, b, a)) {
        out.push({ kind: 'date', reason: `'${a.date!.text}' vs '${b.date!.text}'` });
      }
    }
    for (const gap of gapsOf(side, quoteSide, lineup.pairs)) {
      const claimText = claim.slice(gap.claimFrom, gap.claimTo);
      // A name for a different name between the same anchors.
      const claimNames = gap.claim.filter((it) => isName(claim, it, side.start) && !ADJECTIVE_LIKE.test(it.word) && !nameMentioned(it, mentions));
      const quoteNames = gap.quote.filter((it) => isName(quoteText, it, quoteSide.start) && !ADJECTIVE_LIKE.test(it.word) && !side.items.some((c) => c.key === it.key));
      if (claimNames.length > 0 && quoteNames.length > 0 && gap.claim.length <= 3 && gap.quote.length <= 3) {
        out.push({ kind: 'entity', reason: `'${claim.slice(claimNames[0]!.start, claimNames[0]!.end)}' vs '${quoteText.slice(quoteNames[0]!.start, quoteNames[0]!.end)}'` });
      }
      // A role for a different role.
      const claimRoles = gap.claim.length === 0 ? [] : rolesIn(claimText).filter((r) => !roleMentioned(r, mentions));
      const quoteRoles = claimRoles.length === 0 ? [] : rolesIn(quoteText.slice(gap.quoteFrom, gap.quoteTo));
      if (claimRoles.length > 0 && quoteRoles.length > 0 && !ROLE_QUALIFIERS.test(withoutRoles(claimText))) {
        out.push({ kind: 'entity', reason: `'${claimRoles[0]}' vs '${quoteRoles[0]}'` });
      }
      // A word for its opposite, the claim's word absent from the window and the quote's from the clause.
      // A pair seen in one gap is this rule's to judge; the window rules leave it alone.
      for (const a of gap.claim) {
        // Only words no quote writes can be window candidates; most gap words are written somewhere.
        if (a.kind !== 'word' || mentions.words.has(a.key) || mentions.words.has(a.word)) continue;
        if (gap.quote.some((b) => b.kind === 'word' && areOpposites(a.word, b.word, settings.antonyms))) judged.add(a);
      }
      if (claimNegated === quoteNegated && lineup.coverage >= settings.antonymCoverage) {
        search: for (const a of gap.claim) {
          if (a.kind !== 'word' || quoteSide.items.some((b) => b.key === a.key)) continue;
          for (const b of gap.quote) {
            if (b.kind === 'word' && !side.items.some((c) => c.key === b.key) && areOpposites(a.word, b.word, settings.antonyms)) {
              out.push({ kind: 'antonym', reason: `'${a.word}' vs '${b.word}'` });
              break search;
            }
          }
        }
      }
    }
  }
  const affirmative = claimNegated ? quoteSide.items : side.items;
  if (
    rules === 'negation' &&
    claimNegated !== quoteNegated &&
    (lineup.coverage >= settings.negationCoverage ||
      (lineup.coverage >= settings.negatedWordCoverage &&
        // Under this looser share, the affirmative side holds no cue anywhere in its clause (the
        // window may cut off "never asked …, nor would we").
        !affirmative.some((it) => it.kind === 'cue') &&
        (claimNegated ? negatesAnchor(side.items, lineup.claimCues, lineup.pairs, 0) : negatesAnchor(quoteSide.items, lineup.quoteCues, lineup.pairs, 1)))) &&
    lineup.anchors >= settings.minAnchors + 1 &&
    !affirmative.some((it) => it.kind === 'word' && IMPLICIT_NEGATIVES.has(it.key))
  ) {
    const cue = (claimNegated ? lineup.claimCues : lineup.quoteCues)[0]!;
    const phrase = claimNegated ? claim.slice(cue.start, cue.end) : quoteText.slice(cue.start, cue.end);
    out.push({ kind: 'negation', reason: claimNegated ? `the claim says '${phrase}', the quote does not` : `the quote says '${phrase}', the claim does not` });
  }
  return out;
}
