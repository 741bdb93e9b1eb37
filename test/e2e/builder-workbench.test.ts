import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');

/** The workbench in real Chromium: both views in step, shared undo, drafts across reloads, conflicts, the palette, accessibility. */
describe.skipIf(!built)('the builder workbench', () => {
  let browser: Browser;
  let server: RunningServer;
  let studio: Studio;
  const id = 'workbench-check';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    studio = await Studio.open(browser, server.url);
    await studio.newForm('Workbench check');
    await studio.selectSection(0);
    await studio.add('text');
    await studio.label('First question');
    await studio.add('single-choice');
    await studio.label('Second question');
    await studio.add('section');
    await studio.label('Later');
    await studio.save();
    await studio.expectToast(/Saved workbench-check 1\.0\.0/);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await studio.shot(`failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });

  afterAll(async () => {
    await studio?.close();
    await browser?.close();
    await server?.stop();
  });

  it('has no serious or critical axe violations, light and dark, design and JSON views', async () => {
    await studio.selectItem(0, 1);
    await studio.page.getByTestId('preview').getByText('First question').first().waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-workbench-light');
    await studio.page.getByTestId('theme-toggle').click();
    await expect.poll(() => studio.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-workbench-dark');
    await studio.jsonView();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-json-dark');
    await studio.page.getByTestId('theme-toggle').click();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-json-light');
    await studio.designView();
    // The palette and a dialog, over the workbench.
    await studio.page.keyboard.press('Control+Shift+P');
    await studio.page.getByTestId('quick-input').fill('add');
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-palette-light');
    await studio.page.keyboard.press('Escape');
    // Draft 1.1.0 is open: New version offers it rather than a second draft.
    await studio.page.getByTestId('new-version').click();
    await studio.page.getByTestId('new-version-open-draft').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.keyboard.press('Escape');
    await studio.page.getByTestId('new-version-open-draft').waitFor({ state: 'detached' });
  });

  it('says where each kind of user goes: the server on start, the welcome page by link', async () => {
    const printed = server.output();
    for (const path of ['/forms/', '/my-assessments/', '/responses/']) expect(printed).toContain(`${server.url}${path}`);
    const page = await browser.newPage();
    try {
      await page.goto(server.url);
      const links = page.locator('.welcome-links a');
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/forms/', '/my-assessments/', '/responses/']);
      await page.getByRole('link', { name: 'Forms' }).click();
      await page.getByRole('link', { name: /Routine enquiry about domestic abuse/ }).first().waitFor();
    } finally {
      await page.close();
    }
  });

  it('opens our command palette with Ctrl+Shift+P even while Monaco has the focus', async () => {
    const editor = await studio.jsonView();
    await editor.locator('.view-lines').click();
    await studio.page.keyboard.press('Control+Shift+P');
    const input = studio.page.getByTestId('quick-input');
    await input.waitFor();
    await input.fill('toggle problems');
    expect(await studio.page.locator('[role="option"][aria-selected="true"]').innerText()).toMatch(/Toggle Problems panel/);
    await studio.page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    // Monaco's own palette did not open.
    expect(await studio.page.locator('.quick-input-widget:visible').count()).toBe(0);
  });

  it('edits in Monaco show in the outline at once', async () => {
    await studio.replaceInMonaco('First question', 'Typed in JSON');
    await studio.showOutline();
    await expect.poll(() => studio.outlineLabels()).toContain('Typed in JSON');
  });

  it('validates and completes the JSON from the envelope schema, with our lint markers at the pointer', async () => {
    const markers = () => studio.page.evaluate(() => (window as unknown as { studio: { markers(): Array<{ owner: string; message: string; line: number }> } }).studio.markers());
    await studio.replaceInMonaco('"status": "draft"', '"status": "drafty"');
    // Both owners settle on the same line: the worker and our lint run apart, so poll for each.
    await expect.poll(async () => (await markers()).filter((m) => m.owner === 'json').map((m) => m.line), { timeout: 10_000 }).toEqual([5]);
    await expect.poll(async () => (await markers()).filter((m) => m.owner === 'assessment-studio').map((m) => m.line), { timeout: 10_000 }).toContain(5);
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(async () => (await markers()).length).toBe(0);

    await studio.replaceInMonaco('"title": "Workbench check",', '"title": "Workbench check",');
    await studio.page.keyboard.press('End');
    await studio.page.keyboard.press('Enter');
    await studio.page.keyboard.type('"desc');
    await studio.page.keyboard.press('Control+Space');
    const suggest = studio.page.locator('.suggest-widget.visible');
    await expect.poll(() => suggest.innerText(), { timeout: 10_000 }).toMatch(/description/);
    await studio.shot('builder-json-completion-light');
    // Hover shows the schema's description of a property.
    await studio.page.keyboard.press('Escape');
    await studio.page.getByTestId('json-editor').locator('.view-line span', { hasText: '"version"' }).first().hover();
    await expect.poll(() => studio.page.locator('.monaco-hover').first().innerText(), { timeout: 10_000 }).toMatch(/Semantic version/);
    await studio.page.keyboard.press('Escape');
    await studio.command('discard unsaved');
    await studio.page.getByTestId('confirm-discard-yes').click();
    await studio.expectToast(/Discarded unsaved changes/);
    await expect.poll(async () => (await markers()).length).toBe(0);
    expect(await studio.page.getByTestId('dirty-marker').count()).toBe(0);
  });

  it('undoes and redoes across both views with Ctrl+Z and Ctrl+Shift+Z', async () => {
    await studio.designView();
    await studio.selectSection(1);
    await studio.add('date');
    await expect.poll(() => studio.outlineLabels()).toContain('New date question');
    const editor = await studio.jsonView();
    await editor.locator('.view-lines').click();
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.outlineLabels()).not.toContain('New date question');
    await studio.page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => studio.outlineLabels()).toContain('New date question');
    // And typing in Monaco is undone from the outline side.
    await studio.replaceInMonaco('Second question', 'Typed again');
    await expect.poll(() => studio.outlineLabels()).toContain('Typed again');
    await studio.outline.getByRole('button', { name: /New date question/ }).click();
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.outlineLabels()).toContain('Second question');
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.outlineLabels()).not.toContain('New date question');
  });

  it('reorders by keyboard and by drag, and moves between sections', async () => {
    await studio.designView();
    await studio.selectItem(0, 0);
    await studio.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await studio.outlineLabels()).slice(2, 4)).toEqual(['Second question', 'First question']);
    await studio.page.getByTestId('outline-item-0-1').dragTo(studio.page.getByTestId('outline-section-1'));
    await expect.poll(() => studio.outlineLabels()).toEqual(['Workbench check', 'Section 1', 'Second question', 'Later', 'First question']);
    await studio.page.getByTestId('outline-item-1-0').dragTo(studio.page.getByTestId('outline-item-0-0'));
    await expect.poll(() => studio.outlineLabels()).toEqual(['Workbench check', 'Section 1', 'First question', 'Second question', 'Later']);
    // Sections move by keyboard too.
    await studio.selectSection(1);
    await studio.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => studio.outlineLabels()).toEqual(['Workbench check', 'Later', 'Section 1', 'First question', 'Second question']);
    await studio.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => studio.outlineLabels()).toEqual(['Workbench check', 'Section 1', 'First question', 'Second question', 'Later']);
    const file = await studio.page.evaluate(() => (window as unknown as { studio: { workspace: { activeDoc(): { history: { present: string } } } } }).studio.workspace.activeDoc().history.present);
    expect(Object.keys((JSON.parse(file) as { schema: { properties: object } }).schema.properties)).toEqual(['firstQuestion', 'secondQuestion']);
  });

  it('deletes with the Delete key after the confirmation, and the toast’s Undo brings it back', async () => {
    await studio.selectItem(0, 1);
    await studio.page.keyboard.press('Delete');
    // Issue 17: the confirmation has the focus on its Delete button, so Delete then Enter.
    await studio.page.getByTestId('confirm-delete').waitFor();
    await studio.page.keyboard.press('Enter');
    await expect.poll(() => studio.outlineLabels()).not.toContain('Second question');
    await studio.expectToast(/Deleted “Second question”/);
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => studio.outlineLabels()).toContain('Second question');
  });

  it('ends the toast’s Undo once the form changes after the delete, so Undo never takes back something else', async () => {
    const labels = await studio.outlineLabels();
    const undo = studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' });
    const deleteSecond = async () => {
      await studio.selectItem(0, 1);
      await studio.page.keyboard.press('Delete');
      await studio.page.getByTestId('confirm-delete').waitFor();
      await studio.page.keyboard.press('Enter');
      await studio.expectToast(/Deleted “Second question”/);
    };
    // Ctrl+Z brings the question back: the toast saying it was deleted, and offering to undo, goes with it
    // (it stayed, and its Undo then took back the change before the delete).
    await deleteSecond();
    await studio.page.keyboard.press('Control+z');
    await expect.poll(() => studio.outlineLabels()).toEqual(labels);
    await expect.poll(() => undo.count()).toBe(0);
    // Another change after the delete: Undo would take that back, not the delete, so it is not offered.
    await deleteSecond();
    await studio.selectSection(1);
    await studio.label('Later, renamed');
    await expect.poll(() => studio.outlineLabels()).toContain('Later, renamed');
    await expect.poll(() => undo.count()).toBe(0);
    // Back as it was for the tests after this one.
    for (let i = 0; i < 6 && JSON.stringify(await studio.outlineLabels()) !== JSON.stringify(labels); i++) {
      await studio.selectItem(0, 0);
      await studio.page.keyboard.press('Control+z');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await studio.outlineLabels()).toEqual(labels);
  });

  it('keeps unsaved changes across a reload, with the dirty marker', async () => {
    await studio.selectItem(0, 1);
    await studio.label('Not saved yet');
    await studio.page.getByTestId(`tab-${id}@1.0.0`).getByTestId('dirty-marker').waitFor();
    await studio.page.reload();
    await studio.page.getByTestId(`tab-${id}@1.0.0`).getByTestId('dirty-marker').waitFor();
    await studio.showOutline();
    await expect.poll(() => studio.outlineLabels()).toContain('Not saved yet');
    expect(await studio.page.getByText('Unsaved changes restored from your last session').count()).toBe(1);
  });

  it('refuses to overwrite a file changed on disk, and shows the difference', async () => {
    const path = join(server.formsDir, id, '1.0.0.json');
    const disk = JSON.parse(readFileSync(path, 'utf8')) as { title: string };
    disk.title = 'Changed behind the editor';
    writeFileSync(path, JSON.stringify(disk, null, 2) + '\n');
    await studio.save();
    await studio.page.getByTestId('conflict-dialog').waitFor();
    await studio.shot('builder-conflict-light');
    await studio.page.getByTestId('conflict-diff').click();
    const diff = studio.page.getByTestId('diff-view');
    await diff.waitFor();
    // Monaco renders spaces as no-break spaces.
    await expect.poll(async () => (await diff.locator('.editor.original').innerText()).replace(/\u00a0/g, ' ')).toContain('Changed behind the editor');
    // Nothing was written over the other change.
    expect(JSON.parse(readFileSync(path, 'utf8')).title).toBe('Changed behind the editor');
    // Still unsaved, still kept.
    await studio.page.getByTestId(`tab-${id}@1.0.0`).getByTestId('dirty-marker').waitFor();
    // Having seen the difference, keep mine.
    await studio.page.getByTestId(`tab-${id}@1.0.0`).click();
    await studio.save();
    await studio.page.getByTestId('conflict-overwrite').click();
    await studio.expectToast(/Saved workbench-check 1\.0\.0/);
    expect(JSON.parse(readFileSync(path, 'utf8')).title).toBe('Workbench check');
    expect(await studio.page.getByTestId('dirty-marker').count()).toBe(0);
  });

  it('keeps the preview’s answers across edits where the question still exists', async () => {
    await studio.designView();
    const preview = studio.page.getByTestId('preview');
    const field = preview.getByLabel(/First question/);
    await field.fill('Kept answer');
    await studio.selectItem(0, 1);
    await studio.label('Renamed while answering');
    await preview.getByText('Renamed while answering').first().waitFor();
    await expect.poll(() => preview.getByLabel(/First question/).inputValue()).toBe('Kept answer');
  });

  it('opens a form with Ctrl+P and adds a question from the keyboard alone', async () => {
    await studio.page.keyboard.press('Control+P');
    await studio.page.getByTestId('quick-input').fill('routine 2.0');
    await studio.page.keyboard.press('Enter');
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').waitFor();
    await studio.page.getByTestId(`tab-${id}@1.0.0`).click();
    await studio.selectSection(1);
    await studio.command('add number question');
    await expect.poll(() => studio.outlineLabels()).toContain('New number question');
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.outlineLabels()).not.toContain('New number question');
  });

  it('undoes a delete in the form it was made in, after another tab was made active', async () => {
    // Two tabs are open here (the test above opened routine-enquiry 2.0.0 beside this form).
    const textOf = (key: string) => studio.page.evaluate((k) => (window as unknown as { studio: { workspace: { state: { docs: Record<string, { history: { present: string } }> } } } }).studio.workspace.state.docs[k]?.history.present, key);
    await studio.page.getByTestId(`tab-${id}@1.0.0`).click();
    const labels = await studio.outlineLabels();
    await studio.selectItem(0, 1);
    await studio.page.keyboard.press('Delete');
    await studio.page.getByTestId('confirm-delete').waitFor();
    await studio.page.keyboard.press('Enter');
    await studio.expectToast(/Deleted “/);
    await expect.poll(() => studio.outlineLabels()).not.toEqual(labels);
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').click();
    const other = await textOf('routine-enquiry@2.0.0');
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    // It undid in the active tab: the other form's last change, or nothing, and the question stayed deleted.
    expect(await textOf('routine-enquiry@2.0.0')).toBe(other);
    await studio.page.getByTestId(`tab-${id}@1.0.0`).click();
    await expect.poll(() => studio.outlineLabels()).toEqual(labels);
  });

  it('says the forms are loading until they come, and that a filter matches nothing (never "No forms yet" when there are forms)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/forms', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.url}/`);
    const explorer = page.getByRole('region', { name: /Explorer/ });
    await explorer.getByText('Loading forms…').waitFor();
    expect(await explorer.getByText('No forms yet').count()).toBe(0);
    release();
    await explorer.getByText('Workbench check').waitFor();
    expect(await explorer.getByText('Loading forms…').count()).toBe(0);
    await explorer.getByPlaceholder('Filter forms').fill('zzz-nothing');
    await explorer.getByText('No form matches “zzz-nothing”.').waitFor();
    expect(await explorer.getByText('No forms yet').count()).toBe(0);
    await context.close();
  });

  it('raised no console errors besides the refused conflicting save', () => {
    expect(studio.unexpectedErrors([/response 409 PUT \/api\/forms\/workbench-check\/1\.0\.0/, /status of 409/])).toEqual([]);
  });
});
