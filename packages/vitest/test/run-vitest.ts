// Runs vitest in a workspace of its own, with the built plugin, as a user's project would.
// The tests that start vitest allow it minutes: on a busy shared machine one start can take a minute.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
const vitestBin = path.join(path.resolve(packageDir, '../..'), 'node_modules/vitest/vitest.mjs');
const distIndex = JSON.stringify(path.join(packageDir, 'dist/index.js'));

/** Writes `vitest.config.mjs` in `root`: the plugin with `pluginOptions`, and the test settings given as JavaScript source. */
export function writeConfig(root: string, test: string, pluginOptions = '{}'): void {
  writeFileSync(
    path.join(root, 'vitest.config.mjs'),
    `import { factcheckPlugin, FactcheckReportWriter } from ${distIndex};\nexport default { plugins: [factcheckPlugin(${pluginOptions})], test: ${test} };\n`,
  );
}

/** Runs `vitest <args>` in `root`; CI is unset unless `env` sets it. */
export function runVitest(root: string, args: readonly string[], env: Record<string, string | undefined> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete base.CI;
  delete base.FORCE_COLOR;
  delete base.FACTCHECK_FORCE;
  const run = spawnSync(process.execPath, [vitestBin, ...args, '--config', 'vitest.config.mjs'], { cwd: root, encoding: 'utf8', env: { ...base, ...env } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
