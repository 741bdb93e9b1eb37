// Writes schemas/definition.schema.json from the zod envelope (runtime/core/definition/envelope.ts),
// so editors (Monaco, VS Code) complete and check definitions against the one model.
// `--check` writes nothing and exits 1 if the committed file is out of date.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const target = 'schemas/definition.schema.json';
const check = process.argv.includes('--check');

const dir = await mkdtemp(join(tmpdir(), 'gen-schemas-'));
try {
  const entry = join(dir, 'envelope.mjs');
  await build({ entryPoints: ['runtime/core/definition/envelope.ts'], outfile: entry, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { definitionJsonSchema } = await import(pathToFileURL(entry).href);
  const text = JSON.stringify(definitionJsonSchema(), null, 2) + '\n';
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${target} is out of date: run npm run gen:schemas`);
      process.exitCode = 1;
    }
  } else {
    await writeFile(target, text);
    console.log(`wrote ${target}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
