import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayering, importsOf, isSourceFile } from './layering/check';
import { areas, type Area } from './layering/table';

/**
 * The dependency rules of STYLE.md, enforced the vscode way: every source file's imports (.ts,
 * .tsx, .js, .mjs …) are read with `ts.preProcessFile` and checked against the table in
 * layering/table.ts, whose package lists must be exactly what each area imports.
 */
const root = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? files(full) : isSourceFile(entry) ? [relative(root, full).split('\\').join('/')] : [];
  });
}

const exists = (path: string) => {
  try {
    return statSync(join(root, path)).isFile();
  } catch {
    return false;
  }
};

const repository = areas.flatMap((a) => files(join(root, a.prefix))).map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

describe('layering', () => {
  const report = checkLayering(repository, areas, exists);

  it('every import follows the dependency rules of STYLE.md', () => {
    expect(report.violations).toEqual([]);
  });

  it('lists, for each area, only packages that area imports', () => {
    expect(report.unused).toEqual([]);
  });

  it('reads JavaScript sources as well as TypeScript', () => {
    expect(repository.some((f) => f.path.endsWith('.js'))).toBe(true);
  });

  it('the packages runtime/ imports are exactly the dependencies and peers package.json publishes; the builder and its server are not published', () => {
    // Host examples are not published code; the builder (app and server) is not in the package
    // (package.json "files"), so what it imports is a devDependency (issue 19: a host installs
    // neither esbuild, the database drivers nor Monaco).
    const published = (a: Area) => a.prefix.startsWith('runtime/') && !a.prefix.startsWith('runtime/react/examples/');
    const packagesOf = (list: Area[]) => new Set(list.flatMap((a) => a.packages.filter((p) => !p.startsWith('virtual:'))));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<'dependencies' | 'peerDependencies' | 'devDependencies', Record<string, string>>;
    expect([...packagesOf(areas.filter(published))].sort()).toEqual([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)].sort());
    const unpublished = [...packagesOf(areas.filter((a) => !published(a)))];
    expect(unpublished.filter((p) => !(p in manifest.dependencies) && !(p in manifest.devDependencies))).toEqual([]);
  });
});

describe('the layering check itself', () => {
  const table: Area[] = [
    { name: 'runtime/core', prefix: 'runtime/core/', mayImport: ['runtime/core/'], packages: ['zod', 'ajv'], nodeBuiltins: false },
    { name: 'runtime/node', prefix: 'runtime/node/', mayImport: ['runtime/node/', 'runtime/core/index.ts'], packages: ['semver'], nodeBuiltins: true },
    { name: 'builder/server', prefix: 'builder/server/', mayImport: ['builder/server/', 'runtime/node/index.ts'], packages: [], nodeBuiltins: true },
  ];
  const tree = new Set(['runtime/core/index.ts', 'runtime/core/a.ts', 'runtime/node/index.ts', 'runtime/node/standalone.ts', 'runtime/react/x.ts']);
  const run = (fileSet: Array<{ path: string; text: string }>) => checkLayering(fileSet, table, (p) => tree.has(p));
  const ok = [
    { path: 'runtime/core/a.ts', text: "import { z } from 'zod';\nimport Ajv from 'ajv/dist/2020';" },
    { path: 'runtime/node/standalone.ts', text: "import semver from 'semver';\nimport { x } from '../core/index';" },
  ];

  it('passes a tree that keeps the rules', () => {
    expect(run(ok)).toEqual({ violations: [], unused: [] });
  });

  it('fails when code imports a package its area does not list', () => {
    const report = run([...ok, { path: 'runtime/core/b.mjs', text: "import React from 'react';" }]);
    expect(report.violations).toEqual(['Bad layering: runtime/core/b.mjs imports package react (runtime/core imports only: zod, ajv)']);
  });

  it('fails when the table lists a package nobody in the area imports', () => {
    expect(run([ok[0]!]).unused).toEqual(['runtime/node: semver']);
  });

  it('reads .js and .mjs files, require() and createRequire(…)(name) included', () => {
    const report = run([...ok, { path: 'runtime/core/c.js', text: "const fs = require('node:fs'); const e = createRequire(join(root, 'package.json'))('esbuild');" }]);
    expect(report.violations).toEqual([
      "Bad layering: runtime/core/c.js imports node:fs (runtime/core runs where Node's modules do not)",
      'Bad layering: runtime/core/c.js imports package esbuild (runtime/core imports only: zod, ajv)',
    ]);
    expect(importsOf("createRequire(join(root, 'package.json'))('esbuild')")).toEqual(['esbuild']);
  });

  it('holds the server to the public entry of runtime/node', () => {
    const report = run([...ok, { path: 'builder/server/main.ts', text: "import { standaloneValidatorModule } from '../../runtime/node/standalone';\nimport { a } from '../../runtime/node/index';" }]);
    expect(report.violations).toEqual(['Bad layering: builder/server/main.ts imports runtime/node/standalone.ts (allowed: builder/server/, runtime/node/index.ts)']);
  });

  it('refuses a source file importing from test/', () => {
    expect(run([...ok, { path: 'runtime/core/d.ts', text: "import { f } from '../../test/support/property';" }]).violations).toEqual([
      "runtime/core/d.ts imports ../../test/support/property: source never imports test/",
    ]);
  });
});

describe('the JSON Forms door', () => {
  it('loads @jsonforms/react only in assessment-studio/jsonforms and its example: no default runtime file reaches the adapter', () => {
    const adapter = 'runtime/react/jsonforms/';
    const door = (path: string) => path.startsWith(adapter) || path.startsWith('runtime/react/examples/jsonforms/');
    const bad: string[] = [];
    let adapterImports = 0;
    for (const { path, text } of repository.filter((f) => f.path.startsWith('runtime/react/'))) {
      for (const spec of importsOf(text)) {
        const jsonFormsReact = spec.startsWith('@jsonforms/react') || spec.startsWith('@jsonforms/vanilla-renderers');
        if (jsonFormsReact && path.startsWith(adapter)) adapterImports++;
        if (door(path)) continue;
        if (jsonFormsReact) bad.push(`${path} imports ${spec}`);
        if (spec.startsWith('.') && join(path, '..', spec).startsWith(adapter.slice(0, -1))) bad.push(`${path} imports ${spec} (the jsonforms entry)`);
      }
    }
    expect(bad).toEqual([]);
    expect(adapterImports).toBeGreaterThan(0);
  });
});
