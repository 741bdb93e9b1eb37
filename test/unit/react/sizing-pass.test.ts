import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../bench/guard/build-app.mjs';
import { launchBrowser } from '../../e2e/support/browser';

/**
 * Long forms skip layout of off-screen questions (content-visibility: auto). A question never laid out
 * stood in at a guessed height and took its real one the frame after it was scrolled into view, so a
 * click aimed where it was read landed on the question above (the shared bench's driver does exactly
 * that). AssessmentForm's sizing pass lays every question out once after the first paint; after it, each
 * question, skipped or not, must take the height it really has. No timing is asserted: the pass is waited for.
 */
const N = 1000;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
let dir: string;
let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sizing-pass-'));
  await buildApp('guard.html', join(dir, 'guard'));
  const root = join(dir, 'guard');
  server = createServer((req, res) => {
    const path = resolve(root, '.' + decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(root) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/guard.html?n=${N}`;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`sizing pass of a ${N}-question form`, () => {
  it('leaves off-screen questions skipped, and a field scrolled into view stays where it was read', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(url);
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
