/**
 * Which test files run where (vite.config.ts). Most share a worker's module cache (`isolate: false`),
 * so a file that replaces a module or leaves a spy, stub or fake clock behind changes the files run
 * after it; test/unit/test-isolation.test.ts holds every file to that.
 */

/** Every suite that asserts no main-thread task over 200 ms (issue 16's promise) is timed on its own. */
export const TIMING_SUITES = [
  'test/e2e/security-longtasks.test.ts',
  'test/e2e/runtime-hostile-definitions.test.ts',
  'test/e2e/runtime-hostile-practitioner.test.ts',
];
export const IN_PROCESS = ['test/unit/**/*.test.{ts,tsx}', 'test/regressions/**/*.test.ts', 'test/conformance/**/*.test.ts'];
/** Suites that replace a module (vi.mock): each needs a module cache of its own. */
export const ISOLATED = ['test/integration/atomic-write.test.ts', 'test/integration/store/server-export-stream.test.ts'];
export const EXCLUDED = ['node_modules/**', 'dist/**', 'test/bench/**'];
