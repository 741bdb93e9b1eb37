// First render of built bench pages, A against B, outside the shared bench: alternating unprofiled loads
// of node_modules/.cache/shared-bench/dist/<id>/n<N>/ (built by `npm run bench:peers`, or its
// scripts/build.mjs with --only), medians of the harness's marks and the paired median difference.
// For one change's effect on first render, where the bench's rounds are too few to see it. Figures only.
// Run: node test/bench/ab-first-render.mjs <idA> <idB> [loads=20] [n=1000]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const bench = join(import.meta.dirname, '../../node_modules/.cache/shared-bench');
const [A, B, LOADS = '20', N = '1000'] = process.argv.slice(2);
const { startServer } = await import(pathToFileURL(join(bench, 'scripts/lib/server.mjs')).href);
const { launch, freshPage } = await import(pathToFileURL(join(bench, 'scripts/lib/browser.mjs')).href);
const server = await startServer(join(bench, 'dist'));
const browser = await launch();
const res = { [A]: [], [B]: [] };
async function load(id) {
  const { context, page } = await freshPage(browser);
  await page.goto(`${server.url}/${id}/n${N}/`, { timeout: 120_000 });
  const r = await page.evaluate(() => window.__bench.ready);
  await context.close();
  return r;
}
await load(A); await load(B); // warm the server and disk cache
for (let i = 0; i < +LOADS; i++) for (const id of i % 2 ? [B, A] : [A, B]) res[id].push(await load(id));
await browser.close(); server.close?.();
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const keys = ['moduleStart', 'mountStart', 'mountReturned', 'domReady', 'painted'];
for (const id of [A, B]) console.log(id.padEnd(28), keys.map((k) => `${k} ${med(res[id].map((r) => r[k])).toFixed(0)}`).join('  '), ` mount ${med(res[id].map((r) => r.mountReturned - r.mountStart)).toFixed(1)}`);
const diff = (k) => med(res[A].map((r, i) => res[B][i][k] - r[k]));
const span = (from, to) => med(res[A].map((r, i) => (res[B][i][to] - res[B][i][from]) - (r[to] - r[from])));
console.log(`paired median B-A: painted ${diff('painted').toFixed(0)}, domReady ${diff('domReady').toFixed(0)}, moduleStart ${diff('moduleStart').toFixed(0)}; ` +
  `script start → mount ${span('moduleStart', 'mountStart').toFixed(1)}, mount ${span('mountStart', 'mountReturned').toFixed(1)}, mount returned → DOM ${span('mountReturned', 'domReady').toFixed(1)}, DOM → painted ${span('domReady', 'painted').toFixed(1)}`);
process.exit(0);
