// A minimal source map writer: the generated test module maps line by line back to claims.yaml,
// so that a failing claim's stack frame and code frame point at its YAML.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeVlq(value: number): string {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    out += BASE64[digit];
  } while (vlq > 0);
  return out;
}

/** One entry per generated line: the 0-based line and column in the source, or null for no mapping. */
export type LineMapping = { line: number; column: number } | null;

export function buildSourceMap(file: string, sourceText: string, lines: readonly LineMapping[]): string {
  let previousLine = 0;
  let previousColumn = 0;
  const segments = lines.map((mapping) => {
    if (!mapping) return '';
    const segment = encodeVlq(0) + encodeVlq(0) + encodeVlq(mapping.line - previousLine) + encodeVlq(mapping.column - previousColumn);
    previousLine = mapping.line;
    previousColumn = mapping.column;
    return segment;
  });
  return JSON.stringify({ version: 3, file, sources: [file], sourcesContent: [sourceText], names: [], mappings: segments.join(';') });
}
