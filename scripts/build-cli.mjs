// Compiles the command line (and the server) to plain JavaScript, so `npx assessment-studio`
// starts without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entryPoints = { cli: 'runtime/node/cli.ts' };
if (existsSync('builder/server/main.ts')) entryPoints.server = 'builder/server/main.ts';

await build({
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
