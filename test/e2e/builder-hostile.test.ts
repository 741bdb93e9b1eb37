import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDefinition } from '../fixtures/hostile/definitions';
import { Studio } from './builder-harness';
import { launchBrowser } from './support/browser';
import { copyForms, startServer, type RunningServer } from './support/server';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');

/**
 * Issue 16, the builder: a draft whose title holds a lone surrogate (`\ud800` in the file) loads,
 * so it used to reach the preview, which threw while hashing it (an uncaught error) and fell back
 * to compiling in the page (a CSP report). Now it is a problem in the Problems panel and a refusal
 * in the preview, and the page logs nothing.
 */
describe.skipIf(!built)('the builder and a definition with a lone surrogate', () => {
  let browser: Browser;
  let server: RunningServer;
  let formsDir: string;

  beforeAll(async () => {
    formsDir = copyForms();
    const d = { ...smallDefinition(), id: 'lone-surrogate', title: 'Broken @ title' };
    mkdirSync(join(formsDir, d.id));
    writeFileSync(join(formsDir, d.id, '1.0.0.json'), `${JSON.stringify(d, null, 2).replace('Broken @ title', 'Broken \\ud800 title')}\n`);
    server = await startServer({ formsDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (formsDir) rmSync(formsDir, { recursive: true, force: true });
  });

  it('shows a problem and a refusal in the preview, with no uncaught error or CSP report', { timeout: 60_000 }, async () => {
    const studio = await Studio.open(browser, server.url);
    // The explorer is open on arrival (its activity button would close it).
    await studio.page.getByTestId('explorer-lone-surrogate@1.0.0').click();
    await expect.poll(() => studio.problemCodes(), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/^(value-unrepresentable|[a-z-]*surrogate[a-z-]*)$/));
    // The loader refuses the file (string-lone-surrogate at /title), so the preview shows no form to fill in.
    await studio.page.waitForTimeout(500);
    expect(await studio.page.getByTestId('preview').locator('form input').count()).toBe(0);
    expect(studio.unexpectedErrors()).toEqual([]);
    await studio.close();
  });
});
