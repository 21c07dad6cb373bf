// The anchoring step of a check: every evidence item anchored in its source, through the result
// cache (result-cache.ts) and, on a workspace large enough to gain from it, in worker threads.
// Each result depends on its quote, its source and the anchor options alone, so where and when it
// is computed changes nothing in it: the results are the same with or without the cache, and with
// any number of workers.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CACHE_DIR, type AnchorOptions, type Claim, type EvidenceResult, type LoadedSource, type Span, type Workspace } from '@factcheck/core';
import { anchorTask, quoteToAnchor, spansOf, type AnchorPart, type QuoteToAnchor, type SourceDone, type SourceTask, type WorkerReply, type WorkerRequest } from './anchor-item.js';
import { ANCHOR_CACHE_FOLDER, cacheFileOf, optionsKey, prepareFolder, pruneFolder, quoteKey, readSourceCache, writeSourceCache, type CacheIdentity, type SourceCache } from './result-cache.js';

/** What the anchoring step of a run did. */
export interface AnchorStats {
  /** Sources in the workspace. */
  sources: number;
  /** Sources with a quote anchored (or sentences split) in this run; the others came whole from the cache. */
  anchoredSources: number;
  /** Quotes anchored in this run. */
  anchoredQuotes: number;
  /** Quotes whose result came from the cache. */
  cachedQuotes: number;
  /** Worker threads started (0: everything was anchored in this thread). */
  workers: number;
  /** Worker threads that failed; what they had not done was anchored in this thread. */
  workerFailures: number;
  /** The result cache: not asked for, used, or asked for but its folder could not be written. */
  cache: 'off' | 'used' | 'unwritable';
}

/** The anchoring step's outcome, which checkLoaded takes instead of anchoring itself. */
export interface AnchoredSources {
  /** Sources whose bytes still hash to the sha256 recorded in claims.yaml. */
  unchanged: ReadonlySet<string>;
  /** Each claim's evidence results, in the order of its evidence. */
  results: ReadonlyMap<Claim, EvidenceResult[]>;
  /** The sentences of sources that were split (or read from the cache) along the way, for coverage. */
  sentences: ReadonlyMap<string, Span[]>;
}

export interface AnchorSourcesOptions {
  /** Read and write the result cache in `.factcheck/cache/anchor/` beside claims.yaml. Default false. */
  cache?: boolean;
  /** Worker threads: a number (1: none), or automatic by the work to do and the cores (default). */
  workers?: number;
  /** Called as the quotes of each source are anchored: sources done, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Filled in with what the step did. */
  stats?: AnchorStats;
  /** The worker thread's script (tests give one that fails). Default: anchor-worker.js of this build. */
  workerScript?: URL;
}

/**
 * Automatic worker threads start at this much source text to anchor (UTF-16 units, about bytes of
 * English: some 2,000 articles of 15 KB), and take at least half of it each. A thread costs about
 * 0.2 s to start and 0.3 s of CPU (it loads the anchoring code); anchoring and splitting the
 * sentences of a 15 KB article take about 1 ms. Measured with bench/corpus.mjs on a shared 2-core
 * machine: at 200 sources 2 threads were 0.7 s slower than none, and at 2,000 sources (30 MB) the
 * two were within the noise (14.6 to 15.6 s either way).
 */
export const AUTO_WORKERS_FROM = 32_000_000;
const UNITS_PER_WORKER = 16_000_000;
const MAX_AUTO_WORKERS = 8;

/** How many worker threads a run uses for `units` of source text to anchor. */
export function workerCount(requested: number | undefined, units: number, tasks: number, cores = availableParallelism()): number {
  if (requested !== undefined && Number.isFinite(requested)) return Math.max(1, Math.min(Math.floor(requested), tasks));
  if (cores < 2 || units < AUTO_WORKERS_FROM) return 1;
  return Math.max(1, Math.min(cores, MAX_AUTO_WORKERS, tasks, Math.floor(units / UNITS_PER_WORKER)));
}

