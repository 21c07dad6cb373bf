// The one declaration of the claims.yaml format. Everything else about the format comes from it:
// - the TypeScript types of the document, inferred from this `as const` value (infer.ts);
// - the validation, which reads the YAML nodes into those typed values in the same walk and
//   reports every problem at its line:col (read-node.ts);
// - the JSON Schema that editors use (json-schema.ts, written to claims.schema.json).
//
// Why a small spec of our own rather than a schema library (zod 4, valibot, TypeBox): those
// validate JavaScript values, so the YAML would first be turned into plain data (expanding every
// *alias before any budget could stop a bomb), and each problem found would then have to be
// traced back from its path to a YAML node for its line:col, which breaks as soon as the path
// runs through an alias. Their messages are generic ("Invalid input" for a value that fits no
// option of a union, "expected string, received undefined" for a missing field, at the field
// rather than at the mapping that lacks it), so every message would be rewritten in an error map
// anyway to keep "did you mean", the received value and the note that says how to fix it; and the
// checks of our own (blank text, lone surrogates, real dates, exclude patterns that could run
// for ever) would be refinements outside the declaration. A spec of eight kinds walked over the
// YAML nodes keeps all of that, generates the same JSON Schema, and adds no dependency (zod 4 is
// 8 MB installed).
import { readExcludePattern, type TextReading } from './exclude-pattern.js';

export interface StringSpec {
  readonly kind: 'string';
  readonly description: string;
  readonly pattern?: string;
  readonly patternHint?: string;
  readonly enum?: readonly string[];
  /** Reject empty and whitespace-only strings. */
  readonly nonBlank?: boolean;
  /** Turns a valid string into the value it stands for; a problem is reported at the string. */
  readonly read?: (text: string) => TextReading<unknown>;
}
export interface NumberSpec {
  readonly kind: 'number';
  readonly description: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly integer?: boolean;
}
export interface BooleanSpec {
  readonly kind: 'boolean';
  readonly description: string;
}
export interface ObjectSpec {
  readonly kind: 'object';
  readonly description: string;
  readonly fields: Readonly<Record<string, Spec>>;
  readonly required?: readonly string[];
  /** Fields of which exactly one must be given. */
  readonly exactlyOne?: readonly string[];
}
export interface MapSpec {
  readonly kind: 'map';
  readonly description: string;
  readonly keyPattern: string;
  readonly keyHint: string;
  readonly values: Spec;
}
/** A list; one whose minItems and maxItems agree is a tuple, whose items mean something only together. */
export interface ArraySpec {
  readonly kind: 'array';
  readonly description: string;
  readonly items: Spec;
  readonly minItems?: number;
  readonly maxItems?: number;
}
/** A date, month or year, written as a string (or a bare year number); read as a TimeScope. */
export interface DateSpec {
  readonly kind: 'date';
  readonly description: string;
}
/** One of several shapes; the node's YAML shape picks the option. */
export interface OneOfSpec {
  readonly kind: 'oneOf';
  readonly description: string;
  readonly options: readonly Spec[];
}

export type Spec = StringSpec | NumberSpec | BooleanSpec | ObjectSpec | MapSpec | ArraySpec | DateSpec | OneOfSpec;

export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const ID_HINT = 'kebab-case: lower-case letters and digits joined by single hyphens, e.g. parliament-closed-account';

const idString = (description: string) => ({ kind: 'string', description, pattern: ID_PATTERN, patternHint: ID_HINT }) as const;

const text = (description: string) => ({ kind: 'string', description, nonBlank: true }) as const;

const percent = (description: string) => ({ kind: 'number', description, minimum: 0, maximum: 100 }) as const;

export const THRESHOLDS_SPEC = {
  kind: 'object',
  description: 'Coverage thresholds in percent; below one, check fails.',
  fields: {
    sentences: percent('Minimum share of sentences covered by passing evidence, 0 to 100.'),
    characters: percent('Minimum share of characters covered by passing evidence, 0 to 100.'),
  },
} as const satisfies ObjectSpec;

const when = {
  kind: 'oneOf',
  description: 'When the fact holds: a date (YYYY-MM-DD), a month (YYYY-MM), a year (YYYY), or {from, to}.',
  options: [
    { kind: 'date', description: 'A date, month or year.' },
    {
      kind: 'object',
      description: 'An inclusive range; either end may be left open.',
      fields: {
        from: { kind: 'date', description: 'First date, month or year of the range.' },
        to: { kind: 'date', description: 'Last date, month or year of the range.' },
      },
    },
  ],
} as const satisfies OneOfSpec;

export const HISTORY_ENTRY_SPEC = {
  kind: 'object',
  description: 'One accepted change.',
  required: ['date', 'was'],
  fields: {
    date: {
      kind: 'string',
      description: 'When the change was accepted: YYYY-MM-DD (UTC).',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      patternHint: 'a date written YYYY-MM-DD, e.g. 2026-12-04',
    },
    was: text('The words the source used before the change.'),
  },
} as const satisfies ObjectSpec;

