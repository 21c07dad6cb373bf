import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateClaimsModule } from './generate.js';

export interface FactcheckPluginOptions {
  /** File names collected as claims files. Default: ['claims.yaml']. */
  include?: readonly string[];
}

/** The subset of Vite's plugin interface this plugin uses (so the package needs no vite types). */
export interface ClaimsPlugin {
  name: string;
  enforce: 'pre';
  load(id: string): { code: string; map: string } | null;
}

/**
 * A Vite plugin that lets vitest collect claims.yaml as a test file: every claim becomes a test
 * named by its id, and a failure points at claims.yaml:line:col.
 */
export function factcheckPlugin(options: FactcheckPluginOptions = {}): ClaimsPlugin {
  const names = new Set(options.include ?? ['claims.yaml']);
  const runtimeUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'runtime.js')).href;
  return {
    name: 'factcheck-claims',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0]!;
      if (!names.has(path.basename(file))) return null;
      return generateClaimsModule(file, readFileSync(file, 'utf8'), runtimeUrl);
    },
  };
}
