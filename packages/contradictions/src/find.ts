// findContradictions: every rule over a set of claims, then severity, acknowledgements and
// de-duplication. Text rules compare only claims whose content-word sets nearly coincide (found
// through an inverted index of word-set fingerprints); structured facts are grouped by subject and
// property.
import type { Claim, Contradiction, ContradictionKind, EntityDecl, PropertyDecl, Severity } from '@factcheck/core';
import { analyseWith } from './analyse.js';
import type { AliasTable, Analysis } from './analyse.js';
import { compareAnalysedTexts, DEFAULT_COMPARE_OPTIONS } from './compare.js';
import type { CompareOptions } from './compare.js';
import { DEFAULT_EVIDENCE_RULE_OPTIONS, evidenceConflictsOf, namesEntity } from './evidence.js';
import type { EvidenceRuleOptions } from './evidence.js';
import { structuredConflicts } from './structured.js';
import type { PairConflict } from './structured.js';
import { candidatePairsIn, mayAlign, WordSetTable } from './candidates.js';
import type { AlignBounds } from './candidates.js';
import { antonymsOf, areAntonyms, isIrregular, mayHaveAntonyms } from './lexicon.js';
import type { AntonymFilter } from './lexicon.js';
import { plainPunctuation } from './tokens.js';

export interface ContradictionOptions extends Omit<CompareOptions, 'extraSide' | 'aliases'> {
  /** Rule kinds to run. Default: all seven. */
  kinds: readonly ContradictionKind[];
  /** Also compare each claim with its own evidence quotes. Default true. */
  checkEvidence: boolean;
  /**
   * Also line each claim up with the best-matching window of its quotes, so that a paraphrase is
   * compared too (numbers, dates, names and roles, negation, opposites), and report the numbers, dates
   * and names of a claim that no quote mentions (`unsupported`). Default true.
   */
  paraphrase: boolean;
  /**
   * Words an evidence quote (one sentence or clause of it) may carry beyond its claim; every word of
   * the claim must still line up. Quotes are longer than the claims drawn from them. Default 3.
   */
  evidenceExtraWords: number;
  /**
   * When more claims than this share one content-word set (give or take the words alignment allows),
   * they are not compared with one another: such sets carry too little information to align on, and
   * comparing them all would be quadratic. Default 1000.
   */
  maxPostings: number;
}

export const DEFAULT_CONTRADICTION_OPTIONS: ContradictionOptions = {
  ...(({ extraSide: _extraSide, ...rest }) => rest)(DEFAULT_COMPARE_OPTIONS),
  kinds: ['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported'],
  checkEvidence: true,
  paraphrase: true,
  evidenceExtraWords: 3,
  maxPostings: 1000,
};

export interface FindInput {
  claims: readonly Claim[];
  properties: ReadonlyMap<string, PropertyDecl>;
  entities: ReadonlyMap<string, EntityDecl>;
}

const SENTENCE_BREAK = /(?<=[.!?])\s+|;\s*|:\s+|\s+[-–—]\s+/;
const CLAUSE_BREAK = /,\s*(?:and|but|while|whereas|although|though)\s+|\s+but\s+|,\s*however,?\s*/i;
/** Whether a quote has any of those breaks at all (most have none, and need no splitting). */
const ANY_BREAK = /[.!?]\s|;|:\s|\s[-–—]\s|,\s*(?:and|but|while|whereas|although|though)\s|\sbut\s|,\s*however/i;

/** Sentences and clauses of a quote: each is compared with the claim on its own. */
export function quoteSegments(quote: string): string[] {
  const whole = quote.trim();
  if (!ANY_BREAK.test(whole)) return whole === '' ? [] : [whole];
  const sentences = whole.split(SENTENCE_BREAK).map((s) => s.trim()).filter((s) => s !== '');
  const clauses = sentences.flatMap((s) => s.split(CLAUSE_BREAK));
  return [...new Set([whole, ...sentences, ...clauses].filter((s) => s !== ''))];
}

/** What every form of a stemmed word starts with: the stem, less a final "y" (company, companies). */
const stemPrefix = (key: string) => (key.length >= 3 && key.endsWith('y') ? key.slice(0, -1) : key);

/**
 * What a quote must write exactly as its claim does for the two not to conflict by negation, number
 * or date: negation cues, each with the word after it (which decides whether it negates: "not
 * only"), and the numerals, number words, month names and signs that numbers and dates are made of.
 * The alternatives that start a word share one \b, which the engine then tests once per position.
 */
