import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { runAxe } from './support/axe';
import { waitOrExplain, watchPageErrors } from './support/browser';
import { saveScreenshot } from './support/screenshots';

/**
 * Helpers the runtime's browser tests share: a page that records every console error, axe with
 * zero violations, screenshots to look at, and a keyboard-only way through a form.
 */

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, context, errors };
}

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  expect(violations.map((v) => `${state}: ${v.id} ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
}

export async function shot(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name, { fullPage: true });
}

interface Focused {
  tag: string;
  type: string;
  text: string;
  value: string;
  groupAnswered: boolean;
  inputMode: string;
  className: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return { tag: '', type: '', text: '', value: '', groupAnswered: false, inputMode: '', className: '' };
    const group = el.name ? [...document.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(el.name)}"]`)] : [];
    const item = el.closest('.as-group');
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute('type') ?? '').toLowerCase(),
      text: (el.textContent ?? '').trim(),
      value: el.value ?? '',
      groupAnswered: group.some((g) => g.checked) || (el.tagName === 'BUTTON' && !!item && item.querySelectorAll('.as-group__item').length > 0),
      inputMode: el.inputMode ?? '',
      className: el.className ?? '',
    };
  });
}

/**
 * Answers every question of the page it is on with the keyboard alone (Tab, Space, typing,
 * Enter), choosing the first option of each choice, then presses the page's main button.
 * Returns the label of the button it pressed.
 */
export async function answerPageWithKeyboard(page: Page, mainButton: RegExp): Promise<string> {
  let stay = false;
  for (let i = 0; i < 400; i++) {
    // "Add" moves the focus to the new entry's first field: answer that one before moving on.
    if (!stay) await page.keyboard.press('Tab');
    stay = false;
    const f = await focused(page);
    if (f.tag === 'button' && mainButton.test(f.text)) {
      await page.keyboard.press('Enter');
      return f.text;
    }
    if (f.tag === 'input' && f.type === 'text' && !f.value && /as-date-input__day/.test(f.className)) await page.keyboard.type('25');
    else if (f.tag === 'input' && f.type === 'text' && !f.value && /as-date-input__month/.test(f.className)) await page.keyboard.type('11');
    else if (f.tag === 'input' && f.type === 'text' && !f.value && /as-date-input__year/.test(f.className)) await page.keyboard.type('2026');
    else if (f.tag === 'input' && f.type === 'text' && !f.value && /as-input--time/.test(f.className)) await page.keyboard.type('14:30');
    else if (f.tag === 'input' && f.type === 'text' && !f.value) await page.keyboard.type(f.inputMode === 'numeric' || f.inputMode === 'decimal' ? '3' : 'Example answer');
    else if (f.tag === 'textarea' && !f.value) await page.keyboard.type('Notes typed with the keyboard.');
    else if (f.tag === 'input' && f.type === 'date' && !f.value) await page.keyboard.type('25112026');
    else if (f.tag === 'input' && f.type === 'time' && !f.value) await page.keyboard.type('1430');
    else if (f.tag === 'input' && (f.type === 'radio' || f.type === 'checkbox') && !f.groupAnswered) await page.keyboard.press('Space');
    else if (f.tag === 'select' && !f.value) await page.keyboard.press('ArrowDown');
    else if (f.tag === 'button' && /^Add /.test(f.text) && !f.groupAnswered) {
      await page.keyboard.press('Enter');
      stay = true;
    }
  }
  throw new Error(`never reached the button ${mainButton}`);
}

/**
 * The stored drafts of a form, decrypted in the page with the non-extractable key kept in
 * IndexedDB: every key that is `prefix` itself or one of its slots (`prefix:…`, `prefix@…`).
 */
export async function savedDrafts(p: Page, prefix = 'assessment:routine-enquiry'): Promise<Array<{ key: string; text: string }>> {
  return p.evaluate(async (prefix) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('assessment-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const all = (store: string) =>
      new Promise<Array<[IDBValidKey, unknown]>>((res) => {
        if (!db.objectStoreNames.contains(store)) return res([]);
        const t = db.transaction(store).objectStore(store);
        const keys = t.getAllKeys();
        const values = t.getAll();
        values.onsuccess = () => res(keys.result.map((k, i) => [k, values.result[i]]));
      });
    const key = (await all('keys')).find(([k]) => k === 'draft-key')?.[1] as CryptoKey | undefined;
    const drafts = await all('drafts');
    db.close();
    const out: Array<{ key: string; text: string }> = [];
    for (const [k, v] of drafts) {
      const name = String(k);
      if (!key || !(name === prefix || name.startsWith(`${prefix}:`) || name.startsWith(`${prefix}@`))) continue;
      const sealed = v as { iv: Uint8Array; data: ArrayBuffer };
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> }, key, sealed.data);
      out.push({ key: name, text: new TextDecoder().decode(plain) });
    }
    return out;
  }, prefix);
}

/** The text of a form's stored drafts, joined ('' when there are none): see `savedDrafts`. */
export async function savedDraftText(p: Page, prefix = 'assessment:routine-enquiry'): Promise<string> {
  return (await savedDrafts(p, prefix)).map((d) => d.text).join('\n');
}

/** Opens a section of the form through the section navigation and waits for its heading. */
export async function openSection(page: Page, label: string): Promise<void> {
  await page.locator('.as-section-nav').getByRole('link', { name: label, exact: true }).click();
  await page.locator('#as-section-heading', { hasText: label }).waitFor();
}

/** routine-enquiry 2.0.0: the answers required whatever the safety answer (date, children, next steps). */
export async function answerRoutineRequired(page: Page): Promise<void> {
  await openSection(page, 'Before you ask');
  await page.getByLabel('Day').first().fill('3');
  await page.getByLabel('Month').first().fill('12');
  await page.getByLabel('Year').first().fill('2026');
  await openSection(page, 'Children');
  await page.getByRole('group', { name: /have children/ }).getByLabel('No', { exact: true }).check();
  await openSection(page, 'Next steps');
  await page.getByRole('group', { name: /female key worker/ }).getByLabel('Offered and declined').check();
}

/** routine-enquiry 2.0.0 by its shortest path (not safe to ask today), up to "Check your answers". */
export async function fillRoutineShortest(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
  await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('No').check();
  await page.getByRole('group', { name: /not safe to ask today/ }).getByLabel(/partner or ex-partner was present/).check();
  await answerRoutineRequired(page);
  await openSection(page, 'Before you ask');
  await page.getByRole('link', { name: 'Check your answers' }).click();
  // Twice in CI this heading never came: the first "Draft saved at" line moved the link between the
  // press and the release (fixed; runtime-practitioner.test.ts). Should it recur, the error says what showed.
  await waitOrExplain(page, page.getByRole('heading', { name: 'Check your answers before submitting' }));
}

/** The submitted response, as the page's "Download the response (JSON)" link gives it. */
export async function downloadResponse(page: Page): Promise<{ status: string; answers: Record<string, unknown> }> {
  const link = page.getByRole('link', { name: 'Download the response (JSON)' });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  let text = '';
  for await (const chunk of await download.createReadStream()) text += chunk.toString();
  return JSON.parse(text);
}
