// Growth with N: first render and keystroke latency of our runtime (and the floor, and any other built
// adapter named) at N = 50, 200, 1000 and 5000. The shared bench stops at N=1000; this drives the same
// builds, harness and method (../shared/bench/README.md: fresh context per load, nav -> every question in
// the DOM; keystroke = keydown -> next paint, 20 keys with the main thread quiet between them) from the
// private copy `npm run bench:peers` makes, adding the N=5000 workload and builds it needs.
// `--loads K` loads each page K times per round for first render (typing on the last load only): first
// render is noisy on a shared machine, and more loads per round cost little.
// Figures only. Run: npm run bench:growth   [-- --only assessment-studio,baseline-dom --sizes 50,200,1000,5000 --rounds 3 --loads 1]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bench = join(root, 'node_modules/.cache/shared-bench');
if (!existsSync(join(bench, 'node_modules'))) {
  console.error('run `npm run bench:peers` once first: it prepares node_modules/.cache/shared-bench');
  process.exit(2);
}
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const ONLY = opt('only', 'assessment-studio,baseline-dom').split(',');
const SIZES = opt('sizes', '50,200,1000,5000').split(',').map(Number);
const ROUNDS = Number(opt('rounds', 3));
const LOADS = Math.max(1, Number(opt('loads', 1)));
const KEYS = 'abcdefghijklmnopqrst';
const env = { ...process.env, BENCH_EXTRA_ADAPTERS: [join(root, 'test/bench/peers'), process.env.BENCH_EXTRA_ADAPTERS].filter(Boolean).join(':') };

const missing = SIZES.filter((n) => !existsSync(join(bench, 'dist/workloads', `n${n}`)));
if (missing.length) execFileSync(process.execPath, ['scripts/gen-workload.mjs', 'dist/workloads', ...missing.map(String)], { cwd: bench, stdio: 'inherit', env });
const unbuilt = SIZES.filter((n) => ONLY.some((id) => !existsSync(join(bench, 'dist', id, `n${n}`, 'index.html'))));
// Build every asked size again when any is missing, so all sizes come from the same source.
if (unbuilt.length) execFileSync(process.execPath, ['scripts/build.mjs', '--only', ONLY.join(','), '--sizes', SIZES.join(',')], { cwd: bench, stdio: 'inherit', env });

const { startServer } = await import(pathToFileURL(join(bench, 'scripts/lib/server.mjs')).href);
const { launch, freshPage } = await import(pathToFileURL(join(bench, 'scripts/lib/browser.mjs')).href);
const server = await startServer(join(bench, 'dist'));
const results = new Map(); // `${id} ${n}` -> { firstRender: [], keys: [] }
const rec = (id, n) => {
  const k = `${id} ${n}`;
  if (!results.has(k)) results.set(k, { firstRender: [], scriptStart: [], render: [], keys: [], handlers: [], section: [], missed: 0, typed: 0 });
  return results.get(k);
};

