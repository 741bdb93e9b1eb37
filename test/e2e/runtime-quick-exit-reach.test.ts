import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchPageErrors } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { expectNoAxeViolations, shot } from './runtime-harness';

/**
 * Issue 14, point 6: Quick exit in reach and the host told at once. The button stays in view
 * however far a long section is scrolled, on a phone (no Escape key there) and on a desktop; inside
 * the iframe the frame tells its host in the task of the press, and the README's iframe host blanks
 * its own page (which may show the client's name) at once and leaves.
 */
const examples = resolve('dist/examples');
let host: Server;
let hostUrl = '';
let server: RunningServer;
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

beforeAll(async () => {
  // The host's own origin, serving the built examples under a strict CSP, as in runtime-embeds.
  let appOrigin = '';
  host = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(examples, path);
    if (file.endsWith('/')) file += 'index.html';
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src ${appOrigin}; object-src 'none'; base-uri 'none'`,
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
  server = await startServer({ env: { EMBED_ORIGINS: hostUrl } });
  appOrigin = server.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => host?.close(r));
});

const FORM = () => `${server.url}/forms/routine-enquiry/2.0.0`;

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 720 } };

async function open(options: object, url: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ ...options, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, context, errors };
}

/** Where the Quick exit button is, and whether it is the element actually hit at its centre. */
async function exitButtonInView(page: Page) {
  return page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Quick exit'))!;
    const r = button.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    return {
      x,
      y,
      top: r.top,
      bottom: r.bottom,
      inView: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
      onTop: !!hit && button.contains(hit),
      scrolled: scrollY,
    };
  });
}

async function scrollToBottom(page: Page): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // Long forms size their groups after paint: settle, then scroll again to the real bottom.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    return scrollY;
  });
}

describe('quick exit stays in reach', () => {
  for (const [name, options] of [['a phone (375×667, touch)', PHONE], ['a desktop (1280×720)', DESKTOP]] as const) {
    it(`on ${name}, scrolled to the bottom of a long section, the button is in view, on top, and exits`, async () => {
      const { page, context, errors } = await open(options, FORM());
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      const scrolled = await scrollToBottom(page);
      // The section really is longer than the screen: the button's first place is far above.
      expect(scrolled).toBeGreaterThan(300);
      const where = await exitButtonInView(page);
      expect(where).toMatchObject({ inView: true, onTop: true });
      await expectNoAxeViolations(page, `quick exit scrolled on ${name}`);
      await shot(page, `runtime-quick-exit-scrolled-${options === PHONE ? 'phone' : 'desktop'}`);
      // Tapped (or clicked) where it is on screen: no scrolling by the test.
      if (options === PHONE) await page.touchscreen.tap(where.x, where.y);
      else await page.mouse.click(where.x, where.y);
      await page.waitForURL('about:blank');
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('on a phone, the focused error summary is not under the button', async () => {
    const { page, context, errors } = await open(PHONE, FORM());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await scrollToBottom(page);
    await page.getByRole('button', { name: 'Submit assessment' }).tap();
    await page.getByText('There is a problem').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('as-error-summary');
    await page.waitForTimeout(100);
    const button = await exitButtonInView(page);
    const title = await page.getByText('There is a problem').boundingBox();
    expect(button.inView).toBe(true);
    expect(title!.y).toBeGreaterThanOrEqual(button.bottom);
    await expectNoAxeViolations(page, 'error summary on a phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the host hears of quick exit at once', () => {
  it('iframe: the frame posts quickExit in the task of the press, and the host page is blanked at once and left', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'en-GB' });
    // Test-only spy in every frame: the type of each message posted to the parent, in order.
    await context.addInitScript(() => {
      const w = window as unknown as { __posted: string[] };
      w.__posted = [];
      const parentWin = window.parent;
      if (parentWin === window) return;
      const post = (message: { type?: string }, target: string) => {
        w.__posted.push(String(message?.type));
        parentWin.postMessage(message, target);
      };
      const proxy = new Proxy(parentWin, { get: (t, k) => (k === 'postMessage' ? post : Reflect.get(t, k)) });
      Object.defineProperty(window, 'parent', { get: () => proxy });
      const source = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source')!;
      Object.defineProperty(MessageEvent.prototype, 'source', {
        get(this: MessageEvent) {
          const real = source.get!.call(this);
          return real === parentWin ? proxy : real;
        },
      });
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const seen: Array<{ at: number; hidden: boolean; title: string }> = [];
    await page.exposeFunction('__hostSaw', (at: number, hidden: boolean, title: string) => seen.push({ at, hidden, title }));
    await page.goto(`${hostUrl}/iframe/?app=${encodeURIComponent(server.url)}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('#events li').allTextContents(), { timeout: 15_000 }).toContain('loaded routine-enquiry@2.0.0');
    const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
    await frame.getByLabel('Day').pressSequentially('9');
    await expect.poll(() => page.locator('#events li').allTextContents()).toContain('change enquiryDate');
    // Registered after the example's own listener, so it sees the page as that listener left it.
    await page.evaluate(() => {
      window.addEventListener('message', (e) => {
        if ((e.data as { type?: string })?.type !== 'quickExit') return;
        const hidden = getComputedStyle(document.body).display === 'none';
        (window as unknown as { __hostSaw: (at: number, h: boolean, t: string) => void }).__hostSaw(Date.now(), hidden, document.title);
      });
    });
    const pressed = await frame.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Quick exit'))!;
      const at = Date.now();
      button.click();
      // Still the task of the press: the host has been told before any draft work.
      return { at, posted: [...(window as unknown as { __posted: string[] }).__posted] };
    });
    expect(pressed.posted.at(-1)).toBe('quickExit');
    await expect.poll(() => seen.length, { timeout: 2000 }).toBe(1);
    expect(seen[0]!.hidden).toBe(true);
    expect(seen[0]!.title).not.toMatch(/assessment|example/i);
    // That it is posted in the task of the press is proved above (`posted`); this only bounds the
    // delivery from the frame's process to the host's. 250 ms failed once (258) on a two-core machine
    // running a second browser suite beside this one; a host told only after the frame's draft work
    // (up to 800 ms, as before issue 14) still fails it.
    expect(seen[0]!.at - pressed.at).toBeLessThan(750);
    // And the host leaves, without a history entry.
    await page.waitForURL('about:blank', { timeout: 3000 });
    expect(Date.now() - pressed.at).toBeLessThan(2000);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [name, path] of [['mount()', 'mount'], ['<assessment-form>', 'element']] as const) {
    it(`${name}: the host hears in the task of the press, before drafts`, async () => {
      const { page, context, errors } = await open({ viewport: { width: 1100, height: 900 } }, `${hostUrl}/${path}/`);
      await page.getByLabel('Day').pressSequentially('4');
      const heard = await page.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Quick exit'))!;
        button.click();
        return [...document.querySelectorAll('#events li')].map((li) => li.textContent);
      });
      expect(heard).toContain('quick exit');
      // mount()'s example leaves the form's own way (the element's cancels the event, to show how).
      if (path === 'mount') await page.waitForURL('about:blank');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
