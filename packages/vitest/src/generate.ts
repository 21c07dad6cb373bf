import * as path from 'node:path';
import { parseClaimsText } from '@factcheck/core';
import { buildSourceMap, type LineMapping } from './source-map.js';

export interface GeneratedModule {
  code: string;
  map: string;
  /**
   * The source files that claims.yaml names, as absolute paths: the tests' outcome depends on them
   * as much as on claims.yaml. A path that leaves claims.yaml's folder is left out (the check
   * refuses it, and nothing outside the workspace is watched).
   */
  sources: string[];
}

/**
 * Turns claims.yaml into a test module: one `test` per claim (named by its id), one per source
 * coverage threshold, and one that fails when the file itself is invalid. The checking happens
 * at run time through `runtime.js`, with the same checkWorkspace that the CLI uses.
 */
export function generateClaimsModule(claimsPath: string, yamlText: string, runtimeUrl: string): GeneratedModule {
  const file = path.basename(claimsPath);
  const parsed = parseClaimsText(yamlText, { file, claimsPath });
  const lines: string[] = [];
  const mappings: LineMapping[] = [];
  const emit = (line: string, mapping: LineMapping = null) => {
    lines.push(line);
    mappings.push(mapping);
  };
  emit(`import { describe, test } from 'vitest';`);
  emit(`import { loadClaims } from ${JSON.stringify(runtimeUrl)};`);
  emit(`const run = await loadClaims(${JSON.stringify(claimsPath)});`);
  emit(`test(${JSON.stringify(`${file} is valid`)}, () => run.assertValid());`, { line: 0, column: 0 });
  const workspace = parsed.value?.workspace;
  if (workspace) {
    emit(`describe('claims', () => {`);
    for (const claim of workspace.claims) {
      const at = claim.idPlace.start;
      emit(`  test(${JSON.stringify(claim.id)}, () => run.assertClaim(${JSON.stringify(claim.id)}));`, { line: at.line - 1, column: at.column - 1 });
    }
    emit(`});`);
    emit(`describe('coverage', () => {`);
    for (const source of workspace.sources.values()) {
      const at = source.place.start;
      emit(`  test(${JSON.stringify(source.path)}, () => run.assertCoverage(${JSON.stringify(source.id)}));`, { line: at.line - 1, column: at.column - 1 });
    }
    emit(`  test('total', () => run.assertTotalCoverage());`);
    emit(`});`);
  }
  const sources = workspace ? sourceFiles(claimsPath, [...workspace.sources.values()].map((s) => s.path)) : [];
  return { code: `${lines.join('\n')}\n`, map: buildSourceMap(file, yamlText, mappings), sources };
}

/** The absolute paths of the sources, as written relative to claims.yaml, that stay inside its folder. */
function sourceFiles(claimsPath: string, written: readonly string[]): string[] {
  const folder = path.dirname(claimsPath);
  const files = new Set<string>();
  for (const relative of written) {
    if (relative === '' || path.isAbsolute(relative)) continue;
    const file = path.resolve(folder, relative);
    const inside = path.relative(folder, file);
    if (inside === '' || inside.split(path.sep)[0] === '..') continue;
    files.add(file);
  }
  return [...files];
}
