// What each dependency costs in the smallest embedding app (guard/embed-min.ts: the public `mount` and a
// 10-question definition), production build. Per package: the code Vite/Rolldown rendered into the bundle
// (after tree-shaking, before minification), and that code minified (esbuild) and gzipped (-9) on its own,
// which is an estimate: gzip over the whole bundle shares a dictionary, so the parts sum to a little more
// than the real total printed above them.
// Run: npm run bench:bundle
import { transform } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from './guard/build-app.mjs';
import { standaloneSize } from './guard/standalone-size.mjs';

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** "react-dom", "@jsonforms/core", or our own area ("runtime/core") for a module id. */
function owner(id) {
  const clean = id.replace(/\\/g, '/').replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const m = /\/(runtime\/(?:core|react)|test\/bench)\//.exec(clean);
  return m ? `(ours) ${m[1]}` : `(other) ${clean.split('/').slice(-2).join('/')}`;
}

const dir = await mkdtemp(join(tmpdir(), 'bundle-report-'));
try {
  const app = await buildApp('embed-min.html', join(dir, 'out'));
  console.log(`smallest embedding app (mount + 10-question definition), production build: JS ${kib(app.js.raw)} raw, ${kib(app.js.gzip)} gzip -9 in ${app.jsFiles.length} file(s); CSS ${kib(app.css.raw)} raw, ${kib(app.css.gzip)} gzip`);
  for (const chunk of app.chunks) {
    const kind = chunk.isEntry ? 'loaded at start' : chunk.isDynamicEntry ? 'loaded on demand (dynamic import)' : 'shared';
    console.log(`  ${chunk.fileName}: ${kib(Buffer.byteLength(chunk.code))} raw, ${kib(gzipSync(chunk.code, { level: 9 }).length)} gzip, ${kind}`);
  }
  // The plain-HTML module (no bundler, React inside), as built by `npm run build:lib`.
  const standalone = standaloneSize(join(import.meta.dirname, '../../dist/lib'));
  if (!standalone) console.log('standalone module (dist/lib/standalone.js): not built, run npm run build:lib');
  else console.log(`standalone module for plain HTML (dist/lib/standalone.js, React inside): ${kib(standalone.start.raw)} raw, ${kib(standalone.start.gzip)} gzip -9 at start in ${standalone.files.length} file(s); on demand: ${standalone.lazy.map((l) => `${l.file} ${kib(l.gzip)}`).join(', ') || 'none'}`);
  const groups = new Map();
  for (const chunk of app.chunks) {
    for (const [id, m] of Object.entries(chunk.modules)) {
      const g = groups.get(owner(id)) ?? { rendered: 0, code: [], modules: 0 };
      g.rendered += m.renderedLength;
      if (m.code) g.code.push(m.code);
      g.modules++;
      groups.set(owner(id), g);
    }
  }
  const rows = [];
  for (const [name, g] of groups) {
    let min = '';
    try {
      min = (await transform(g.code.join('\n;\n'), { minify: true, loader: 'js', logLevel: 'silent' })).code;
    } catch {
      min = g.code.join('\n');
    }
    rows.push({ name, modules: g.modules, rendered: g.rendered, min: min.length, gzip: gzipSync(min, { level: 9 }).length });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  console.log('');
  console.log('| package | modules | rendered (tree-shaken) | minified | gzip (alone) | share |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    if (r.rendered === 0) continue;
    console.log(`| ${r.name} | ${r.modules} | ${kib(r.rendered)} | ${kib(r.min)} | ${kib(r.gzip)} | ${((100 * r.gzip) / total).toFixed(0)}% |`);
  }
  console.log(`| sum of the parts | | | | ${kib(total)} | |`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
