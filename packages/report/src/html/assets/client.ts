import { readFileSync } from 'node:fs';
import { CONTROL_CHARS } from '@factcheck/core';

// The report's one script (report.js) is src/client/report.ts, compiled by the build
// (scripts/build-client.mjs) into dist/client/report.js. The same path from src/html/assets and
// from dist/html/assets: both are three folders below the package.
const COMPILED_CLIENT = new URL('../../../dist/client/report.js', import.meta.url);

/**
 * report.js: the compiled client inside a function of its own, strict, with CONTROL_CHARS defined
 * as @factcheck/core's rule, so that the page and its script show the same characters as markers.
 */
export function wrapClient(compiled: string, controlChars: RegExp = CONTROL_CHARS): string {
  return `(function () {\n'use strict';\nconst CONTROL_CHARS = ${String(controlChars)};\n${compiled}})();\n`;
}

let script: string | undefined;

/** The content of report.js; read once, on first use. */
export function reportScript(): string {
  if (script === undefined) {
    let compiled: string;
    try {
      compiled = readFileSync(COMPILED_CLIENT, 'utf8');
    } catch (error) {
      throw new Error(`the report's script is not built (${error instanceof Error ? error.message : String(error)}); run: pnpm --filter @factcheck/report build`);
    }
    script = wrapClient(compiled);
  }
  return script;
}
