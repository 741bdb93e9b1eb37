// Writes (or, with `--check`, compares) a JSON Schema validator compiled ahead of time: AJV standalone
// code bundled by esbuild into one ES module with no eval and no `new Function`, so it runs under the
// product's strict CSP and costs nothing to compile when a page starts.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';

/** `validate` compiled by `ajv` (created with `code: { source: true, esm: true }`) → `out`, headed by `header`. */
export async function writeStandaloneValidator({ ajv, validate, out, header, generator }) {
  const source = standaloneCode.default(ajv, validate);
  const bundled = await build({
    stdin: { contents: source, resolveDir: fileURLToPath(new URL('../..', import.meta.url)), loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  const text = `// ${header} Do not edit: regenerate it.\n${bundled.outputFiles[0].text}`;
  if (!process.argv.includes('--check')) {
    writeFileSync(out, text);
    return;
  }
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(`${out} is stale: run \`node ${generator}\``);
    process.exit(1);
  }
}
