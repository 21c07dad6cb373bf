/** A new folder under the system's temporary folder, removed by removeTempDirs. */
export declare function tempDir(prefix?: string): string;
/** Removes the folders tempDir made (call it from afterAll). */
export declare function removeTempDirs(): void;
/** A writable copy of the fixture workspace (claims.yaml and seeds/), removed by removeTempDirs. */
export declare function copyFixtureWorkspace(): string;
/** `seeds/NAME` of the fixture seed whose name starts with `prefix`. */
export declare function seedFile(prefix: string): string;
/** A small workspace: files relative to its root, in a new folder tempDir makes with `prefix`. */
export declare function makeWorkspace(files: Record<string, string | Buffer>, prefix?: string): string;
/** The text of a file of the workspace, claims.yaml unless named. */
export declare const read: (root: string, name?: string) => string;
/** The bytes of a file of the workspace, claims.yaml unless named. */
export declare const readBytes: (root: string, name?: string) => Buffer;
/** Lines with their line breaks, so that a changed line ending counts as a change. */
export declare function linesOf(text: string): string[];

export interface LineChange {
  /** 0-based line numbers in the old and the new text; -1 for an added or a removed line. */
  oldLine: number;
  newLine: number;
  old?: string;
  new?: string;
}

/**
 * The lines that differ between two texts, from a longest common subsequence of lines:
 * removed lines (old only), added lines (new only), paired as replacements where they line up.
 */
export declare function lineDiff(
  a: string,
  b: string,
): { removed: { line: number; text: string }[]; added: { line: number; text: string }[] };
/** True when `after` is `before` with one block of text inserted (nothing removed or changed). */
export declare function isPureInsertion(before: string, after: string): boolean;
/** A span line: `span: [a, b]` with any indentation, an optional comment, and its line break. */
export declare const SPAN_LINE: RegExp;
/**
 * Every line that differs is a span line whose numbers alone changed (or, when `insertions`,
 * a whole new span line): everything else is byte for byte the same.
 */
export declare function onlySpanNumbersChanged(before: string, after: string, insertions?: boolean): { ok: boolean; why?: string };
