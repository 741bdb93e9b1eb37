import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { SIDE_EFFECT_FREE } from './vite.lib.config';
import LongestFirst from './test/support/sequencer';
import { EXCLUDED, IN_PROCESS, ISOLATED, TIMING_SUITES } from './test/support/projects';

/**
 * zod builds its object parsers with `new Function` unless `jitless` is set before the first schema
 * is constructed; under the strict CSP that probe is a violation on every page. core's zod-config.ts
 * sets it, but a side-effect-free build skips core's index (and so that import), and another module
 * may build schemas first. zod keeps its config in this global (zod/v4/core/core.js), so every chunk
 * sets it before its own code runs: whichever chunk is evaluated first, the flag is there in time.
 */
const ZOD_JITLESS_BANNER = 'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });';

const root = import.meta.dirname;
/** The same table the server serves from (builder/server/pages.ts). */
const PAGES = JSON.parse(readFileSync(resolve(root, 'builder/server/pages.json'), 'utf8')) as Record<string, string>;

/**
 * The web app's pages (builder, practitioner page, iframe page), built by `vite build` into dist/app
 * and served by builder/server. Pages still being written are left out, so the build never fails
 * for a missing entry; with none at all a placeholder keeps `vite build` meaningful.
 */
function pageInputs(): Record<string, string> {
  const present = Object.entries(PAGES).filter(([, file]) => existsSync(resolve(root, file)));
  if (present.length === 0) return { placeholder: resolve(root, 'builder/server/placeholder.html') };
  return Object.fromEntries(present.map(([name, file]) => [name, resolve(root, file)]));
}

const TIMING_ONLY = process.env.TIMING_SUITES === '1';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    // The strict CSP has no `'unsafe-inline'` for scripts and no `data:` for fonts or scripts:
    // no inline module-preload polyfill, and no asset inlined as a data: URL.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      input: pageInputs(),
      // Core and its libraries have no import-time side effects; saying so lets the practitioner
      // page drop lint, zod schemas and AJV's compiler it never calls (see vite.lib.config.ts).
      treeshake: { moduleSideEffects: (id: string) => !SIDE_EFFECT_FREE.test(id) },
      output: { banner: ZOD_JITLESS_BANNER },
    },
  },
  // Monaco's language workers are bundled from `?worker` imports as ES module workers.
  worker: { format: 'es' },
  test: {
    // One folder per run, where the store tests' shared databases are made (test/support/shared-databases.ts).
    globalSetup: ['test/support/run-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests share one built app and server; keep files parallel but bounded on 2 cores.
    // Timing suites run one file at a time: two of them side by side read each other as long tasks.
    maxWorkers: TIMING_ONLY ? 1 : 2,
    sequence: { sequencer: LongestFirst },
    // Suites that time the main thread run on their own, after the rest (`npm test` runs vitest
    // twice): beside another browser suite on 2 cores, a page descheduled by the OS reads as a long task.
    projects: TIMING_ONLY
      ? [{ extends: true, test: { name: 'timing', include: TIMING_SUITES } }]
      : [
          {
            // Tests of our own modules in this process share one module cache: isolating each of
            // 175 files re-imported core, AJV and React every time (their run took 160 s here, 48 s shared).
            // A test that replaces a module (vi.mock) or spawns the product belongs outside these folders.
            extends: true,
            test: { name: 'in-process', include: IN_PROCESS, isolate: false },
          },
          {
            // Browser and process suites drive the product in processes of their own (server, CLI,
            // Chromium); what they import (playwright-core, core, the harnesses) is shared by the files
            // a worker runs: importing it afresh for each of 76 files cost about 115 s of the run's CPU.
            extends: true,
            test: { name: 'across-processes', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: [...EXCLUDED, ...IN_PROCESS, ...TIMING_SUITES, ...ISOLATED], isolate: false },
          },
          { extends: true, test: { name: 'isolated', include: ISOLATED } },
        ],
  },
});
