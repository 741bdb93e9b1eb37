import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import type { Area } from './table';

/** Source files the layering rules cover: TypeScript and JavaScript alike, declarations aside. */
export const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$/;

export function isSourceFile(path: string): boolean {
  return SOURCE_FILE.test(path) && !DECLARATION.test(path);
}

/**
 * What a file imports: `import`/`export … from`, dynamic `import()`, `require()` (all read by
 * `ts.preProcessFile`), and a package loaded through `createRequire(…)('name')`, which it cannot see.
 */
export function importsOf(text: string): string[] {
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  for (const m of text.matchAll(/createRequire\((?:[^()]|\([^()]*\))*\)\(\s*(['"])([^'"]+)\1\s*\)/g)) specs.push(m[2]!);
  return specs;
}

export const packageName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!).replace(/\?.*$/, '');

export interface LayeringReport {
  violations: string[];
  /** `area: package` for each package an area lists but no file of it imports. */
  unused: string[];
}

/**
 * Check files (paths relative to the repository root, `/`-separated) against the areas. `exists`
 * says whether a relative path is a file, to resolve an import written without its extension.
 */
export function checkLayering(files: Array<{ path: string; text: string }>, areas: Area[], exists: (path: string) => boolean): LayeringReport {
  const violations: string[] = [];
  const used = new Map(areas.map((a) => [a.name, new Set<string>()]));
  for (const { path, text } of files) {
    const area = areas.find((a) => path.startsWith(a.prefix));
    if (!area || !isSourceFile(path)) continue;
    for (const spec of importsOf(text)) {
      if (spec.startsWith('.')) {
        const target = resolveRelative(path, spec.replace(/\?.*$/, ''), exists);
        if (target.startsWith('test/')) violations.push(`${path} imports ${spec}: source never imports test/`);
        else if (/\.(css|html|svg|png)$/.test(target)) continue;
        else if (!area.mayImport.some((p) => target === p || target.startsWith(p))) {
          violations.push(`Bad layering: ${path} imports ${target} (allowed: ${area.mayImport.join(', ')})`);
        }
      } else if (spec.startsWith('node:')) {
        if (!area.nodeBuiltins) violations.push(`Bad layering: ${path} imports ${spec} (${area.name} runs where Node's modules do not)`);
      } else {
        const name = packageName(spec);
        used.get(area.name)!.add(name);
        if (!area.packages.includes(name)) violations.push(`Bad layering: ${path} imports package ${spec} (${area.name} imports only: ${area.packages.join(', ')})`);
      }
    }
  }
  const unused = areas.flatMap((a) => a.packages.filter((p) => !used.get(a.name)!.has(p)).map((p) => `${a.name}: ${p}`));
  return { violations, unused };
}

function resolveRelative(from: string, spec: string, exists: (path: string) => boolean): string {
  const base = normalize(join(dirname(from), spec)).split('\\').join('/');
  const candidates = [base, ...['.ts', '.tsx', '.js', '.mjs'].map((e) => base + e), ...['index.ts', 'index.tsx', 'index.js'].map((i) => `${base}/${i}`)];
  // An import written `./x.js` may name `x.ts` (TypeScript's ESM convention).
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find(exists) ?? base;
}
