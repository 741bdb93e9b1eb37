import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rules of STYLE.md, enforced the vscode way: every source file's imports are read
 * with `ts.preProcessFile` and checked against this table.
 */
const root = resolve(__dirname, '../..');

const coreAllowedPackages = [
  'zod', 'ajv', 'ajv-formats', 'jsonc-parser', 'canonicalize', '@noble/hashes', 'semver',
  'csv-stringify', 'csv-parse', 'rfc6902',
];

interface Area {
  name: string;
  prefix: string;
  /** Areas this one may import, as path prefixes of the imported file (relative to root). */
  mayImport: string[];
  packages: (spec: string) => boolean;
}

const isNodeBuiltin = (spec: string) => spec.startsWith('node:');
const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

const areas: Area[] = [
  { name: 'runtime/core', prefix: 'runtime/core/', mayImport: ['runtime/core/'], packages: (s) => coreAllowedPackages.includes(packageName(s)) },
  { name: 'runtime/react', prefix: 'runtime/react/', mayImport: ['runtime/react/', 'runtime/core/index.ts'], packages: (s) => !isNodeBuiltin(s) },
  { name: 'runtime/node', prefix: 'runtime/node/', mayImport: ['runtime/node/', 'runtime/core/index.ts'], packages: (s) => packageName(s) !== 'react' && !s.startsWith('@jsonforms/react') },
  { name: 'builder/app', prefix: 'builder/app/', mayImport: ['builder/app/', 'runtime/core/index.ts', 'runtime/react/index.ts'], packages: (s) => !isNodeBuiltin(s) },
  { name: 'builder/server', prefix: 'builder/server/', mayImport: ['builder/server/', 'runtime/core/index.ts', 'runtime/node/'], packages: (s) => packageName(s) !== 'react' },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveRelative(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base + '.ts', base + '.tsx', join(base, 'index.ts'), join(base, 'index.tsx'), base]) {
    try {
      if (statSync(candidate).isFile()) return relative(root, candidate);
    } catch {
      /* try the next candidate */
    }
  }
  return relative(root, base);
}

function violations(): string[] {
  const bad: string[] = [];
  for (const area of areas) {
    const dir = join(root, area.prefix);
    let files: string[] = [];
    try {
      files = sourceFiles(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const rel = relative(root, file);
      for (const { fileName: spec } of info.importedFiles) {
        if (spec.startsWith('.')) {
          const target = resolveRelative(file, spec.replace(/\?.*$/, ''));
          if (target.startsWith('test/')) bad.push(`${rel} imports ${spec}: source never imports test/`);
          else if (/\.(css|html|svg|png)$/.test(target)) continue;
          else if (!area.mayImport.some((p) => target === p || target.startsWith(p))) {
            bad.push(`Bad layering: ${rel} imports ${target} (allowed: ${area.mayImport.join(', ')})`);
          }
        } else if (!area.packages(spec)) {
          bad.push(`Bad layering: ${rel} imports package ${spec}`);
        }
      }
    }
  }
  return bad;
}

describe('layering', () => {
  it('every import follows the dependency rules of STYLE.md', () => {
    expect(violations()).toEqual([]);
  });

  it('loads @jsonforms/react only in assessment-studio/jsonforms (and host examples): the default entry never reaches it', () => {
    const adapter = 'runtime/react/jsonforms/';
    const host = (rel: string) => rel.startsWith(adapter) || rel.startsWith('runtime/react/examples/');
    const bad: string[] = [];
    let adapterImports = 0;
    for (const file of sourceFiles(join(root, 'runtime/react'))) {
      const rel = relative(root, file);
      for (const { fileName: spec } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        const jsonFormsReact = spec.startsWith('@jsonforms/react') || spec.startsWith('@jsonforms/vanilla-renderers');
        if (jsonFormsReact && rel.startsWith(adapter)) adapterImports++;
        if (host(rel)) continue;
        if (jsonFormsReact) bad.push(`${rel} imports ${spec}`);
        if (spec.startsWith('.') && resolveRelative(file, spec).startsWith(adapter)) bad.push(`${rel} imports ${spec} (the jsonforms entry)`);
      }
    }
    expect(bad).toEqual([]);
    expect(adapterImports).toBeGreaterThan(0);
  });

  it('catches a core file importing react', () => {
    const core = areas.find((a) => a.name === 'runtime/core')!;
    expect(core.packages('react')).toBe(false);
    expect(core.packages('zod')).toBe(true);
  });
});
