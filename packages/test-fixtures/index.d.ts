/** The fixture workspace: claims.yaml and seeds/. */
export declare const workspaceDir: string;
/** The fixture claims.yaml. */
export declare const claimsPath: string;
/** The folder of the seed articles. */
export declare const seedsDir: string;
/** The file names of the seed articles, sorted. */
export declare function seedNames(): string[];
/** The path, relative to the workspace (as claims.yaml writes it), of the seed whose name starts with `prefix`. */
export declare function seedPath(prefix: string): string;
/** The text of the seed whose name starts with `prefix`. */
export declare function readSeed(prefix: string): string;
/** Every seed's text, by file name. */
export declare function readSeeds(): Map<string, string>;
/** The fixture claims.yaml, as text. */
export declare function readClaims(): string;
/** A copy of the workspace in a new temporary folder, every file writable; the caller removes it. */
export declare function copyWorkspace(prefix?: string): string;
/** A sentence of the BBC article, word for word: the source of the small workspaces many tests build. */
export declare const LOCKED_SENTENCE = "The account has been locked, and content deleted, days after its launch.";
/** A one-line source file holding LOCKED_SENTENCE. */
export declare const ONE_LINE_SOURCE: string;
/** mulberry32: a small seeded generator of numbers in [0, 1), so that generated workloads are the same on every run. */
export declare function prng(seed: number): () => number;