/** One source's quotes, the evidence items they come from, and what the cache had for them. */
interface SourceWork {
  id: string;
  source: LoadedSource;
  items: [Claim, number][];
  quotes: QuoteToAnchor[];
  keys: string[];
  parts: (AnchorPart | undefined)[];
  sentences?: number[];
  unchanged: boolean;
  identity?: CacheIdentity;
  cached?: SourceCache;
}

/** Every evidence item of the workspace anchored (see the file's head). */
export async function anchorSources(loaded: { workspace: Workspace; sources: ReadonlyMap<string, LoadedSource> }, options: AnchorSourcesOptions = {}): Promise<AnchoredSources> {
  const { workspace, sources } = loaded;
  const stats = resetStats(options.stats, sources.size, options.cache ? 'used' : 'off');
  const work = collectWork(workspace, sources, options.cache === true);
  const folder = path.join(workspace.root, CACHE_DIR, ANCHOR_CACHE_FOLDER);
  if (options.cache) {
    await eachLimited([...work.values()], 32, async (w) => {
      w.cached = await readSourceCache(cacheFileOf(folder, workspace.claimsPath, w.id), w.identity!);
      if (!w.cached) return;
      w.keys.forEach((key, i) => (w.parts[i] = w.cached!.parts.get(key)));
      if (w.cached.sentences) w.sentences = w.cached.sentences;
    });
  }

  // What is left to do, source by source; the sources the cache answered whole are done.
  const wantSentences = options.cache === true || (options.workers ?? 0) !== 1;
  const tasks: SourceTask[] = [];
  const byId = new Map<string, SourceWork>();
  let done = 0;
  let units = 0;
  for (const w of work.values()) {
    byId.set(w.id, w);
    const missing = w.parts.flatMap((part, i) => (part ? [] : [w.quotes[i]!]));
    stats.cachedQuotes += w.parts.length - missing.length;
    const splitNow = options.cache === true && !w.sentences;
    if (missing.length === 0 && !splitNow) {
      options.onProgress?.(++done, sources.size);
      continue;
    }
    tasks.push({ id: w.id, text: w.source.text.text, unchanged: w.unchanged, quotes: missing, sentences: wantSentences && !w.sentences });
    units += w.source.text.text.length;
  }
  stats.anchoredSources = tasks.length;

  const settle = (result: SourceDone) => {
    const w = byId.get(result.id)!;
    let k = 0;
    w.parts.forEach((part, i) => {
      if (!part) w.parts[i] = result.parts[k++];
    });
    stats.anchoredQuotes += result.parts.length;
    if (result.sentences) w.sentences = result.sentences;
    options.onProgress?.(++done, sources.size);
  };

  const count = workerCount(options.workers, units, tasks.length);
  const script = options.workerScript ?? defaultWorkerScript();
  let left = tasks;
  if (count > 1 && script) {
    const pooled = await anchorInWorkers(tasks, count, plainOptions(workspace.anchor), script, settle);
    stats.workers = pooled.started;
    stats.workerFailures = pooled.failures;
    left = pooled.left;
  }
  for (const task of left) settle(anchorTask(task, workspace.anchor, byId.get(task.id)!.source.text));

  const results = new Map<Claim, EvidenceResult[]>(workspace.claims.map((claim) => [claim, new Array<EvidenceResult>(claim.evidence.length)]));
  const sentences = new Map<string, Span[]>();
  for (const w of work.values()) {
    w.items.forEach(([claim, index], i) => (results.get(claim)![index] = evidenceResult(claim, index, w.parts[i]!)));
    if (w.sentences) sentences.set(w.id, spansOf(w.sentences));
  }
  if (options.cache) stats.cache = (await writeCaches(folder, workspace.claimsPath, work.values(), workspace.sources.keys())) ? 'used' : 'unwritable';
  const unchanged = new Set<string>();
  for (const w of work.values()) if (w.unchanged) unchanged.add(w.id);
  return { unchanged, results, sentences };
}

