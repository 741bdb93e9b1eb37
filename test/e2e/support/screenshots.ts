import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Where browser tests leave pictures for people to look at (some are copied to docs/screenshots). */
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

const CAPTURE_MS = 20_000;

/**
 * Screenshots are evidence for people, never asserted on. On 2 busy cores Chromium once took over
 * 30 s to capture a long check-your-answers page (CI of stop 25) and failed a test whose page was
 * right. So a capture has a bounded time, is tried once more at the viewport's size, and if that
 * times out too the test goes on with a warning: its assertions are about the page, not the camera.
 * Any other error (a closed page, a bad path) still fails the test.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string | null> {
  const path = name.includes('/') ? name : `${SHOTS}/${name}.png`;
  const attempts = options.fullPage ? [true, false] : [false];
  for (const fullPage of attempts) {
    try {
      await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide', timeout: CAPTURE_MS });
      return path;
    } catch (e) {
      if ((e as Error).name !== 'TimeoutError') throw e;
    }
  }
  console.warn(`screenshot ${path} not taken: Chromium did not capture it within ${CAPTURE_MS / 1000} s`);
  return null;
}
