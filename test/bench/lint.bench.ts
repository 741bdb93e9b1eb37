// Lint of every shipped form (form-definitions/<id>/<version>.json, as the CLI lints it: folder, file
// version and published record given) and of a generated 1000-question definition, each against a plain
// baseline in the same process: JSON.parse of the same text plus AJV's own meta-schema check of its
// `schema` (the least any linter of a JSON Schema form does). Figures only; never asserted in tests.
// Run: npm run bench:lint   [-- --runs 20 --n 1000]
import Ajv2020 from 'ajv/dist/2020';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, parsePublishedRecord, type PublishedRecord } from '../../runtime/core/index';
import { workloadDefinition } from './workload';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = flag('runs', 20);
const N = flag('n', 1000);
const ROOT = 'form-definitions';

interface Timing {
  median: number;
  min: number;
}

/** Both functions called alternately (so load from other processes falls on each alike): median and min. */
function compare(a: () => unknown, b: () => unknown): [Timing, Timing] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  const stat = (xs: number[]): Timing => {
    xs.sort((x, y) => x - y);
    return { median: xs[Math.floor(xs.length / 2)]!, min: xs[0]! };
  };
  return [stat(ta), stat(tb)];
}

// As scripts/gen-meta-validator.mjs builds it: the baseline is AJV checking the meta-schema at run time.
const metaAjv = new Ajv2020({ strict: true, validateFormats: false });
function baseline(text: string): unknown {
  const doc = JSON.parse(text) as { schema?: object };
  return metaAjv.validateSchema(doc.schema ?? {});
}

const recordFile = join(ROOT, 'published.json');
let published: PublishedRecord | undefined;
try {
  const parsed = parsePublishedRecord(readFileSync(recordFile, 'utf8'));
  published = parsed.ok ? parsed.value : undefined;
} catch {
  published = undefined;
}

const t0 = performance.now();
lintText(readFileSync(join(ROOT, 'routine-enquiry', '2.0.0.json'), 'utf8'));
console.log(`lint: ${RUNS} runs per figure, Node ${process.version}; first lintText in this process (cold code, AJV meta-schema compiled once): ${(performance.now() - t0).toFixed(0)} ms`);
console.log('');
console.log('| definition | questions | KiB | problems | lintText med / min ms | baseline (JSON.parse + AJV meta-schema) med ms | ratio (median) |');
console.log('|---|---|---|---|---|---|---|');

const row = (label: string, text: string, context: Parameters<typeof lintText>[1]) => {
  const problems = lintText(text, context);
  const questions = Object.keys((JSON.parse(text) as { schema?: { properties?: object } }).schema?.properties ?? {}).length;
  const [ours, base] = compare(() => lintText(text, context), () => baseline(text));
  console.log(
    `| ${label} | ${questions} | ${(text.length / 1024).toFixed(0)} | ${problems.length} | ${ours.median.toFixed(2)} / ${ours.min.toFixed(2)} | ${base.median.toFixed(2)} | ${(ours.median / base.median).toFixed(1)}x |`,
  );
};

for (const id of readdirSync(ROOT).sort()) {
  const dir = join(ROOT, id);
  if (!statSync(dir).isDirectory()) continue;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const version = file.slice(0, -'.json'.length);
    row(`${id} ${version}`, readFileSync(join(dir, file), 'utf8'), { folderId: id, fileVersion: version, published });
  }
}
row(`generated, ${N} questions`, JSON.stringify(workloadDefinition(N), null, 2), {});
