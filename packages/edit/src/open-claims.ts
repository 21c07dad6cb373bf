import { promises as fs } from 'node:fs';
import { loadWorkspace, type LoadedWorkspace } from '@factcheck/core';
import type { Document } from 'yaml';
import { parseForEdit } from './claims-edit.js';
import { ciRefusal, isCi, locateClaims, readClaimsFile, withClaimsLock, type ClaimsFile, type ClaimsLocation } from './claims-file.js';
import { noteTaker, refusal, refused, withNotes, type EditResult } from './edit-result.js';
import type { HeldLock } from './lock.js';

/**
 * claims.yaml opened for editing: its bytes as read, the workspace the loader builds from them,
 * and its YAML document. The document is the loader's (claims.yaml is parsed once): planning,
 * applying and placing the report all share it.
 */
export interface OpenClaims extends OpenFile {
  loaded: LoadedWorkspace;
  /** The files that claims.yaml includes, opened the same way, in the order of Workspace.included. */
  included: OpenFile[];
}

/** One claims file opened for editing: its bytes as read, its name in messages, and its document. */
export interface OpenFile {
  file: ClaimsFile;
  /** As shown in messages (Claim.file names it so). */
  shown: string;
  doc: Document.Parsed;
}

/** Loads a claims.yaml that does not exist (or cannot be resolved), for the loader's message about it. */
export async function loadErrorsOf<T>(absolute: string, cwd: string): Promise<EditResult<T>> {
  const loaded = await loadWorkspace(absolute, { cwd });
  return { value: undefined, errors: loaded.errors, warnings: loaded.warnings, notes: [] };
}

/**
 * Opens claims.yaml (`claims`, relative to `cwd`) for editing, as update does: its bytes, the
 * workspace loaded from them, and its document, parsed once. Takes no lock (see updateClaims).
 */
export async function openClaims(claims: string, options: { cwd: string; command?: string }): Promise<EditResult<OpenClaims>> {
  const where = await locateClaims(options.cwd, claims);
  const { real } = where;
  if (!real) return loadErrorsOf(where.absolute, options.cwd);
  return openLocated(options.command ?? 'update', { ...where, real }, options.cwd);
}

/**
 * Reads claims.yaml byte for byte and loads the workspace from it, as check does. The loader
 * reads the file again: should the two reads differ (an editor saved it in between), nothing is
 * done, since the workspace would not describe the bytes being edited.
 */
export async function openLocated(command: string, where: ClaimsLocation & { real: string }, cwd: string): Promise<EditResult<OpenClaims>> {
  const file = await readClaimsFile(where.real, where.shown);
  if ('problem' in file) return refused(refusal('file-unreadable', where.shown, `${command}: ${file.problem}`));
  const loaded = await loadWorkspace(where.absolute, { cwd, keepDocument: true });
  if (!loaded.value) return { value: undefined, errors: loaded.errors, warnings: loaded.warnings, notes: [] };
  if (loaded.value.claimsText !== file.text) return refused(refusal('claims-changed-on-disk', where.shown, `${command}: ${where.shown} changed while it was being read; nothing was written.\nRun again.`));
  // The loader's own document: planning, applying and placing the account read it, and it is the
  // text's only parse before the edited text is read back.
  const doc = loaded.value.document ?? parseForEdit(file.text);
  // Each included file is read byte for byte too, and must be the text the loader read.
  const included: OpenFile[] = [];
  for (const part of loaded.value.workspace.included ?? []) {
    const real = await fs.realpath(part.path).catch(() => part.path);
    const read = await readClaimsFile(real, part.displayPath);
    if ('problem' in read) return refused(refusal('file-unreadable', part.displayPath, `${command}: ${read.problem}`));
    if (loaded.value.includedTexts.get(part.path) !== read.text) {
      return refused(refusal('claims-changed-on-disk', part.displayPath, `${command}: ${part.displayPath} changed while it was being read; nothing was written.\nRun again.`));
    }
    included.push({ file: read, shown: part.displayPath, doc: parseForEdit(read.text) });
  }
  return { value: { file, shown: where.shown, loaded: loaded.value, doc, included }, errors: [], warnings: loaded.warnings, notes: [] };
}

/** The opened claims file that a claim or source names as its file (claims.yaml when none matches). */
export function openFileNamed(opened: OpenClaims, shown: string): OpenFile {
  return opened.included.find((part) => part.shown === shown) ?? opened;
}

/** What every command that writes claims.yaml is given. */
export interface WriteCommandOptions {
  /** claims.yaml, relative to `cwd`. */
  claims: string;
  cwd: string;
  env: Record<string, string | undefined>;
  dryRun: boolean;
  force: boolean;
  onNote?: (note: string) => void;
}

/**
 * The frame of a command that writes claims.yaml (update, add): refused when CI is set unless
 * forced (a dry run is not refused), the loader's message when claims.yaml does not exist, then
 * `run` with claims.yaml opened under the lock (no lock for a dry run), and every note said on the
 * way in the result.
 */
export async function runWriteCommand<T>(
  command: string,
  options: WriteCommandOptions,
  run: (opened: OpenClaims, lock: HeldLock | undefined, say: (note: string) => void) => Promise<EditResult<T>>,
): Promise<EditResult<T>> {
  const where = await locateClaims(options.cwd, options.claims);
  if (!options.dryRun && isCi(options.env) && !options.force) return refused(ciRefusal(command, where.shown, options.env));
  const { real } = where;
  if (!real) return loadErrorsOf(where.absolute, options.cwd);
  const notes = noteTaker(options.onNote);
  const result = await withClaimsLock(command, { real, shown: where.shown, cwd: options.cwd }, options.dryRun, notes.say, async (lock) => {
    const opened = await openLocated(command, { ...where, real }, options.cwd);
    return opened.value ? run(opened.value, lock, notes.say) : { ...opened, value: undefined };
  });
  return withNotes(result, notes.said);
}
