// One pass over a text turns it into the sequence the rules compare: content words (stemmed),
// negation cues, quantities and dates. Stop words are dropped. Entity aliases become one word.
import { mayStartDate, readDate } from './dates.js';
import type { DateMention } from './dates.js';
import { DEFAULT_QUANTITY_OPTIONS, mayStartQuantity, readQuantity } from './numbers.js';
import type { Quantity, QuantityOptions } from './numbers.js';
import { NEGATION_CUES, STOP_WORDS, isNegationCue, stem, tokenize } from './tokens.js';
import type { Token } from './tokens.js';

export type ItemKind = 'word' | 'cue' | 'quantity' | 'date';

export interface Item {
  kind: ItemKind;
  /** What the alignment compares: a stem, an "@entity", "#num:unit", "#ord:unit", "#date" or "¬". */
  key: string;
  /** The word as written, lower-cased (antonyms are looked up on it). */
  word: string;
  /** UTF-16 offsets in the text. */
  start: number;
  end: number;
  quantity?: Quantity;
  date?: DateMention;
}

export interface Analysis {
  text: string;
  items: Item[];
  /** Number of negation cues. */
  negations: number;
  /** Distinct keys of the content words (no cues, quantities or dates). */
  words: string[];
  /** The first word written for each key, lower case. */
  surfaces: string[];
  /** Number of quantities and dates. */
  slots: number;
}

/** Alias phrases (lower-case words joined by single spaces) mapped to an entity id. */
export type AliasTable = ReadonlyMap<string, string>;

export interface AnalyseOptions extends QuantityOptions {
  aliases?: AliasTable;
}

/** Splits an alias table into lookups by first word, longest phrases first. */
function aliasIndex(aliases: AliasTable): Map<string, Array<{ words: string[]; id: string }>> {
  const index = new Map<string, Array<{ words: string[]; id: string }>>();
  for (const [phrase, id] of aliases) {
    // A leading article is a stop word the text may or may not repeat: "The Guardian" is "Guardian".
    const all = tokenize(phrase).map((t) => t.text);
    const lead = all.findIndex((w) => !STOP_WORDS.has(w));
    const words = lead > 0 ? all.slice(lead) : all;
    const first = words[0];
    if (first === undefined) continue;
    let list = index.get(first);
    if (!list) index.set(first, (list = []));
    list.push({ words, id });
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const aliasIndexCache = new WeakMap<AliasTable, ReturnType<typeof aliasIndex>>();

function aliasesFor(table: AliasTable | undefined): ReturnType<typeof aliasIndex> | undefined {
  if (!table || table.size === 0) return undefined;
  let index = aliasIndexCache.get(table);
  if (!index) aliasIndexCache.set(table, (index = aliasIndex(table)));
  return index;
}

const SIGNS = new Set(['%', '$', '£', '€']);
const isDigit = (code: number) => code >= 48 && code <= 57;

/** What the analysis needs to know of a word, looked up once per distinct word. */
interface WordClass {
  /** The word itself, one shared string for every occurrence (items keep it, not each token's copy). */
  text: string;
  /** May start a date or a quantity. */
  special: boolean;
  /** A negation cue (whether it negates depends on the next word). */
  cue: boolean;
  /** A content word: not a stop word, cue, number or sign. */
  content: boolean;
  stop: boolean;
  stem: string;
}

// Words repeat across texts: one lookup per token instead of a dozen. Bounded so memory stays flat.
const CLASS_CACHE_LIMIT = 50_000;
const classCache = new Map<string, WordClass>();

function classOf(word: string): WordClass {
  let known = classCache.get(word);
  if (known) return known;
  const cue = NEGATION_CUES.has(word);
  const stop = STOP_WORDS.has(word);
  const content = !cue && !stop && !isDigit(word.charCodeAt(0)) && !SIGNS.has(word);
  known = { text: word, special: mayStartDate(word) || mayStartQuantity(word), cue, content, stop, stem: content ? stem(word) : word };
  if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
  classCache.set(word, known);
  return known;
}

/** Nouns that label things by number ("article 5", "room 101"). */
const LABELS = new Set(
  'article section clause paragraph chapter page line row item figure table room flight number no version phase level stage season series episode part act rule schedule annex appendix'.split(' '),
);

/**
 * A bare number written in digits right after a label noun, or after a capitalised word ("Committee 1",
 * "Article 5", "Flight 370"), names something rather than counting it.
 */
function isIdentifier(q: Quantity, tokens: readonly Token[], at: number, text: string): boolean {
  const token = tokens[at]!;
  if (q.comparator !== undefined || q.ordinal || q.unit === '%' || q.unit.length === 1 || !/^\d+$/.test(token.text)) return false;
  if (q.end !== token.end) return false;
  const before = tokens[at - 1];
  if (!before || STOP_WORDS.has(before.text) || NEGATION_CUES.has(before.text)) return false;
  const first = text.charCodeAt(before.start);
  return LABELS.has(before.text) || (first >= 65 && first <= 90);
}

/** Verbs in -s that follow a year as its verb ("2021 remains", "2020 marks"), not as a counted noun. */
const VERBS_IN_S = new Set(
  'remains sees brings represents comes begins includes continues appears seems requires follows proves becomes'.split(' '),
);

/** Whether token k could be a noun a number counts: a content word, not a cue, month or number. */
function countNounAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]?.text;
  if (t === undefined || STOP_WORDS.has(t) || NEGATION_CUES.has(t) || VERBS_IN_S.has(t) || /^\d/.test(t)) return false;
  // Plural nouns and "people" count; "the 2020 election" is a year.
  return t === 'people' || (t.length > 3 && t.endsWith('s') && !t.endsWith('ss'));
}

