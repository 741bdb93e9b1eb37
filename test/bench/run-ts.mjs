// Runs a TypeScript bench script (test/bench/*.bench.ts): bundles it with esbuild for Node, as the other
// benches here do, then runs it in this process. Figures only; nothing is asserted.
// Run: node test/bench/run-ts.mjs test/bench/validate.bench.ts [args...]
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: node test/bench/run-ts.mjs <file.bench.ts> [args...]');
  process.exit(2);
}
// Inside the repository (.tmp/, ignored), so the packages left external resolve from node_modules.
await mkdir(resolve('.tmp'), { recursive: true });
const dir = await mkdtemp(join(resolve('.tmp'), 'bench-ts-'));
try {
  const out = join(dir, 'bench.mjs');
  await build({
    entryPoints: [resolve(script)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    // Database drivers load files beside their modules (PGlite's WebAssembly): never bundled.
    external: ['@electric-sql/pglite', 'pg'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  process.argv = [process.argv[0], resolve(script), ...rest];
  await import(pathToFileURL(out).href);
} finally {
  await rm(dir, { recursive: true, force: true });
}