export const EVIDENCE_SPEC = {
  kind: 'object',
  description: 'A verbatim quote from a source that backs the claim.',
  required: ['source', 'quote'],
  fields: {
    source: idString('The id of a source declared under sources.'),
    quote: text('The exact words of the source.'),
    span: {
      kind: 'array',
      description: 'Where the quote stands: half-open [start, end) in Unicode code points. `factcheck update` writes it.',
      items: { kind: 'number', description: 'A code point offset.', integer: true, minimum: 0 },
      minItems: 2,
      maxItems: 2,
    },
    prefix: { kind: 'string', description: 'Text just before the quote, to tell identical quotes apart.' },
    suffix: { kind: 'string', description: 'Text just after the quote, to tell identical quotes apart.' },
    stance: {
      kind: 'string',
      description: 'Whether the quote backs the claim (for) or speaks against it (against). Default for, except in a refuted claim, whose evidence is against by default. A disputed claim cites evidence on both sides.',
      enum: ['for', 'against'],
    },
    history: {
      kind: 'array',
      description: 'Accepted changes of the quote, oldest first. `factcheck update --accept` appends one each time it takes new words.',
      items: HISTORY_ENTRY_SPEC,
    },
  },
} as const satisfies ObjectSpec;

export const FACT_SPEC = {
  kind: 'object',
  description: 'The claim as a structured fact, so that conflicting claims are found.',
  required: ['subject', 'property', 'value'],
  fields: {
    subject: text('What the fact is about: an entity id, one of its aliases, or a name.'),
    property: text('Which property of the subject; declare single-valued ones under properties.'),
    value: { kind: 'oneOf', description: 'The value.', options: [text('A value.'), { kind: 'number', description: 'A number.' }] },
    when,
  },
} as const satisfies ObjectSpec;

export const CONFLICT_SPEC = {
  kind: 'object',
  description: 'An acknowledged disagreement: with another claim (`with`), or with one of this claim\'s own quotes (`evidence`).',
  required: ['reason'],
  exactlyOne: ['with', 'evidence'],
  fields: {
    with: idString('The id of the other claim.'),
    evidence: { kind: 'number', description: 'The position of one of this claim\'s evidence items, counting from 0, whose quote the claim contradicts.', integer: true, minimum: 0 },
    reason: text('Why both stand.'),
  },
} as const satisfies ObjectSpec;

export const CLAIM_SPEC = {
  kind: 'object',
  description: 'One assertion, in our own words, with its evidence.',
  required: ['id', 'claim', 'verdict', 'evidence'],
  fields: {
    id: idString('A unique id for the claim.'),
    claim: text('The assertion, in our own words.'),
    verdict: {
      kind: 'string',
      description:
        'What the evidence shows about the claim. supported: the cited evidence states the claim, with the same attribution. refuted: the cited evidence contradicts it. disputed: the cited sources disagree, and evidence on both sides is cited. unverified: the sources do not settle it.',
      enum: ['supported', 'refuted', 'disputed', 'unverified'],
    },
    note: text('Why the verdict is what it is; expected for disputed claims.'),
    evidence: { kind: 'array', description: 'Verbatim quotes that back the claim (stance for) or speak against it (stance against).', items: EVIDENCE_SPEC, minItems: 1 },
    fact: FACT_SPEC,
    conflicts: {
      kind: 'array',
      description: 'Known, explained disagreements with other claims or with the claim\'s own quotes: reported as info.',
      items: CONFLICT_SPEC,
    },
  },
} as const satisfies ObjectSpec;

export const SOURCE_SPEC = {
  kind: 'object',
  description: 'A source document.',
  required: ['path'],
  fields: {
    path: text('The file, relative to claims.yaml; it must stay inside the workspace.'),
    title: text('The title of the document.'),
    publisher: text('Who published it.'),
    url: { kind: 'string', description: 'Where it was published (http or https).', pattern: '^https?://', patternHint: 'an http:// or https:// URL' },
    published: { kind: 'date', description: 'When it was published: YYYY-MM-DD, YYYY-MM or YYYY.' },
    sha256: {
      kind: 'string',
      description: 'SHA-256 of the file as last checked; `factcheck update` writes it. An unchanged source skips anchoring.',
      pattern: '^[0-9a-f]{64}$',
      patternHint: '64 lower-case hexadecimal digits',
    },
    exclude: {
      kind: 'array',
      description: 'Boilerplate left out of coverage: plain strings match literally, /pattern/flags are regular expressions.',
      items: { ...text('A string or /regular expression/.'), read: readExcludePattern },
    },
    coverage: THRESHOLDS_SPEC,
  },
} as const satisfies ObjectSpec;

export const PROPERTY_SPEC = {
  kind: 'object',
  description: 'A property.',
  fields: {
    'single-valued': { kind: 'boolean', description: 'One value per subject at a time (a second is a conflict). Default false.' },
    description: text('What the property means.'),
  },
} as const satisfies ObjectSpec;

