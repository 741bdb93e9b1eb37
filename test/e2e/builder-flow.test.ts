import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './support/axe';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const LONG = 'How many children under five live with you';
const suite = productSuite();

/** Issue 17 point 8, reading and flow in the builder, in real Chromium: one test per item. */
describe.skipIf(!built)('issue 17.8: reading and flow in the builder', () => {
  let studio: Studio;

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
    await studio.newForm('Flow check');
    await studio.selectSection(0);
    await studio.add('multiple-choice');
    await studio.label(LONG);
    await studio.check('prop-required');
    await studio.choose('prop-sensitivity', 'Sensitive');
    for (let i = 0; i < 9; i++) await studio.add('text');
    await studio.save();
    await studio.expectToast(/Saved flow-check 1\.0\.0/);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await studio.shot(`failed-flow-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await studio?.close();
  });

  const page = () => studio.page;
  const focusedId = () => page().evaluate(() => document.activeElement?.id ?? '');
  const focusedTestId = () => page().evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

  it('shows an outline row’s whole label beside its badges, its full text in the name and a title', async () => {
    await studio.showOutline();
    const row = studio.outline.getByRole('button', { name: new RegExp(LONG) });
    await expect.poll(() => row.count()).toBe(1);
    const label = row.locator('.row-label');
    expect(await label.getAttribute('title')).toBe(LONG);
    const box = await label.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    // Cut only by CSS, and then never to a few letters: at least 10em of it is seen.
    expect(box.client).toBeGreaterThanOrEqual(Math.min(box.scroll, 130));
    expect(await row.locator('.row-flag').allInnerTexts()).toEqual(['required', 'sensitive']);
    await studio.shot('flow-outline-after');
    expect(await studio.seriousAxeViolations()).toEqual([]);
  });

  it('draws a drop indicator line while a question is dragged in the outline', async () => {
    const from = page().getByTestId('outline-item-0-9');
    const to = page().getByTestId('outline-item-0-3');
    // The drag's own events, as Chromium sends them (a real mouse drag is flaky under load in CI).
    const data = await page().evaluateHandle(() => new DataTransfer());
    await from.dispatchEvent('dragstart', { dataTransfer: data });
    await to.dispatchEvent('dragenter', { dataTransfer: data });
    await to.dispatchEvent('dragover', { dataTransfer: data });
    const target = (await to.boundingBox())!;
    const line = page().getByTestId('drop-indicator');
    await line.waitFor({ timeout: 5000 });
    const lineBox = (await line.boundingBox())!;
    expect(lineBox.height).toBeGreaterThanOrEqual(2);
    expect(lineBox.width).toBeGreaterThan(100);
    expect(Math.abs(lineBox.y - target.y)).toBeLessThan(6);
    await studio.shot('flow-drop-indicator');
    await to.dispatchEvent('drop', { dataTransfer: data });
    await from.dispatchEvent('dragend', { dataTransfer: data });
    await line.waitFor({ state: 'detached', timeout: 5000 });
    await expect.poll(() => page().getByTestId('announcer').innerText()).toBe('Moved “New text question” to position 4 of 10');
    await page().keyboard.press('Control+Z');
  });

  it('keeps the preview’s place and its answer while a new question’s wording (and key) is typed', async () => {
    await studio.designView();
    await studio.selectItem(0, 9);
    const preview = page().getByTestId('preview');
    const last = preview.getByLabel('New text question').last();
    await last.fill('Ann');
    await page().evaluate(() => {
      const pane = document.querySelector('.preview-pane')!;
      pane.scrollTop = pane.scrollHeight;
      const w = window as unknown as { flow: { blank: number; minTop: number; start: number } };
      w.flow = { blank: 0, minTop: Infinity, start: pane.scrollTop };
      setInterval(() => {
        const p = document.querySelector('.preview-pane');
        if (!p) return;
        if (/Preparing the preview/.test(p.textContent ?? '')) w.flow.blank++;
        w.flow.minTop = Math.min(w.flow.minTop, p.scrollTop);
      }, 15);
    });
    const start = await page().evaluate(() => (window as unknown as { flow: { start: number } }).flow.start);
    expect(start).toBeGreaterThan(100);
    await page().locator('#prop-label').click();
    await page().keyboard.press('Control+A');
    // Pauses longer than the preview's 250 ms settling time, as a slow typist makes.
    await page().locator('#prop-label').pressSequentially('Family name', { delay: 320 });
    const answer = preview.getByLabel('Family name');
    await answer.waitFor();
    await expect.poll(() => answer.inputValue()).toBe('Ann');
    const flow = await page().evaluate(() => (window as unknown as { flow: { blank: number; minTop: number } }).flow);
    expect(flow.blank).toBe(0);
    expect(flow.minTop).toBeGreaterThan(start - 60);
  });

  it('puts the focus on the new question’s label field after “+ Add”', async () => {
    await studio.selectItem(0, 0);
    await page().getByTestId('palette-toggle').click();
    await page().getByTestId('palette-yes-no').click();
    await expect.poll(focusedId).toBe('prop-label');
    expect(await page().locator('#prop-label').inputValue()).toBe('New yes / no question');
    await page().keyboard.type('Is it safe to talk');
    await expect.poll(() => studio.outline.getByRole('button', { name: /Is it safe to talk/ }).count()).toBe(1);
  });

  it('moves through the Add menu with the arrow keys, Home, End and Escape (menu pattern)', async () => {
    const toggle = page().getByTestId('palette-toggle');
    await toggle.focus();
    await page().keyboard.press('Enter');
    const menu = page().getByRole('menu', { name: 'Add to the form' });
    await menu.waitFor();
    const items = menu.getByRole('menuitem');
    const count = await items.count();
    expect(count).toBeGreaterThan(3);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.getAttribute('aria-haspopup')).toBe('menu');
    const names = await items.allInnerTexts();
    const focusedText = () => page().evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    await expect.poll(focusedText).toBe(names[0]);
    await page().keyboard.press('ArrowDown');
    expect(await focusedText()).toBe(names[1]);
    await page().keyboard.press('End');
    expect(await focusedText()).toBe(names[count - 1]);
    await page().keyboard.press('ArrowDown');
    expect(await focusedText()).toBe(names[0]);
    await page().keyboard.press('ArrowUp');
    expect(await focusedText()).toBe(names[count - 1]);
    await page().keyboard.press('Home');
    expect(await focusedText()).toBe(names[0]);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('flow-add-menu');
    await page().keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focusedTestId()).toBe('palette-toggle');
    // ArrowUp on the button opens at the last item.
    await page().keyboard.press('ArrowUp');
    await expect.poll(focusedText).toBe(names[count - 1]);
    await page().keyboard.press('Escape');
  });

  it('announces a keyboard move: “Moved … to position 3 of N”', async () => {
    await studio.showOutline();
    const total = await studio.outline.locator('.outline-item').count();
    await studio.selectItem(0, 0);
    const announcer = page().getByTestId('announcer');
    await page().keyboard.press('Alt+ArrowDown');
    await expect.poll(() => announcer.innerText()).toMatch(/to position 2 of/);
    await page().keyboard.press('Alt+ArrowDown');
    await expect.poll(() => announcer.innerText()).toBe(`Moved “${LONG}” to position 3 of ${total}`);
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await page().keyboard.press('Alt+ArrowUp');
    await expect.poll(() => announcer.innerText()).toBe(`Moved “${LONG}” to position 2 of ${total}`);
  });

  it('F8 in Design selects what each problem is about (the question, or the form’s own fields) and stays in Design', async () => {
    await studio.designView();
    await studio.selectItem(0, 5);
    await expect.poll(() => studio.problemCodes()).toContain('sensitive-ungated');
    const count = (await studio.problemCodes()).length;
    await page().locator('#prop-label').focus();
    const seen: string[] = [];
    for (let i = 0; i < count; i++) {
      await page().keyboard.press('F8');
      await expect.poll(() => page().getByTestId('view-design').getAttribute('aria-pressed')).toBe('true');
      expect(await page().getByTestId('json-editor').count()).toBe(0);
      // The field the problem is about, when Design has one (with its quick fix), else the element's outline row.
      await expect.poll(() => page().evaluate(() => !!document.activeElement?.closest('.properties, .outline-tree [aria-current="true"]'))).toBe(true);
      seen.push(await studio.outline.locator('[aria-current="true"] .row-label').innerText());
    }
    // gate-invalid is about the form (its safety check field); sensitive-ungated about the question.
    expect(seen).toContain(LONG);
    expect(seen).toContain('Flow check');
    await studio.selectOutlineRow(new RegExp(LONG));
    expect(await page().locator('#prop-label').inputValue()).toBe(LONG);
  });

  it('places toasts where they never cover the Problems panel', async () => {
    await page().getByRole('separator', { name: 'Resize Problems panel' }).focus();
    await page().keyboard.press('End');
    await studio.save();
    await studio.expectToast(/Saved flow-check/);
    const toast = (await page().locator('.toast').boundingBox())!;
    const panel = (await page().locator('#bottom-panel').boundingBox())!;
    expect(toast.y + toast.height).toBeLessThanOrEqual(panel.y);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('flow-toast');
    await page().getByRole('separator', { name: 'Resize Problems panel' }).focus();
    await page().keyboard.press('Home');
  });

  it('Ctrl+P finds the questions of open forms (“Label — form title”) and opens one selected in Design', async () => {
    await studio.jsonView();
    await page().keyboard.press('Control+P');
    const input = page().getByTestId('quick-input');
    await input.waitFor();
    await input.fill('family name');
    const option = page().getByRole('option', { name: /Family name — Flow check/ });
    await option.waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await page().keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    await expect.poll(() => page().getByTestId('view-design').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page().locator('#prop-label').inputValue()).toBe('Family name');
    await expect.poll(() => page().evaluate(() => document.activeElement?.closest('.outline-tree [aria-current="true"]') != null)).toBe(true);
  });

  it('scrolls the active tab into view however it became active', async () => {
    await page().getByRole('button', { name: 'Explorer (Ctrl+Shift+E)' }).click();
    const versions = page().locator('[data-testid^="explorer-"][data-testid*="@"]');
    const ids = await versions.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('explorer-'.length)));
    expect(ids.length).toBeGreaterThan(5);
    const inView = async (key: string) =>
      page().evaluate((k) => {
        const tab = document.querySelector(`[data-testid="tab-${k}"]`)!.closest('.tab')!.getBoundingClientRect();
        const bar = document.querySelector('.tab-bar')!.getBoundingClientRect();
        return tab.left >= bar.left - 1 && tab.right <= bar.right + 1;
      }, key);
    for (const key of ids) {
      await page().getByTestId(`explorer-${key}`).click();
      await page().getByTestId(`tab-${key}`).waitFor();
      await expect.poll(() => inView(key)).toBe(true);
    }
    // Back to the first tab, from the keyboard (Ctrl+P).
    await page().keyboard.press('Control+P');
    await page().getByTestId('quick-input').fill('flow check 1.0.0');
    await page().keyboard.press('Enter');
    await expect.poll(() => inView('flow-check@1.0.0')).toBe(true);
  });

  it('Compare: each editor named, a level-one heading, every splitter in a landmark, axe clean', async () => {
    await page().getByTestId('explorer-routine-enquiry@2.0.0').click();
    await page().getByRole('button', { name: 'Compare' }).click();
    await page().getByTestId('diff-view').locator('.view-lines').first().waitFor();
    await page().getByRole('heading', { level: 1, name: /routine-enquiry: 1\.0\.0 → 2\.0\.0/ }).waitFor();
    await expect.poll(() => page().getByRole('textbox', { name: 'Version 1.0.0 (before)' }).count()).toBe(1);
    expect(await page().getByRole('textbox', { name: 'Version 2.0.0 (after)' }).count()).toBe(1);
    const outside = await page().evaluate(() =>
      [...document.querySelectorAll('[role="separator"]')].filter((s) => !s.closest('main, aside, nav, header, footer, [role="region"], [role="complementary"], [role="main"], dialog')).map((s) => s.getAttribute('aria-label')),
    );
    expect(outside).toEqual([]);
    await studio.shot('flow-compare-after');
    // Changed text included: our themes' diff colours are held to 4.5:1 (test/unit/builder/theme-contrast.test.ts).
    expect(await studio.seriousAxeViolations()).toEqual([]);
    const practice = (await runAxe(page(), ['best-practice'])).map((v) => v.id);
    expect(practice).not.toContain('page-has-heading-one');
    expect(practice).not.toContain('region');
  });

  it('a draft’s Compare names the after side “Draft …”', async () => {
    await page().getByTestId('tab-routine-enquiry@2.0.0').click();
    await page().getByTestId('new-version').click();
    await page().getByTestId('new-version-create').click();
    const active = page().locator('.tab.is-active .tab-button');
    await expect.poll(() => active.getAttribute('data-testid'), { timeout: 10_000 }).toMatch(/^tab-routine-enquiry@2\.(?!0\.0$)/);
    const draft = (await active.getAttribute('data-testid'))!.split('@')[1]!;
    expect(draft).toMatch(/^2\.\d+\.\d+$/);
    await page().getByRole('button', { name: 'Compare' }).click();
    await page().getByTestId('diff-view').locator('.view-lines').first().waitFor();
    await expect.poll(() => page().getByRole('textbox', { name: `Draft ${draft} (after)` }).count()).toBe(1);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    expect(studio.unexpectedErrors()).toEqual([]);
  });
});
