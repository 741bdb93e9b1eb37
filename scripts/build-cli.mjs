// Compiles the command line (and the server) to plain JavaScript, so `npx assessment-studio`
// starts without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const entryPoints = { cli: 'runtime/node/cli.ts' };
if (existsSync('builder/server/main.ts')) entryPoints.server = 'builder/server/main.ts';

// `?raw` imports (the store's migrations, kept as .sql files) become strings, as Vite makes them.
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

await build({
  plugins: [rawText],
  // The databases load files beside their own modules (PGlite's WebAssembly) or optional natives
  // (pg-native): they stay in node_modules, dependencies of the package, not bundled.
  external: ['@electric-sql/pglite', 'pg'],
  entryPoints,
  outdir: 'dist/node',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

// The validator engine generated validator modules import (runtime/node/standalone.ts), as plain
// JavaScript for the published package, which ships no TypeScript source. Bundled alone, so the
// ahead-of-time modules that inline it carry nothing else.
await build({
  entryPoints: { 'validator-engine': 'runtime/core/validate/engine.ts' },
  outdir: 'dist/node',
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2020',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});

// The embedded database's thread (runtime/node/store/pglite-worker.mjs) is loaded beside the module
// that starts it: plain JavaScript, copied as it is.
await mkdir('dist/node', { recursive: true });
await copyFile('runtime/node/store/pglite-worker.mjs', 'dist/node/pglite-worker.mjs');
