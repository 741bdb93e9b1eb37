import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { expectNoAxeViolations, openPage, openSection, shot } from './runtime-harness';

/**
 * rule-shows-unanswered on the practitioner page: disclosure-record 1.0.0's “What else is the
 * disclosure about?” showed before anything was ticked (its show-when was `contains "other"`,
 * which holds on a missing answer) and hid once another kind was ticked, dropping what was typed
 * there. 1.1.0's waits for its question. Ticked with the keyboard only; axe clean in each state.
 */
const suite = productSuite();
const NATURE = /^What is the disclosure about\?/;
const OTHER = 'What else is the disclosure about?';

async function openDisclosure(version: string): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(suite.browser, `${suite.server.url}/forms/disclosure-record/${version}`);
  const gate = opened.page.getByRole('group', { name: /somewhere private/ });
  await gate.waitFor();
  await gate.getByLabel('Yes', { exact: true }).check();
  await openSection(opened.page, 'The disclosure');
  await opened.page.getByRole('group', { name: NATURE }).waitFor();
  return opened;
}

const followUps = (page: Page) => page.getByLabel(OTHER, { exact: true }).count();

/** Tick or untick an option as a keyboard user does: focus it, then Space. */
async function toggle(page: Page, label: string): Promise<void> {
  await page.getByRole('group', { name: NATURE }).getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('Space');
}

describe('a follow-up on a multiple choice waits for its question (disclosure-record 1.1.0)', () => {
  it('“What else is the disclosure about?” is hidden before anything is ticked, shown with “Something else”, hidden again without it', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openDisclosure('1.1.0');
    expect(await followUps(page), 'before anything is ticked').toBe(0);
    await expectNoAxeViolations(page, 'nothing ticked');
    await shot(page, 'runtime-follow-up-waits-unticked');

    await toggle(page, 'Physical abuse');
    expect(await followUps(page), 'with another kind ticked').toBe(0);

    await toggle(page, 'Something else');
    await page.getByLabel(OTHER, { exact: true }).waitFor();
    expect(await followUps(page)).toBe(1);
    await page.getByLabel(OTHER, { exact: true }).fill('Online grooming');
    await expectNoAxeViolations(page, '“Something else” ticked');
    await shot(page, 'runtime-follow-up-waits-other');

    await toggle(page, 'Something else');
    await page.getByLabel(OTHER, { exact: true }).waitFor({ state: 'detached' });
    expect(await followUps(page), 'once “Something else” is unticked').toBe(0);
    await expectNoAxeViolations(page, '“Something else” unticked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('1.0.0, published and unchangeable, still shows it before anything is ticked (why 1.1.0 exists)', { timeout: 120_000 }, async () => {
    const { page, context } = await openDisclosure('1.0.0');
    expect(await followUps(page)).toBe(1);
    await context.close();
  });
});
