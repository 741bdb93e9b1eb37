import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, type PageName } from '../../builder/server/pages';
import { launchBrowser } from './support/browser';
import { copyForms, startServer, type RunningServer } from './support/server';

/**
 * Every page of the product under its real Content Security Policy, in Chromium, with no CSP
 * bypass: no violation event in the page, no violation report at the server, no CSP console error.
 * A positive control proves the counting works (an injected inline script is reported).
 */

const appDir = resolve('dist/app');
const built = (page: PageName) => existsSync(join(appDir, PAGES[page]));

/** `/forms/<id>/<version>` of each shipped, published form, with its title. */
function shippedForms(): Array<{ path: string; title: string }> {
  const record = JSON.parse(readFileSync(resolve('form-definitions/published.json'), 'utf8')) as Record<string, string>;
  return Object.keys(record).map((key) => ({
    path: `/forms/${key}`,
    title: (JSON.parse(readFileSync(resolve('form-definitions', `${key}.json`), 'utf8')) as { title: string }).title,
  }));
}

interface Seen {
  events: Array<{ directive: string; blocked: string; sample: string }>;
  consoleCsp: string[];
  /** Status of each ahead-of-time validator module the page loaded. */
  validators: number[];
}

let server: RunningServer;
let browser: Browser;

async function reports(): Promise<unknown[]> {
  const res = await fetch(`${server.url}/api/csp-report`);
  return ((await res.json()) as { reports: unknown[] }).reports;
}

async function clearReports(): Promise<void> {
  await fetch(`${server.url}/api/csp-report`, { method: 'DELETE' });
}

async function openUnderPolicy(path: string, settle = 1500): Promise<{ page: Page; seen: Seen }> {
  const context = await browser.newContext({ bypassCSP: false });
  const page = await context.newPage();
  const seen: Seen = { events: [], consoleCsp: [], validators: [] };
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/validators/')) seen.validators.push(r.status());
  });
  await page.exposeFunction('__reportViolation', (v: Seen['events'][number]) => void seen.events.push(v));
  // Init scripts run through the DevTools protocol, so the policy does not block the listener itself.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: unknown): void }).__reportViolation({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.consoleCsp.push(m.text());
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(settle);
  return { page, seen };
}

/**
 * Monaco starts only when a definition is shown as JSON: open the first shipped form in the
 * builder's JSON view and wait for the editor and its language worker.
 */
async function openInMonaco(page: Page): Promise<void> {
  const worker = page.waitForResponse((r) => /\/assets\/json\.worker[^/]*\.js$/.test(new URL(r.url()).pathname), { timeout: 30_000 });
  await page.locator('[data-testid^="explorer-"]').first().click();
  await page.locator('[data-testid="view-json"]').click();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 30_000 });
  expect((await worker).status()).toBe(200);
  await page.waitForTimeout(1000);
}

beforeAll(async () => {
  server = await startServer({ formsDir: copyForms() });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the built HTML', () => {
  it('has no inline script, inline style or event-handler attribute (nothing a strict CSP would block)', () => {
    const pages = (Object.keys(PAGES) as PageName[]).filter(built);
    expect(pages.length).toBeGreaterThan(0);
    for (const name of pages) {
      const html = readFileSync(join(appDir, PAGES[name]), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, `${name}: ${tag}`).toMatch(/^<script\b[^>]*\bsrc=/i);
        expect(tag.replace(/^<script\b[^>]*>/i, '').replace(/<\/script>$/i, '').trim()).toBe('');
      }
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i); // nothing from another origin (no CDN)
    }
  });

  it('emits no asset as a data: URL into scripts or styles', () => {
    const assets = readdirSync(join(appDir, 'assets')).filter((f) => f.endsWith('.css'));
    for (const file of assets) {
      expect(readFileSync(join(appDir, 'assets', file), 'utf8'), file).not.toMatch(/url\(\s*["']?data:(font|application)/i);
    }
  });
});

describe('pages under the policy', () => {
  it('counts a violation when one happens (positive control)', async () => {
    await clearReports();
    const { page, seen } = await openUnderPolicy('/forms/', 200);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    await expect.poll(() => seen.events.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await expect.poll(async () => (await reports()).length, { timeout: 5000 }).toBeGreaterThan(0);
    await page.context().close();
  });

  const cases: Array<{ path: string; page: PageName; title?: string }> = [
    { path: '/', page: 'builder' },
    { path: '/forms/', page: 'forms' },
    ...shippedForms().map(({ path, title }) => ({ path, title, page: 'forms' as const })),
    { path: '/embed/', page: 'embed' },
  ];

  /**
   * The builder with a form open in Monaco, lint running in the page: lint's meta-schema check is
   * compiled ahead of time (scripts/gen-meta-validator.mjs), so nothing asks for eval (SECURITY.md, CSP-9).
   */
  it.skipIf(!built('builder'))('the builder with a definition open in Monaco (editor, JSON worker, lint): zero violations', { timeout: 120_000 }, async () => {
    await clearReports();
    const { page, seen } = await openUnderPolicy('/', 200);
    await openInMonaco(page);
    await page.context().close();
    expect(seen.events).toEqual([]);
    expect(seen.consoleCsp).toEqual([]);
    expect(await reports()).toEqual([]);
  });

  for (const { path, page: name, title } of cases) {
    it.skipIf(!built(name))(`${path} loads with zero violations`, { timeout: 60_000 }, async () => {
      await clearReports();
      const { page, seen } = await openUnderPolicy(path);
      if (title) {
        // The form really ran: its title shows and its validator came ahead of time, not by eval.
        await expect.poll(() => page.getByText(title, { exact: false }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
        // The server bundles a validator on first request, which takes a while on a loaded machine.
        await expect.poll(() => seen.validators.includes(200), { timeout: 30_000 }).toBe(true);
      }
      await page.context().close();
      expect(seen.events).toEqual([]);
      expect(seen.consoleCsp).toEqual([]);
      expect(await reports()).toEqual([]);
    });
  }
});

describe('the builder needs its one exemption', () => {
  it.skipIf(!built('builder'))('without inline styles, Monaco’s run-time <style> elements are refused', { timeout: 120_000 }, async () => {
    const strict = await startServer({ formsDir: copyForms(), env: { BUILDER_STYLES: 'strict' } });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text()) && /style-src/.test(m.text())) refused.push(m.text());
      });
      await page.goto(strict.url + '/', { waitUntil: 'networkidle' });
      await openInMonaco(page);
      await context.close();
      expect(refused.length).toBeGreaterThan(0);
    } finally {
      await strict.stop();
    }
  });
});
