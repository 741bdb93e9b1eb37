import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { standaloneValidatorModule } from './runtime/node/standalone';

/**
 * The runtime as a library (`npm run build:lib`): ES modules in dist/lib, with type declarations
 * from tsconfig.lib.json, named by package.json "exports". Dependencies stay external: a host's
 * bundler resolves React, JSON Forms' core, zod and AJV once for the whole app.
 *
 * `--mode standalone` builds dist/lib/standalone.js: the element and `mount` with every dependency
 * inside (React included), for a plain HTML page without a bundler; its lazy chunks go in
 * dist/lib/standalone/.
 *
 * `--mode examples` builds the embedding examples (runtime/react/examples/) into
 * dist/examples instead; their form's validator is compiled ahead of time here, so the examples
 * run under a strict CSP without eval, as a host's page should.
 */
const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
// Peers too: `assessment-studio/jsonforms` imports @jsonforms/react, which the host installs.
const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const external = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * Modules that only declare things (core, its libraries, JSON Forms' core): nothing is lost if
 * what they export goes unused. Without this, the core barrel drags lint, exports, the pattern
 * engine and AJV's compiler into every page, since a top-level `z.object()` or CJS import looks
 * like a side effect to the bundler. Hosts' bundlers can do the same (see README).
 */
export const SIDE_EFFECT_FREE = /\/runtime\/core\/|node_modules\/(ajv|ajv-formats|zod|jsonc-parser|semver|@noble|canonicalize|lodash|@jsonforms\/core|fast-uri|fast-deep-equal|json-schema-traverse|rfc6902|csv-stringify|csv-parse)\//;
// zod-config.ts exists for its side effect (zod's jitless mode, so no eval probe under the CSP), and
// core's index.ts imports it: both must keep their side effects or the import is dropped.
const KEEP_SIDE_EFFECTS = /\/runtime\/core\/(zod-config|index)\.ts$/;
export const moduleSideEffects = (id: string) => KEEP_SIDE_EFFECTS.test(id) || !SIDE_EFFECT_FREE.test(id);

function exampleValidator(): Plugin {
  const id = 'virtual:example-validator';
  // The JSON Forms example shows a shipped form: read here, at build time, with its validator, as
  // a host's build would (source never imports form-definitions/).
  const shipped = 'virtual:shipped-form';
  const read = (path: string) => JSON.parse(readFileSync(resolve(root, path), 'utf8')) as { schema: Record<string, unknown> };
  return {
    name: 'example-validator',
    resolveId: (source) => (source === id || source === shipped ? `\0${source}` : undefined),
    load(loaded) {
      if (loaded === `\0${id}`) return standaloneValidatorModule(read('runtime/react/examples/example-definition.json'));
      if (loaded !== `\0${shipped}`) return undefined;
      const definition = read('form-definitions/protective-factors/1.0.0.json');
      return `${standaloneValidatorModule(definition)}\nexport const definition = ${JSON.stringify(definition)};\n`;
    },
  };
}

/** The runtime's stylesheet ships as its own file (`assessment-studio/styles.css`), unbundled. */
function stylesheet(): Plugin {
  return {
    name: 'runtime-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readFileSync(resolve(root, 'runtime/react/styles.css'), 'utf8') });
    },
  };
}

/** The standalone module: nothing external, production React (a host's bundler is not there to pick it). */
const standalone = defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: resolve(root, 'dist/lib'),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: { entry: { standalone: resolve(root, 'runtime/react/embed/standaloneEntry.ts') }, formats: ['es'] },
    rolldownOptions: { treeshake: { moduleSideEffects }, output: { chunkFileNames: 'standalone/[name]-[hash].js' } },
  },
});

export default defineConfig(({ mode }) =>
  mode === 'standalone'
    ? standalone
    : mode === 'examples'
    ? {
        plugins: [react(), exampleValidator()],
        root: resolve(root, 'runtime/react/examples'),
        base: './',
        build: {
          outDir: resolve(root, 'dist/examples'),
          emptyOutDir: true,
          modulePreload: { polyfill: false },
          assetsInlineLimit: 0,
          target: 'es2022',
          rolldownOptions: {
            treeshake: { moduleSideEffects },
            input: Object.fromEntries(['react', 'mount', 'element', 'iframe', 'jsonforms'].map((n) => [n, resolve(root, `runtime/react/examples/${n}/index.html`)])),
          },
        },
      }
    : {
        plugins: [react(), stylesheet()],
        build: {
          outDir: resolve(root, 'dist/lib'),
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: true,
          cssCodeSplit: false,
          lib: {
            entry: {
              index: resolve(root, 'runtime/react/index.ts'),
              element: resolve(root, 'runtime/react/embed/elementEntry.ts'),
              mount: resolve(root, 'runtime/react/embed/mountEntry.ts'),
              'embed-protocol': resolve(root, 'runtime/react/embed/protocol.ts'),
              jsonforms: resolve(root, 'runtime/react/jsonforms/index.ts'),
            },
            formats: ['es'],
          },
          rolldownOptions: { external },
        },
      },
);
