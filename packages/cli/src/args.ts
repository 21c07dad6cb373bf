import { parseArgs } from 'node:util';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface ParsedFlags {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface FlagResult {
  value: ParsedFlags | undefined;
  /** Usage errors, one line each, already phrased for the user. */
  errors: string[];
}

/** The flags every command takes. */
export const COMMON_FLAGS: FlagSpec = {
  claims: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * Parses a command's flags strictly: an unknown flag, a flag without its value, or a value given to a
 * boolean flag is a usage error (exit 2), phrased with what was received and what is accepted.
 */
export function parseFlags(command: string, argv: string[], spec: FlagSpec, allowPositionals = false): FlagResult {
  const options = { ...COMMON_FLAGS, ...spec };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals });
    return { value: { values: values as ParsedFlags['values'], positionals }, errors: [] };
  } catch (error) {
    const known = Object.keys(options).map((name) => `--${name}`).join(', ');
    return { value: undefined, errors: [`${command}: ${describeParseError(error)} (accepted flags: ${known})`] };
  }
}

function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // node:util's messages carry a hint about `--` that does not fit a CLI user; keep the first sentence.
  const first = text.split('. ')[0] ?? text;
  return first.replace(/^Unknown option/, 'unknown flag').replace(/^Option/, 'flag');
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}
