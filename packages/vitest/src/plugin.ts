import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { refusalText, updateClaims } from '@factcheck/edit';
import { formatUpdateResult } from '@factcheck/report';
import { findImporters } from '@factcheck/types';
import type { TestSequencerConstructor, TestSpecification, VitestPluginContext } from 'vitest/node';
import { loadWorkspace } from '@factcheck/core';
import { generateClaimsModule, type ClaimsShard, type IncludedClaims } from './generate.js';

export interface FactcheckPluginOptions {
  /**
   * The claims files collected as test files: a file name matches that name in any folder
   * (`claims.yaml`), a path with a `/` matches that file, relative to the project's root
   * (`docs/facts/claims.yaml`). Default: ['claims.yaml']. Each must also be in vitest's `include`.
   */
  include?: readonly string[];
  /**
   * `vitest -u` pins moved spans and refreshes sha256s as `factcheck update` does, and refuses to
   * write when CI is set unless this is true (or FACTCHECK_FORCE=1 is in the environment).
   */
  force?: boolean;
}

/** The subset of Vite's plugin interface this plugin uses (so the package needs no vite types). */
export interface ClaimsPlugin {
  name: string;
  enforce: 'pre';
  /** Turns on vitest's `includeTaskLocation`, so that every claim's test carries its line in claims.yaml. */
  config(): { test: { includeTaskLocation: true } };
  /** Reads `-u` and `--shard` from the run, and keeps the claims files in every shard. */
  configureVitest(context: Pick<VitestPluginContext, 'vitest' | 'project'>): void;
  /** `this` is Vite's plugin context, of which only addWatchFile is used. */
  load(this: { addWatchFile(file: string): void }, id: string): Promise<{ code: string; map: string } | null>;
}

/** What the plugin reads of the run (set by configureVitest; absent when the load hook is called alone). */
interface RunSettings {
  root: string;
  update: boolean;
  log(text: string): void;
}

const WRAPPED = Symbol.for('factcheck.claimsSequencer');
/** The query that names a shard's copy of a claims file: `claims.yaml?factcheck-shard=2-of-3`. */
const SHARD_QUERY = '?factcheck-shard=';

/** The shard a module id names, if any. */
function shardIn(id: string): ClaimsShard | undefined {
  const named = /[?&]factcheck-shard=(\d+)-of-(\d+)/.exec(id);
  return named ? { index: Number(named[1]), count: Number(named[2]) } : undefined;
}

/**
 * A Vite plugin that lets vitest collect claims files as test files: every claim becomes a test
 * named by its id, placed at its line, and a failure points at claims.yaml:line:col.
 */
export function factcheckPlugin(options: FactcheckPluginOptions = {}): ClaimsPlugin {
  const include = options.include ?? ['claims.yaml'];
  const runtimeUrl = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'runtime.js')).href;
  let run: RunSettings | undefined;
  const isClaimsFile = (file: string) => matches(include, file, run?.root ?? process.cwd());
  return {
    name: 'factcheck-claims',
    enforce: 'pre',
    config() {
      return { test: { includeTaskLocation: true } };
    },
    configureVitest({ vitest, project }) {
      const config = vitest.config;
      run = {
        root: project.config.root,
        update: config.snapshotOptions.updateSnapshot === 'all',
        log: (text) => vitest.logger.log(text),
      };
      if (config.shard) {
        // vitest shards by test file; a claims file is one file, and its claims are split among
        // the shards by the generated module instead. So every shard keeps the claims files, and a
        // shard with no other file is not an error.
        config.passWithNoTests = true;
        config.sequence.sequencer = keepInEveryShard(config.sequence.sequencer, { index: config.shard.index, count: config.shard.count }, isClaimsFile);
      }
    },
    async load(id) {
      const file = id.split('?')[0]!;
      if (!isClaimsFile(file)) return null;
      const refusal = run?.update ? await updateBeforeRun(file, options, run) : undefined;
      // Only looks for TypeScript importing claims.generated (the check itself runs in the test).
      const typedReferences = (await findImporters(path.dirname(file))).length > 0;
      const text = readFileSync(file, 'utf8');
      // Only a claims.yaml with a top-level `include:` has claims in other files.
      const included = /^include\s*:/m.test(text) ? await includedClaims(file) : { claims: [], files: [] };
      const { code, map, sources } = generateClaimsModule(file, text, runtimeUrl, { shard: shardIn(id), refusal, typedReferences, included: included.claims });
      // In watch mode vitest reruns a test file when a module it depends on changes. The claims
      // hold or fail by their sources as much as by claims.yaml, so every source file is declared
      // a dependency of claims.yaml: saving a source reruns the claims. A source that is missing,
      // not a file, or a link out of the workspace is left out (Vite would fail to resolve a
      // missing one; the check reports them all); saving claims.yaml brings in one that appears.
      const folder = path.dirname(file);
      for (const source of [...sources, ...included.files]) if (isFileInside(source, folder)) this.addWatchFile(source);
      return { code, map };
    },
  };
}

