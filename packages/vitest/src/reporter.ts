import * as path from 'node:path';
import { checkWorkspace } from '@factcheck/check';
import { writeHtmlReport } from '@factcheck/report';

export interface ReportWriterOptions {
  /** claims.yaml to report on. Default: claims.yaml in the current directory. */
  claims?: string;
  /** Where the site goes. Default: reports/factcheck beside claims.yaml. */
  outDir?: string;
}

/** A vitest reporter that writes the HTML coverage report when the run ends. */
export class FactcheckReportWriter {
  private readonly claims: string;
  private readonly outDir: string | undefined;

  constructor(options: ReportWriterOptions = {}) {
    this.claims = path.resolve(options.claims ?? 'claims.yaml');
    this.outDir = options.outDir;
  }

  async onTestRunEnd(): Promise<void> {
    const checked = await checkWorkspace(this.claims, { cwd: process.cwd() });
    if (!checked.value) return;
    const outDir = this.outDir ?? path.join(checked.value.workspace.root, 'reports', 'factcheck');
    await writeHtmlReport(checked.value, outDir);
    process.stdout.write(`\nfactcheck: HTML report written to ${path.relative(process.cwd(), path.join(outDir, 'index.html'))}\n`);
  }
}
