import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { displayPathOf, loadWorkspace, type Result } from '@factcheck/core';
import { generateClaimTypes } from './generate.js';
import { claimTypesModel, GENERATED_FILE } from './model.js';

export interface ClaimTypesOptions {
  /** Where claims.yaml and `out` are relative to. */
  cwd: string;
  /** The file to write. Default: claims.generated.ts beside claims.yaml. */
  out?: string;
}

/** What `factcheck types` would write: the file, its text, and whether the file on disk already holds exactly that. */
export interface ClaimTypesPlan {
  file: string;
  /** `file` as shown to a person (relative to cwd). */
  shown: string;
  text: string;
  upToDate: boolean;
  claims: number;
  sources: number;
}

/**
 * Loads claims.yaml (a file that does not load gives its messages, each at file:line:col) and
 * generates claims.generated.ts from it. Writing is left to the caller, atomically.
 */
export async function planClaimTypes(claimsPath: string, options: ClaimTypesOptions): Promise<Result<ClaimTypesPlan>> {
  const loaded = await loadWorkspace(claimsPath, { cwd: options.cwd });
  if (!loaded.value) return { value: undefined, errors: loaded.errors, warnings: loaded.warnings };
  const { workspace } = loaded.value;
  const file = options.out === undefined ? path.join(workspace.root, GENERATED_FILE) : path.resolve(options.cwd, options.out);
  const model = claimTypesModel(workspace);
  const text = generateClaimTypes(model);
  const onDisk = await readFile(file, 'utf8').catch(() => undefined);
  return {
    value: { file, shown: displayPathOf(file, options.cwd), text, upToDate: onDisk === text, claims: model.claims.length, sources: model.sources.length },
    errors: [],
    warnings: loaded.warnings,
  };
}
