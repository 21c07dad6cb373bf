import * as path from 'node:path';
import { loadWorkspace, type CheckResult } from '@factcheck/core';
import { writeHtmlReport } from '@factcheck/report';
import { RUN_META_KEY, type ClaimsRunData } from './runtime.js';

export interface ReportWriterOptions {
  /** Report on this claims file only. Default: every claims file of the run. */
  claims?: string;
  /**
   * Where the site goes. Default: reports/factcheck beside each claims file. With several claims
   * files, each gets a folder of its own under it, named after the claims file's path.
   */
  outDir?: string;
}

/** The part of vitest's TestModule the reporter reads. */
export interface ReportedModule {
  moduleId: string;
  meta(): object;
}

/**
 * A vitest reporter that writes the HTML report when the run ends, from the results the claims'
 * tests recorded on their module (the check ran once, in the tests; it is not run again). A merged
 * sharded run (`vitest --merge-reports`) has them too, from the blob reports.
 */
export class FactcheckReportWriter {
  private readonly claims: string | undefined;
  private readonly outDir: string | undefined;

  constructor(options: ReportWriterOptions = {}) {
    this.claims = options.claims === undefined ? undefined : path.resolve(options.claims);
    this.outDir = options.outDir;
  }

  async onTestRunEnd(testModules: readonly ReportedModule[] = []): Promise<void> {
    // Each shard checked the whole file and recorded the same results: one per claims file.
    const runs = new Map<string, ClaimsRunData>();
    for (const module of testModules) {
      const data = (module.meta() as Record<string, unknown>)[RUN_META_KEY] as ClaimsRunData | undefined;
      // A shard's copy of a claims file is named with a query (see the plugin).
      const file = path.resolve(module.moduleId.split('?')[0]!);
      if (data?.version !== 1 || runs.has(file) || (this.claims !== undefined && file !== this.claims)) continue;
      runs.set(file, data);
    }
    for (const [file, data] of runs) {
      const result = await resultOf(file, data);
      if (!result) {
        process.stdout.write(`\nfactcheck: ${path.relative(process.cwd(), file)} could not be read again for the HTML report; no report written\n`);
        continue;
      }
      const outDir =
        this.outDir === undefined
          ? path.join(result.workspace.root, 'reports', 'factcheck')
          : runs.size === 1
            ? this.outDir
            : path.join(this.outDir, path.relative(process.cwd(), file).replace(/\.ya?ml$/i, '').replace(/[\\/]/g, '-'));
      await writeHtmlReport(result, outDir);
      process.stdout.write(`\nfactcheck: HTML report written to ${path.relative(process.cwd(), path.join(outDir, 'index.html'))}\n`);
    }
  }
}

/**
 * The check result of the run: the recorded results, with the workspace and the sources' text
 * that the pages quote (loaded, not checked: no quote is anchored again).
 */
async function resultOf(file: string, data: ClaimsRunData): Promise<CheckResult | undefined> {
  const loaded = await loadWorkspace(file, { cwd: process.cwd(), cache: true });
  if (!loaded.value) return undefined;
  const { workspace, sources } = loaded.value;
  return { workspace, sources, claims: data.claims, contradictions: data.contradictions, coverage: data.coverage, messages: data.messages, summary: data.summary };
}