const SIGNATURE =
  /\b(?:(?:not|never|no|none|nor|neither|nobody|nothing|nowhere|without|cannot|den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing))\b(?:\s+[a-z]+)?|\d+(?:[.,]\d+)*(?:bn|m|k|st|nd|rd|th)?%?|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|dozen|hundred|thousand|million|billion|trillion|bn|percent|cent|first|second|third|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf|hundred|thousand|million)th|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)|n't\b(?:\s+[a-z]+)?|[$£€%]/g;

/** The cues, numbers and dates of a text (lower-cased, quotes made plain) as written, in order. */
const signature = (text: string) => (text.match(SIGNATURE) ?? []).join(' ');

/**
 * A claim checked against the segments of its own quotes. What the checks need of the claim (its
 * signature) is computed once, and only when some segment gets that far.
 */
class QuoteCheck {
  private claimSignature: string | undefined;

  constructor(
    private readonly claim: Analysis,
    /** The antonyms of a word that the options accept. */
    private readonly antonymsOf: (word: string) => readonly string[],
  ) {}

  /**
   * A cheap, sound test before analysing a quote segment against the claim. The claim must line up
   * word for word but for one antonym, so at most one of its word stems may be absent from the
   * segment. And a conflict needs a difference the rules read: negation cues written differently,
   * numbers or dates written differently (the same numbers in the same order always overlap, whatever
   * their comparators), or a word of the claim whose antonym appears in the segment.
   */
  mayConflict(segment: string): boolean {
    const text = plainPunctuation(segment).toLowerCase();
    let missing = 0;
    for (const it of this.claim.items) {
      if (it.kind !== 'word' || it.key.startsWith('@') || text.includes(stemPrefix(it.key)) || text.includes(it.word)) continue;
      // Irregular forms share no prefix with their lemma (people, person): count them as present.
      if (isIrregular(it.key) || isIrregular(it.word)) continue;
      if (++missing > 1) return false;
    }
    // The same cues in the same order negate alike; the same numbers in the same order always overlap,
    // whatever their comparators ("more than 5" and "under 5" share 5).
    this.claimSignature ??= signature(plainPunctuation(this.claim.text).toLowerCase());
    if (signature(text) !== this.claimSignature) return true;
    for (const it of this.claim.items) {
      if (it.kind === 'word' && this.antonymsOf(it.word).some((other) => text.includes(other))) return true;
    }
    return false;
  }

  /**
   * Whether a quote segment holds every word of the claim, writes its negation cues, numbers and
   * dates the same way, and holds no antonym of a claim word: then no rule under local alignment can
   * fire either (every name, number and date is mentioned; nothing is opposed or negated apart).
   */
  covers(segment: string): boolean {
    const text = plainPunctuation(segment).toLowerCase();
    for (const it of this.claim.items) {
      if (it.kind !== 'word' || text.includes(stemPrefix(it.key)) || text.includes(it.word)) continue;
      return false;
    }
    this.claimSignature ??= signature(plainPunctuation(this.claim.text).toLowerCase());
    if (signature(text) !== this.claimSignature) return false;
    return !this.claim.items.some((it) => it.kind === 'word' && this.antonymsOf(it.word).some((other) => text.includes(other)));
  }
}

/**
 * Entity ids, names and aliases as the alias table of the text rules. Phrases are matched token by
 * token, so "TikTok’s parent company" and "elizabeth-kanter" (as "Elizabeth Kanter") are found in text.
 */
function aliasTable(entities: ReadonlyMap<string, EntityDecl>): AliasTable {
  const table = new Map<string, string>();
  for (const entity of entities.values()) {
    for (const name of [entity.id, entity.name, ...entity.aliases]) {
      if (name !== undefined && name.trim() !== '' && !table.has(name.toLowerCase())) table.set(name.toLowerCase(), entity.id);
    }
  }
  return table;
}

const NO_ANTONYMS: readonly string[] = [];

const KIND_ORDER: readonly ContradictionKind[] = ['structured', 'numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported'];

