import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { answerRoutineRequired, downloadResponse, expectNoAxeViolations, openPage, openSection, shot } from './runtime-harness';
import { formDraftKeys, readDraft } from './support/drafts';

/**
 * Issue 14, points 1, 2, 3 and 5, in real Chromium on the shipped routine-enquiry 2.0.0:
 * what the practitioner sees is what is kept, validation never fails open, quick exit leaves no
 * draft in any timing, and continuous typing is saved at least once a second.
 */
const suite = productSuite();

const FORM = '/forms/routine-enquiry/2.0.0';
const WORDS = 'He took my phone and my bank card CANARY-14-1';

describe('what the practitioner sees is what is kept (14.1)', () => {
  it('answers behind the safety check are not submitted once it turns No, and come back if it turns Yes again', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}${FORM}`);
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const gate = page.getByRole('group', { name: /alone and able to talk safely/ });
    await gate.getByLabel('Yes').check();
    await openSection(page, 'Relationships');
    await page.getByRole('group', { name: /afraid of a partner/ }).getByLabel('Yes').check();
    await openSection(page, 'What the person told you');
    await page.getByRole('group', { name: /disclose domestic abuse/ }).getByLabel(/Yes, they told me/).check();
    await page.getByLabel(/in their own words/).fill(WORDS);
    await answerRoutineRequired(page);

    // A partner walks in: the practitioner goes back and answers No.
    await openSection(page, 'Before you ask');
    await gate.getByLabel('No').check();
    await page.getByRole('group', { name: /not safe to ask today/ }).getByLabel(/partner or ex-partner was present/).check();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    expect(await page.locator('.as-check').textContent()).not.toContain('CANARY-14-1');
    expect(await page.locator('.as-check').textContent()).not.toContain('afraid of a partner');

    // Changing one's mind brings the answers back while editing (the draft keeps them).
    await openSection(page, 'Before you ask');
    await gate.getByLabel('Yes').check();
    await openSection(page, 'What the person told you');
    expect(await page.getByLabel(/in their own words/).inputValue()).toBe(WORDS);
    await openSection(page, 'Before you ask');
    await gate.getByLabel('No').check();

    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.getByRole('heading', { name: 'Assessment submitted' }).waitFor();
    const response = await downloadResponse(page);
    expect(response.status).toBe('completed');
    expect(response.answers.safeToTalk).toBe(false);
    expect(response.answers.notSafeReason).toBe('partner_present');
    expect(response.answers).not.toHaveProperty('afraidOfPartner');
    expect(response.answers).not.toHaveProperty('disclosureWords');
    expect(JSON.stringify(response)).not.toContain('CANARY-14-1');
    await context.close();
    expect(errors).toEqual([]);
  });
});

describe('validation never fails open (14.2)', () => {
  it('a form whose validator cannot load says so and refuses to submit', { timeout: 60_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // As on a page whose policy refuses the module, or a server that cannot compile it.
    await page.route('**/validators/**', (route) => route.abort());
    await page.goto(`${suite.server.url}${FORM}`, { waitUntil: 'networkidle' });
    const alert = page.getByRole('alert').filter({ hasText: 'cannot check your answers' });
    await alert.waitFor();
    await expectNoAxeViolations(page, 'cannot validate');
    await shot(page, 'runtime-cannot-validate');
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.waitForTimeout(500);
    expect(await page.getByRole('heading', { name: 'Assessment submitted' }).count()).toBe(0);
    expect(await alert.isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('quick exit leaves nothing behind (14.3)', () => {
  // Offsets after the last key that cover: before the save starts, while it is written, after it.
  const OFFSETS = [0, 60, 120, 180, 230, 250, 260, 280, 320, 400, 600];
  it(`no draft of the form survives quick exit at ${OFFSETS.length} offsets after typing`, { timeout: 180_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const left: string[] = [];
    for (const offset of OFFSETS) {
      const page = await context.newPage();
      await page.goto(`${suite.server.url}${FORM}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
      const plan = page.getByLabel(/next try to see the person/);
      await plan.pressSequentially(`Women-only session ${offset}`, { delay: 30 });
      await page.waitForTimeout(offset);
      await page.getByRole('button', { name: /Quick exit/ }).click();
      await page.waitForURL('about:blank');
      // A fresh page of the same origin reads the store directly.
      const probe = await context.newPage();
      await probe.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
      await probe.waitForTimeout(300);
      const keys = await formDraftKeys(probe, 'routine-enquiry');
      if (keys.length) left.push(`${offset} ms: ${keys.join(', ')}`);
      await probe.close();
      await page.close();
    }
    await context.close();
    expect(left).toEqual([]);
  });
});

describe('typing is never lost (14.5)', () => {
  it('continuous typing at 8 characters a second is saved at least once a second', { timeout: 60_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const probe = await context.newPage();
    await page.goto(`${suite.server.url}${FORM}`, { waitUntil: 'networkidle' });
    await probe.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
    await page.bringToFront();
    await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
    const plan = page.getByLabel(/next try to see the person/);
    await plan.focus();
    const text = 'a'.repeat(40);
    // Type 40 characters at 125 ms each (5 s, never a 250 ms pause), reading the store meanwhile.
    const typing = page.keyboard.type(text, { delay: 125 });
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await probe.waitForTimeout(1100);
      const draft = await readDraft(probe, 'routine-enquiry');
      seen.push(String((draft?.answers as Record<string, unknown> | undefined)?.notSafePlan ?? '').length);
    }
    await typing;
    await context.close();
    // Each read, a second apart, finds more saved than the one before.
    expect(seen[0]).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]!);
  });

  it('an edit made just before a reload is there after it', { timeout: 60_000 }, async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.server.url}${FORM}`, { waitUntil: 'networkidle' });
    await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
    await page.waitForTimeout(500);
    await page.getByLabel(/next try to see the person/).pressSequentially('Tuesday at ten', { delay: 20 });
    await page.reload({ waitUntil: 'networkidle' });
    // The page lists this device's drafts after a reload: resume the one there is.
    await page.getByRole('button', { name: /^Resume/ }).first().click();
    await expect.poll(() => page.getByLabel(/next try to see the person/).inputValue(), { timeout: 5000 }).toBe('Tuesday at ten');
    await context.close();
  });
});
