import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { createMessage, displayPathOf, editDistanceInUnits, type Message, type Workspace } from '@factcheck/core';
import { claimTypesModel, FINGERPRINT_PREFIX, fingerprintOf, GENERATED_FILE, GENERATED_HEADER } from './model.js';

/** Folders never searched for TypeScript: installed packages, build output, version control. */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'reports']);
/** A TypeScript file larger than this is not read (generated bundles, not code people write). */
const MAX_TS_BYTES = 2 * 1024 * 1024;
const TS_FILE = /\.(?:ts|tsx|mts|cts)$/;
/**
 * An import or re-export of a module named claims.generated: a line that starts with `import`,
 * `export` (or the `}` that closes an import of several lines) and takes it `from` that module.
 * Text that only mentions such an import (in a string, a comment) is not one.
 */
const IMPORTS_GENERATED = /^[ \t]*(?:import|export|\})[^'"\n]*?\bfrom\s*['"]([^'"\n]*\bclaims\.generated(?:\.[cm]?[jt]s)?)['"]/gm;

export interface TypesCheckOptions {
  /** Where paths in messages are relative to. Default: the current directory. */
  cwd?: string;
}

/** A TypeScript file of the workspace that imports a generated module, and the generated files it names. */
export interface Importer {
  file: string;
  generated: string[];
}

/**
 * The TypeScript files under `root` (node_modules, dist and hidden folders aside) that import a
 * module named `claims.generated`: each file is read as text and searched for the import, nothing
 * is parsed. Sorted by path. The folders are listed first, and the files are read only when a
 * generated module stands among them: a workspace without one (most) costs a listing, not a read
 * of every TypeScript file on every check.
 */
export async function findImporters(root: string): Promise<Importer[]> {
  const candidates: { file: string; dir: string }[] = [];
  let hasGenerated = false;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name)) await walk(full);
      } else if (entry.isFile() && TS_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        if (entry.name.startsWith('claims.generated.')) hasGenerated = true;
        else candidates.push({ file: full, dir });
      }
    }
  };
  await walk(root);
  if (!hasGenerated) return [];
  const found: Importer[] = [];
  for (const { file, dir } of candidates) {
    const size = (await stat(file).catch(() => undefined))?.size ?? Infinity;
    if (size > MAX_TS_BYTES) continue;
    const text = await readFile(file, 'utf8').catch(() => '');
    const generated = [...text.matchAll(IMPORTS_GENERATED)].map((m) => m[1]!).filter((s) => s.startsWith('.'));
    if (generated.length) found.push({ file, generated: [...new Set(generated.map((s) => path.resolve(dir, s.replace(/\.[cm]?[jt]s$/, '')) + '.ts'))] });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The messages about typed claims that `check` adds: a generated file that no longer matches
 * claims.yaml (`stale-claim-types`), and claim ids written in TypeScript that claims.yaml does not
 * have (`unknown-claim-reference`). With no TypeScript importing the generated module, the only
 * cost is the search for one, and ts-morph is not loaded.
 */
export async function claimTypesMessages(workspace: Workspace, options: TypesCheckOptions = {}): Promise<Message[]> {
  const cwd = options.cwd ?? process.cwd();
  const importers = await findImporters(workspace.root);
  const generatedFiles = new Set([path.join(workspace.root, GENERATED_FILE), ...importers.flatMap((i) => i.generated)]);
  const messages: Message[] = [];
  const fingerprint = fingerprintOf(claimTypesModel(workspace));
  for (const file of [...generatedFiles].sort()) {
    const stale = await staleTypesMessage(file, fingerprint, cwd, workspace.displayPath);
    if (stale) messages.push(stale);
  }
  if (importers.length) {
    const { referenceMessages } = await import('./reference-check.js');
    for (const m of referenceMessages(importers, [...generatedFiles], workspace.claims.map((c) => c.id), { cwd, claimsShown: workspace.displayPath })) messages.push(m);
  }
  return messages;
}

/** A warning when `file` is a generated module whose fingerprint is not claims.yaml's; nothing when it is current, or not one of ours, or absent. */
async function staleTypesMessage(file: string, fingerprint: string, cwd: string, claimsShown: string): Promise<Message | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || !text.startsWith(GENERATED_HEADER)) return undefined;
  const recorded = text.split(/\r?\n/, 4).find((line) => line.startsWith(FINGERPRINT_PREFIX))?.slice(FINGERPRINT_PREFIX.length).trim();
  if (recorded === fingerprint) return undefined;
  const shown = displayPathOf(file, cwd);
  return createMessage({
    ruleId: 'stale-claim-types',
    reason: `${shown} no longer matches ${claimsShown}: its claims or sources changed since it was generated`,
    file: shown,
    place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    note: `Run \`factcheck types${path.basename(file) === GENERATED_FILE && path.dirname(file) === path.dirname(path.resolve(cwd, claimsShown)) ? '' : ` --out ${shown}`}\` to write it again.`,
  });
}

/** The id of `ids` nearest to `word` (fewest edits; the first in claims.yaml's order on a tie). */
export function nearestId(word: string, ids: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    if (Math.abs(id.length - word.length) >= bestDistance) continue;
    const distance = editDistanceInUnits(word, id);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}