/**
 * Anchoring in this thread, without cache or workers (checkLoaded's own step, which does no I/O).
 * The same results as anchorSources.
 */
export function anchorInProcess(loaded: { workspace: Workspace; sources: ReadonlyMap<string, LoadedSource> }, onProgress?: (done: number, total: number) => void): AnchoredSources {
  const { workspace, sources } = loaded;
  const work = collectWork(workspace, sources, false);
  const results = new Map<Claim, EvidenceResult[]>(workspace.claims.map((claim) => [claim, new Array<EvidenceResult>(claim.evidence.length)]));
  const unchanged = new Set<string>();
  let done = 0;
  for (const w of work.values()) {
    if (w.unchanged) unchanged.add(w.id);
    const { parts } = anchorTask({ id: w.id, text: w.source.text.text, unchanged: w.unchanged, quotes: w.quotes, sentences: false }, workspace.anchor, w.source.text);
    w.items.forEach(([claim, index], i) => (results.get(claim)![index] = evidenceResult(claim, index, parts[i]!)));
    onProgress?.(++done, sources.size);
  }
  return { unchanged, results, sentences: new Map() };
}

/** The evidence result of an anchored quote: the evidence item's own fields, then what anchoring found. */
function evidenceResult(claim: Claim, index: number, part: AnchorPart): EvidenceResult {
  const evidence = claim.evidence[index]!;
  const base = { claimId: claim.id, index, source: evidence.source, quote: evidence.quote, stance: evidence.stance, pinned: evidence.span !== undefined };
  return { ...base, ...(evidence.span ? { span: evidence.span } : {}), ...part };
}

/** Each source's quotes, in the order of claims.yaml, with its sha256 state and (for the cache) its identity. */
function collectWork(workspace: Workspace, sources: ReadonlyMap<string, LoadedSource>, cache: boolean): Map<string, SourceWork> {
  const work = new Map<string, SourceWork>();
  for (const [id, source] of sources) {
    const hash = cache || source.decl.sha256 ? sha256Of(source.text.text) : undefined;
    const unchanged = source.decl.sha256 !== undefined && source.decl.sha256 === hash;
    work.set(id, { id, source, items: [], quotes: [], keys: [], parts: [], unchanged, ...(cache ? { identity: { source: id, text: hash!, options: optionsKey(unchanged, workspace.anchor) } } : {}) });
  }
  for (const claim of workspace.claims) {
    claim.evidence.forEach((evidence, index) => {
      const w = work.get(evidence.source);
      if (!w) return;
      const quote = quoteToAnchor(evidence);
      w.items.push([claim, index]);
      w.quotes.push(quote);
      w.parts.push(undefined);
      if (cache) w.keys.push(quoteKey(quote));
    });
  }
  return work;
}

function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The anchor options as a plain object (what a worker receives). */
function plainOptions(options: AnchorOptions): AnchorOptions {
  return JSON.parse(JSON.stringify(options)) as AnchorOptions;
}

function resetStats(stats: AnchorStats | undefined, sources: number, cache: AnchorStats['cache']): AnchorStats {
  const fresh: AnchorStats = { sources, anchoredSources: 0, anchoredQuotes: 0, cachedQuotes: 0, workers: 0, workerFailures: 0, cache };
  return stats ? Object.assign(stats, fresh) : fresh;
}

/**
 * Writes the cache files of the sources whose results changed (or whose file held results of
 * quotes that are gone), and removes the files of sources no longer named. False when the folder
 * cannot be written.
 */
