// The text rules: given two texts, say whether they conflict by a number, a date, a negation or an
// antonym. They fire only on aligned texts (see align.ts).
import { analyseWith } from './analyse.js';
import type { AliasTable, Analysis, Item } from './analyse.js';
import { DEFAULT_ALIGNMENT_OPTIONS, compareAnalyses, conflictingDates, conflictingQuantities, isAligned, isAlignedNegation } from './align.js';
import type { AlignmentOptions, Comparison } from './align.js';
import { namesEntity } from './evidence.js';
import { DEFAULT_QUANTITY_OPTIONS } from './numbers.js';
import type { QuantityOptions } from './numbers.js';

export type TextConflictKind = 'numeric' | 'date' | 'negation' | 'antonym' | 'entity';

export interface TextConflict {
  kind: TextConflictKind;
  /** One line: "'more than 1 billion' vs '800 million' users". */
  reason: string;
  /** The wording of the second text at the conflict. */
  actual: string;
  /** The wording of the first text at the conflict. */
  expected: string;
}

export interface CompareOptions extends AlignmentOptions, QuantityOptions {
  /** Entity names and aliases (lower case) → entity id, so that "ByteDance Ltd" and "ByteDance" are one word. */
  aliases?: AliasTable;
  /**
   * 'either' (default): extra words may stand on one side or the other, up to `maxExtraWords`.
   * 'b': every word of the first text must line up; only the second (an evidence quote) may carry extras.
   */
  extraSide: 'either' | 'b';
  /**
   * Flag two texts that line up but for one name each, in the same place (`entity`). Default false:
   * two claims about different subjects often both hold ("banned in Canada", "banned in India"); in
   * sentence pairs that describe one scene (Breaking NLI) the rule is exact.
   */
  claimEntities: boolean;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { ...DEFAULT_ALIGNMENT_OPTIONS, ...DEFAULT_QUANTITY_OPTIONS, extraSide: 'either', claimEntities: false };

const AFFIRMED = '(affirmed)';

/** The cue with the word after it, as written: "never shared". */
function cuePhrase(analysis: Analysis, cue: Item): string {
  const next = analysis.items.find((it) => it.start >= cue.end);
  return analysis.text.slice(cue.start, next ? next.end : cue.end);
}

function unitSuffix(item: Item): string {
  const q = item.quantity;
  if (!q || q.unit === '' || q.unit === '%' || q.unit.length === 1) return '';
  return ` ${q.unitText}`;
}

/** Decides the conflict, if any, from a comparison of two aligned texts. */
function verdict(a: Analysis, b: Analysis, c: Comparison): TextConflict | undefined {
  const negationFlip = (c.negationsA.length + c.negationsB.length) % 2 === 1;
  const quantities = conflictingQuantities(c);
  const dates = conflictingDates(c);
  const antonym = c.antonyms[0];
  if (antonym) {
    // "not closed" against "opened" agrees; an antonym beside a number or date conflict is left alone.
    if (negationFlip || quantities.length > 0 || dates.length > 0) return undefined;
    return { kind: 'antonym', reason: `'${antonym.a.word}' vs '${antonym.b.word}'`, expected: antonym.a.word, actual: antonym.b.word };
  }
  if (negationFlip) {
    if (quantities.length > 0 || dates.length > 0) return undefined;
    const cue = c.negationsB[0] ?? c.negationsA[0]!;
    const phrase = cuePhrase(cue === c.negationsB[0] ? b : a, cue);
    const inB = c.negationsB.length % 2 === 1;
    return {
      kind: 'negation',
      reason: `'${phrase}' negates what the other text states`,
      expected: inB ? AFFIRMED : phrase,
      actual: inB ? phrase : AFFIRMED,
    };
  }
  const quantity = quantities[0];
  if (quantity) {
    const qa = quantity.a.quantity!;
    const qb = quantity.b.quantity!;
    return { kind: 'numeric', reason: `'${qa.text}' vs '${qb.text}'${unitSuffix(quantity.a)}`, expected: qa.text, actual: qb.text };
  }
  const date = dates[0];
  if (date) {
    const da = date.a.date!;
    const db = date.b.date!;
    return { kind: 'date', reason: `'${da.text}' vs '${db.text}'`, expected: da.text, actual: db.text };
  }
  return undefined;
}

/** compareTexts on texts already analysed (the index analyses each claim once). */
export function compareAnalysedTexts(a: Analysis, b: Analysis, options: CompareOptions): TextConflict | undefined {
  const conflict = alignedVerdict(a, b, options);
  if (!conflict || options.extraSide !== 'either') return conflict;
  // Two texts can line up in more than one equally long way ("never 2022 2022" against
  // "2022 not not 2022"), and which one the alignment picks depends on which text comes first. A
  // conflict that only one order finds rests on that tie, so it is not reported. The reverse order
  // is computed only for the rare pair that conflicts, so the common case costs nothing more.
  return alignedVerdict(b, a, options)?.kind === conflict.kind ? conflict : undefined;
}

function alignedVerdict(a: Analysis, b: Analysis, options: CompareOptions): TextConflict | undefined {
  const c = compareAnalyses(a, b, options);
  if (isAligned(c, options, options.extraSide)) return verdict(a, b, c);
  if (options.extraSide === 'either' && isAlignedNegation(c, options)) return verdict(a, b, c);
  if (options.extraSide === 'either' && options.claimEntities) return entitySwap(a, b, c, options);
  return undefined;
}

/**
 * Two claims that line up word for word but for one name each, in the same place ("signed by
 * Microsoft in Paris", "signed by Oracle in Paris"), with nothing else apart: they name different
 * people, organisations or places where one is meant.
 */
function entitySwap(a: Analysis, b: Analysis, c: Comparison, options: CompareOptions): TextConflict | undefined {
  if (c.extraA.length !== 1 || c.extraB.length !== 1 || c.antonyms.length > 0) return undefined;
  if ((c.negationsA.length + c.negationsB.length) % 2 === 1) return undefined;
  if (conflictingQuantities(c).length > 0 || conflictingDates(c).length > 0) return undefined;
  const x = c.extraA[0]!;
  const y = c.extraB[0]!;
  if (!namesEntity(a.text, x) || !namesEntity(b.text, y)) return undefined;
  const shared = new Set(c.shared.map((it) => it.key));
  if (shared.size < options.minSharedWords) return undefined;
  // The same place: as many shared words before each name.
  const before = (analysis: Analysis, item: Item) => analysis.items.filter((it) => it.start < item.start && it.kind === 'word' && shared.has(it.key)).length;
  if (before(a, x) !== before(b, y)) return undefined;
  const wa = a.text.slice(x.start, x.end);
  const wb = b.text.slice(y.start, y.end);
  return { kind: 'entity', reason: `'${wa}' vs '${wb}'`, expected: wa, actual: wb };
}

/**
 * Whether two texts conflict, and how. Returns undefined unless the texts are aligned (see
 * `alignment`) and differ by a negation, an antonym pair, or a number or date whose intervals cannot
 * overlap. Options and defaults: `minSharedWords` 2, `maxExtraWords` 0, `synsetAntonyms` true, `nounAntonyms` false,
 * `approximateTolerance` 0.1, `extraSide` 'either', `aliases` none.
 */
export function compareTexts(a: string, b: string, options: Partial<CompareOptions> = {}): TextConflict | undefined {
  const settings: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  return compareAnalysedTexts(analyseWith(a, settings), analyseWith(b, settings), settings);
}
