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