/** Text conflicts between claims, and between each claim and its own evidence. */
function textConflicts(claims: readonly Claim[], options: ContradictionOptions, aliases: AliasTable): PairConflict[] {
  const kinds = new Set(options.kinds);
  const compare: CompareOptions = { ...options, aliases, extraSide: 'either' };
  const againstQuote: CompareOptions = { ...compare, extraSide: 'b', maxExtraWords: options.evidenceExtraWords };
  const filter: AntonymFilter = { synset: options.synsetAntonyms, nouns: options.nounAntonyms, indirect: options.indirectAntonyms };
  const looseKinds: readonly ContradictionKind[] = ['numeric', 'date', 'negation', 'antonym', 'entity', 'unsupported'];
  const evidenceRules: EvidenceRuleOptions = { ...DEFAULT_EVIDENCE_RULE_OPTIONS, aliases, approximateTolerance: options.approximateTolerance, antonyms: filter };
  const acceptedAntonyms = new Map<string, readonly string[]>();
  const antonymsOfWord = (word: string): readonly string[] => {
    // Most words have none, which the lexicon tells without a map lookup.
    if (!mayHaveAntonyms(word)) return NO_ANTONYMS;
    let known = acceptedAntonyms.get(word);
    if (known === undefined) acceptedAntonyms.set(word, (known = antonymsOf(word, filter)));
    return known;
  };
  const out: PairConflict[] = [];
  // One pass: analyse each claim, check it against its own evidence while the analysis is at hand, and
  // keep only what the search needs of its word set, in a flat table. Claims are analysed again only if
  // a candidate pair needs them: holding every analysis would cost far more memory than it saves.
  const wordSets = new WordSetTable();
  /** Words written as names in some claim (lower case). */
  const names = new Set<string>();
  for (const claim of claims) {
    const analysis = analyseWith(claim.claim, compare);
    const pivots = analysis.words.map(() => false);
    for (const it of analysis.items) {
      if (it.kind !== 'word') continue;
      // A name may stand where another claim has another name: it is looked up left out, like an antonym.
      const name = options.claimEntities && kinds.has('entity') && namesEntity(analysis.text, it);
      if (name) names.add(it.word);
      if (name || antonymsOfWord(it.word).length > 0) pivots[analysis.words.indexOf(it.key)] = true;
    }
    wordSets.add({ words: analysis.words, surfaces: analysis.surfaces, pivots, negations: analysis.negations, slots: analysis.slots });
    if (!options.checkEvidence || claim.verdict === 'refuted' || claim.evidence.length === 0) continue;
    const check = new QuoteCheck(analysis, antonymsOfWord);
    // A quote cited against the claim is meant to contradict it.
    const backing = claim.evidence.filter((evidence) => evidence.stance !== 'against');
    let covered = false;
    for (const evidence of backing) {
      for (const segment of quoteSegments(evidence.quote)) {
        if (!covered && check.covers(segment)) covered = true;
        if (!check.mayConflict(segment)) continue;
        const found = compareAnalysedTexts(analysis, analyseWith(segment, againstQuote), againstQuote);
        if (found && kinds.has(found.kind)) {
          out.push({ ...found, claims: [claim.id, claim.id], evidence: { source: evidence.source, quote: evidence.quote } });
          break;
        }
      }
    }
    // Paraphrase: the claim lined up with the best window of its quotes, and its unsupported details.
    if (options.paraphrase && !covered && backing.length > 0 && looseKinds.some((k) => kinds.has(k))) {
      for (const found of evidenceConflictsOf(analysis, backing.map((e) => e.quote), evidenceRules)) {
        if (!kinds.has(found.kind)) continue;
        // An unsupported detail is in no quote: it is reported at the first, and acknowledged by naming it.
        const quoted = backing[found.quote ?? 0]!;
        out.push({ kind: found.kind, reason: found.reason, claims: [claim.id, claim.id], evidence: { source: quoted.source, quote: quoted.quote } });
      }
    }
  }
  // One text of an aligned pair lacks at most one word of the other (an antonym); the other lacks
  // that word and the extras allowed (or the affirmative extras of a negation).
  const antonymAndExtras = 1 + options.maxExtraWords;
  const depths = { insert: 1, probe: antonymAndExtras, negated: options.affirmativeExtraWords };
  const bounds: AlignBounds = {
    antonymAndExtras,
    affirmativeExtras: options.affirmativeExtraWords,
    minShared: options.minSharedWords,
    antonyms: (x, y) => areAntonyms(x, y, filter) || (names.has(x) && names.has(y)),
  };
  const pairs = candidatePairsIn(wordSets, depths, { minWords: options.minSharedWords, maxPostings: options.maxPostings });
  // A claim is analysed again once, however many pairs it is in, and dropped after its last pair:
  // analyses that die young cost the garbage collector little.
  const pairsLeft = new Int32Array(claims.length);
  for (const [i, j] of pairs) {
    pairsLeft[i]!++;
    pairsLeft[j]!++;
  }
  const kept = new Map<number, Analysis>();
  const analysisOf = (i: number) => {
    let analysis = kept.get(i);
    if (!analysis) kept.set(i, (analysis = analyseWith(claims[i]!.claim, compare)));
    if (--pairsLeft[i]! === 0) kept.delete(i);
    return analysis;
  };
  for (const [i, j] of pairs) {
    // The table keeps no words, so the cheap test reads them from the analyses: nearly every candidate
    // passes it, and is then compared in full anyway.
    const a = analysisOf(i);
    const b = analysisOf(j);
    if (!mayAlign(a, b, bounds)) continue;
    const found = compareAnalysedTexts(a, b, compare);
    if (found && kinds.has(found.kind)) out.push({ ...found, claims: [claims[i]!.id, claims[j]!.id] });
  }
  return out;
}