/**
 * The claims of the files that claims.yaml includes (`include:`), by file, and those files (their
 * tests depend on them, and on the sources they declare). None when claims.yaml has no include, or
 * the workspace does not load (the "is valid" test says why).
 */
async function includedClaims(claimsFile: string): Promise<{ claims: IncludedClaims[]; files: string[] }> {
  const loaded = await loadWorkspace(claimsFile, { cwd: process.cwd(), cache: true, readSources: false });
  const workspace = loaded.value?.workspace;
  if (!workspace?.included?.length) return { claims: [], files: [] };
  const claims = workspace.included.map((part) => ({ file: part.displayPath, claims: workspace.claims.filter((c) => c.file === part.displayPath) }));
  const declared = [...workspace.sources.values()].filter((s) => s.file !== workspace.displayPath).map((s) => path.resolve(workspace.root, s.path));
  return { claims, files: [...workspace.included.map((part) => part.path), ...declared] };
}

/** True when `file` is one of the claims files `include` names. */
function matches(include: readonly string[], file: string, root: string): boolean {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return include.some((entry) => (entry.includes('/') ? path.posix.normalize(entry.replace(/^\.\//, '')) === relative : path.basename(file) === entry));
}

/** The run's sequencer, changed so that every shard gets the claims files, and the other files are sharded as before. */
function keepInEveryShard(Base: TestSequencerConstructor, shard: ClaimsShard, isClaimsFile: (file: string) => boolean): TestSequencerConstructor {
  if ((Base as unknown as Record<symbol, boolean>)[WRAPPED]) return Base;
  type Sharding = new (...args: never[]) => { shard(files: TestSpecification[]): Promise<TestSpecification[]> };
  class ClaimsSequencer extends (Base as unknown as Sharding) {
    static readonly [WRAPPED] = true;
    override async shard(files: TestSpecification[]): Promise<TestSpecification[]> {
      const claims = files.filter((f) => isClaimsFile(f.moduleId));
      const others = files.filter((f) => !isClaimsFile(f.moduleId));
      // Each shard's copy of a claims file gets a name of its own (a query naming the shard):
      // vitest knows a test file, and its tests, by the file's name, and two shards' copies of
      // one name would be taken for one file when their blob reports are merged.
      // The run reports on the specifications it sharded, so each is renamed in place.
      for (const spec of claims) {
        const named = spec.project.createSpecification(`${spec.moduleId}${SHARD_QUERY}${shard.index}-of-${shard.count}`, [], spec.pool);
        Object.assign(spec, { moduleId: named.moduleId, taskId: named.taskId });
      }
      return [...(others.length ? await super.shard(others) : []), ...claims];
    }
  }
  return ClaimsSequencer as unknown as TestSequencerConstructor;
}

/**
 * `vitest -u`: the update of `factcheck update` (pin moved and unpinned quotes, refresh sha256s;
 * byte for byte, atomic, under the lock, refused in CI unless forced), before the claims are read.
 * Returns why it was refused, for a failing test to say; its account is printed.
 */
async function updateBeforeRun(file: string, options: FactcheckPluginOptions, run: RunSettings): Promise<string | undefined> {
  const force = options.force ?? process.env.FACTCHECK_FORCE === '1';
  const result = await updateClaims({ claims: file, cwd: run.root, env: process.env, accept: false, dryRun: false, force, today: new Date().toISOString().slice(0, 10) });
  if (result.refusal !== undefined) {
    const reason = `${refusalText('update', result.refusal)}${force ? '' : ' (vitest -u: set FACTCHECK_FORCE=1, or the plugin option force: true, to write anyway)'}`;
    run.log(`factcheck: ${reason}`);
    return reason;
  }
  // A file that does not load is reported by the "is valid" test; the update has nothing to do.
  if (result.value && result.value.edits.length) run.log(`factcheck -u:\n${formatUpdateResult(result.value, 'stylish')}`);
  return undefined;
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
