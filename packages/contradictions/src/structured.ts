// Structured conflicts: two facts about the same subject and the same single-valued property, with
// overlapping time scopes and different values. Claims are grouped by (subject, property), so only
// claims that could conflict are ever compared.
import { scopesOverlap } from '@factcheck/core';
import type { Claim, ContradictionKind, EntityDecl, PropertyDecl } from '@factcheck/core';
import { analyseWith } from './analyse.js';
import { datesDisjoint } from './dates.js';
import type { DateMention } from './dates.js';
import { disjoint } from './interval.js';
import { DEFAULT_QUANTITY_OPTIONS } from './numbers.js';
import type { Quantity, QuantityOptions } from './numbers.js';
import { plainPunctuation } from './tokens.js';

/** A conflict between two claims (or a claim and its own evidence), before severity is decided. */
export interface PairConflict {
  kind: ContradictionKind;
  /** Claim ids, in claims.yaml order (the same id twice for a claim against its own evidence). */
  claims: [string, string];
  reason: string;
  actual?: string;
  expected?: string;
  evidence?: { source: string; quote: string };
}

export interface StructuredInput {
  claims: readonly Claim[];
  properties: ReadonlyMap<string, PropertyDecl>;
  entities: ReadonlyMap<string, EntityDecl>;
}

/**
 * Normalizes a subject or value for comparison: Unicode compatibility forms, case, quotes,
 * punctuation and runs of whitespace; a leading article ("the former chancellor") is dropped.
 */
export function normalizeValue(value: string): string {
  const known = normalCache.get(value);
  if (known !== undefined) return known;
  const normal = computeNormal(value);
  if (normalCache.size >= 50_000) normalCache.clear();
  normalCache.set(value, normal);
  return normal;
}

// Subjects and values repeat (one subject, many facts): normalize each distinct text once.
const normalCache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

function computeNormal(value: string): string {
  return plainPunctuation(ASCII.test(value) ? value : value.normalize('NFKC'))
    .toLowerCase()
    .replace(/['"`]/g, '')
    .replace(/[^\p{L}\p{N}%$£€.\s]|\.(?!\d)/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an) /, '');
}

/** Every name of every entity (id, name, aliases), normalized, mapped to the entity id. */
export function entityNames(entities: ReadonlyMap<string, EntityDecl>): Map<string, string> {
  const names = new Map<string, string>();
  for (const entity of entities.values()) {
    for (const name of [entity.id, entity.name, ...entity.aliases]) {
      if (name === undefined) continue;
      const key = normalizeValue(name);
      if (key !== '' && !names.has(key)) names.set(key, entity.id);
    }
  }
  return names;
}

/** The key a subject (or an entity-valued value) is grouped by: its entity id, or its normalized text. */
export function subjectKey(subject: string, names: ReadonlyMap<string, string>): string {
  const key = normalizeValue(subject);
  const id = names.get(key);
  return id === undefined ? `text:${key}` : `entity:${id}`;
}

type Reading = { kind: 'quantity'; quantity: Quantity } | { kind: 'date'; date: DateMention } | { kind: 'text'; text: string };

/** A value read as a single quantity, a single date, or else as normalized text (entity names resolved). */
function readValue(value: string, names: ReadonlyMap<string, string>, options: QuantityOptions): Reading {
  const { items } = analyseWith(value, options);
  const only = items.length === 1 ? items[0] : undefined;
  if (only?.quantity && !only.quantity.ordinal) return { kind: 'quantity', quantity: only.quantity };
  if (only?.date) return { kind: 'date', date: only.date };
  return { kind: 'text', text: subjectKey(value, names) };
}

function valuesConflict(a: Reading, b: Reading): boolean {
  if (a.kind === 'quantity' && b.kind === 'quantity') return a.quantity.unit === b.quantity.unit ? disjoint(a.quantity, b.quantity) : true;
  if (a.kind === 'date' && b.kind === 'date') return datesDisjoint(a.date, b.date);
  if (a.kind === 'text' && b.kind === 'text') return a.text !== b.text;
  return true;
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Conflicting facts: same subject (by entity id, name or alias, case-insensitively), same single-valued
 * property, overlapping `when` (absent = always), values that differ after normalization (numbers and
 * dates compared as intervals). Claims without a fact, or with a property not declared single-valued,
 * are skipped. Returns pairs in claims.yaml order.
 */
export function structuredConflicts(input: StructuredInput, options: Partial<QuantityOptions> = {}): PairConflict[] {
  const settings = { ...DEFAULT_QUANTITY_OPTIONS, ...options };
  const names = entityNames(input.entities);
  const groups = new Map<string, Array<{ claim: Claim; reading?: Reading; normal: string }>>();
  for (const claim of input.claims) {
    const fact = claim.fact;
    if (!fact || input.properties.get(fact.property)?.singleValued !== true) continue;
    const key = `${subjectKey(fact.subject, names)}\u0000${fact.property}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ claim, normal: normalizeValue(fact.value) });
  }
  // Values are read (as numbers, dates or names) only when two of them are compared, and each distinct
  // value once: values repeat ("yes", "no", a count).
  const readings = new Map<string, Reading>();
  const readOnce = (value: string) => {
    let known = readings.get(value);
    if (known === undefined) readings.set(value, (known = readValue(value, names, settings)));
    return known;
  };
  const reading = (entry: { claim: Claim; reading?: Reading }) => (entry.reading ??= readOnce(entry.claim.fact!.value));
  const out: PairConflict[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        // Equal text never conflicts; this also keeps large groups of agreeing facts cheap.
        if (a.normal === b.normal) continue;
        const fa = a.claim.fact!;
        const fb = b.claim.fact!;
        if (!scopesOverlap(fa.when, fb.when) || !valuesConflict(reading(a), reading(b))) continue;
        const when = fa.when || fb.when ? ` (when ${fa.when?.text ?? 'always'} vs ${fb.when?.text ?? 'always'})` : '';
        out.push({
          kind: 'structured',
          claims: [a.claim.id, b.claim.id],
          reason: `${fa.property} of ${fa.subject}: '${shorten(fa.value)}' vs '${shorten(fb.value)}'${when}`,
          expected: fa.value,
          actual: fb.value,
        });
      }
    }
  }
  return out;
}
