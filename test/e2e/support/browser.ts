import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Debian's Chromium, driven by playwright-core (no browser downloads on these machines). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run `node scripts/ensure-chromium.mjs` (npm test does).');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Every console error and uncaught page error is collected; tests assert the list is empty,
 * so a page that throws fails its test even when the assertion it was written for passes.
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/**
 * Waits for `locator`; on a timeout the error carries what the page showed instead (its headings,
 * alerts and the start of its text), so a failure seen once in CI says where the page was.
 */
export async function waitOrExplain(page: Page, locator: ReturnType<Page['locator']>, timeout = 30_000): Promise<void> {
  try {
    await locator.waitFor({ timeout });
  } catch (err) {
    const shown = await page
      .evaluate(() => {
        const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim().slice(0, 200));
        return JSON.stringify({ url: location.href, headings: texts('h1, h2'), alerts: texts('[role=alert], [role=status]'), body: (document.body.innerText ?? '').slice(0, 1500) }, null, 1);
      })
      .catch((e: unknown) => `(the page could not be read: ${String(e)})`);
    throw new Error(`${(err as Error).message}\nThe page showed instead:\n${shown}`);
  }
}
