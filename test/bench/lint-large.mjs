// Prints how long lint takes on a form at the documented limits (5,000 questions, close to 1 MiB),
// in process and through the compiled CLI. Figures only: timings are never asserted in tests.
// Run: node test/bench/lint-large.mjs   (after npm run build:cli)
import { loadCore } from './load-core.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = await mkdtemp(join(tmpdir(), 'bench-lint-'));
try {
  const core = await loadCore(dir);
  const d = JSON.parse(await readFile('test/fixtures/definitions/valid.json', 'utf8'));
  for (let i = 0; i < core.limits.questions - 10; i++) {
    d.schema.properties[`q${i}`] = { type: 'string', maxLength: 500, title: `Question ${i} ${'x'.repeat(50)}`, 'x-code': `q_${i}` };
    d.uischema.elements[0].elements.push({ type: 'Control', scope: `#/properties/q${i}` });
  }
  const text = JSON.stringify(d);
  const file = join(dir, 'large.json');
  await writeFile(file, text);
  console.log(`form: ${core.limits.questions} questions, ${(text.length / 1024).toFixed(0)} KiB`);
  const time = (label, fn, runs = 5) => {
    const ms = [];
    let result;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      result = fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label}: median ${ms[runs >> 1].toFixed(0)} ms, min ${ms[0].toFixed(0)} ms`);
    return result;
  };
  // The first run is what a CLI process pays: cold code, AJV's meta-schema compiled once.
  time('lintText, first run in this process', () => core.lintText(text), 1);
  time('loadDefinitionText', () => core.loadDefinitionText(text));
  const loaded = core.loadDefinitionText(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const problems = time('lint (all rules)', () => core.lint(loaded.value, { raw: loaded.raw }));
  for (const rule of core.allRules) time(`  ${rule.codes[0]}`, () => core.lint(loaded.value, { raw: loaded.raw }, [rule]), 3);
  time('lintText', () => core.lintText(text));
  console.log(`problems: ${problems.length}`);
  time('CLI lint (whole process)', () => spawnSync(process.execPath, ['dist/node/cli.js', 'lint', file], { encoding: 'utf8' }), 3);
} finally {
  await rm(dir, { recursive: true, force: true });
}