/**
 * Ranks line up with ranks, counts with counts, percentages with percentages and sums with sums in the
 * same currency. A noun unit stays out of the key: the noun is a word of its own in the sequence, and
 * it must line up too ("two young boys" and "five young boys" share "young" and "boys").
 */
function quantityKey(q: Quantity): string {
  if (q.ordinal) return '#ord';
  return q.unit === '%' || q.unit.length === 1 ? `#num:${q.unit}` : '#num';
}

/** Turns a text into the item sequence the rules align. Options: `approximateTolerance` (0.1), `aliases` (none). */
export function analyse(text: string, options: Partial<AnalyseOptions> = {}): Analysis {
  return analyseWith(text, { ...DEFAULT_QUANTITY_OPTIONS, ...options });
}

/** `analyse` with complete settings, for callers that analyse many texts with the same options. */
export function analyseWith(text: string, settings: AnalyseOptions): Analysis {
  const tokens = tokenize(text);
  const aliases = aliasesFor(settings.aliases);
  const items: Item[] = [];
  let negations = 0;
  const countNoun = (k: number) => countNounAt(tokens, k);
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    const word = classOf(token.text);
    const alias = aliases && !word.stop ? aliases.get(token.text)?.find((a) => a.words.every((w, k) => tokens[i + k]?.text === w)) : undefined;
    if (alias) {
      const last = tokens[i + alias.words.length - 1]!;
      items.push({ kind: 'word', key: `@${alias.id}`, word: text.slice(token.start, last.end).toLowerCase(), start: token.start, end: last.end });
      i += alias.words.length;
      continue;
    }
    if (word.special) {
      const date = readDate(tokens, i, text, countNoun);
      if (date) {
        items.push({ kind: 'date', key: '#date', word: date.date.text.toLowerCase(), start: date.date.start, end: date.date.end, date: date.date });
        i = date.next;
        continue;
      }
      const quantity = readQuantity(tokens, i, text, settings);
      if (quantity && isIdentifier(quantity.quantity, tokens, i, text)) {
        // "Committee 1", "Article 5": a name, which must match like a word.
        items.push({ kind: 'word', key: `#${quantity.quantity.value}`, word: token.text, start: token.start, end: token.end });
        i++;
        continue;
      }
      if (quantity) {
        const q = quantity.quantity;
        items.push({ kind: 'quantity', key: quantityKey(q), word: q.text.toLowerCase(), start: q.start, end: q.end, quantity: q });
        i = quantity.next;
        continue;
      }
    }
    if (word.cue) {
      // "no one" is "nobody", not a count of one.
      if (token.text === 'no' && tokens[i + 1]?.text === 'one') {
        items.push({ kind: 'cue', key: '¬', word: 'no one', start: token.start, end: tokens[i + 1]!.end });
        negations++;
        i += 2;
        continue;
      }
      if (isNegationCue(tokens, i, negations > 0)) {
        items.push({ kind: 'cue', key: '¬', word: word.text, start: token.start, end: token.end });
        negations++;
      }
    } else if (token.text === 'few' && tokens[i - 1]?.text === 'a') {
      // "a few" means "some", not "few" (the opposite of "many"): a word of its own, with no antonyms.
      items.push({ kind: 'word', key: 'a few', word: 'a few', start: tokens[i - 1]!.start, end: token.end });
    } else if (word.content) {
      items.push({ kind: 'word', key: word.stem, word: word.text, start: token.start, end: token.end });
    }
    i++;
  }
  const words: string[] = [];
  const surfaces: string[] = [];
  for (const it of items) {
    if (it.kind === 'word' && !words.includes(it.key)) {
      words.push(it.key);
      surfaces.push(it.word);
    }
  }
  let slots = 0;
  for (const it of items) if (it.kind === 'quantity' || it.kind === 'date') slots++;
  return { text, items, negations, words, surfaces, slots };
}

/**
 * Every quantity in a text ("more than 1 billion users" → [1e9, +∞) users), each an interval with
 * its unit. Years and dates are read as dates, not quantities. `approximateTolerance` defaults to 0.1
 * (±10% for "about", "around", "roughly"…).
 */
export function extractQuantities(text: string, options: Partial<QuantityOptions> = {}): Quantity[] {
  return analyse(text, options).items.flatMap((it) => (it.quantity ? [it.quantity] : []));
}

/** Every date in a text ("April 2020" → 2020-04-01..2020-04-30), each an inclusive ISO interval. */
export function extractDates(text: string): DateMention[] {
  return analyse(text).items.flatMap((it) => (it.date ? [it.date] : []));
}
