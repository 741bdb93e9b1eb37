import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { watchPageErrors } from './browser';

/**
 * Shared by the browser tests of hostile definitions (issue 16): a page that records long tasks
 * from its first script on, and the refusal every surface shows instead of a form.
 */
export const LONG_TASK_MS = 200;

const OBSERVER = `
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface ObservedPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openObserved(browser: Browser, url: string): Promise<ObservedPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(OBSERVER);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Main-thread tasks over the limit that started at or after `since` (entries arrive after the task ends). */
export async function longTasksSince(page: Page, since: number): Promise<Array<{ start: number; duration: number }>> {
  await page.waitForTimeout(300);
  return page.evaluate(
    ({ t, limit }) => (window as unknown as { __longtasks: Array<{ start: number; duration: number }> }).__longtasks.filter((e) => e.start >= t && e.duration > limit),
    { t: since, limit: LONG_TASK_MS },
  );
}

/** The refusal is on screen, as an alert, and names `code` first (its pointer matching `path`). */
export async function expectRefusal(page: Page, code: string | RegExp, path?: RegExp): Promise<void> {
  const refusal = page.getByRole('alert').filter({ hasText: 'This form cannot be shown' });
  await refusal.waitFor({ timeout: 10_000 });
  const first = refusal.locator('li').first();
  const shown = await first.getAttribute('data-code');
  if (typeof code === 'string') expect(shown).toBe(code);
  else expect(shown).toMatch(code);
  if (path) expect(await first.getAttribute('data-path')).toMatch(path);
}
