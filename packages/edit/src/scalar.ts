import { parse, stringify } from 'yaml';

// Why not the yaml library's CST (CST.setScalarValue, CST.stringify)? Compared on the same edits,
// it writes a string such as `123`, `true` or an all-digit sha256 as a plain scalar (which reads
// back as a number or a boolean), breaks a value with a line break over several lines with LF
// endings (in a CRLF file too), and rewrites a block scalar as a block; and its edits are slower
// than splicing. Here each value is written by the library's stringifier, on one line, in the
// node's own style when that style reads back as the same string.

/** How a string scalar is written in YAML (block scalars are never written: see stringScalar). */
export type ScalarStyle = 'plain' | 'single' | 'double';

export interface ScalarContext {
  /** Inside a flow collection ([…] or {…}), where `,[]{}` end a plain scalar. */
  inFlow: boolean;
}

/** The yaml library's string options that keep a scalar on one line and unfolded, whatever its length. */
const ONE_LINE = { lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/;

/**
 * A string as a YAML double-quoted scalar on one line. The yaml library writes it (escaping
 * quotes, backslashes, line breaks and non-printable characters); a line break in the result
 * would depend on the surrounding indentation, so the library's folding is turned off.
 */
export function doubleQuoted(value: string): string {
  const text = stringify(value, { ...ONE_LINE, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: null }).replace(/\n$/, '');
  // JSON text is valid YAML double-quoted text; it is the fallback should the library ever fold.
  return /[\n\r]/.test(text) || !text.startsWith('"') ? JSON.stringify(value) : text;
}

/** A string as a single-quoted scalar, or undefined when single quotes cannot hold it on one line. */
export function singleQuoted(value: string): string | undefined {
  if (LINE_BREAK.test(value)) return undefined;
  const text = stringify(value, { ...ONE_LINE, defaultStringType: 'QUOTE_SINGLE', defaultKeyType: null }).replace(/\n$/, '');
  return text.startsWith("'") && !/[\n\r]/.test(text) ? text : undefined;
}

/** A string as a plain scalar, or undefined when it would read back as something else. */
export function plainScalar(value: string, context: ScalarContext): string | undefined {
  if (value === '' || LINE_BREAK.test(value)) return undefined;
  if (context.inFlow && /[,[\]{}]/.test(value)) return undefined;
  const text = stringify(value, { ...ONE_LINE, defaultKeyType: null }).replace(/\n$/, '');
  if (text !== value) return undefined;
  // Read it back: the library must agree that this plain text is this string, in this context.
  try {
    const back = context.inFlow ? (parse(`[${text}]`) as unknown[] | null)?.[0] : parse(text);
    return back === value ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A string written in the preferred style when that style can hold it exactly, else
 * double-quoted (which can hold anything).
 */
export function stringScalar(value: string, preferred: ScalarStyle, context: ScalarContext = { inFlow: false }): string {
  if (preferred === 'plain') return plainScalar(value, context) ?? doubleQuoted(value);
  if (preferred === 'single') return singleQuoted(value) ?? doubleQuoted(value);
  return doubleQuoted(value);
}

/** A span as a flow sequence, the form claims.yaml uses: `[start, end]`. */
export function flowSpan(span: readonly [number, number]): string {
  return `[${span[0]}, ${span[1]}]`;
}
