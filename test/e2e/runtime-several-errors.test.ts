import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishFile } from '../../runtime/node/index';
import { severalRulesForm } from '../support/several-rules-form';
import { productSuite } from './support/suite';
import { expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * Issue 16, point 4, in Chromium on the practitioner page: an answer that breaks two rules (too
 * short and the wrong pattern) shows both messages in its one error message, a line each (GOV.UK),
 * and the error summary lists both, each linked to the field.
 */
// A forms folder of its own, named form-definitions/ as publishing requires.
const formsDir = join(mkdtempSync(join(tmpdir(), 'as-several-')), 'form-definitions');
cpSync(resolve('form-definitions'), formsDir, { recursive: true });
mkdirSync(join(formsDir, 'several-rules'));
const file = join(formsDir, 'several-rules/1.0.0.json');
writeFileSync(file, JSON.stringify(severalRulesForm(), null, 2));
// The practitioner page validates published forms (with their ahead-of-time validator).
beforeAll(async () => {
  const outcome = await publishFile(file);
  if (outcome.kind !== 'published') throw new Error(`could not publish the test form: ${JSON.stringify(outcome)}`);
});
const suite = productSuite({ formsDir });

describe('several problems with one answer', () => {
  it('shows both beside the field after it is left, and lists both in the summary when the section is checked', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/several-rules/1.0.0`);
    const reference = page.getByLabel('Reference');
    await reference.fill('ab');
    await reference.press('Tab');
    const message = page.locator('.as-form-group', { has: reference }).locator('.as-error-message');
    await message.waitFor();
    // One error message element, a line for each problem (`white-space: pre-line` keeps the line breaks).
    await expect.poll(async () => (await message.textContent())?.split('\n').length).toBe(2);
    expect(await page.locator('.as-error-message').count()).toBe(1);

    // "Continue" checks the section (GOV.UK "Save and continue"): its summary lists each problem.
    await page.getByRole('button', { name: 'Continue to check your answers' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    const links = summary.getByRole('link');
    await expect.poll(() => links.count()).toBe(2);
    const id = await reference.getAttribute('id');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([`#${id}`, `#${id}`]);
    await links.nth(1).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
    await expectNoAxeViolations(page, 'two problems with one answer');
    await shot(page, 'several-errors-one-field');
    await context.close();
    expect(errors).toEqual([]);
  });
});
