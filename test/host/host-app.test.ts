import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchPageErrors } from '../e2e/support/browser';
import { crossOriginSuite } from '../e2e/support/crossOrigin';
import { FORM, setUpHostApp, type HostApp } from './host-setup';

/**
 * Issue 19, point 4: the package as a host gets it. `npm pack`, installed into a fresh Vite +
 * TypeScript React app and served beside a plain HTML page without a bundler (another origin than
 * the product's server, which lists it in EMBED_ORIGINS); in Chromium each renders a shipped form,
 * the required answer is given, the form submitted, and the host receives the response.
 */

let host: HostApp;
// Served before they exist (each request reads the disk): the product's server must know this origin first.
const suite = crossOriginSuite(
  'as-host-app',
  (dir) => ({ app: { dir: join(dir, 'app/dist') }, plain: { dir: join(dir, 'app') } }),
  async ({ dir, server }) => {
    host = await setUpHostApp(dir, server.url);
    console.log(`host app: ${host.packed.length} files packed; node_modules ${(host.nodeModulesBytes / 1e6).toFixed(1)} MB (${host.installed.length} packages); ms ${JSON.stringify(host.timings)}`);
  },
  300_000,
);

describe('the installed package', () => {
  it('packs only what a host needs: the library, the command line (with the embedded database\'s thread), schemas and the README', () => {
    const outside = host.packed.filter((p) => !/^(dist\/lib\/|dist\/node\/((cli|validator-engine)\.js|pglite-worker\.mjs)$|schemas\/|README\.md$|package\.json$)/.test(p));
    expect(outside).toEqual([]);
    expect(host.packed).toEqual(expect.arrayContaining(['dist/lib/index.js', 'dist/lib/standalone.js', 'dist/lib/styles.css', 'dist/node/cli.js']));
    expect(host.packed.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('brings neither esbuild, Monaco, the database drivers, lodash nor JSON Forms into the host', () => {
    const unwanted = host.installed.filter((p) => /^(esbuild|@esbuild\/|monaco-editor|pg|@electric-sql\/|lodash|@jsonforms\/|vitest|playwright)/.test(p));
    expect(unwanted).toEqual([]);
    // React once, the host's own (a peer), not a copy of ours.
    expect(host.installed).toEqual(expect.arrayContaining(['react', 'react-dom', 'assessment-studio']));
  });

  it('runs the command line from the install, with no dependency of its own (compile asks for esbuild)', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(host.dir, 'node_modules/assessment-studio/dist/node/cli.js'), ...args], { cwd: host.dir, encoding: 'utf8' });
    const form = resolve(`form-definitions/${FORM.id}/${FORM.version}.json`);
    expect(cli('lint', form).status).toBe(0);
    const compile = cli('compile', form);
    expect(compile.status).not.toBe(0);
    expect(compile.stderr).toContain('needs the package esbuild');
    // A missing optional peer is a fact about the install, not an internal error.
    expect(compile.stderr).not.toContain('internal error');
  });

  it('types a non-React host with skipLibCheck false and no @types/react', () => {
    expect(host.installed).not.toContain('@types/react');
    expect(host.typeErrors).toBe('');
  });
});

async function fillAndSubmit(page: Page): Promise<unknown> {
  const gate = page.getByRole('group', { name: /somewhere private/ });
  await gate.waitFor({ timeout: 30_000 });
  await gate.getByLabel('No').check();
  await page.getByRole('link', { name: 'Check your answers' }).click();
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  await expect.poll(() => page.locator('#received').textContent(), { timeout: 15_000 }).toBe('received completed');
  return page.evaluate(() => (window as unknown as { __received: unknown }).__received);
}

describe('a shipped form in the host pages, submitted, the response received', () => {
  for (const [name, path] of [
    ['the React app built by Vite', '/app/'],
    ['the plain HTML page (standalone module, <assessment-form api-base>)', '/plain/plain.html'],
  ] as const) {
    it(name, async () => {
      const page = await suite.browser.newPage();
      const errors = watchPageErrors(page);
      await page.goto(`${suite.pages.url}${path}`);
      const response = await fillAndSubmit(page);
      expect(response).toMatchObject({ form: { id: FORM.id, version: FORM.version }, status: 'completed', answers: { privateToRecord: false } });
      await page.close();
      expect(errors).toEqual([]);
    });
  }
});
