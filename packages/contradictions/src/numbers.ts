// Quantities in text: "more than 1 billion users", "about 60%", "fewer than 4,800", "at least three",
// "£1.2bn", "a dozen". Each becomes an interval, so two quantities conflict only when no value could
// satisfy both.
import type { Interval } from './interval.js';
import { STOP_WORDS, stem } from './tokens.js';
import type { Token } from './tokens.js';

export interface Quantity extends Interval {
  /** As written, comparator included: "more than 1 billion". */
  text: string;
  /** The number itself: 1e9. */
  value: number;
  /** "%", a currency sign, or the stem of the noun after the number ("user"); '' when none. */
  unit: string;
  /** The unit as written ("users"), for messages. */
  unitText: string;
  /** The comparator as written ("more than"), when there is one. */
  comparator?: string;
  /** "first", "4th": a rank, compared only with other ranks. */
  ordinal: boolean;
  /** UTF-16 offsets of `text` in the input. */
  start: number;
  end: number;
}

export interface QuantityOptions {
  /** Relative half-width of "about", "around", "roughly", "approximately", "some", "circa": ±10% by default. */
  approximateTolerance: number;
}

export const DEFAULT_QUANTITY_OPTIONS: QuantityOptions = { approximateTolerance: 0.1 };

type Bound = 'lower' | 'upper' | 'approx' | 'nearly' | 'just-over' | 'exact';

/**
 * Comparator phrases, longest first. Bounds are inclusive on purpose: "more than 1 billion" and
 * "1 billion" are routinely written for the same figure, and a false alarm costs more than a miss.
 */
const COMPARATORS: ReadonlyArray<readonly [string[], Bound]> = (
  [
    ['no fewer than', 'lower'], ['no less than', 'lower'], ['not less than', 'lower'], ['not fewer than', 'lower'],
    ['in excess of', 'lower'], ['a minimum of', 'lower'], ['more than', 'lower'], ['greater than', 'lower'],
    ['upwards of', 'lower'], ['at least', 'lower'], ['over', 'lower'], ['above', 'lower'], ['exceeding', 'lower'],
    ['exceed', 'lower'], ['exceeds', 'lower'], ['exceeded', 'lower'],
    ['not exceed', 'upper'], ['not to exceed', 'upper'], ["n't exceed", 'upper'], ['never exceed', 'upper'], ['not exceeding', 'upper'],
    ['no more than', 'upper'], ['not more than', 'upper'], ['a maximum of', 'upper'], ['as many as', 'upper'],
    ['as much as', 'upper'], ['less than', 'upper'], ['fewer than', 'upper'], ['at most', 'upper'], ['up to', 'upper'],
    ['under', 'upper'], ['below', 'upper'],
    ['more or less', 'approx'], ['an estimated', 'approx'], ['about', 'approx'],
    ['around', 'approx'], ['approximately', 'approx'], ['roughly', 'approx'], ['some', 'approx'], ['circa', 'approx'],
    ['estimated', 'approx'], ['almost', 'nearly'], ['nearly', 'nearly'], ['just under', 'nearly'], ['just over', 'just-over'],
    ['exactly', 'exact'], ['precisely', 'exact'], ['only', 'exact'], ['just', 'exact'],
  ] as const
)
  .map(([phrase, bound]) => [phrase.split(' '), bound] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Comparator phrases by their first word, so that most tokens are rejected by one lookup. */
const COMPARATORS_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly [string[], Bound]>> = (() => {
  const index = new Map<string, Array<readonly [string[], Bound]>>();
  for (const entry of COMPARATORS) {
    const first = entry[0][0]!;
    let list = index.get(first);
    if (!list) index.set(first, (list = []));
    list.push(entry);
  }
  return index;
})();

const SMALL: ReadonlyMap<string, number> = new Map(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i] as const),
);
const TENS: ReadonlyMap<string, number> = new Map(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10] as const),
);
const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
  ['dozen', 12],
]);
const SUFFIX_SCALE: Readonly<Record<string, number>> = { bn: 1e9, m: 1e6, k: 1e3 };

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ...'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'
      .split(' ')
      .map((w, i) => [w, i + 1] as const),
    ...'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth'.split(' ').map((w, i) => [w, (i + 2) * 10] as const),
    ['hundredth', 100] as const,
    ['thousandth', 1000] as const,
    ['millionth', 1e6] as const,
  ],
);

