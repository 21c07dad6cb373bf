import { parseArgs } from 'node:util';
import { suggest } from '@factcheck/core';

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
    return { value: undefined, errors: [`${command}: ${describeParseError(error, command, Object.keys(options))} (accepted flags: ${known})`] };
  }
}

/** node:util's parse errors, rephrased for a person at a command line (its hints about `--` do not fit). */
function describeParseError(error: unknown, command: string, names: readonly string[]): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(text)?.[1] ?? text;
    const tip = /\.ya?ml$/i.test(argument) ? `to name a claims file, write --claims ${argument}` : 'a flag value with spaces needs quotes around it';
    return `unexpected argument '${argument}': ${command} takes only flags (${tip})`;
  }
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']*)'/.exec(text)?.[1] ?? '';
    const hint = suggest(flag.replace(/^-+/, '').split('=')[0] ?? '', names);
    return `unknown flag '${flag}'${hint ? `; did you mean --${hint}?` : ''}`;
  }
  const ambiguous = /^Option '(--[^']+)' argument is ambiguous/.exec(text);
  if (ambiguous) {
    const flag = ambiguous[1] ?? '';
    return `flag '${flag}' is followed by a value that starts with "-" (or by no value): give the value as ${flag}=VALUE`;
  }
  const first = text.split(/\.(?: |\n)/)[0] ?? text;
  return first.replace(/^Option/, 'flag');
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(flags: ParsedFlags, name: string): boolean {
  return flags.values[name] === true;
}