/** Severity from the verdicts; undefined when the pair is expected (a refuted claim is meant to contradict). */
function severityOf(a: Claim, b: Claim, kind: ContradictionKind): Severity | undefined {
  if (a.verdict === 'refuted' || b.verdict === 'refuted') return undefined;
  // A detail no quote mentions is for the fact-checker to see, not a conflict: never an error.
  if (kind === 'unsupported') return 'warning';
  return a.verdict === 'supported' && b.verdict === 'supported' ? 'error' : 'warning';
}

/** The `conflicts:` entry on either claim that names the other (a claim may name itself for its own evidence). */
/**
 * The reason a `conflicts:` entry gives for the finding, if any: `{with: id}` on either claim of a
 * pair, or, for a claim against one of its own quotes, `{evidence: N}` naming that quote.
 */
function acknowledgement(a: Claim, b: Claim, evidence: { source: string; quote: string } | undefined): string | undefined {
  if (a === b && evidence) {
    const names = (n: number | undefined) => n !== undefined && a.evidence[n]?.source === evidence.source && a.evidence[n]?.quote === evidence.quote;
    return a.conflicts.find((c) => names(c.evidence))?.reason;
  }
  return (a.conflicts.find((c) => c.with === b.id) ?? b.conflicts.find((c) => c.with === a.id))?.reason;
}

/**
 * Runs every rule (structured facts; numbers, dates, negation and antonyms between claims and between
 * each claim and its own evidence), then decides severity:
 * - a pair involving a `refuted` claim is expected and dropped;
 * - a `conflicts: [{with, reason}]` entry on either claim (or `{evidence: N, reason}` naming the quote a
 *   claim contradicts) makes it `info`, with `acknowledged` set;
 * - otherwise two `supported` claims give `error`, and a `disputed` or `unverified` one gives `warning`
 *   (a claim against its own evidence: `error` when supported, `warning` otherwise).
 * One finding per pair and kind; sorted by the claims' order in the input, then by kind.
 * Options: see `ContradictionOptions` (defaults in `DEFAULT_CONTRADICTION_OPTIONS`).
 */
export function findContradictions(input: FindInput, options: Partial<ContradictionOptions> = {}): Contradiction[] {
  const settings: ContradictionOptions = { ...DEFAULT_CONTRADICTION_OPTIONS, ...options };
  const order = new Map<string, number>();
  input.claims.forEach((c, i) => order.set(c.id, i));
  // Concatenated, not spread: a spread of a very long list overflows the call stack.
  let raw: PairConflict[] = [];
  if (settings.kinds.includes('structured')) raw = raw.concat(structuredConflicts(input, settings));
  if (settings.kinds.some((k) => k !== 'structured')) raw = raw.concat(textConflicts(input.claims, settings, aliasTable(input.entities)));

  // A finding's rank (the claims' order, then the kind) is one number, which also keys it: one finding
  // per pair and kind.
  const claimCount = input.claims.length;
  const found = new Map<number, Contradiction>();
  for (const conflict of raw) {
    const x = order.get(conflict.claims[0])!;
    const y = order.get(conflict.claims[1])!;
    const first = Math.min(x, y);
    const second = Math.max(x, y);
    const a = input.claims[first]!;
    const b = input.claims[second]!;
    const severity = severityOf(a, b, conflict.kind);
    if (severity === undefined) continue;
    const rank = (first * claimCount + second) * KIND_ORDER.length + KIND_ORDER.indexOf(conflict.kind);
    if (found.has(rank)) continue;
    const acknowledged = acknowledgement(a, b, conflict.evidence);
    const finding: Contradiction = {
      claims: [a.id, b.id],
      kind: conflict.kind,
      severity: acknowledged === undefined ? severity : 'info',
      reason: conflict.reason,
    };
    if (conflict.evidence) finding.evidence = conflict.evidence;
    if (acknowledged !== undefined) finding.acknowledged = acknowledged;
    found.set(rank, finding);
  }
  // A typed array sorts numbers in numeric order without a comparator.
  return Array.from(Float64Array.from(found.keys()).sort(), (rank) => found.get(rank)!);
}
