import { describe, expect, it } from 'vitest';
import { waitOrExplain } from './support/browser';
import { productSuite } from './support/suite';
import { answerPageWithKeyboard, expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * The practitioner page in real Chromium against the real server: the list, the safety gate,
 * completing routine-enquiry 2.0.0 with the keyboard alone, and the error summary's links.
 */
const suite = productSuite();

const sectionNames = (page: import('playwright-core').Page) => page.locator('.as-section-nav__link').allTextContents();

describe('practitioner page', () => {
  it('lists the published forms, accessibly', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/`);
    // Each form opens at its latest published version; earlier ones wait behind a disclosure.
    const start = page.getByRole('link', { name: 'Start Routine enquiry about domestic abuse (version 2.0.0)' });
    expect(await start.getAttribute('href')).toBe('/forms/routine-enquiry/2.0.0');
    const earlier = page.getByRole('link', { name: 'Open version 1.0.0 of Routine enquiry about domestic abuse' });
    expect(await earlier.isVisible()).toBe(false);
    await expectNoAxeViolations(page, 'form list');
    await page.getByText('Earlier versions of Routine enquiry about domestic abuse').click();
    expect(await earlier.getAttribute('href')).toBe('/forms/routine-enquiry/1.0.0');
    expect(await earlier.isVisible()).toBe(true);
    await shot(page, 'runtime-forms-list');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('keeps sensitive sections hidden until the safety check is answered yes', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/routine-enquiry/2.0.0`);
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const before = await sectionNames(page);
    expect(before).not.toContain('Relationships');
    expect(before).not.toContain('Coercive and controlling behaviour');
    expect(await page.getByText('Are you afraid', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page, 'gate unanswered');
    await shot(page, 'runtime-gate-closed');

    const gate = page.getByRole('group', { name: /alone and able to talk safely/ });
    await gate.getByLabel('No').check();
    expect(await sectionNames(page)).not.toContain('Relationships');

    await gate.getByLabel('Yes').check();
    await expect.poll(() => sectionNames(page)).toContain('Relationships');
    expect(await sectionNames(page)).toContain('Coercive and controlling behaviour');
    await expectNoAxeViolations(page, 'gate open');
    await shot(page, 'runtime-gate-open');

    // Closing the gate again hides them at once (a partner walks in).
    await gate.getByLabel('No').check();
    await expect.poll(() => sectionNames(page)).not.toContain('Relationships');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('completes routine-enquiry 2.0.0 with the keyboard alone', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/routine-enquiry/2.0.0`);
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const heading = await page.locator('#as-section-heading').textContent();
      seen.push(heading ?? '');
      if (i === 3) await shot(page, 'runtime-keyboard-section');
      const pressed = await answerPageWithKeyboard(page, /^(Save and continue|Continue to check your answers)$/);
      if (pressed.startsWith('Continue to check')) break;
      await expect.poll(() => page.locator('#as-section-heading').textContent()).not.toBe(heading);
    }
    expect(seen).toContain('Relationships');
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    await expectNoAxeViolations(page, 'check your answers');
    await shot(page, 'runtime-check-answers');
    await answerPageWithKeyboard(page, /^Submit assessment$/);
    await page.getByRole('heading', { name: 'Assessment submitted' }).waitFor();
    const link = page.getByRole('link', { name: 'Download the response (JSON)' });
    await link.waitFor();
    await expectNoAxeViolations(page, 'submitted');
    await shot(page, 'runtime-submitted');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const response = JSON.parse(await streamText(await download.createReadStream()));
    expect(response.status).toBe('completed');
    expect(response.form).toMatchObject({ id: 'routine-enquiry', version: '2.0.0' });
    expect(response.form.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(response.answers.safeToTalk).toBe(true);
    expect(response.answers.enquiryDate).toBe('2026-11-25');
    expect(Array.isArray(response.answers.children)).toBe(true);
    await context.close();
    expect(errors).toEqual([]);
  });

  // CI twice saw "Check your answers" clicked and nothing opened: the first "Draft saved at" line
  // appeared above the page between the press and the release, so the release landed elsewhere.
  it('keeps the page still when the first draft is saved: a click pressed before it lands where it was aimed', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/routine-enquiry/2.0.0`);
    // Tall enough that answering scrolls nothing: only the save could move the link.
    await page.setViewportSize({ width: 1100, height: 2000 });
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    const check = page.getByRole('link', { name: 'Check your answers' });
    const before = (await check.boundingBox())!;
    await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
    // Pressed at once, released only after the save (250 ms after the answer) has been shown.
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    await page.getByText(/^Draft saved at /).waitFor();
    expect(await check.boundingBox()).toEqual(before);
    await page.mouse.up();
    await waitOrExplain(page, page.getByRole('heading', { name: 'Check your answers before submitting' }));
    await context.close();
    expect(errors).toEqual([]);
  });

  // The same for a section's status changing under a press (validation lands after the paint):
  // "Has problems" is wider than the rest and rewrapped "About the conversation" at 1100 px.
  it('gives every section status the same room, so a status change moves no link', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/child-perspective/1.0.0`);
    await page.locator('.as-section-nav .as-tag').first().waitFor();
    for (const width of [1100, 800, 400]) {
      await page.setViewportSize({ width, height: 900 });
      const heights = await page.locator('.as-section-nav__item:has(.as-tag)').evaluateAll((items) =>
        items.map((li) => {
          const tag = li.querySelector('.as-tag')!;
          const shown = tag.textContent;
          const each = ['Not started', 'In progress', 'Completed', 'Has problems'].map((t) => ((tag.textContent = t), li.getBoundingClientRect().height));
          tag.textContent = shown;
          return each;
        }),
      );
      expect(heights.length).toBeGreaterThan(0);
      for (const each of heights) expect(new Set(each).size, `${width} px: ${each.join(', ')}`).toBe(1);
    }
    await context.close();
    expect(errors).toEqual([]);
  });

  it('on submit with errors shows a summary whose links lead to each field', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/routine-enquiry/2.0.0`);
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    await page.getByRole('link', { name: 'Check your answers' }).click();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('as-error-summary'))).toBe(true);
    const links = summary.getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    await expectNoAxeViolations(page, 'error summary');
    await shot(page, 'runtime-error-summary');

    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const link = page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link').nth(i);
      const target = ((await link.getAttribute('href')) ?? '').slice(1);
      await link.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(target);
      // The field shows its own message, tied to it for assistive technology.
      expect(await page.locator(`#${target}`).evaluate((el) => !!el.closest('.as-form-group--error'))).toBe(true);
    }
    await expectNoAxeViolations(page, 'field errors');
    await shot(page, 'runtime-field-errors');
    await context.close();
    expect(errors).toEqual([]);
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}
