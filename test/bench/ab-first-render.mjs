// First render of built bench pages, two or more builds in one run, outside the shared bench: rounds of
// unprofiled loads of node_modules/.cache/shared-bench/dist/<id>/n<N>/ (built by `npm run bench:peers`, or
// its scripts/build.mjs with --only), each round loading every build in a rotated order. Prints each build's
// median of every span of the harness's marks, then for each build against the first: the difference of
// medians, and the mean paired difference with its 95% interval. (The median of paired differences is not
// printed: the render span falls in two clusters about 40 ms apart, and that statistic swung by 30 ms
// between two runs of the same builds.) For one change's effect on first render, where the shared
// bench's rounds are too few to see it. Figures only.
// Know the noise before reading a difference: on the 2-core VM at stop 34, two byte-identical builds
// under different names (cp -r dist/<id> dist/<id>-copy) gave paired medians of nav → DOM from −61 to
// +94 ms at 14–24 rounds (about 150 ms standard deviation per paired load). Run such an A/A first; the
// mount span (±6 ms at 80 rounds) is the one that resolves a few percent.
// Run: node test/bench/ab-first-render.mjs <rounds> <idA> <idB> [idC …] (N=1000; BENCH_N to change)
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const bench = join(import.meta.dirname, '../../node_modules/.cache/shared-bench');
const [ROUNDS, ...ids] = process.argv.slice(2);
const N = process.env.BENCH_N ?? '1000';
if (!(Number(ROUNDS) > 0) || ids.length < 2) {
  console.error('usage: node test/bench/ab-first-render.mjs <rounds> <idA> <idB> [idC …]');
  process.exit(2);
}
const { startServer } = await import(pathToFileURL(join(bench, 'scripts/lib/server.mjs')).href);
const { launch, freshPage } = await import(pathToFileURL(join(bench, 'scripts/lib/browser.mjs')).href);
const server = await startServer(join(bench, 'dist'));
const browser = await launch();
const res = Object.fromEntries(ids.map((id) => [id, []]));
async function load(id) {
  const { context, page } = await freshPage(browser);
  await page.goto(`${server.url}/${id}/n${N}/`, { timeout: 120_000 });
  const r = await page.evaluate(() => window.__bench.ready);
  await context.close();
  return r;
}
for (const id of ids) await load(id); // warm the server and the disk cache
for (let i = 0; i < Number(ROUNDS); i++) for (let j = 0; j < ids.length; j++) res[ids[(i + j) % ids.length]].push(await load(ids[(i + j) % ids.length]));
await browser.close();
server.close?.();
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ci95 = (xs) => (1.96 * Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1))) / Math.sqrt(xs.length);
const spans = [
  ['nav→script', 'moduleStart', null],
  ['script→mount', 'moduleStart', 'mountStart'],
  ['mount', 'mountStart', 'mountReturned'],
  ['mount→DOM', 'mountReturned', 'domReady'],
  ['nav→DOM', 'domReady', null],
  ['DOM→painted', 'domReady', 'painted'],
  ['nav→painted', 'painted', null],
];
const val = (r, [, a, b]) => (b ? r[b] - r[a] : r[a]);
const row = (label, cells) => console.log(label.padEnd(28), cells.map((c) => String(c).padStart(14)).join(''));
row(`N=${N}, ${ROUNDS} rounds`, spans.map(([n]) => n));
for (const id of ids) row(id, spans.map((s) => med(res[id].map((r) => val(r, s))).toFixed(1)));
for (const id of ids.slice(1)) {
  row(`Δ median ${id}`, spans.map((s) => (med(res[id].map((r) => val(r, s))) - med(res[ids[0]].map((r) => val(r, s)))).toFixed(1)));
  row(`Δ mean ±95% ${id}`, spans.map((s) => {
    const d = res[id].map((r, i) => val(r, s) - val(res[ids[0]][i], s));
    return `${mean(d).toFixed(0)}±${ci95(d).toFixed(0)}`;
  }));
}
process.exit(0);
