// The example workspace that the package tests check against: four news articles in seeds/ and a
// full fact-check of them in claims.yaml. The tests own this copy, so that a desk can replace the
// repository's own claims.yaml and sources with its work without breaking a single package test.
// Plain JavaScript with a hand-written index.d.ts: nothing to build.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceDir = fileURLToPath(new URL('./workspace', import.meta.url));
export const claimsPath = path.join(workspaceDir, 'claims.yaml');
export const seedsDir = path.join(workspaceDir, 'seeds');

/** The file names of the seed articles, sorted. */
export function seedNames() {
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** The path, relative to the workspace (as claims.yaml writes it), of the seed whose name starts with `prefix`. */
export function seedPath(prefix) {
  const name = seedNames().find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed article whose name starts with "${prefix}" in ${seedsDir}`);
  return `seeds/${name}`;
}

/** The text of the seed whose name starts with `prefix`. */
export function readSeed(prefix) {
  return readFileSync(path.join(workspaceDir, seedPath(prefix)), 'utf8');
}

/** Every seed's text, by file name. */
export function readSeeds() {
  return new Map(seedNames().map((name) => [name, readFileSync(path.join(seedsDir, name), 'utf8')]));
}

/** The fixture claims.yaml, as text. */
export function readClaims() {
  return readFileSync(claimsPath, 'utf8');
}

/**
 * A copy of the workspace (claims.yaml and seeds/) in a new folder under the system's temporary
 * folder, every file writable whatever the checkout's modes; returns the folder. The caller
 * removes it.
 */
export function copyWorkspace(prefix = 'factcheck-fixture-') {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(workspaceDir, root, { recursive: true });
  makeWritable(root);
  return root;
}

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) makeWritable(file);
    else chmodSync(file, 0o644);
  }
}

/**
 * A sentence of the BBC article, word for word: the source of the small workspaces that many tests
 * build (a one-line source, a quote to pin, move and edit).
 */
export const LOCKED_SENTENCE = 'The account has been locked, and content deleted, days after its launch.';

/** A one-line source file holding LOCKED_SENTENCE. */
export const ONE_LINE_SOURCE = `${LOCKED_SENTENCE}\n`;

/** mulberry32: a small seeded generator of numbers in [0, 1), so that generated workloads are the same on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
