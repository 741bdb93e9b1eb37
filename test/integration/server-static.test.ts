import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Static checks behind SECURITY.md: the one disk module of the server, and dependency hygiene
 * (issue 11 point 9). Nothing here needs the network: `npm audit` is deliberately not used.
 */

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('builder/server touches the disk in one module', () => {
  it('only disk.ts imports node:fs', () => {
    const dir = join(root, 'builder/server');
    const importers = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => ts.preProcessFile(readFileSync(join(dir, f), 'utf8'), true, true).importedFiles.some((i) => /^(node:)?fs(\/|$)/.test(i.fileName)));
    expect(importers).toEqual(['disk.ts']);
  });
});

describe('dependencies', () => {
  it('names every production dependency with a reason in SECURITY.md', () => {
    const security = read('SECURITY.md');
    const missing = Object.keys(pkg.dependencies).filter((name) => !new RegExp(`^\\|[^|\\n]*\`${name.replace(/[/.]/g, '\\$&')}\``, 'm').test(security));
    expect(missing).toEqual([]);
  });

  it('uses AJV 8.18 or later (earlier versions carry a ReDoS advisory), declared and installed', () => {
    expect(semver.gte(semver.minVersion(pkg.dependencies.ajv!)!, '8.18.0')).toBe(true);
    const installed = JSON.parse(read('node_modules/ajv/package.json')) as { version: string };
    expect(semver.gte(installed.version, '8.18.0')).toBe(true);
  });

  it('has a lock file that matches package.json, and CI installs from it with npm ci', () => {
    const lock = JSON.parse(read('package-lock.json')) as { lockfileVersion: number; packages: Record<string, { dependencies?: Record<string, string> }> };
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).not.toMatch(/^npm audit\b/m);
  });

  it('npm ls --omit=dev --all is clean (no missing, invalid or extraneous production package)', () => {
    const run = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const tree = JSON.parse(run.stdout) as { problems?: string[] };
    expect(tree.problems ?? []).toEqual([]);
    expect(run.status).toBe(0);
  }, 60_000);
});
