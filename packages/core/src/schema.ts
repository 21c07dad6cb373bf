// The one source of truth for the shape of claims.yaml: the validator walks it, and the JSON
// Schema that editors use (claims.schema.json) is generated from it.

export interface StringSpec {
  kind: 'string';
  description: string;
  pattern?: string;
  patternHint?: string;
  enum?: readonly string[];
  /** Reject empty and whitespace-only strings. */
  nonBlank?: boolean;
}
export interface NumberSpec {
  kind: 'number';
  description: string;
  minimum?: number;
  maximum?: number;
  integer?: boolean;
}
export interface BooleanSpec {
  kind: 'boolean';
  description: string;
}
export interface ObjectSpec {
  kind: 'object';
  description: string;
  fields: Record<string, FieldSpec>;
  required?: readonly string[];
}
export interface MapSpec {
  kind: 'map';
  description: string;
  keyPattern: string;
  keyHint: string;
  values: Spec;
}
export interface ArraySpec {
  kind: 'array';
  description: string;
  items: Spec;
  minItems?: number;
  maxItems?: number;
}
/** A date, month or year, written as a string (or a bare year number). */
export interface DateSpec {
  kind: 'date';
  description: string;
}
export interface OneOfSpec {
  kind: 'oneOf';
  description: string;
  options: readonly Spec[];
}

export type Spec = StringSpec | NumberSpec | BooleanSpec | ObjectSpec | MapSpec | ArraySpec | DateSpec | OneOfSpec;
export type FieldSpec = Spec;

export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const ID_HINT = 'kebab-case: lower-case letters and digits joined by single hyphens, e.g. parliament-closed-account';

const idString = (description: string): StringSpec => ({
  kind: 'string',
  description,
  pattern: ID_PATTERN,
  patternHint: ID_HINT,
});

const text = (description: string): StringSpec => ({ kind: 'string', description, nonBlank: true });

const percent = (description: string): NumberSpec => ({ kind: 'number', description, minimum: 0, maximum: 100 });

const thresholds: ObjectSpec = {
  kind: 'object',
  description: 'Coverage thresholds in percent; below one, check fails.',
  fields: {
    sentences: percent('Minimum share of sentences covered by passing evidence, 0 to 100.'),
    characters: percent('Minimum share of characters covered by passing evidence, 0 to 100.'),
  },
};

const when: OneOfSpec = {
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
};

const evidence: ObjectSpec = {
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
  },
};

const claim: ObjectSpec = {
  kind: 'object',
  description: 'One assertion, in our own words, with its evidence.',
  required: ['id', 'claim', 'verdict', 'evidence'],
  fields: {
    id: idString('A unique id for the claim.'),
    claim: text('The assertion, in our own words.'),
    verdict: {
      kind: 'string',
      description: 'What the evidence shows about the claim.',
      enum: ['supported', 'refuted', 'disputed', 'unverified'],
    },
    note: text('Why the verdict is what it is; expected for disputed claims.'),
    evidence: { kind: 'array', description: 'Verbatim quotes that back the claim.', items: evidence, minItems: 1 },
    fact: {
      kind: 'object',
      description: 'The claim as a structured fact, so that conflicting claims are found.',
      required: ['subject', 'property', 'value'],
      fields: {
        subject: text('What the fact is about: an entity id, one of its aliases, or a name.'),
        property: text('Which property of the subject; declare single-valued ones under properties.'),
        value: { kind: 'oneOf', description: 'The value.', options: [text('A value.'), { kind: 'number', description: 'A number.' }] },
        when,
      },
    },
    conflicts: {
      kind: 'array',
      description: 'Known, explained disagreements with other claims: reported as info.',
      items: {
        kind: 'object',
        description: 'An acknowledged disagreement.',
        required: ['with', 'reason'],
        fields: {
          with: idString('The id of the other claim.'),
          reason: text('Why both claims stand.'),
        },
      },
    },
  },
};

const source: ObjectSpec = {
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
      items: text('A string or /regular expression/.'),
    },
    coverage: thresholds,
  },
};

