import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupWordingForm, refAndDateTimeForm } from '../support/model-forms';
import { launchBrowser } from './support/browser';
import { serveExamples, type ExampleHost } from './support/examples';
import { expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * Issue 15: what the runtime shows comes from core's form model. In real Chromium, through the
 * custom element a host embeds (its example page, under the host's strict CSP):
 * - a question written as a `$ref` to a shared shape is asked with that shape's options;
 * - a `date-time` question gets day, month, year and time boxes, stores an RFC 3339 value on the
 *   practitioner's clock, and words a bad time in the terms of its boxes;
 * - a repeatable group's items are worded in the form's locale, like top-level questions, on the
 *   page and in check your answers.
 */
let host: ExampleHost;
let browser: Browser;

beforeAll(async () => {
  host = await serveExamples();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** Replaces the example's form with `definition`, in `locale`. */
async function show(page: Page, definition: unknown, locale: string): Promise<void> {
  await page.locator('.as-form').first().waitFor();
  await page.evaluate(({ definition, locale }) => {
    const el = document.getElementById('form') as HTMLElement & { definition: unknown; validator: unknown };
    el.setAttribute('locale', locale);
    // This page has no eval, so it cannot compile the schema: a stand-in for the server's
    // precompiled validator, giving AJV's verdict on the one date-time answer.
    const validate = Object.assign(
      (data: Record<string, unknown>) => {
        const v = data.visitAt;
        const ok = v === undefined || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
        validate.errors = ok ? null : [{ instancePath: '/visitAt', keyword: 'format', params: { format: 'date-time' }, schemaPath: '#/properties/visitAt/format' }];
        return ok;
      },
      { errors: null as unknown },
    );
    el.validator = validate;
    el.definition = definition;
  }, { definition, locale });
}

const answers = (page: Page) => page.evaluate(() => (document.getElementById('form') as HTMLElement & { answers?: Record<string, unknown> }).answers ?? {});

describe('questions as the form model has them', () => {
  it('a $ref question is asked with its shared options; a date-time question gets date and time boxes', async () => {
    const { page, context, errors } = await openPage(browser, `${host.url}/element/`);
    // The fixture marks `seen` sensitive without a safety check, which the embeds now refuse (sensitive-ungated,
    // issue 16); this test is about $ref and date-time questions, so it shows the form without that mark.
    const form = structuredClone(refAndDateTimeForm) as { schema: { properties: Record<string, Record<string, unknown>> } };
    delete form.schema.properties.seen!['x-sensitivity'];
    await show(page, form, 'en');
    const seen = page.getByRole('group', { name: /Was the child seen/ });
    await seen.waitFor();
    expect(await seen.getByRole('radio').count()).toBe(2);
    await seen.getByLabel('Yes', { exact: true }).check();
    const risk = page.getByRole('group', { name: /Level of risk/ });
    expect(await risk.getByRole('radio').count()).toBe(2);
    expect(await risk.locator('label').allTextContents()).toEqual(['Low', 'High']);

    const visit = page.getByRole('group', { name: /When was the visit/ });
    await visit.getByLabel('Day').fill('25');
    await visit.getByLabel('Month').fill('6');
    await visit.getByLabel('Year').fill('2026');
    await visit.getByLabel('Time').fill('9:05');
    // Europe/London (openPage): British Summer Time in June.
    await expect.poll(async () => (await answers(page)).visitAt).toBe('2026-06-25T09:05:00+01:00');
    expect((await answers(page)).seen).toBe(true);

    await visit.getByLabel('Time').fill('25:00');
    await page.keyboard.press('Tab');
    await expect.poll(() => visit.locator('.as-error-message').textContent()).toBe('Error: Enter the time for “When was the visit?” on the 24-hour clock, for example 14:30');
    expect(await visit.getByLabel('Day').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'ref and date-time questions');
    await shot(page, 'runtime-model-ref-date-time');

    await visit.getByLabel('Time').fill('09:05');
    await page.getByRole('button', { name: 'Continue to check your answers' }).click();
    const row = (name: string) => page.locator('.as-summary-list__row', { hasText: name }).locator('.as-summary-list__value');
    await expect.poll(() => row('When was the visit?').textContent()).toBe('25 June 2026 at 09:05');
    expect(await row('Was the child seen?').textContent()).toBe('Yes');
    await context.close();
    expect(errors).toEqual([]);
  });

  it("a repeatable group's items are worded in the form's locale", async () => {
    const { page, context, errors } = await openPage(browser, `${host.url}/element/`);
    await show(page, groupWordingForm, 'cy');
    await page.getByRole('button', { name: 'Add a child' }).click();
    const item = page.getByRole('group', { name: 'Child 1' });
    await expect.poll(() => item.getByLabel('Enw').count()).toBe(1);
    expect(await item.locator('.as-hint').allTextContents()).toContain('Eu henw cyntaf');
    expect(await item.locator('.as-details__text').textContent()).toBe('Fel maen nhw’n ei ddweud');
    const school = item.getByRole('group', { name: /Ysgol/ });
    expect(await school.locator('label').allTextContents()).toEqual(['Cynradd', 'Secondary']);
    await expectNoAxeViolations(page, 'group items in Welsh');
    await shot(page, 'runtime-model-group-items-cy');

    await item.getByLabel('Enw').fill('Sam');
    await school.getByLabel('Cynradd').check();
    await page.getByRole('button', { name: 'Continue to check your answers' }).click();
    const fields = page.locator('.as-summary-entries__field');
    await expect.poll(() => fields.allTextContents()).toEqual(['Enw: Sam', 'Ysgol: Cynradd']);
    await context.close();
    expect(errors).toEqual([]);
  });
});
