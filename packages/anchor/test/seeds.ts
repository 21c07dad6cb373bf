// The seed articles of the test fixture workspace (tests work on in-memory copies).
import { readSeed, readSeeds } from '@factcheck/test-fixtures';

/** The text of the seed whose file name starts with `prefix` (e.g. '003'). */
export function seed(prefix: string): string {
  return readSeed(prefix);
}

/** All seed texts, by file name. */
export function allSeeds(): Map<string, string> {
  return readSeeds();
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
