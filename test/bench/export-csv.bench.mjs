// CSV export throughput and memory: 100,000 generated responses to a shipped form (routine-enquiry
// 2.0.0, or the export fixture if the forms are absent), streamed through csvRows() into a sink
// that only counts bytes, against a plain baseline in the same process writing the same responses
// with JSON.stringify per line. Figures only; timings are never asserted in tests.
// Run: npm run bench:export   [-- --count 100000] [--out file.csv to write to disk as well]
import { loadCore } from './load-core.mjs';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const COUNT = Number(flag('count', 100_000));
const OUT = flag('out', undefined);

const dir = await mkdtemp(join(tmpdir(), 'bench-export-'));
try {
  const core = await loadCore(dir);
  const file = existsSync('form-definitions/routine-enquiry/2.0.0.json') ? 'form-definitions/routine-enquiry/2.0.0.json' : 'test/fixtures/definitions/export-rich.json';
  const loaded = core.loadDefinitionText(await readFile(file, 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
  const definition = loaded.value;
  const questions = core.formModel(definition).questions;

  // Deterministic answers for every question, by type (xorshift PRNG, so every run exports the same data).
  let seed = 0x9e3779b9;
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const texts = ['Seen at the clinic', 'Said "he checks my phone", then changed the subject', '=cmd|evil', 'Two lines\nof notes', '-5 units', 'Plain words, with a comma'];
  const answerFor = (q) => {
    switch (q.kind) {
      case 'yes-no': return rand() < 0.5;
      case 'integer': return Math.floor(rand() * 100) - 10;
      case 'decimal': return Math.round(rand() * 1000) / 10 - 20;
      case 'single-choice': return pick(q.options).code;
      case 'multiple-choice': return q.options.filter(() => rand() < 0.3).map((o) => o.code);
      case 'date': return `2026-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      case 'time': return `${String(Math.floor(rand() * 24)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`;
      case 'date-time': return '2026-11-25T10:00:00Z';
      case 'group': return Array.from({ length: Math.floor(rand() * 3) }, () => Object.fromEntries(q.items.map((iq) => [iq.key, answerFor(iq)])));
      default: return pick(texts);
    }
  };
  function* responses(n) {
    for (let i = 0; i < n; i++) {
      const answers = {};
      for (const q of questions) if (!q.computed && rand() < 0.9) answers[q.key] = answerFor(q);
      yield {
        responseId: `resp-${i}`,
        form: { id: definition.id, version: definition.version, sha256: 'a'.repeat(64) },
        status: 'completed',
        startedAt: '2026-11-25T09:00:00Z',
        updatedAt: '2026-11-25T09:30:00Z',
        completedAt: '2026-11-25T09:30:00Z',
        answers,
        meta: {},
      };
    }
  }

  const sink = () => {
    const stream = OUT ? createWriteStream(OUT) : undefined;
    return {
      bytes: 0,
      async write(chunk) {
        this.bytes += chunk.length;
        if (stream && !stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      },
      async close() {
        if (stream) await new Promise((r) => stream.end(r));
      },
    };
  };

  // Memory is sampled every 1,000 responses; peak heap and RSS are reported, and the heap after the
  // first 10% against the last sample shows whether it grows with the number of responses.
  async function measure(label, chunks) {
    globalThis.gc?.();
    const out = sink();
    const base = process.memoryUsage();
    let peakHeap = 0;
    let peakRss = 0;
    const samples = [];
    let seen = 0;
    const t = performance.now();
    const live = [];
    const tenth = Math.max(1, Math.floor(COUNT / 10));
    let gcMs = 0;
    for (const chunk of chunks(() => {
      if (++seen % 1000 === 0) {
        const m = process.memoryUsage();
        peakHeap = Math.max(peakHeap, m.heapUsed);
        peakRss = Math.max(peakRss, m.rss);
        samples.push(m.heapUsed);
      }
      // Live heap (after a full collection) at every tenth of the run: flat means streaming.
      if (globalThis.gc && seen % tenth === 0) {
        const g = performance.now();
        globalThis.gc();
        live.push(process.memoryUsage().heapUsed);
        gcMs += performance.now() - g;
      }
    })) await out.write(chunk);
    const ms = performance.now() - t - gcMs;
    await out.close();
    const mb = (b) => (b / 1024 / 1024).toFixed(1);
    const early = samples[Math.floor(samples.length / 10)] ?? 0;
    console.log(
      `${label.padEnd(32)} ${Math.round((COUNT / ms) * 1000).toLocaleString('en-GB').padStart(9)} responses/s  ${(ms / 1000).toFixed(2)} s  ` +
        `${mb(out.bytes)} MiB of text  peak heap ${mb(peakHeap)} MiB (+${mb(peakHeap - base.heapUsed)})  peak RSS ${mb(peakRss)} MiB  ` +
        (live.length ? `live heap at 10%…100%: ${live.map(mb).join(' ')} MiB` : `heap at 10%/100%: ${mb(early)}/${mb(samples.at(-1) ?? 0)} MiB`),
    );
    return COUNT / ms;
  }

  const counted = (n, tick) => {
    const it = responses(n);
    return { *[Symbol.iterator]() { for (const r of it) { tick(); yield r; } } };
  };

  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; form ${definition.id} ${definition.version} (${core.formModel(definition).questions.length} questions); ${COUNT.toLocaleString('en-GB')} responses${globalThis.gc ? '' : ' (run with --expose-gc for steadier memory figures)'}`);
  // Warm both paths, so neither pays for the JIT alone.
  for (const _ of core.csvRows(definition, responses(2000))) void _;
  const baseline = await measure('baseline JSON.stringify per line', function* (tick) {
    for (const r of counted(COUNT, tick)) yield JSON.stringify(r) + '\n';
  });
  const csv = await measure('csvRows (wide file)', (tick) => core.csvRows(definition, counted(COUNT, tick)));
  const ndjson = await measure('ndjsonLines', (tick) => core.ndjsonLines(definition, counted(COUNT, tick)));
  console.log(`csvRows runs at ${((csv / baseline) * 100).toFixed(0)}% of the baseline's rate (${(baseline / csv).toFixed(2)}× its time); ndjsonLines at ${((ndjson / baseline) * 100).toFixed(0)}%.`);

  // Quoting alone, on the same rows: our RFC 4180 encoder against csv-stringify (why we wrote our own).
  const { stringify } = await import('csv-stringify/sync');
  const rows = [];
  const cells = ['Seen at the clinic', 'Said "he checks my phone", then left', "'=cmd|evil", 'Two lines\nof notes', 'plain', '', -12.5, 3, 1];
  for (let i = 0; i < 500; i++) rows.push(Array.from({ length: 60 }, (_, j) => cells[(i * 7 + j) % cells.length]));
  const neutralised = rows.map((r) => r.map(core.neutraliseCsvCell));
  const rate = (fn) => {
    for (let k = 0; k < 10; k++) fn();
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < 1000) {
      fn();
      n += rows.length;
    }
    return (n / (performance.now() - t)) * 1000;
  };
  const ours = rate(() => core.encodeRows(rows));
  const lib = rate(() => stringify(neutralised, { record_delimiter: 'windows', quoted_match: /[\r\n]/ }));
  console.log(`quoting only, 60-column rows: encodeRows ${Math.round(ours).toLocaleString('en-GB')} rows/s, csv-stringify ${Math.round(lib).toLocaleString('en-GB')} rows/s (${(ours / lib).toFixed(1)}×)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
