import * as path from 'node:path';
import { parseClaimsText, type Claim } from '@factcheck/core';
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

/** Which part of the claims a sharded run (`vitest --shard=index/count`) gives this process. */
export interface ClaimsShard {
  /** 1-based, as `--shard` writes it. */
  index: number;
  count: number;
}

export interface GenerateOptions {
  /** Only the claims of this shard: the claim at position i (from 0) runs in shard `i % count + 1`. */
  shard?: ClaimsShard;
  /** A reason the run must fail before any claim is checked (a refused `vitest -u`), shown by a test of its own. */
  refusal?: string;
  /** TypeScript in the workspace imports the generated claim types: a test checks the claim ids it uses. */
  typedReferences?: boolean;
  /**
   * The claims of the files that claims.yaml includes, file by file (as the loader read them). Each
   * is a test too, placed at the entry of `include:` in claims.yaml (a test module maps to one
   * file); its failure names the claim's own file:line:col.
   */
  included?: readonly IncludedClaims[];
}

/** The claims of one included file, for the tests of the module. */
export interface IncludedClaims {
  /** The file as shown in messages. */
  file: string;
  claims: readonly Pick<Claim, 'id' | 'verdict' | 'evidence'>[];
}

/**
 * Turns claims.yaml into a test module: one `test` per claim (named by its id, carrying its meta),
 * one per source coverage threshold, and one that fails when the file itself is invalid. The
 * checking happens at run time through `runtime.js`, with the same checkWorkspace that the CLI
 * uses. Every test's line maps back to claims.yaml, so that vitest places it there.
 */
export function generateClaimsModule(claimsPath: string, yamlText: string, runtimeUrl: string, options: GenerateOptions = {}): GeneratedModule {
  const file = path.basename(claimsPath);
  const parsed = parseClaimsText(yamlText, { file, claimsPath });
  const lines: string[] = [];
  const mappings: LineMapping[] = [];
  const emit = (line: string, mapping: LineMapping = null) => {
    lines.push(line);
    mappings.push(mapping);
  };
  const str = (value: unknown) => JSON.stringify(value);
  const shard = options.shard;
  // The tests about the file as a whole run once: in the first shard.
  const firstShard = !shard || shard.index === 1;
  emit(`import { describe, test } from 'vitest';`);
  emit(`import { loadClaims } from ${str(runtimeUrl)};`);
  emit(`const run = await loadClaims(${str(claimsPath)});`);
  if (options.refusal !== undefined) emit(`test(${str(`${file} is updated`)}, () => run.refuse(${str(options.refusal)}));`, { line: 0, column: 0 });
  if (firstShard) emit(`test(${str(`${file} is valid`)}, (context) => run.validTest(context));`, { line: 0, column: 0 });
  if (firstShard && options.typedReferences) emit(`test('claim ids in TypeScript', (context) => run.referencesTest(context));`, { line: 0, column: 0 });
  const workspace = parsed.value?.workspace;
  if (workspace) {
    emit(`describe('claims', () => {`);
    const claimTest = (claim: Pick<Claim, 'id' | 'verdict' | 'evidence'>, indent: string, at: { line: number; column: number }) => {
      const meta = { claimId: claim.id, sources: [...new Set(claim.evidence.map((e) => e.source))], verdict: claim.verdict };
      emit(`${indent}test(${str(claim.id)}, { meta: ${str(meta)} }, (context) => run.claimTest(${str(claim.id)}, context));`, { line: at.line - 1, column: at.column - 1 });
    };
    let position = 0;
    const inShard = () => !shard || position++ % shard.count === shard.index - 1;
    for (const claim of workspace.claims) if (inShard()) claimTest(claim, '  ', claim.idPlace.start);
    const includeAt = workspace.include?.[0]?.place.start ?? { line: 1, column: 1 };
    for (const part of options.included ?? []) {
      const tests = part.claims.filter(() => inShard());
      if (!tests.length) continue;
      emit(`  describe(${str(part.file)}, () => {`);
      for (const claim of tests) claimTest(claim, '    ', includeAt);
      emit(`  });`);
    }
    emit(`});`);
    if (firstShard) {
      emit(`describe('coverage', () => {`);
      for (const source of workspace.sources.values()) {
        const at = source.place.start;
        emit(`  test(${str(source.path)}, (context) => run.coverageTest(${str(source.id)}, context));`, { line: at.line - 1, column: at.column - 1 });
      }
      emit(`  test('total', (context) => run.totalCoverageTest(context));`);
      emit(`});`);
    }
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
