// The text of claims.yaml as one YAML document, with the quirks of YAML and of the library settled
// here: the schema, empty files, several documents, old Mac line endings, the library's errors and
// warnings, and what it throws.
import { parseAllDocuments, type Document } from 'yaml';
import { createMessage, placeAt } from '../messages.js';
import type { Message } from '../types.js';
import { deepPlace, unreadable, yamlErrors, yamlReason } from './yaml-problems.js';

/** A line break made of a lone carriage return, which the YAML reader does not take as one. */
const LONE_CR = /\r(?!\n)/;

export type YamlReading = { doc: Document.Parsed; warnings: Message[] } | { doc?: undefined; errors: Message[] };

/** Parses the text into its one document, or says why it cannot be read as one. */
export function readYamlDocument(text: string, file: string, lineStarts: readonly number[]): YamlReading {
  let docs: Document.Parsed[];
  try {
    // The core schema always (a `%YAML 1.1` directive would otherwise turn dates into timestamps
    // and `yes` into true); logLevel error keeps the library from printing warnings itself.
    docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, schema: 'core', logLevel: 'error' }) as Document.Parsed[];
  } catch (error) {
    return { errors: [unreadable(error, file, deepPlace(text, lineStarts))] };
  }
  if (!Array.isArray(docs)) docs = [docs];
  if (docs.length === 0 || (docs.length === 1 && docs[0]!.contents === null && docs[0]!.errors.length === 0)) {
    return {
      errors: [
        createMessage({
          ruleId: 'empty-file',
          reason: `${file} has no content`,
          file,
          place: placeAt(lineStarts, 0),
          note: 'Start with `version: 1`, then `sources:` and `claims:` (see the README).',
        }),
      ],
    };
  }
  if (docs.length > 1) {
    return {
      errors: [
        createMessage({
          ruleId: 'multiple-documents',
          reason: `${file} holds ${docs.length} YAML documents; factcheck reads exactly one`,
          file,
          place: placeAt(lineStarts, docs[1]!.range[0]),
          note: 'Remove the `---` separators and merge the documents into one.',
        }),
      ],
    };
  }
  const doc = docs[0]!;
  if (doc.errors.length) return { errors: syntaxErrors(doc, text, file, lineStarts) };
  const warnings = doc.warnings.map((warning) =>
    createMessage({ ruleId: 'yaml-warning', severity: 'warning', reason: yamlReason(warning.message), file, place: placeAt(lineStarts, warning.pos[0], warning.pos[1]) }),
  );
  return { doc, warnings };
}

function syntaxErrors(doc: Document.Parsed, text: string, file: string, lineStarts: readonly number[]): Message[] {
  const loneCr = LONE_CR.exec(text);
  // Old Mac line endings make every line one long line: one clear message instead of many.
  if (!loneCr) return yamlErrors(doc, text, file, lineStarts);
  return [
    createMessage({
      ruleId: 'line-endings',
      reason: `${file} ends a line with a lone carriage return (\\r), which YAML does not read as a line break`,
      file,
      place: placeAt(lineStarts, loneCr.index),
      note: 'Save the file with LF (or CRLF) line endings.',
    }),
  ];
}
