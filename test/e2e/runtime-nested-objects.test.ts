import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyForms, publishInCopy } from './support/server';
import { productSuite } from './support/suite';
import { downloadResponse, expectNoAxeViolations, openPage, savedDraftText, shot } from './runtime-harness';

/**
 * Issue 18, point 2, in Chromium on the practitioner page: answers grouped in objects
 * (test/fixtures/definitions/nested-objects.json, published into a copy of the forms). The
 * follow-up shows when the risk is above 0, a question inside it shows by another inside it, a
 * question outside shows by one inside; drafts keep nested answers (never the safe address) across
 * a reload; the submitted response holds them as nested objects. Keyboard and axe on each state.
 */
const formsDir = copyForms();
const form = { ...JSON.parse(readFileSync(join(__dirname, '../fixtures/definitions/nested-objects.json'), 'utf8')), status: 'published' };
publishInCopy(formsDir, form);

const prefix = `assessment:${form.id}`;
const suite = productSuite({ formsDir });

describe('answers grouped in objects on the practitioner page', () => {
  it('shows nested questions by their rules, keeps them in the draft across a reload and submits nested answers', { timeout: 180_000 }, async () => {
    const url = `${suite.server.url}/forms/${form.id}/${form.version}`;
    const { page, context, errors } = await openPage(suite.browser, url);
    await expectNoAxeViolations(page, 'start');
    await page.getByRole('group', { name: 'Is the person alone and able to talk safely?' }).getByLabel('Yes').check();
    const plan = page.getByLabel('What is the safety plan?');
    expect(await plan.count()).toBe(0);
    await page.getByLabel(/How worried are you/).fill('2');
    await plan.waitFor();
    await page.getByRole('group', { name: 'How serious is the risk?' }).getByLabel('High').check();
    // Typed with the keyboard, as a practitioner does.
    await plan.focus();
    await page.keyboard.type('Stays with her sister');
    expect(await page.getByRole('group', { name: 'Date of the referral' }).count()).toBe(0);
    await page.getByRole('group', { name: 'Has a referral been made?' }).getByLabel('Yes').check();
    const date = page.getByRole('group', { name: 'Date of the referral' });
    await date.getByLabel('Day').fill('1');
    await date.getByLabel('Month').fill('12');
    await date.getByLabel('Year').fill('2026');
    await page.getByRole('group', { name: 'Has the duty manager been called?' }).getByLabel('Yes').check();
    await page.getByLabel('First line of the address').fill('1 Quiet Lane');
    await page.getByLabel(/^Postcode/).fill('AB1 2CD');
    await page.getByRole('button', { name: /Add a child/i }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sam');
    await page.getByLabel("Child's postcode").fill('ZZ9 9ZZ');
    await page.getByRole('button', { name: /Add an adult/i }).click();
    await page.getByLabel("Adult's name").fill('Pat');
    await expectNoAxeViolations(page, 'filled');
    await shot(page, 'runtime-nested-objects-filled');

    // The draft holds nested answers, never the safe address.
    await expect.poll(() => savedDraftText(page, prefix), { timeout: 15_000 }).toContain('"member');
    await expect.poll(() => savedDraftText(page, prefix), { timeout: 15_000 }).toContain('Pat');
    const draft = await savedDraftText(page, prefix);
    expect(draft).toContain('"riskFollowUp":{');
    expect(draft).toContain('ZZ9 9ZZ');
    expect(draft).not.toContain('AB1 2CD');
    expect(draft).not.toContain('Quiet Lane');

    await page.reload({ waitUntil: 'networkidle' });
    const resume = page.getByRole('button', { name: /^Resume/ });
    if (await resume.count()) await resume.first().click();
    await expect.poll(() => page.getByLabel('What is the safety plan?').inputValue()).toBe('Stays with her sister');
    expect(await page.getByLabel("Child's postcode").inputValue()).toBe('ZZ9 9ZZ');
    expect(await page.getByLabel("Adult's name").inputValue()).toBe('Pat');
    expect(await page.getByLabel(/^Postcode/).inputValue()).toBe('');
    await page.getByLabel('First line of the address').fill('1 Quiet Lane');
    await page.getByLabel(/^Postcode/).fill('AB1 2CD');

    await page.getByRole('button', { name: /Continue to check your answers|Check your answers/ }).first().click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    expect(await page.locator('.as-summary-list').textContent()).toContain('What is the safety plan?: Stays with her sister');
    await expectNoAxeViolations(page, 'check your answers');
    await shot(page, 'runtime-nested-objects-check');
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const response = await downloadResponse(page);
    expect(response.answers).toEqual({
      safeToTalk: true,
      riskLevel: 2,
      riskFollowUp: { level: 'high', plan: 'Stays with her sister', referred: true, referralDate: '2026-12-01' },
      urgentCall: true,
      address: { line: '1 Quiet Lane', postcode: 'AB1 2CD' },
      children: [{ name: 'Sam', address: { postcode: 'ZZ9 9ZZ' } }],
      household: { members: [{ name: 'Pat' }] },
    });
    await context.close();
    expect(errors).toEqual([]);
  });
});
