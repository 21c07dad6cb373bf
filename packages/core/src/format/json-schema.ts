// The JSON Schema (draft 2020-12) of claims.yaml, generated from the spec: editors that speak the
// YAML language server complete and check the file through it. `pnpm --filter @factcheck/core
// schema` writes it to claims.schema.json; a test fails when the two disagree.
import { CLAIMS_SPEC, type Spec } from './spec.js';

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
        ...(spec.exactlyOne ? { oneOf: spec.exactlyOne.map((name) => ({ required: [name] })) } : {}),
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
