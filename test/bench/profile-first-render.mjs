// Where first render goes: loads a built bench page (node_modules/.cache/shared-bench/dist/<id>/n<N>/, made
// by `npm run bench:peers` or `npm run bench:growth`) under the CDP sampling profiler, from navigation until
// every question is in the DOM, and prints the harness's marks and self time summed by function and by file.
// `--readable` first builds the adapter again without minifying (into dist/<id>-readable/), so functions keep
// their names; timings then differ a little from the minified build the bench measures.
// Figures only. Run: node test/bench/profile-first-render.mjs [--id assessment-studio] [--n 1000] [--loads 3] [--top 40] [--readable] [--phase mount]
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bench = join(root, 'node_modules/.cache/shared-bench');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const READABLE = args.includes('--readable');
const ADAPTER = opt('id', 'assessment-studio');
const ID = READABLE ? `${ADAPTER}-readable` : ADAPTER;
const N = Number(opt('n', 1000));
const LOADS = Number(opt('loads', 3));
const TOP = Number(opt('top', 40));
const QUERY = opt('query', '');
// `--phase evaluate|mount|render`: list functions of that phase only (the by-file table keeps all).
const PHASE = opt('phase', '');
if (READABLE) await buildReadable();
if (!existsSync(join(bench, 'dist', ID, `n${N}`, 'index.html'))) {
  console.error(`no build at ${join(bench, 'dist', ID, `n${N}`)}: run npm run bench:growth -- --only ${ID} --sizes ${N} first`);
  process.exit(2);
}
const { startServer } = await import(pathToFileURL(join(bench, 'scripts/lib/server.mjs')).href);
const { launch, freshPage } = await import(pathToFileURL(join(bench, 'scripts/lib/browser.mjs')).href);
const server = await startServer(join(bench, 'dist'));
const browser = await launch();

const byFn = new Map();
const byFile = new Map();
const marks = [];
let total = 0;
for (let load = 0; load < LOADS; load++) {
  const { context, page } = await freshPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/${ID}/n${N}/${QUERY}`, { timeout: 120_000 });
  const ready = await page.evaluate(() => window.__bench.ready);
  const { profile } = await cdp.send('Profiler.stop');
  marks.push(ready);
  // Self time per node, counted only up to "every question in the DOM". Sample times are the profiler's
  // clock; they are put on the page's (ms since navigation) by taking the first sample inside the page's
  // own script as the harness's "script start".
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const times = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const first = profile.samples.findIndex((id) => /\/assets\/index-/.test(nodes.get(id).callFrame.url));
  const offset = times[first] / 1000 - ready.moduleStart;
  for (let i = 0; i < profile.samples.length; i++) {
    const at = times[i] / 1000 - offset;
    if (at > ready.domReady) break;
    const ms = ((times[i + 1] ?? times[i]) - times[i]) / 1000;
    const f = nodes.get(profile.samples[i]).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const file = f.url ? f.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '.js') : '(native)';
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    const phase = at < ready.mountStart ? 'evaluate' : at < ready.mountReturned ? 'mount' : 'render';
    if (!PHASE || PHASE === phase) byFn.set(fn, (byFn.get(fn) ?? 0) + ms / LOADS);
    byFile.set(`${phase} ${file}`, (byFile.get(`${phase} ${file}`) ?? 0) + ms / LOADS);
    total += ms / LOADS;
  }
  await context.close();
}
await browser.close();
server.close?.();

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (k) => med(marks.map((r) => r[k])).toFixed(0);
console.log(`${ID} n=${N}, ${LOADS} loads under the profiler (slower than unprofiled), medians ms since navigation:`);
console.log(`  script start ${m('moduleStart')}, mount called ${m('mountStart')}, mount returned ${m('mountReturned')}, every question in the DOM ${m('domReady')}, painted ${m('painted')}`);
console.log(`JS self time per load (mean) until every question is in the DOM, ${total.toFixed(0)} ms in all, by phase and file:`);
for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
console.log(PHASE ? `by function, ${PHASE} only:` : 'by function:');
for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
process.exit(0);

async function buildReadable() {
  const { build, mergeConfig } = await import(pathToFileURL(join(bench, 'node_modules/vite/dist/node/index.js')).href);
  const { default: react } = await import(pathToFileURL(join(bench, 'node_modules/@vitejs/plugin-react/dist/index.js')).href);
  const { listAdapters } = await import(pathToFileURL(join(bench, 'scripts/lib/adapters.mjs')).href);
  process.env.BENCH_EXTRA_ADAPTERS = [join(root, 'test/bench/peers'), process.env.BENCH_EXTRA_ADAPTERS].filter(Boolean).join(':');
  const adapter = listAdapters().find((a) => a.id === ADAPTER);
  let config = {
    configFile: false,
    root: adapter.dir,
    base: './',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    resolve: { alias: { '@workload': join(bench, 'dist/workloads', `n${N}`), '@bench/harness': join(bench, 'harness/harness.js') } },
    build: { outDir: join(bench, 'dist', ID, `n${N}`), emptyOutDir: true, reportCompressedSize: false, minify: false, sourcemap: false },
  };
  const extra = join(adapter.dir, 'vite.extra.mjs');
  if (existsSync(extra)) {
    const mod = await import(pathToFileURL(extra).href);
    config = mergeConfig(config, typeof mod.default === 'function' ? await mod.default({ n: N, benchRoot: bench }) : mod.default);
  }
  await build(config);
}
