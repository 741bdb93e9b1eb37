import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { minimalDefinition } from '../support/minimal-definition';
import { crossOriginSuite } from './support/crossOrigin';

/**
 * Issue 19, point 3: every reply of the iframe page carries the `requestId` of the request it
 * answers, `submitted` included (it had none when the submit succeeded), and so does an `error`
 * answering a request. A host with several requests in flight can then tell the replies apart.
 */

// The host: one empty page on its own origin.
const suite = crossOriginSuite('as-iframe-replies', (dir) => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Host</title><h1>Host</h1>');
  return dir;
});

/** The host page with the frame, and every frame message it received (in order). */
async function framed(): Promise<Page> {
  const page = await suite.browser.newPage();
  await page.goto(suite.pages.url);
  await page.evaluate(
    ({ app, origin }) =>
      new Promise<void>((ready) => {
        const w = window as unknown as { __replies: Array<Record<string, unknown>>; __send(m: Record<string, unknown>): void };
        w.__replies = [];
        const frame = document.createElement('iframe');
        frame.src = `${app}/embed/?origins=${encodeURIComponent(origin)}`;
        w.__send = (m) => frame.contentWindow!.postMessage({ protocol: 'assessment-studio/1', ...m }, app);
        window.addEventListener('message', (event) => {
          if (event.source !== frame.contentWindow) return;
          w.__replies.push(event.data as Record<string, unknown>);
          if ((event.data as { type?: string }).type === 'ready') ready();
        });
        document.body.append(frame);
      }),
    { app: suite.server.url, origin: suite.pages.url },
  );
  return page;
}

const send = (page: Page, message: Record<string, unknown>) => page.evaluate((m) => (window as unknown as { __send(m: unknown): void }).__send(m), message);
const reply = (page: Page, type: string, requestId?: string) =>
  expect
    .poll(() => page.evaluate(([t, id]) => (window as unknown as { __replies: Array<Record<string, unknown>> }).__replies.find((r) => r.type === t && (id === undefined || r.requestId === id)) ?? null, [type, requestId] as const), { timeout: 15_000 })
    .not.toBeNull();

describe('iframe replies carry the requestId they answer', () => {
  it('error before a form is loaded, then validated, response and submitted (ok) each with their own id', async () => {
    const page = await framed();
    await send(page, { type: 'submit', requestId: 'early' });
    await reply(page, 'error', 'early');

    const definition = { ...minimalDefinition, schema: { type: 'object', properties: { note: { type: 'string', title: 'Note', 'x-code': 'note' } } }, uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/note' }] } };
    await send(page, { type: 'load', definition });
    await reply(page, 'loaded');
    await send(page, { type: 'validate', requestId: 'v1' });
    await reply(page, 'validated', 'v1');
    await send(page, { type: 'getResponse', requestId: 'g1' });
    await reply(page, 'response', 'g1');
    await send(page, { type: 'submit', requestId: 's1' });
    await reply(page, 'submitted', 's1');
    const submitted = await page.evaluate(() => (window as unknown as { __replies: Array<Record<string, unknown>> }).__replies.filter((r) => r.type === 'submitted'));
    // One reply to one request: the success is not posted a second time without its id.
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({ requestId: 's1', ok: true, response: { status: 'completed' } });
    await page.close();
  });
});
