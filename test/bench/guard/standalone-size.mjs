// Size of the standalone module (dist/lib/standalone.js: the runtime with React inside, for a plain
// HTML page without a bundler) as such a page loads it at start: the entry and every chunk it
// imports statically, gzip -9 each; the lazy chunks (the in-browser compiler) are listed apart.
// Used by the CI guard (test/host/standalone-size.test.ts) and test/bench/bundle-report.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from "x"` / `export … from "x"` specifiers, and dynamic `import("x")` ones. */
function importsOf(code) {
  const statics = [...code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
  const dynamics = [...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  return { statics, dynamics };
}

/** `libDir`: dist/lib. Undefined when the standalone module is not built. */
export function standaloneSize(libDir) {
  const entry = join(libDir, 'standalone.js');
  if (!existsSync(entry)) return undefined;
  const atStart = new Map();
  const lazy = new Set();
  const bare = new Set();
  const visit = (file) => {
    if (atStart.has(file)) return;
    const code = readFileSync(file);
    atStart.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    const { statics, dynamics } = importsOf(code.toString('utf8'));
    for (const s of [...statics, ...dynamics]) if (!s.startsWith('./') && !s.startsWith('../')) bare.add(s);
    for (const s of statics.filter((x) => x.startsWith('.'))) visit(join(dirname(file), s));
    for (const s of dynamics.filter((x) => x.startsWith('.'))) lazy.add(join(dirname(file), s));
  };
  visit(entry);
  const sum = (list) => list.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip }), { raw: 0, gzip: 0 });
  const lazyOnly = [...lazy].filter((f) => !atStart.has(f));
  return {
    files: [...atStart.keys()].map((f) => relative(libDir, f)),
    start: sum([...atStart.values()]),
    lazy: lazyOnly.map((f) => ({ file: relative(libDir, f), gzip: gzipSync(readFileSync(f), { level: 9 }).length })),
    bareImports: [...bare],
  };
}
