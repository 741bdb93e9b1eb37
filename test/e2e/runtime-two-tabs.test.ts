import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { formDraftKeys } from './support/drafts';
import { expectNoAxeViolations, shot } from './runtime-harness';

/**
 * Two tabs of one browser, as a practitioner with the service open twice: quick exit in one
 * leaves nothing of the service on screen in the others, and a draft open in one tab is not
 * offered in another (two tabs writing one draft would each overwrite the other's answers).
 */
const suite = productSuite();
const FORM = '/forms/routine-enquiry/2.0.0';

async function tab(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${suite.server.url}${path}`, { waitUntil: 'networkidle' });
  return page;
}

async function startTyping(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
  await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
  await page.getByLabel(/next try to see the person/).pressSequentially(text, { delay: 10 });
  await page.waitForTimeout(1200);
}

describe('two tabs of one browser', () => {
  it('quick exit in one tab sends every tab of the service away, and no draft of the form is left', { timeout: 90_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const a = await tab(context, FORM);
    await startTyping(a, 'First client');
    const list = await tab(context, '/forms/');
    await list.getByRole('heading', { name: 'Assessments' }).waitFor();
    const b = await tab(context, FORM);
    await b.getByRole('button', { name: 'Start a new assessment' }).click();
    await startTyping(b, 'Second client');

    await a.bringToFront();
    await a.getByRole('button', { name: /Quick exit/ }).click();
    for (const page of [a, list, b]) await page.waitForURL('about:blank', { timeout: 5000 });
    const probe = await tab(context, '/forms/');
    await expect.poll(() => formDraftKeys(probe, 'routine-enquiry')).toEqual([]);
    await context.close();
  });

  it('a draft open in one tab is not offered in another until it is closed there', { timeout: 90_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const a = await tab(context, FORM);
    await startTyping(a, 'Open in tab A');
    const b = await tab(context, FORM);
    await b.getByRole('heading', { name: 'Assessments in progress on this device' }).waitFor();
    await b.getByText('This assessment is open in another tab or window.').waitFor();
    expect(await b.getByRole('button', { name: /^Resume/ }).count()).toBe(0);
    expect(await b.getByRole('button', { name: /^Discard/ }).count()).toBe(0);
    await expectNoAxeViolations(b, 'draft open in another tab');
    await shot(b, 'runtime-draft-open-elsewhere');

    await a.close();
    await b.reload({ waitUntil: 'networkidle' });
    await b.getByRole('button', { name: /^Resume/ }).click();
    await expect.poll(() => b.getByLabel(/next try to see the person/).inputValue()).toBe('Open in tab A');
    await context.close();
  });
});