async function writeCaches(folder: string, claimsPath: string, work: Iterable<SourceWork>, declared: Iterable<string>): Promise<boolean> {
  const toWrite: SourceWork[] = [];
  // Every declared source keeps its file, read in this run or not (a shard reads only its own).
  const keep = new Set<string>([...declared].map((id) => cacheFileOf(folder, claimsPath, id)));
  for (const w of work) {
    const distinct = new Set(w.keys).size;
    const fresh = w.cached !== undefined && w.cached.parts.size === distinct && w.keys.every((key) => w.cached!.parts.has(key)) && (w.sentences === undefined || w.cached.sentences !== undefined);
    if (!fresh) toWrite.push(w);
  }
  if (toWrite.length === 0) {
    await pruneFolder(folder, claimsPath, keep);
    return true;
  }
  if (!(await prepareFolder(folder))) return false;
  let writable = true;
  await eachLimited(toWrite, 16, async (w) => {
    if (!writable) return;
    const parts = new Map<string, AnchorPart>();
    w.keys.forEach((key, i) => parts.set(key, w.parts[i]!));
    if (!(await writeSourceCache(cacheFileOf(folder, claimsPath, w.id), w.identity!, { ...(w.sentences ? { sentences: w.sentences } : {}), parts }))) writable = false;
  });
  if (writable) await pruneFolder(folder, claimsPath, keep);
  return writable;
}

/** Runs `fn` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}

/** anchor-worker.js of this build: beside this file, or in dist/ when this file runs from src/ (the package's tests). */
function defaultWorkerScript(): URL | undefined {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../dist/anchor-worker.js', here) : new URL('./anchor-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * The tasks anchored in `count` worker threads, handed out in batches as the threads ask for
 * more. When a thread fails (an exception, an exit, a script that cannot load), every thread is
 * stopped and the tasks not yet answered come back in `left`, for this thread to do: a failure
 * never leaves the run waiting.
 */
function anchorInWorkers(
  tasks: readonly SourceTask[],
  count: number,
  options: AnchorOptions,
  script: URL,
  settle: (done: SourceDone) => void,
): Promise<{ left: SourceTask[]; started: number; failures: number }> {
  const batches = batchesOf(tasks, count);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const answered = new Set<number>();
    let next = 0;
    let failures = 0;
    let settled = false;
    const stop = () => {
      settled = true;
      for (const worker of workers) void worker.terminate().catch(() => undefined);
    };
    const finish = () => {
      if (settled) return;
      stop();
      resolve({ left: batches.flatMap((batch, i) => (answered.has(i) ? [] : batch)), started: workers.length, failures });
    };
    const fail = () => {
      if (settled) return;
      failures++;
      finish();
    };
    const send = (worker: Worker) => {
      if (next >= batches.length) return;
      const request: WorkerRequest = { batch: next, options, tasks: batches[next]! };
      next++;
      worker.postMessage(request);
    };
    for (let i = 0; i < count && !settled; i++) {
      let worker: Worker;
      try {
        worker = new Worker(script);
      } catch {
        fail();
        break;
      }
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (settled || answered.has(reply.batch)) return;
        answered.add(reply.batch);
        try {
          for (const done of reply.done) settle(done);
        } catch (error) {
          stop();
          reject(error);
          return;
        }
        if (answered.size === batches.length) finish();
        else send(worker);
      });
      worker.on('error', fail);
      worker.on('messageerror', fail);
      worker.on('exit', () => {
        if (!settled) fail();
      });
      // Two batches each, so that a thread never waits for its next one.
      send(worker);
      send(worker);
    }
    if (batches.length === 0) finish();
  });
}

/** The tasks in batches of about equal text, several per worker so that the threads end together. */
function batchesOf(tasks: readonly SourceTask[], count: number): SourceTask[][] {
  const total = tasks.reduce((sum, task) => sum + task.text.length, 0);
  const target = Math.max(1, Math.min(500_000, Math.ceil(total / (count * 8))));
  const batches: SourceTask[][] = [];
  let batch: SourceTask[] = [];
  let size = 0;
  for (const task of tasks) {
    batch.push(task);
    size += task.text.length;
    if (size >= target) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
  }
  if (batch.length) batches.push(batch);
  return batches;
}
