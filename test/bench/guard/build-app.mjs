// Production build of one of this folder's pages (embed-min.html, guard.html) with Vite and the React
// plugin, as a host's build would make it; used by the CI guard (test/e2e/perf-guard.test.ts) and by
// test/bench/bundle-report.mjs. Returns the JS sizes (gzip -9, as ../shared/bench measures) and, per
// output chunk, the modules Rollup/Rolldown rendered into it.
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** `root`: the folder holding `page` (default: this one). */
export async function buildApp(page, outDir, root = here) {
  // Vite takes NODE_ENV over `mode`: under vitest it is 'test', which gives React's development build
  // and development JSX. A host's production build runs with NODE_ENV=production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  const result = await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, sourcemap: false, rolldownOptions: { input: join(root, page) } },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output ?? []);
  const js = files(outDir).filter((f) => extname(f) === '.js');
  const css = files(outDir).filter((f) => extname(f) === '.css');
  const size = (list) => list.reduce((s, f) => {
    const buf = readFileSync(f);
    return { raw: s.raw + buf.length, gzip: s.gzip + gzipSync(buf, { level: 9 }).length };
  }, { raw: 0, gzip: 0 });
  const chunks = outputs.filter((o) => o.type === 'chunk');
  // What a page loads before its first render: the entry chunks and what they import statically
  // (dynamic imports, such as lint after the first paint or the in-browser AJV compiler, come later).
  const atStart = new Set();
  const visit = (name) => {
    if (atStart.has(name)) return;
    atStart.add(name);
    for (const next of chunks.find((c) => c.fileName === name)?.imports ?? []) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  const startFiles = js.filter((f) => atStart.has(f.slice(outDir.length + 1).replace(/\\/g, '/')));
  return { outDir, js: size(js), jsAtStart: size(startFiles), atStartFiles: [...atStart], css: size(css), jsFiles: js, chunks };
}
