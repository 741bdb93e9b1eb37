import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/guard/build-app.mjs';
import { builtPagesSuite } from '../../e2e/support/static';

/**
 * Long forms skip layout of off-screen questions (content-visibility: auto). A question never laid out
 * stood in at a guessed height and took its real one the frame after it was scrolled into view, so a
 * click aimed where it was read landed on the question above (the shared bench's driver does exactly
 * that). AssessmentForm's sizing pass lays every question out once after the first paint; after it, each
 * question, skipped or not, must take the height it really has. No timing is asserted: the pass is waited for.
 */
const N = 1000;
const suite = builtPagesSuite('sizing-pass', async (dir) => {
  await buildApp('guard.html', join(dir, 'guard'));
  return join(dir, 'guard');
});

describe(`sizing pass of a ${N}-question form`, () => {
  it('leaves off-screen questions skipped, and a field scrolled into view stays where it was read', { timeout: 120_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.url}/guard.html?n=${N}`);
      await page.waitForFunction((n) => document.querySelectorAll('#root .as-form-group').length >= n, N, { timeout: 60_000 });
      // The pass is over once enough frames have gone by for every batch and no question holds its inline style.
      await page.waitForFunction(
        () =>
          new Promise<boolean>((ok) => {
            let frames = 0;
            const tick = () => (++frames < 15 ? requestAnimationFrame(tick) : ok(!document.querySelector('#root .as-form-group[style*="content-visibility"]')));
            requestAnimationFrame(tick);
          }),
        null,
        { timeout: 60_000, polling: 100 },
      );
      const heights = await page.evaluate(() => {
        const groups = Array.from(document.querySelectorAll<HTMLElement>('#root .as-form-group'));
        // Still skipped when off screen after the pass (the keystroke gain is kept)…
        const auto = groups.every((g) => getComputedStyle(g).contentVisibility === 'auto');
        // …yet each stands in at its own remembered height: the height it has when laid out for real.
        const standIn = groups.map((g) => g.getBoundingClientRect().height);
        groups.forEach((g) => g.style.setProperty('content-visibility', 'visible'));
        const real = groups.map((g) => g.getBoundingClientRect().height);
        const wrong = groups.map((g, i) => [g.querySelector('[id]')?.id, standIn[i], real[i]] as const).filter(([, a, b]) => Math.abs(a! - b!) > 1);
        return { auto, count: groups.length, wrong: wrong.slice(0, 5), wrongCount: wrong.length };
      });
      expect(heights.count).toBeGreaterThanOrEqual(N);
      expect(heights.auto).toBe(true);
      expect(heights.wrong, `${heights.wrongCount} questions stand in at a height other than their own`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
