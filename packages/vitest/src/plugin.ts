import { readFileSync, realpathSync, statSync } from 'node:fs';
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
  /** `this` is Vite's plugin context, of which only addWatchFile is used. */
  load(this: { addWatchFile(file: string): void }, id: string): { code: string; map: string } | null;
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
      const { code, map, sources } = generateClaimsModule(file, readFileSync(file, 'utf8'), runtimeUrl);
      // In watch mode vitest reruns a test file when a module it depends on changes. The claims
      // hold or fail by their sources as much as by claims.yaml, so every source file is declared
      // a dependency of claims.yaml: saving a source reruns the claims. A source that is missing,
      // not a file, or a link out of the workspace is left out (Vite would fail to resolve a
      // missing one; the check reports them all); saving claims.yaml brings in one that appears.
      const folder = path.dirname(file);
      for (const source of sources) if (isFileInside(source, folder)) this.addWatchFile(source);
      return { code, map };
    },
  };
}

/** True when `file` is a regular file whose real path, links followed, is inside `folder`. */
function isFileInside(file: string, folder: string): boolean {
  try {
    const inside = path.relative(realpathSync(folder), realpathSync(file));
    return inside !== '' && !path.isAbsolute(inside) && inside.split(path.sep)[0] !== '..' && statSync(file).isFile();
  } catch {
    return false;
  }
}