const CURRENCY = new Set(['$', '£', '€']);
const NUMERAL = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(bn|m|k|st|nd|rd|th)?(%)?$/;

interface NumberRead {
  value: number;
  next: number;
  ordinal: boolean;
  percent: boolean;
}

/** Reads number words: "three", "twenty five", "one hundred and twenty", "a dozen", "a million". */
function readNumberWords(tokens: readonly Token[], at: number): NumberRead | undefined {
  const word = (k: number) => tokens[k]?.text ?? '';
  let i = at;
  let total = 0;
  let group = 0;
  let last: 'none' | 'small' | 'tens' | 'hundred' | 'scale' = 'none';
  // "a hundred", "a dozen", "a million": the article stands for one.
  if ((word(i) === 'a' || word(i) === 'an') && SCALES.has(word(i + 1)) && word(i + 1) !== 'bn') {
    group = 1;
    last = 'small';
    i++;
  }
  for (;; i++) {
    const w = word(i);
    const small = SMALL.get(w);
    const tens = TENS.get(w);
    const scale = SCALES.get(w);
    if (small !== undefined) {
      // "two three" is two numbers; "twenty twelve" is not one.
      if (last === 'small' || (last === 'tens' && small >= 10)) break;
      group += small;
      last = 'small';
    } else if (tens !== undefined) {
      if (last === 'small' || last === 'tens') break;
      group += tens;
      last = 'tens';
    } else if (scale !== undefined && last !== 'none' && w !== 'bn') {
      if (scale === 100 || scale === 12) {
        group = (group === 0 ? 1 : group) * scale;
        last = 'hundred';
      } else {
        total += (group === 0 ? 1 : group) * scale;
        group = 0;
        last = 'scale';
      }
    } else if (w === 'and' && last === 'hundred' && (SMALL.has(word(i + 1)) || TENS.has(word(i + 1)))) {
      continue;
    } else break;
  }
  if (last === 'none') return undefined;
  return { value: total + group, next: i, ordinal: false, percent: false };
}

/** Reads a numeral with its scale: "4,800", "1.2bn", "5m", "60%", "1.2 billion", "100th". */
function readNumeral(tokens: readonly Token[], at: number): NumberRead | undefined {
  const match = NUMERAL.exec(tokens[at]?.text ?? '');
  if (!match) return undefined;
  let value = Number(`${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`);
  const suffix = match[3];
  const ordinal = suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th';
  if (suffix && !ordinal) value *= SUFFIX_SCALE[suffix] ?? 1;
  let next = at + 1;
  if (!ordinal && !suffix) {
    for (;;) {
      const scale = SCALES.get(tokens[next]?.text ?? '');
      if (scale === undefined) break;
      value *= scale;
      next++;
    }
  }
  return { value, next, ordinal, percent: match[4] === '%' };
}

/** Reads an ordinal word, "twenty-first" included. */
function readOrdinalWords(tokens: readonly Token[], at: number): NumberRead | undefined {
  const first = tokens[at]?.text ?? '';
  const tens = TENS.get(first);
  if (tens !== undefined) {
    const unit = ORDINAL_WORDS.get(tokens[at + 1]?.text ?? '');
    if (unit !== undefined && unit < 10) return { value: tens + unit, next: at + 2, ordinal: true, percent: false };
    return undefined;
  }
  const value = ORDINAL_WORDS.get(first);
  return value === undefined ? undefined : { value, next: at + 1, ordinal: true, percent: false };
}

function matchPhrase(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((w, k) => tokens[at + k]?.text === w);
}

function interval(value: number, bound: Bound, tolerance: number): Interval {
  const spread = Math.abs(value) * tolerance;
  switch (bound) {
    case 'lower':
      return { low: value, high: Infinity };
    case 'upper':
      return { low: -Infinity, high: value };
    case 'approx':
      return { low: value - spread, high: value + spread };
    case 'nearly':
      return { low: value - spread, high: value };
    case 'just-over':
      return { low: value, high: value + spread };
    case 'exact':
      return { low: value, high: value };
  }
}

/** A quarter of the year written short: "Q3", "3Q" (the third quarter, a rank). */
const QUARTER = /^(?:q([1-4])|([1-4])q)$/;

