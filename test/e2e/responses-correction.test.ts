import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResponseEnvelope } from '../../runtime/core/index';
import { storeSuite } from './support/suite';
import { waitOrExplain } from './support/browser';
import { saveScreenshot } from './support/screenshots';
import { expectNoAxeViolations, openPage } from './runtime-harness';

/**
 * Issue 20 point 5 in real Chromium, by keyboard alone: on the Responses page, a completed
 * response is opened and one answer corrected ("Correct an answer": the question, its new answer
 * in a field made from the form model, a required reason); a refusal is shown in an error summary
 * linking to the field; the saved correction is a new version whose history row names the
 * reason and the author. Axe clean in each state.
 */
const suite = storeSuite();

const fixture = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')) as ResponseEnvelope;

beforeAll(async () => {
  const res = await fetch(`${suite.server.url}/api/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fixture, responseId: 'fix-me' }) });
  expect(res.status).toBe(201);
}, 240_000);

describe('correcting a stored response on the Responses page', () => {
  it('corrects one answer with a reason, by keyboard; refusals link to the field; the history shows the new version (axe clean)', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/responses/`);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    const table = page.getByRole('table', { name: /Stored responses/ });
    await waitOrExplain(page, table.getByRole('rowheader', { name: 'fix-me' }));
    await table.getByRole('button', { name: 'fix-me' }).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: 'Response fix-me' });
    await waitOrExplain(page, detail.getByRole('button', { name: 'Correct an answer' }));
    await detail.getByRole('button', { name: 'Correct an answer' }).focus();
    await page.keyboard.press('Enter');

    const form = page.getByRole('form', { name: 'Correct an answer' });
    await waitOrExplain(page, form.getByLabel('Question'));
    expect(await focused()).toBe('correct-heading');
    await saveScreenshot(page, 'responses-correction-open', { fullPage: true });
    await expectNoAxeViolations(page, 'correction form');

    // The question: typing its first words chooses it in the closed list, as a keyboard user does.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('correct-question');
    await page.keyboard.type('Date of the enq');
    expect(await form.getByLabel('Question').inputValue()).toBe('enquiryDate');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('correct-answer');
    expect(await form.getByLabel(/^New answer/).inputValue()).toBe('2026-11-18');
    // Emptied: the date is required, which the server's check refuses.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Tab');
    }
    expect(await form.getByLabel(/^New answer/).inputValue()).toBe('');
    // Save without a reason first: the page asks for one.
    await form.getByRole('button', { name: 'Save correction' }).focus();
    await page.keyboard.press('Enter');
    const summary = form.getByRole('alert');
    await waitOrExplain(page, summary.getByRole('link', { name: 'Enter the reason for the correction' }));
    expect(await page.evaluate(() => document.activeElement?.classList.contains('as-error-summary'))).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('correct-reason');
    await page.keyboard.type('Date typed in the wrong box.');
    await form.getByRole('button', { name: 'Save correction' }).focus();
    await page.keyboard.press('Enter');
    // The server refuses the emptied required date: the summary links to the answer's field.
    await expect.poll(() => summary.getByRole('link').first().getAttribute('href')).toBe('#correct-answer');
    await saveScreenshot(page, 'responses-correction-refused', { fullPage: true });
    await expectNoAxeViolations(page, 'correction refused');

    // Now a real correction: the follow-up date's question, a new date typed.
    await form.getByLabel('Question').focus();
    await page.keyboard.type('Do you have any');
    expect(await form.getByLabel('Question').inputValue()).toBe('childSafetyConcern');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('correct-answer');
    expect(await form.getByLabel(/^New answer/).inputValue()).toBe('not_sure');
    await page.keyboard.type('Yes');
    expect(await form.getByLabel(/^New answer/).inputValue()).toBe('yes');
    await form.getByRole('button', { name: 'Save correction' }).focus();
    await page.keyboard.press('Enter');

    const notice = detail.getByRole('status').filter({ hasText: 'Correction saved as version 2' });
    await waitOrExplain(page, notice);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Correction saved as version 2/);
    const history = page.getByRole('table', { name: 'History of fix-me' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    const row = history.getByRole('row').nth(2);
    expect(await row.getByRole('cell').allTextContents()).toEqual(['local', 'Corrected', '2', 'Date typed in the wrong box.', expect.stringMatching(/child’s safety\?: yes/i)]);
    const answer = detail.locator('.as-responses__answer', { has: page.getByText('Do you have any concerns about a child’s safety?', { exact: true }) }).locator('dd');
    expect(await answer.textContent()).toBe('Yes');
    expect(await page.getByText('Showing version 2 of 2').count()).toBe(1);
    await saveScreenshot(page, 'responses-correction-saved', { fullPage: true });
    await expectNoAxeViolations(page, 'correction saved');

    const stored = (await (await fetch(`${suite.server.url}/api/responses/fix-me`)).json()) as { version: number; response: ResponseEnvelope };
    expect(stored.version).toBe(2);
    expect(stored.response.answers).toEqual({ ...fixture.answers, childSafetyConcern: 'yes' });
    await context.close();
    // Chromium logs every 4xx; the one here is the refusal of the emptied date, and nothing else.
    expect(errors).toEqual([expect.stringMatching(/status of 422/)]);
    expect(((await (await fetch(`${suite.server.url}/api/csp-report`)).json()) as { reports: unknown[] }).reports).toEqual([]);
  });
});
