export { EXIT_BROKEN_PIPE, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, exitOnClosedOutput } from './io.js';
export type { Io, OutputProcess } from './io.js';
export { main } from './main.js';
