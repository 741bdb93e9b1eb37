// Benches run in plain Node: bundle runtime/core with esbuild into `dir` and import it, so the
// figures are those of the same code the CLI ships, without a TypeScript loader in the timings.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadCore(dir) {
  const entry = join(dir, 'core.mjs');
  await build({
    entryPoints: ['runtime/core/index.ts'],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return import(pathToFileURL(entry).href);
}
