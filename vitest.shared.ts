// The vitest settings every package shares. Each package's vitest.config.ts calls
// packageTestConfig with what it does differently (a longer timeout, say).
import { defineConfig, type TestUserConfig, type ViteUserConfig } from 'vitest/config';

/**
 * A package's test configuration: the tests are test/**\/*.test.ts, and the results go to the
 * terminal and to the package's test-results.json (the CI script adds those files up). `test`
 * adds settings or replaces these ones.
 */
export function packageTestConfig(test: TestUserConfig = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      // Generous, not a speed goal: the suites run side by side under turbo on small shared
      // machines, where a test that takes 1 s alone can take 10 s.
      testTimeout: 60_000,
      hookTimeout: 60_000,
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...test,
    },
  });
}
