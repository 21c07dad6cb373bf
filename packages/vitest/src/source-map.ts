// The source map of the generated test module: it maps line by line back to claims.yaml, so that
// a failing claim's stack frame and code frame point at its YAML.
import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';

/** One entry per generated line: the 0-based line and column in the source, or null for no mapping. */
export type LineMapping = { line: number; column: number } | null;

export function buildSourceMap(file: string, sourceText: string, lines: readonly LineMapping[]): string {
  // A mapped line has one segment: from its first column to the line and column in source 0.
  const mappings = lines.map((mapping): SourceMapSegment[] => (mapping ? [[0, 0, mapping.line, mapping.column]] : []));
  return JSON.stringify({ version: 3, file, sources: [file], sourcesContent: [sourceText], names: [], mappings: encode(mappings) });
}
