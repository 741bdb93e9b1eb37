import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * Every shipped, published form in the practitioner page: each section (with the safety gate
 * answered yes, so the sensitive ones show too) passes axe, and a screenshot of each form is kept
 * to look at.
 */
let server: RunningServer;
let browser: Browser;

const published = Object.keys(JSON.parse(readFileSync(resolve('form-definitions/published.json'), 'utf8')) as Record<string, string>);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('shipped forms in the runtime', () => {
  it('there are shipped forms to check', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
  });

  for (const key of published) {
    it(`${key}: every section is accessible, gate open`, { timeout: 120_000 }, async () => {
      const [id, version] = key.split('/') as [string, string];
      const definition = (await (await fetch(`${server.url}/api/forms/${id}/${version}`)).json()) as {
        safety?: { gate?: string };
        schema: { properties: Record<string, { title?: string }> };
      };
      const { page, context, errors } = await openPage(browser, `${server.url}/forms/${id}/${version}`);
      await page.locator('#as-section-heading').waitFor();
      const gate = definition.safety?.gate;
      if (gate) {
        const gateId = `as-${gate.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
        const before = await page.locator('.as-section-nav__link').count();
        await page.locator(`#${gateId}`).check();
        await expect.poll(() => page.locator('.as-section-nav__link').count()).toBeGreaterThan(before);
      }
      await shot(page, `runtime-form-${id}-${version}`);
      const sections = await page.locator('.as-section-nav__link').allTextContents();
      for (const name of sections) {
        await page.locator('.as-section-nav__link', { hasText: name }).first().click();
        await expectNoAxeViolations(page, `${key} ${name}`);
      }
      await context.close();
      expect(errors).toEqual([]);
    });
  }
});
