export { booleanFlag, COMMON_FLAGS, parseFlags, stringFlag } from './args.js';
export type { FlagResult, FlagSpec, ParsedFlags } from './args.js';
export { checkCommand, exitCodeOf, FORMATS, reportCommand } from './commands/check.js';
export type { Format } from './commands/check.js';
export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './io.js';
export type { Command, Io } from './io.js';
export { COMMANDS, main, USAGE, VERSION } from './main.js';