export const CLAIMS_SPEC: ObjectSpec = {
  kind: 'object',
  description: 'factcheck claims: assertions tied to verbatim quotes of sources.',
  required: ['version', 'sources', 'claims'],
  fields: {
    version: { kind: 'number', description: 'The format version: 1.', integer: true, minimum: 1, maximum: 1 },
    anchor: {
      kind: 'object',
      description: 'How quotes are re-anchored when a source changes.',
      fields: {
        'min-score': { kind: 'number', description: 'Minimum similarity (0 to 1) of a changed quote; below it the quote is missing. Default 0.75.', minimum: 0, maximum: 1 },
        margin: { kind: 'number', description: 'Candidates closer than this in score are ambiguous. Default 0.05.', minimum: 0, maximum: 1 },
        'ignore-case': { kind: 'boolean', description: 'Fold case when matching changed quotes. Default false.' },
      },
    },
    coverage: thresholds,
    properties: {
      kind: 'map',
      description: 'Fact properties; single-valued ones hold one value per subject at a time.',
      keyPattern: ID_PATTERN,
      keyHint: ID_HINT,
      values: {
        kind: 'object',
        description: 'A property.',
        fields: {
          'single-valued': { kind: 'boolean', description: 'One value per subject at a time (a second is a conflict). Default false.' },
          description: text('What the property means.'),
        },
      },
    },
    entities: {
      kind: 'map',
      description: 'Subjects of facts, with the other names they go by.',
      keyPattern: ID_PATTERN,
      keyHint: ID_HINT,
      values: {
        kind: 'object',
        description: 'An entity.',
        fields: {
          name: text('Its usual name.'),
          aliases: { kind: 'array', description: 'Other names.', items: text('An alias.') },
        },
      },
    },
    sources: { kind: 'map', description: 'The source documents, by id.', keyPattern: ID_PATTERN, keyHint: ID_HINT, values: source },
    claims: { kind: 'array', description: 'The claims.', items: claim },
  },
};

type JsonSchema = Record<string, unknown>;

/** The JSON Schema (draft 2020-12) that editors use to complete and check claims.yaml. */
export function toJsonSchema(spec: Spec = CLAIMS_SPEC, root = true): JsonSchema {
  const base: JsonSchema = root
    ? { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'factcheck claims.yaml' }
    : {};
  return { ...base, ...convert(spec) };
}

const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

function convert(spec: Spec): JsonSchema {
  switch (spec.kind) {
    case 'string':
      return {
        type: 'string',
        description: spec.description,
        ...(spec.enum ? { enum: [...spec.enum] } : {}),
        ...(spec.pattern ? { pattern: spec.pattern } : {}),
        ...(spec.nonBlank ? { minLength: 1, pattern: spec.pattern ?? '\\S' } : {}),
      };
    case 'number':
      return {
        type: spec.integer ? 'integer' : 'number',
        description: spec.description,
        ...(spec.minimum !== undefined ? { minimum: spec.minimum } : {}),
        ...(spec.maximum !== undefined ? { maximum: spec.maximum } : {}),
      };
    case 'boolean':
      return { type: 'boolean', description: spec.description };
    case 'date':
      return {
        description: spec.description,
        anyOf: [
          { type: 'string', pattern: DATE_PATTERN },
          { type: 'integer', minimum: 1, maximum: 9999 },
        ],
      };
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      for (const [name, field] of Object.entries(spec.fields)) properties[name] = convert(field);
      return {
        type: 'object',
        description: spec.description,
        properties,
        ...(spec.required ? { required: [...spec.required] } : {}),
        additionalProperties: false,
      };
    }
    case 'map':
      return {
        type: 'object',
        description: spec.description,
        propertyNames: { pattern: spec.keyPattern },
        additionalProperties: convert(spec.values),
      };
    case 'array':
      return {
        type: 'array',
        description: spec.description,
        items: convert(spec.items),
        ...(spec.minItems !== undefined ? { minItems: spec.minItems } : {}),
        ...(spec.maxItems !== undefined ? { maxItems: spec.maxItems } : {}),
      };
    case 'oneOf':
      return { description: spec.description, anyOf: spec.options.map(convert) };
  }
}
