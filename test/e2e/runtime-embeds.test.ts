import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './support/axe';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * The four ways a host embeds the runtime, each through its example page (dist/examples, built by
 * `npm run build:lib`), served from another origin than the product under a strict CSP of its own.
 */
const examples = resolve('dist/examples');
let host: Server;
let hostUrl = '';
let server: RunningServer;
let browser: Browser;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

beforeAll(async () => {
  // The host's own server: static files, strict CSP, may frame only the product's origin.
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
  const address = host.address() as { port: number };
  hostUrl = `http://127.0.0.1:${address.port}`;
  server = await startServer({ env: { EMBED_ORIGINS: hostUrl } });
  appOrigin = server.url;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => host?.close(r));
});

const events = (page: Page) => page.locator('#events li').allTextContents();

async function fillExample(page: Page) {
  await page.getByLabel('Day').pressSequentially('4');
  await page.getByLabel('Month').pressSequentially('5');
  await page.getByLabel('Year').pressSequentially('2026');
  await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes').check();
}

describe('embedding', () => {
  it('React: <AssessmentForm> reports changes and the submitted response to the host', async () => {
    const { page, context, errors } = await openPage(browser, `${hostUrl}/react/`);
    await fillExample(page);
    await expect.poll(() => page.locator('#answer-count').textContent()).toContain('2');
    await page.getByRole('link', { name: 'Protective factors' }).click();
    await page.getByRole('group', { name: 'A consistent, reliable adult' }).getByLabel('Present').check();
    // Computed values are read-only and follow the answers at once.
    await expect.poll(() => page.locator('output').textContent()).toBe('1');
    await page.getByRole('group', { name: 'Engaged with school' }).getByLabel('Present').check();
    await expect.poll(() => page.locator('output').textContent()).toBe('2');
    await expectNoAxeViolations(page, 'react example');
    await shot(page, 'runtime-embed-react');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    // The gated question is required once the gate is yes: the summary says so.
    await page.getByText('There is a problem').waitFor();
    await page.getByRole('alert').getByRole('link').first().click();
    await page.getByRole('radio', { name: 'Prefers not to say' }).check();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await expect.poll(() => events(page)).toContain('submit completed example-check-in 1.0.0 factorsPresent=2');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('mount(): validate, getResponse, submit and destroy from plain JavaScript', async () => {
    const { page, context, errors } = await openPage(browser, `${hostUrl}/mount/`);
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(() => events(page)).toContain('validate 2 error(s): /visitDate /safeToTalk');
    await fillExample(page);
    await page.getByRole('button', { name: 'Get response' }).click();
    await expect.poll(async () => (await events(page)).find((e) => e.startsWith('response'))).toMatch(/^response in-progress example-check-in@1\.0\.0 sha256=[0-9a-f]{12} answers=\{"visitDate":"2026-05-04","safeToTalk":true,"factorsPresent":0\}$/);
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => events(page)).toContain('not submitted: 1 error(s)');
    await expectNoAxeViolations(page, 'mount example');
    await shot(page, 'runtime-embed-mount');
    await page.getByRole('button', { name: 'Destroy' }).click();
    await expect.poll(() => page.locator('.as-form').count()).toBe(1); // only the host's event log remains
    await context.close();
    expect(errors).toEqual([]);
  });

  it('<assessment-form>: DOM events for ready, change and a cancelable quick exit', async () => {
    const { page, context, errors } = await openPage(browser, `${hostUrl}/element/`);
    await expect.poll(() => events(page)).toContain('ready');
    await page.getByLabel('Day').pressSequentially('4');
    await expect.poll(() => events(page)).toContain('change visitDate');
    await page.getByLabel('Day').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => events(page)).toContain('quick exit');
    await expectNoAxeViolations(page, 'element example');
    await shot(page, 'runtime-embed-element');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('iframe: zod-checked postMessage with the allow-listed parent only, never to "*"', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, locale: 'en-GB' });
    // Every frame records the target origin of each postMessage it makes.
    await context.addInitScript(() => {
      const w = window as unknown as { __posts: string[] };
      w.__posts = [];
      const original = window.postMessage.bind(window);
      const parentWin = window.parent;
      const record = (target: unknown) => w.__posts.push(typeof target === 'string' ? target : JSON.stringify(target));
      const wrap = (win: Window, orig: Window['postMessage']) =>
        ((message: unknown, target: unknown, transfer?: Transferable[]) => {
          record(target);
          return (orig as (m: unknown, t: unknown, x?: Transferable[]) => void).call(win, message, target, transfer);
        }) as Window['postMessage'];
      window.postMessage = wrap(window, original);
      if (parentWin !== window) {
        // Test-only spy on the frame's posts to its parent: a proxy stands in for window.parent,
        // and MessageEvent.source reports the proxy for the real parent, so the runtime's own
        // "came from my parent" check still means what it says.
        const proxy = new Proxy(parentWin, { get: (t, k) => (k === 'postMessage' ? wrap(t, t.postMessage.bind(t)) : Reflect.get(t, k)) });
        Object.defineProperty(window, 'parent', { get: () => proxy });
        const source = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'source')!;
        Object.defineProperty(MessageEvent.prototype, 'source', {
          get(this: MessageEvent) {
            const real = source.get!.call(this);
            return real === parentWin ? proxy : real;
          },
        });
      }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostUrl}/iframe/?app=${encodeURIComponent(server.url)}`, { waitUntil: 'networkidle' });
    await expect.poll(() => events(page), { timeout: 15_000 }).toContain('loaded routine-enquiry@2.0.0');
    const frame = page.frameLocator('iframe.example-frame');
    await frame.getByLabel('Day').pressSequentially('9');
    await expect.poll(() => events(page)).toContain('change enquiryDate');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect.poll(async () => (await events(page)).some((e) => /^validated [1-9]\d* error\(s\)$/.test(e))).toBe(true);
    await frame.getByText('There is a problem').waitFor();
    await expectNoAxeViolations(page, 'iframe host');
    const inner = page.frames().find((f) => f.url().includes('/embed/'))!;
    const innerViolations = (await runAxe(inner)).map((v) => v.id);
    expect(innerViolations).toEqual([]);
    await shot(page, 'runtime-embed-iframe');
    const posts = await inner.evaluate(() => (window as unknown as { __posts: string[] }).__posts);
    expect(posts.length).toBeGreaterThan(2);
    expect(posts.every((t) => t === hostUrl)).toBe(true);

    // A raw definition the host posts is linted first: refused with each problem's pointer, and the form shown stays.
    await page.evaluate(() => {
      const f = document.querySelector('iframe.example-frame') as HTMLIFrameElement;
      const broken = {
        id: 'posted', version: '1.0.0', status: 'draft', title: 'Posted', source: { document: 'test' }, changelog: [],
        schema: { type: 'object', properties: { known: { type: 'string', title: 'Known', 'x-code': 'known' } } },
        uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/known' }, { type: 'Control', scope: '#/properties/missing' }] },
      };
      f.contentWindow!.postMessage({ protocol: 'assessment-studio/1', type: 'load', definition: broken }, '*');
    });
    await expect.poll(async () => (await events(page)).find((e) => e.startsWith('error '))).toMatch(/^error The definition is not valid\. .*\/uischema\/elements\/1\/scope: /);
    await frame.getByText('There is a problem').waitFor();

    // A frame told to trust another origin ignores this host entirely.
    await page.evaluate((app) => {
      const f = document.createElement('iframe');
      f.id = 'untrusted';
      f.title = 'Untrusted';
      f.src = `${app}/embed/?origins=${encodeURIComponent('https://other.example')}`;
      document.body.append(f);
    }, server.url);
    const other = await (async () => {
      for (let i = 0; i < 50; i++) {
        const f = page.frames().find((x) => x.url().includes('other.example'));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error('untrusted frame did not load');
    })();
    await other.waitForLoadState('networkidle');
    await page.evaluate(() => {
      const f = document.getElementById('untrusted') as HTMLIFrameElement;
      f.contentWindow!.postMessage({ protocol: 'assessment-studio/1', type: 'load', form: { id: 'routine-enquiry', version: '2.0.0' } }, '*');
    });
    await page.waitForTimeout(1000);
    expect(await other.evaluate(() => document.getElementById('root')!.childElementCount)).toBe(0);
    expect(await other.evaluate(() => (window as unknown as { __posts: string[] }).__posts)).toEqual([]);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a keystroke renders one control, whatever the size of the form (render-count guard)', async () => {
    const { page, context, errors } = await openPage(browser, `${hostUrl}/element/`);
    await expect.poll(() => events(page)).toContain('ready');
    const counts = await page.evaluate(async () => {
      const el = document.getElementById('form') as HTMLElement & { definition: unknown; validator: unknown };
      el.setAttribute('debug', '');
      const properties: Record<string, unknown> = {};
      const groups: unknown[] = [];
      for (let s = 0; s < 40; s++) {
        const elements: unknown[] = [];
        for (let i = 0; i < 25; i++) {
          const key = `q${s * 25 + i}`;
          // With export codes: every embed refuses a definition with lint errors (issue 16).
          properties[key] = i % 2 ? { type: 'string', title: `Question ${key}`, maxLength: 200, 'x-code': `q_${key}` } : { type: 'string', title: `Question ${key}`, oneOf: [{ const: 'a', title: 'A' }, { const: 'b', title: 'B' }], 'x-code': `q_${key}` };
          elements.push({ type: 'Control', scope: `#/properties/${key}` });
        }
        groups.push({ type: 'Group', label: `Section ${s + 1}`, elements });
      }
      el.validator = Object.assign(() => true, { errors: null });
      el.definition = {
        id: 'large-form', version: '1.0.0', status: 'draft', title: 'A thousand questions', source: { document: 'generated' },
        schema: { type: 'object', properties }, uischema: { type: 'VerticalLayout', elements: groups },
      };
      await new Promise((r) => setTimeout(r, 1500));
      return document.querySelectorAll('.as-form-group').length;
    });
    expect(counts).toBe(1000);
    const input = page.locator('#as-q501');
    await input.focus();
    await page.evaluate(() => ((window as unknown as { __asRenderCount: number }).__asRenderCount = 0));
    await page.keyboard.type('x');
    await page.waitForTimeout(300);
    const oneKey = await page.evaluate(() => (window as unknown as { __asRenderCount: number }).__asRenderCount);
    await page.getByRole('radio', { name: 'B' }).nth(250).click();
    await page.waitForTimeout(300);
    const withClick = await page.evaluate(() => (window as unknown as { __asRenderCount: number }).__asRenderCount);
    expect(oneKey).toBe(1);
    expect(withClick - oneKey).toBeLessThanOrEqual(2); // the radio, and the text field it left (blur)
    await context.close();
    expect(errors).toEqual([]);
  });
});