export const ENTITY_SPEC = {
  kind: 'object',
  description: 'An entity.',
  fields: {
    name: text('Its usual name.'),
    aliases: { kind: 'array', description: 'Other names.', items: text('An alias.') },
  },
} as const satisfies ObjectSpec;

export const ANCHOR_SPEC = {
  kind: 'object',
  description: 'How quotes are re-anchored when a source changes.',
  fields: {
    'min-score': { kind: 'number', description: 'Minimum similarity (0 to 1) of a changed quote; below it the quote is missing. Default 0.75.', minimum: 0, maximum: 1 },
    margin: { kind: 'number', description: 'Candidates closer than this in score are ambiguous. Default 0.05.', minimum: 0, maximum: 1 },
    'ignore-case': { kind: 'boolean', description: 'Fold case when matching changed quotes. Default false.' },
    moved: {
      kind: 'string',
      description: 'How a quote found verbatim away from its span is reported: warning (the claim passes; `factcheck update` pins it) or error (the claim fails). Default warning.',
      enum: ['warning', 'error'],
    },
  },
} as const satisfies ObjectSpec;

const minCount = (description: string) => ({ kind: 'number', description, integer: true, minimum: 1 }) as const;

export const VERDICTS_SPEC = {
  kind: 'object',
  description: 'Editorial policy for verdicts: a claim that falls short of it gets a warning (too-few-sources). Default off.',
  fields: {
    supported: {
      kind: 'object',
      description: 'What a supported claim needs among its evidence for it (stance for).',
      fields: {
        'min-sources': minCount('At least this many distinct sources.'),
        'min-publishers': minCount('At least this many distinct publishers (a source without a publisher counts as its own).'),
      },
    },
  },
} as const satisfies ObjectSpec;

const kindSwitch = (what: string) => ({ kind: 'boolean', description: `${what} Default true.` }) as const;

export const CONTRADICTIONS_SPEC = {
  kind: 'object',
  description: 'Which contradiction kinds are reported: set a kind to false to switch it off.',
  fields: {
    structured: kindSwitch('Facts giving different values of a single-valued property.'),
    numeric: kindSwitch('Aligned texts giving quantities that cannot both hold.'),
    date: kindSwitch('Aligned texts giving dates that share no day.'),
    negation: kindSwitch('Aligned texts differing by a negation.'),
    antonym: kindSwitch('Aligned texts differing by opposite words.'),
    entity: kindSwitch('Aligned texts naming a different person, organisation, place or role.'),
    unsupported: kindSwitch('A number, date or name of a claim that none of its quotes mentions (a warning).'),
  },
} as const satisfies ObjectSpec;

export const CLAIMS_SPEC = {
  kind: 'object',
  description: 'factcheck claims: assertions tied to verbatim quotes of sources.',
  required: ['version', 'sources', 'claims'],
  fields: {
    version: { kind: 'number', description: 'The format version: 1.', integer: true, minimum: 1, maximum: 1 },
    anchor: ANCHOR_SPEC,
    coverage: THRESHOLDS_SPEC,
    verdicts: VERDICTS_SPEC,
    contradictions: CONTRADICTIONS_SPEC,
    properties: {
      kind: 'map',
      description: 'Fact properties; single-valued ones hold one value per subject at a time.',
      keyPattern: ID_PATTERN,
      keyHint: ID_HINT,
      values: PROPERTY_SPEC,
    },
    entities: {
      kind: 'map',
      description: 'Subjects of facts, with the other names they go by.',
      keyPattern: ID_PATTERN,
      keyHint: ID_HINT,
      values: ENTITY_SPEC,
    },
    include: {
      kind: 'array',
      description:
        'More claims files, as globs relative to the folder of claims.yaml (`*` and `?` within a name, `**` for any folders): each holds `claims:` and may hold `sources:`.',
      items: text('A path or glob, such as claims/**/*.yaml.'),
    },
    sources: { kind: 'map', description: 'The source documents, by id.', keyPattern: ID_PATTERN, keyHint: ID_HINT, values: SOURCE_SPEC },
    claims: { kind: 'array', description: 'The claims.', items: CLAIM_SPEC },
  },
} as const satisfies ObjectSpec;

/**
 * A file that claims.yaml includes: claims, and the sources they cite (ids unique across every
 * file). The settings (anchor, coverage, verdicts…) are those of claims.yaml.
 */
export const INCLUDED_SPEC = {
  kind: 'object',
  description: 'A claims file included by claims.yaml: claims, and sources of its own.',
  required: ['claims'],
  fields: {
    version: CLAIMS_SPEC.fields.version,
    // Read so that it is reported once, as include-nested (parse-claims.ts), not as an unknown key.
    include: CLAIMS_SPEC.fields.include,
    sources: CLAIMS_SPEC.fields.sources,
    claims: CLAIMS_SPEC.fields.claims,
  },
} as const satisfies ObjectSpec;
