// vitest configuration that runs the workspace's claims.yaml as tests (`pnpm test:claims`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { factcheckPlugin, FactcheckReportWriter } from './dist/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  plugins: [factcheckPlugin()],
  test: {
    include: ['claims.yaml'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }], new FactcheckReportWriter({ claims: `${root}/claims.yaml` })],
  },
});