/** Whether a quantity could start with this token: a cheap test that spares most words the full reading. */
export function mayStartQuantity(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57) return true;
  return (
    QUARTER.test(word) ||
    COMPARATORS_BY_FIRST.has(word) ||
    CURRENCY.has(word) ||
    SMALL.has(word) ||
    TENS.has(word) ||
    ORDINAL_WORDS.has(word) ||
    word === 'a' ||
    word === 'an'
  );
}

/** Words that, after "a"/"per"/"every", make "second" a unit of time rather than a rank. */
const TIME_SECOND_BEFORE = new Set(['a', 'per', 'every', 'each', 'one', 'split']);

/**
 * Reads the quantity that starts at token `at` (comparator first), or undefined. The unit is "%",
 * a currency sign, or the stem of the first content word after the number.
 */
export function readQuantity(
  tokens: readonly Token[],
  at: number,
  text: string,
  options: QuantityOptions = DEFAULT_QUANTITY_OPTIONS,
): { quantity: Quantity; next: number } | undefined {
  const head = tokens[at]?.text ?? '';
  if (!mayStartQuantity(head)) return undefined;
  const quarter = QUARTER.exec(head);
  if (quarter) {
    // "Q3" is "the third quarter": the same rank and unit, so the two forms compare.
    const value = Number(quarter[1] ?? quarter[2]);
    const token = tokens[at]!;
    const written = text.slice(token.start, token.end);
    return { quantity: { text: written, value, low: value, high: value, unit: 'quarter', unitText: written, ordinal: true, start: token.start, end: token.end }, next: at + 1 };
  }
  let i = at;
  let bound: Bound = 'exact';
  let comparator: string | undefined;
  for (const [phrase, b] of COMPARATORS_BY_FIRST.get(head) ?? []) {
    if (matchPhrase(tokens, i, phrase)) {
      bound = b;
      comparator = phrase.join(' ');
      i += phrase.length;
      break;
    }
  }
  let currency = '';
  if (CURRENCY.has(tokens[i]?.text ?? '')) currency = tokens[i++]!.text;
  const numberStart = i;
  const read = readNumeral(tokens, i) ?? (currency ? undefined : readOrdinalWords(tokens, i) ?? readNumberWords(tokens, i));
  if (!read) return undefined;
  const word = tokens[numberStart]!.text;
  if (read.ordinal) {
    // A rank takes no comparator; "a second", "at first" and "a third of" are not ranks.
    if (comparator !== undefined) return undefined;
    const before = tokens[numberStart - 1]?.text;
    if (word === 'second' && before !== undefined && TIME_SECOND_BEFORE.has(before)) return undefined;
    if (word === 'first' && before === 'at') return undefined;
    if ((before === 'a' || before === 'an') && tokens[read.next]?.text === 'of') return undefined;
  }
  let next = read.next;
  let unit = currency;
  let unitText = currency;
  if (read.percent) unit = unitText = '%';
  else if (tokens[next]?.text === 'percent' || tokens[next]?.text === '%') {
    unit = unitText = '%';
    next++;
  } else if (tokens[next]?.text === 'per' && tokens[next + 1]?.text === 'cent') {
    unit = unitText = '%';
    next += 2;
  }
  if (unit === '') {
    const candidate = tokens[next];
    if (candidate && !STOP_WORDS.has(candidate.text) && !/^\d/.test(candidate.text)) {
      unit = stem(candidate.text);
      unitText = text.slice(candidate.start, candidate.end);
    }
  }
  // "one" with no noun after it is a pronoun ("the one who", "one of them").
  if (unit === '' && (word === 'one' || read.ordinal)) return undefined;
  const first = tokens[at]!;
  const last = tokens[next - 1]!;
  // Field by field rather than spread: every quantity then has one shape, which is faster to read.
  const range = interval(read.value, read.ordinal ? 'exact' : bound, options.approximateTolerance);
  const quantity: Quantity = {
    text: text.slice(first.start, last.end),
    value: read.value,
    low: range.low,
    high: range.high,
    unit,
    unitText,
    ordinal: read.ordinal,
    start: first.start,
    end: last.end,
  };
  if (comparator !== undefined) quantity.comparator = comparator;
  return { quantity, next };
}
