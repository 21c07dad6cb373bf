// The real seed articles, read from the repository (tests work on in-memory copies).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedsDir = fileURLToPath(new URL('../../../seeds/', import.meta.url));

/** The text of the seed whose file name starts with `prefix` (e.g. '003'). */
export function seed(prefix: string): string {
  const name = readdirSync(seedsDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed file starting with ${prefix} in ${seedsDir}`);
  return readFileSync(seedsDir + name, 'utf8');
}

/** All seed texts, by file name. */
export function allSeeds(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    out.set(name, readFileSync(seedsDir + name, 'utf8'));
  }
  return out;
}

/** Code point span of the first occurrence of `quote` in `text` (throws when absent). */
export function spanOf(text: string, quote: string, from = 0): [number, number] {
  const unit = text.indexOf(quote, from);
  if (unit < 0) throw new Error(`quote not in text: ${quote}`);
  const start = [...text.slice(0, unit)].length;
  return [start, start + [...quote].length];
}

/** Fast-check run count: FC_FUZZ_RUNS, or a default that keeps the suite to a few seconds. */
export function fuzzRuns(fallback: number): number {
  const env = Number(process.env['FC_FUZZ_RUNS']);
  return Number.isFinite(env) && env > 0 ? Math.floor(env) : fallback;
}
