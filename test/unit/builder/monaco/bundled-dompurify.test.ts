import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Issue 19, point 8: the DOMPurify Monaco sanitizes hover and Markdown with must have no known
 * advisory (3.2.7 has GHSA-v2wj-7wpq-c8vv, fixed in 3.3.2). Monaco vendors its own copy next to
 * its sanitizer, so the version checked is the one its sanitizer imports, not just package.json's.
 */
const FIXED_IN = '3.3.2';
const root = resolve(__dirname, '../../../..');
const monacoDir = packageDir(createRequire(join(root, 'package.json')).resolve('monaco-editor'), 'monaco-editor');

/** The package folder above a resolved entry (both packages' exports maps hide their package.json). */
function packageDir(entry: string, name: string): string {
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json')) || basename(dir) !== name) {
    if (dirname(dir) === dir) throw new Error(`no ${name} folder above ${entry}`);
    dir = dirname(dir);
  }
  return dir;
}

/** The file Monaco's sanitizer imports DOMPurify from, followed from its import statement. */
function sanitizerDompurify(): string {
  const sanitizer = join(monacoDir, 'esm/vs/base/browser/domSanitize.js');
  const source = readFileSync(sanitizer, 'utf8');
  const from = /import\s+\w+\s+from\s+['"]([^'"]*dompurify[^'"]*)['"]/.exec(source)?.[1];
  expect(from, 'domSanitize.js imports DOMPurify').toBeDefined();
  return from!.startsWith('.') ? resolve(dirname(sanitizer), from!) : createRequire(sanitizer).resolve(from!);
}

function versionIn(file: string): string {
  const text = readFileSync(file, 'utf8');
  const version = /DOMPurify\.version\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? /@license DOMPurify (\S+)/.exec(text)?.[1];
  expect(version, `a DOMPurify version in ${file}`).toBeDefined();
  return version!;
}

describe('the DOMPurify Monaco uses', () => {
  it(`is ${FIXED_IN} or later, in the copy its sanitizer imports`, () => {
    const version = versionIn(sanitizerDompurify());
    expect(semver.gte(version, FIXED_IN), `DOMPurify ${version} (GHSA-v2wj-7wpq-c8vv is fixed in ${FIXED_IN})`).toBe(true);
  });

  it(`is ${FIXED_IN} or later in the dompurify package Monaco depends on`, () => {
    const pkg = join(packageDir(createRequire(join(monacoDir, 'package.json')).resolve('dompurify'), 'dompurify'), 'package.json');
    const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    expect(semver.gte(version, FIXED_IN), `dompurify ${version}`).toBe(true);
  });
});
