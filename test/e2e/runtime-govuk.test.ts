import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { expectNoAxeViolations, openPage, openSection, shot } from './runtime-harness';

/**
 * Issue 14, point 7: GOV.UK behaviours practitioners expect, each in real Chromium on the
 * practitioner page (routine-enquiry 2.0.0 unless said otherwise).
 */
const suite = productSuite();

const ROUTINE = () => `${suite.server.url}/forms/routine-enquiry/2.0.0`;
const heading = (page: Page) => page.locator('#as-section-heading, #check-answers').first().textContent();
const summary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
const summaryLinks = (page: Page) => summary(page).getByRole('link').allTextContents();


async function fillDate(page: Page, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole('group', { name: 'Date of the enquiry' });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** The first section answered so that it is complete, with the safety check answered No. */
async function answerFirstSection(page: Page): Promise<void> {
  await fillDate(page, '25', '11', '2026');
  await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No', { exact: true }).check();
  await page.getByRole('group', { name: /Why was it not safe/ }).getByLabel('Children were present').check();
}

/** Every required answer of the short path (not safe to talk, no children). */
async function answerEverything(page: Page): Promise<void> {
  await answerFirstSection(page);
  await openSection(page, 'Children');
  await page.getByRole('group', { name: /Does the person have children/ }).getByLabel('No', { exact: true }).check();
  await openSection(page, 'Next steps');
  await page.getByRole('group', { name: /female key worker/ }).getByLabel('Offered and accepted').check();
}

describe('GOV.UK behaviours on the practitioner page', () => {
  it('"Save and continue" checks the section: stays with a focused summary of its own problems, then moves on', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await summary(page).waitFor();
    expect(await heading(page)).toBe('Before you ask');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('as-error-summary'))).toBe(true);
    // Only this section's questions: not "Does the person have children" (section Children).
    const links = await summaryLinks(page);
    expect(links).toHaveLength(2);
    expect(links.join(' | ')).toMatch(/Date of the enquiry/i);
    expect(links.join(' | ')).toMatch(/alone and able to talk safely/);
    expect(await page.locator('.as-form-group--error').count()).toBe(2);
    await expectNoAxeViolations(page, 'save and continue with problems');
    await shot(page, 'govuk-save-continue-problems');

    // A question revealed by an answer is checked too once shown.
    await fillDate(page, '25', '11', '2026');
    await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => summaryLinks(page), { timeout: 10_000 }).toEqual([expect.stringMatching(/Why was it not safe/)]);
    expect(await heading(page)).toBe('Before you ask');

    await page.getByRole('group', { name: /Why was it not safe/ }).getByLabel('Children were present').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).not.toBe('Before you ask');
    expect(await summary(page).count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('after Change on check your answers, the section returns to check your answers', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await answerEverything(page);
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    await page.getByRole('link', { name: 'Change Date of the enquiry' }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Before you ask');
    const back = page.getByRole('button', { name: 'Save and return to check your answers' });
    await back.waitFor();
    await expectNoAxeViolations(page, 'changing an answer');
    await shot(page, 'govuk-change-return');
    await fillDate(page, '24', '11', '2026');
    await back.click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    expect(await page.getByText('24 November 2026').count()).toBe(1);
    // Opening a section from the navigation is a normal visit again: its button goes onward.
    await openSection(page, 'Before you ask');
    await page.getByRole('button', { name: 'Save and continue' }).waitFor();
    await context.close();
    expect(errors).toEqual([]);
  });

  it('the browser Back and Forward buttons move between sections and check your answers', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const url = page.url();
    await answerFirstSection(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Children');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();

    await page.goBack();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Children');
    expect(page.url()).toBe(url);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('as-section-heading');
    await page.goBack();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Before you ask');
    // Nothing typed was lost on the way.
    expect(await page.getByRole('group', { name: 'Date of the enquiry' }).getByLabel('Day').inputValue()).toBe('25');
    await page.goForward();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Children');
    await page.goForward();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Check your answers before submitting');
    await expectNoAxeViolations(page, 'after back and forward');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('after Quick exit, Back through the form\'s entries shows none of its answers', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await answerFirstSection(page);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Children');
    await page.getByRole('button', { name: /^Quick exit/ }).click();
    await page.waitForURL('about:blank');
    // The entries pushed for sections still hold the form's URL: Back reaches one of them.
    await page.goBack();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(ROUTINE());
    await page.waitForLoadState('networkidle');
    // The draft was wiped, so a fresh form opens (or the blanked page), never the answers.
    const day = page.getByRole('group', { name: 'Date of the enquiry' }).getByLabel('Day');
    if (await day.isVisible()) expect(await day.inputValue()).toBe('');
    expect(await page.getByText('Children were present').isVisible()).toBe(false);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('"None of these" is exclusive: it clears the other options, and another option clears it', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes', { exact: true }).check();
    await openSection(page, 'What the person told you');
    const group = page.getByRole('group', { name: 'Have any of these happened recently?' });
    await group.getByLabel('Missed appointments').check();
    await group.getByLabel('Relapse in drinking or drug use').check();
    await expect.poll(() => group.locator('.as-checkboxes__divider').textContent(), { timeout: 10_000 }).toBe('or');
    await expectNoAxeViolations(page, 'exclusive option');
    await shot(page, 'govuk-none-of-these');

    await group.getByLabel('None of these').check();
    expect(await group.getByLabel('Missed appointments').isChecked()).toBe(false);
    expect(await group.getByLabel('Relapse in drinking or drug use').isChecked()).toBe(false);
    expect(await group.getByLabel('None of these').isChecked()).toBe(true);

    // By keyboard too: Space on another option clears "None of these".
    await group.getByLabel('A decline in mental health').focus();
    await page.keyboard.press('Space');
    expect(await group.getByLabel('None of these').isChecked()).toBe(false);
    expect(await group.getByLabel('A decline in mental health').isChecked()).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('repeatable group items are named from the definition, and their errors say which item', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await openSection(page, 'Children');
    await page.getByRole('group', { name: /Does the person have children/ }).getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Add a child' }).click();
    await page.getByRole('heading', { name: 'Child 1' }).waitFor();
    await page.getByRole('button', { name: 'Add another child' }).click();
    await page.getByRole('heading', { name: 'Child 2' }).waitFor();
    const second = page.getByRole('group', { name: 'Child 2' });
    await second.getByLabel('Child’s first name').fill('Sam');
    await second.getByLabel('No', { exact: true }).check();

    await page.getByRole('button', { name: 'Save and continue' }).click();
    await summary(page).waitFor();
    const links = await summaryLinks(page);
    expect(links).toContain('Child 1: Enter child’s first name');
    expect(links).toContain('Child 2: Enter age in years');
    expect(links.filter((l) => l.startsWith('Child 1: '))).toHaveLength(3);
    // The one question of the section outside the group is not prefixed.
    expect(links.filter((l) => !/^Child [12]: /.test(l))).toEqual([expect.stringMatching(/concerns about a child’s safety/)]);
    expect(await second.locator('.as-error-message').allTextContents()).toEqual(['Error: Child 2: Enter age in years']);
    expect(await page.getByText(/Entry \d|Add entry/).count()).toBe(0);
    await expectNoAxeViolations(page, 'group errors');
    await shot(page, 'govuk-group-errors');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a radio chosen with the keyboard clears its error at once, as a click does', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const gate = page.getByRole('group', { name: /alone and able to talk safely/ });
    // Into the question and out again without an answer: its error shows.
    await gate.getByLabel('Yes', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => gate.locator('.as-error-message').count(), { timeout: 10_000 }).toBe(1);
    // Back in and Space: a valid answer, so the error goes without leaving the question.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await gate.getByRole('radio', { checked: true }).count()).toBe(1);
    await expect.poll(() => gate.locator('.as-error-message').count(), { timeout: 10_000 }).toBe(0);
    // Arrow keys change the answer; still no error.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => gate.locator('.as-error-message').count(), { timeout: 10_000 }).toBe(0);
    await expectNoAxeViolations(page, 'radio chosen by keyboard');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a wrong date is explained in the day, month and year the practitioner typed', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const date = page.getByRole('group', { name: 'Date of the enquiry' });
    const message = () => date.locator('.as-error-message').textContent();
    await fillDate(page, '31', '2', '2026');
    await page.keyboard.press('Tab');
    await expect.poll(message, { timeout: 10_000 }).toBe('Error: Date of the enquiry must be a real date');
    await shot(page, 'govuk-date-real');
    await date.getByLabel('Month').fill('');
    await date.getByLabel('Day').focus();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(message, { timeout: 10_000 }).toBe('Error: Date of the enquiry must include a month');
    await date.getByLabel('Day').fill('');
    await date.getByLabel('Day').press('Shift+Tab');
    await expect.poll(message, { timeout: 10_000 }).toBe('Error: Date of the enquiry must include a day and month');
    await date.getByLabel('Day').fill('3');
    await date.getByLabel('Month').fill('4');
    await date.getByLabel('Year').fill('26');
    await date.getByLabel('Year').press('Tab');
    await expect.poll(message, { timeout: 10_000 }).toBe('Error: Year must include 4 numbers');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const text = (await page.locator('.as-form').innerText()).toLowerCase();
    expect(text).not.toMatch(/yyyy|iso|2026-11-25|in the format/);
    await expectNoAxeViolations(page, 'date errors');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('check your answers and the submitted assessment print without navigation or buttons, every answer shown', async () => {
    const { page, context, errors } = await openPage(suite.browser, ROUTINE());
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await answerEverything(page);
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    const print = page.getByRole('button', { name: 'Print your answers' });
    await print.waitFor();
    await expectNoAxeViolations(page, 'check answers with print');

    const hiddenInPrint = async () => {
      await page.emulateMedia({ media: 'print' });
      const state = {
        quickExit: await page.locator('.as-quick-exit').isVisible(),
        nav: await page.locator('.as-section-nav').isVisible(),
        header: await page.locator('.as-page__header').isVisible(),
        buttons: await page.locator('.as-main button:visible, .as-form button:visible').count(),
        change: await page.getByRole('link', { name: /^Change/ }).first().isVisible().catch(() => false),
        answer: await page.getByText('25 November 2026').isVisible(),
        colour: await page.getByText('25 November 2026').evaluate((el) => getComputedStyle(el).color),
      };
      return state;
    };
    const check = await hiddenInPrint();
    expect(check).toEqual({ quickExit: false, nav: false, header: false, buttons: 0, change: false, answer: true, colour: 'rgb(0, 0, 0)' });
    await shot(page, 'govuk-print-check-answers');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.getByRole('heading', { name: 'Assessment submitted' }).waitFor();
    await page.getByRole('button', { name: 'Print your answers' }).waitFor();
    await expectNoAxeViolations(page, 'submitted with answers');
    await shot(page, 'govuk-submitted');
    const done = await hiddenInPrint();
    expect(done).toMatchObject({ quickExit: false, header: false, buttons: 0, answer: true, colour: 'rgb(0, 0, 0)' });
    expect(await page.getByText('Offered and accepted').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Download the response (JSON)' }).isVisible()).toBe(false);
    await shot(page, 'govuk-print-submitted');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('the footer follows the open form\'s draft policy', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/disclosure-record/1.0.0`);
    await page.locator('#as-section-heading').waitFor();
    const footer = page.locator('.as-page__footer');
    await expect.poll(() => footer.textContent(), { timeout: 10_000 }).toMatch(/nothing .*kept on this device|not kept on this device/i);
    expect(await footer.textContent()).not.toMatch(/Drafts are kept/);
    await expectNoAxeViolations(page, 'host-only footer');
    await shot(page, 'govuk-footer-host-only');

    await page.goto(ROUTINE(), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await expect.poll(() => footer.textContent(), { timeout: 10_000 }).toMatch(/Drafts of this assessment are kept on this device, encrypted/);

    await page.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Assessments' }).waitFor();
    const listText = (await footer.textContent()) ?? '';
    expect(listText).not.toMatch(/^Drafts are kept on this device/);
    expect(listText).toMatch(/some assessments keep nothing on this device/i);
    await context.close();
    expect(errors).toEqual([]);
  });
});
