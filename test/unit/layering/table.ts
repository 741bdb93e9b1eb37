/**
 * The dependency rules of STYLE.md as data: for each area, the areas it may import (path prefixes
 * of the imported file) and the third-party packages it does import, exactly: the layering test
 * fails on an import missing from `packages`, and on a package listed here that nothing imports.
 */
export interface Area {
  name: string;
  prefix: string;
  mayImport: string[];
  /** Third-party packages, by name (`@scope/name`); a subpath import counts as its package. */
  packages: string[];
  /** May import Node's built-in modules (`node:*`). */
  nodeBuiltins: boolean;
}

export const areas: Area[] = [
  {
    name: 'runtime/core',
    prefix: 'runtime/core/',
    mayImport: ['runtime/core/'],
    packages: ['@noble/hashes', 'ajv', 'ajv-formats', 'canonicalize', 'jsonc-parser', 'semver', 'zod'],
    nodeBuiltins: false,
  },
  {
    // assessment-studio/jsonforms: the only place @jsonforms/react is loaded (an optional peer).
    name: 'runtime/react/jsonforms',
    prefix: 'runtime/react/jsonforms/',
    mayImport: ['runtime/react/', 'runtime/core/index.ts'],
    packages: ['@jsonforms/core', '@jsonforms/react', 'ajv', 'react'],
    nodeBuiltins: false,
  },
  {
    // The host example of that entry, with a stock vanilla-renderers control.
    name: 'runtime/react/examples/jsonforms',
    prefix: 'runtime/react/examples/jsonforms/',
    mayImport: ['runtime/react/', 'runtime/core/index.ts'],
    // virtual:shipped-form is the example's Vite module (vite.lib.config.ts), not a package.
    packages: ['@jsonforms/core', '@jsonforms/react', '@jsonforms/vanilla-renderers', 'virtual:shipped-form'],
    nodeBuiltins: false,
  },
  {
    name: 'runtime/react',
    prefix: 'runtime/react/',
    // core/zod-config.ts besides the index: zod's jitless setting (CSP), imported first by each module
    // that builds zod schemas (the iframe protocol here). The index does not import it, so zod's core
    // does not load before an embed's first render, which builds none.
    mayImport: ['runtime/react/', 'runtime/core/index.ts', 'runtime/core/zod-config.ts'],
    // virtual:example-validator is the examples' Vite module (vite.lib.config.ts), not a package.
    // JSON Forms' shapes are declared in jsonFormsShapes.ts: only assessment-studio/jsonforms imports @jsonforms/core.
    packages: ['ajv', 'react', 'react-dom', 'virtual:example-validator', 'zod'],
    nodeBuiltins: false,
  },
  {
    name: 'runtime/node',
    prefix: 'runtime/node/',
    mayImport: ['runtime/node/', 'runtime/core/index.ts'],
    // esbuild is loaded with createRequire (standalone.ts): it ships a native binary, never bundled.
    // The response store's two drivers (runtime/node/store/driver.ts), loaded on demand.
    packages: ['@electric-sql/pglite', 'ajv', 'esbuild', 'pg', 'semver'],
    nodeBuiltins: true,
  },
  {
    name: 'builder/app',
    prefix: 'builder/app/',
    mayImport: ['builder/app/', 'runtime/core/index.ts', 'runtime/react/index.ts'],
    packages: ['monaco-editor', 'react', 'react-dom'],
    nodeBuiltins: false,
  },
  {
    name: 'builder/server',
    prefix: 'builder/server/',
    mayImport: ['builder/server/', 'runtime/core/index.ts', 'runtime/node/index.ts'],
    packages: ['semver'],
    nodeBuiltins: true,
  },
];
