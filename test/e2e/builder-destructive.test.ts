import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

/**
 * Issue 17, problem 7: destructive actions are confirmed, say what else they break, and can be
 * undone: deleting the safety check or a question a show-when rule watches, discarding unsaved
 * changes, and reusing a form's title.
 */
describe.skipIf(!built)('destructive actions in the builder', () => {
  let studio: Studio;
  const doc = 'destructive-check@1.0.0';

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
    await studio.newForm('Destructive check');
    await studio.selectSection(0);
    await studio.add('yes-no');
    await studio.label('Safe to talk');
    await studio.add('text');
    await studio.label('Your name');
    await studio.showWhen('Safe to talk', 'Yes');
    await studio.add('multiple-choice');
    await studio.label('Kinds of abuse');
    await studio.choose('prop-sensitivity', 'Special category (UK GDPR art. 9)');
    await studio.selectOutlineRow('Destructive check');
    await studio.choose('prop-gate', 'Safe to talk');
    await studio.save();
    await studio.expectToast(/Saved destructive-check 1\.0\.0/);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('asks before deleting the safety check, naming the rule and the sensitive question it breaks; Cancel keeps it', async () => {
    await studio.selectItem(0, 0);
    await studio.page.keyboard.press('Delete');
    const dialog = studio.page.getByTestId('confirm-delete');
    await dialog.waitFor();
    await studio.page.getByTestId('confirm-delete-gate').waitFor();
    expect(await studio.page.getByTestId('confirm-delete-ungated').innerText()).toContain('Kinds of abuse');
    expect(await studio.page.getByTestId('confirm-delete-rule').allInnerTexts()).toEqual([expect.stringContaining('Your name')]);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-confirm-delete-gate');
    await studio.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await studio.outlineLabels()).toContain('Safe to talk');
  });

  it('deletes after the confirmation, and Undo brings the question, its rule and the gate back', async () => {
    await studio.selectItem(0, 0);
    await studio.page.getByTestId('delete-selected').click();
    await studio.page.getByTestId('confirm-delete-yes').click();
    await expect.poll(() => studio.outlineLabels()).not.toContain('Safe to talk');
    await studio.expectToast(/Deleted “Safe to talk”/);
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => studio.outlineLabels()).toContain('Safe to talk');
    const text = await studio.page.evaluate((key) => (window as unknown as { studio: { workspace: { state: { docs: Record<string, { history: { present: string } }> } } } }).studio.workspace.state.docs[key]!.history.present, doc);
    expect((JSON.parse(text) as { safety?: { gate?: string } }).safety?.gate).toBe('safeTalk');
  });

  it('asks before discarding unsaved changes, and Undo brings them back', async () => {
    await studio.selectItem(0, 1);
    await studio.label('Not to be lost');
    await studio.command('discard unsaved');
    await studio.page.getByTestId('confirm-discard').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.getByTestId('confirm-discard-yes').click();
    await studio.expectToast(/Discarded unsaved changes/);
    await expect.poll(() => studio.outlineLabels()).not.toContain('Not to be lost');
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => studio.outlineLabels()).toContain('Not to be lost');
    await studio.page.getByTestId(`tab-${doc}`).getByTestId('dirty-marker').waitFor();
  });

  it('warns when a new form would reuse a title, instead of silently making “…-2”', async () => {
    await studio.command('new form');
    await studio.page.getByTestId('new-form-title').fill('Destructive check');
    await studio.page.getByTestId('new-form-title-taken').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(studio.unexpectedErrors()).toEqual([]);
  });
});