// Our runtime shows one section at a time in a categorized form (the shipped forms are written so):
// the same form as sections (`?sections`), timed from navigation to the first section's 25 questions in
// the DOM, by a MutationObserver installed before any script of the page runs.
async function firstSection(browser, id, n) {
  const { context, page } = await freshPage(browser);
  try {
    await page.addInitScript((want) => {
      new MutationObserver((_, obs) => {
        if (document.querySelectorAll('#root .as-form-group').length >= want) {
          window.__sectionAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, Math.min(25, n));
    await page.goto(`${server.url}/${id}/n${n}/?sections`, { timeout: 120_000 });
    await page.waitForFunction(() => window.__sectionAt !== undefined, null, { timeout: 120_000 });
    return await page.evaluate(() => window.__sectionAt);
  } finally {
    await context.close();
  }
}

/** The harness's marks: script start (download + compile before it) and mount called -> all in the DOM. */
function record(r, ready) {
  r.firstRender.push(ready.domReady);
  r.scriptStart.push(ready.moduleStart);
  r.render.push(ready.domReady - ready.mountStart);
}

for (let round = 0; round < ROUNDS; round++) {
  const browser = await launch();
  const order = ONLY.map((_, i) => ONLY[(i + round) % ONLY.length]);
  for (const n of SIZES) {
    for (const id of order) {
      // Loads before the last only time first render; the last one also types.
      for (let load = 1; load < LOADS; load++) {
        const { context, page } = await freshPage(browser);
        try {
          await page.goto(`${server.url}/${id}/n${n}/`, { timeout: 120_000 });
          record(rec(id, n), await page.evaluate(() => window.__bench.ready));
        } finally {
          await context.close();
        }
      }
      const { context, page } = await freshPage(browser);
      try {
        await page.goto(`${server.url}/${id}/n${n}/`, { timeout: 120_000 });
        const ready = await page.evaluate(() => window.__bench.ready);
        const r = rec(id, n);
        record(r, ready);
        const meta = await page.evaluate(() => window.__bench.meta);
        await page.evaluate(() => window.__bench.idle(1000));
        // As the shared driver does: scroll the field into view, read its point in the same task, click there
        // after the next paint. If the page moved in between (off-screen questions under content-visibility
        // taking their real height), the click misses: that is counted and reported, then retried where the
        // field has settled, so the keystroke figures still come.
        const first = await page.evaluate((t) => window.__bench.textInputPoint(t), meta.targets.text);
        await page.evaluate(() => window.__bench.afterNextPaint());
        await page.mouse.click(first.x, first.y);
        await page.evaluate(() => window.__bench.idle(1000));
        if (!(await page.evaluate((t) => window.__bench.isTextFocused(t), meta.targets.text))) {
          r.missed++;
          const again = await page.evaluate((t) => window.__bench.textInputPoint(t), meta.targets.text);
          await page.evaluate(() => window.__bench.idle(1000));
          await page.mouse.click(again.x, again.y);
          await page.evaluate(() => window.__bench.idle(1000));
          if (!(await page.evaluate((t) => window.__bench.isTextFocused(t), meta.targets.text))) throw new Error(`could not focus the text input (${first.y} -> ${again.y})`);
        }
        for (const key of KEYS) {
          await page.evaluate(() => window.__bench.arm('key'));
          await page.keyboard.type(key);
          const s = await page.evaluate(() => window.__bench.collect());
          if (!s.timedOut) {
            r.keys.push(s.paintMs);
            r.handlers.push(s.handlerMs);
          }
          await page.evaluate(() => window.__bench.idle(1000));
        }
        r.typed++;
        const value = await page.evaluate((t) => window.__bench.getValue(t), meta.targets.text);
        if (value !== KEYS) console.error(`${id} n=${n}: typed value did not arrive (${JSON.stringify(value)})`);
        let section = '';
        if (id.startsWith('assessment-studio')) {
          const at = await firstSection(browser, id, n);
          r.section.push(at);
          section = `, first section ${at.toFixed(0)} ms`;
        }
        console.log(`round ${round + 1} ${id} n=${n}: first render ${ready.domReady.toFixed(0)} ms${section}`);
      } catch (e) {
        console.error(`round ${round + 1} ${id} n=${n}: ${e.message}`);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
}
await server.close();

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? a[Math.floor(a.length / 2)] : NaN;
};
const p95 = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? a[Math.min(a.length - 1, Math.ceil(a.length * 0.95) - 1)] : NaN;
};
console.log('');
console.log(`| adapter | N | first render, whole form, median (min) of ${ROUNDS * LOADS} ms | nav -> script start ms | mount -> all in the DOM, median (min) ms | per question ms | first section of 25, as sections ms | keystroke handlers done med / p95 ms | keystroke next paint med / p95 ms | first click missed (page moved) |`);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const id of ONLY) {
  for (const n of SIZES) {
    const r = results.get(`${id} ${n}`);
    if (!r) continue;
    const fr = median(r.firstRender);
    const sec = r.section.length ? median(r.section).toFixed(0) : '-';
    console.log(`| ${id} | ${n} | ${fr.toFixed(0)} (${Math.min(...r.firstRender).toFixed(0)}) | ${median(r.scriptStart).toFixed(0)} | ${median(r.render).toFixed(0)} (${Math.min(...r.render).toFixed(0)}) | ${(fr / n).toFixed(2)} | ${sec} | ${median(r.handlers).toFixed(1)} / ${p95(r.handlers).toFixed(1)} | ${median(r.keys).toFixed(1)} / ${p95(r.keys).toFixed(1)} | ${r.missed} of ${r.typed} |`);
  }
}
