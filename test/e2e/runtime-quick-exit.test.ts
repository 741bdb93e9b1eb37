import { describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { openPage, savedDraftText } from './runtime-harness';

/**
 * Quick exit (FORMS.md): the screen is cleared in the same event, the page is replaced by a neutral
 * one (not kept in history), and the device's own draft is wiped. Escape twice within a second
 * works even with the focus in a text field.
 */
const suite = productSuite();

const FORM = () => `${suite.server.url}/forms/routine-enquiry/2.0.0`;

async function draftCount(page: import('playwright-core').Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((res) => {
        const r = indexedDB.open('assessment-studio');
        r.onsuccess = () => {
          const db = r.result;
          if (!db.objectStoreNames.contains('drafts')) return res(0);
          const c = db.transaction('drafts').objectStore('drafts').count();
          c.onsuccess = () => res(c.result);
        };
      }),
  );
}

describe('quick exit', () => {
  it('the button blanks the screen at once, leaves for a neutral page and wipes the local draft', async () => {
    const { page, context, errors } = await openPage(suite.browser, FORM());
    await page.getByLabel('Day').pressSequentially('25');
    await expect.poll(() => savedDraftText(page), { timeout: 15_000 }).toContain('"answers"');
    // Clicked from inside the page so the check runs in the same task as the handler.
    const hiddenAtOnce = await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Quick exit'))!;
      button.click();
      return getComputedStyle(document.body).display === 'none' && document.title !== '' && !/assessment/i.test(document.title);
    });
    expect(hiddenAtOnce).toBe(true);
    await page.waitForURL('about:blank');
    expect(errors).toEqual([]);

    // Back on the form in the same browser: nothing restored, nothing stored.
    await page.goto(FORM(), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
    expect(await page.getByText(/We restored/).count()).toBe(0);
    expect(await page.getByLabel('Day').inputValue()).toBe('');
    expect(await draftCount(page)).toBe(0);
    await context.close();
  });

  it('Escape twice within a second exits, even from a text field', async () => {
    const { page, context, errors } = await openPage(suite.browser, FORM());
    await page.getByLabel('Day').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL('about:blank');
    // location.replace: "Back" does not return to the form.
    await page.goBack().catch(() => null);
    expect(page.url()).not.toContain('/forms/');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a single Escape, or two more than a second apart, does not exit', async () => {
    const { page, context, errors } = await openPage(suite.browser, FORM());
    await page.getByLabel('Day').focus();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(FORM());
    expect(await page.getByRole('heading', { name: 'Before you ask' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
