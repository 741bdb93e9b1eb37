import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

/**
 * Issue 17, points 4 and 6: problems in plain words beside the field they are about, and a quick
 * fix wherever the fix is mechanical, applied through the editor (Ctrl+Z undoes it), never JSON.
 */
describe.skipIf(!built)('problems beside their field, with quick fixes', () => {
  let studio: Studio;
  const file = (version: string) => join(suite.server.formsDir, 'routine-enquiry', `${version}.json`);
  const problems = () => studio.page.getByTestId('problems');
  const panelCount = () => studio.page.locator('#problems-title .count').innerText();

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('a question removed from a new version is shown in the version area; renumber and retire (with a reason) bring the problems to zero', async () => {
    await studio.page.getByTestId('explorer-routine-enquiry@2.0.0').click();
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').waitFor();
    await studio.page.getByTestId('new-version').click();
    await studio.page.getByTestId('new-version-create').click();
    await studio.page.getByTestId('tab-routine-enquiry@2.0.1').waitFor();
    await studio.showOutline();

    // "How did you see the person?" (code "setting"): nothing depends on it.
    await studio.selectItem(0, 2);
    await studio.page.getByTestId('delete-selected').click();
    await studio.page.getByTestId('confirm-delete-yes').click();
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['code-dropped', 'version-bump-too-small']));
    const dropped = problems().locator('[data-code="code-dropped"]');
    expect(await dropped.innerText()).not.toMatch(/1:1|\{ "/);

    // The panel's link goes to the form's version area in Design, not to line 1 of the JSON.
    await dropped.click();
    const area = studio.page.getByTestId('version-area');
    await area.getByTestId('field-problems-versions').waitFor();
    expect(await studio.page.getByTestId('json-editor').count()).toBe(0);
    const focused = await studio.page.evaluate(() => document.activeElement?.closest('[data-testid="version-area"]') != null);
    expect(focused).toBe(true);
    expect(await studio.outline.locator('.outline-form [data-testid="row-badge"]').getAttribute('aria-label')).toBe('2 errors');
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-problem-quick-fix-version');

    await area.getByRole('button', { name: /Renumber this draft to 3\.0\.0/ }).click();
    await studio.page.getByTestId('tab-routine-enquiry@3.0.0').waitFor();
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toEqual(['code-dropped']);

    // Retire from the keyboard: Tab to the fix, Enter, type the reason, Enter.
    await studio.page.locator('.outline-form').click();
    const retire = studio.page.getByTestId('version-area').getByRole('button', { name: /Retire “setting” with a reason/ });
    await retire.focus();
    await studio.page.keyboard.press('Enter');
    const dialog = studio.page.getByTestId('quick-fix-reason');
    await dialog.waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.getByTestId('retire-reason').fill('How the person was seen is now recorded by the host system.');
    await studio.shot('builder-problem-quick-fix-retire-reason');
    await studio.page.keyboard.press('Tab');
    await studio.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toEqual([]);
    expect(await panelCount()).toBe('no errors, no warnings');
    expect(await studio.page.getByTestId('status-problems').getAttribute('title')).toMatch(/^no errors, no warnings in the open forms/);
    expect(await studio.page.getByTestId('version-area').innerText()).toContain('How the person was seen is now recorded by the host system.');

    // Ctrl+Z undoes the fix like any edit; Ctrl+Shift+Z makes it again.
    await studio.page.locator('#props-title').focus();
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toEqual(['code-dropped']);
    await studio.page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toEqual([]);
    await studio.save();
    await expect.poll(() => (JSON.parse(readFileSync(file('3.0.0'), 'utf8')) as { retired?: unknown[] }).retired, { timeout: 10_000 }).toEqual([
      { code: 'setting', reason: 'How the person was seen is now recorded by the host system.' },
    ]);
  }, 120_000);

  it('a sensitive question shown without the safety check gets "put it behind the safety check", beside its show-when', async () => {
    await studio.newForm('Quick fix check');
    await studio.showOutline();
    await studio.add('yes-no');
    await studio.label('Is it safe to talk?');
    await studio.page.locator('.outline-form').click();
    await studio.choose('prop-gate', 'Is it safe to talk?');
    await studio.selectItem(0, 0);
    await studio.add('text');
    await studio.label('What happened?');
    await studio.choose('prop-sensitivity', 'Sensitive');
    const beside = studio.page.getByTestId('field-problems-show-when');
    await beside.waitFor();
    expect(await beside.locator('[data-problem-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem-code')))).toEqual(['sensitive-ungated']);
    expect(await beside.innerText()).toContain('“What happened?” holds sensitive answers');
    expect(await beside.innerText()).not.toMatch(/SHOW|element|scope/);
    expect(await studio.outline.locator('.outline-item.is-selected [data-testid="row-badge"]').getAttribute('aria-label')).toBe('1 error');
    // The form is longer than the screen: the summary at its top leads to the field.
    await studio.page.getByTestId('problem-summary').getByRole('button', { name: '1 error at Show when' }).click();
    expect(await studio.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.fix)).toBe('gate-question');
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-problem-quick-fix-gate');
    // The problems beside the field read in the dark theme too.
    await studio.page.getByTestId('theme-toggle').click();
    await expect.poll(() => studio.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-problem-quick-fix-gate-dark');
    await studio.page.getByTestId('theme-toggle').click();
    await beside.getByRole('button', { name: 'Put it behind the safety check' }).click();
    await beside.waitFor({ state: 'detached' });
    expect(await studio.problemCodes()).not.toContain('sensitive-ungated');
    expect(await studio.page.evaluate(() => document.activeElement?.id)).toBe('props-title');
  }, 60_000);

  it('options sharing a code get "make the option codes unique", in the field and in the panel', async () => {
    await studio.selectItem(0, 1);
    await studio.add('single-choice');
    await studio.label('Main substance');
    await studio.page.getByTestId('option-label-0').fill('Alcohol');
    await studio.page.getByTestId('option-label-1').fill('Opioids');
    await studio.page.getByTestId('option-code-1').fill('alcohol');
    const beside = studio.page.getByTestId('field-problems-options');
    await beside.waitFor();
    expect(await beside.innerText()).toContain('The option “Opioids” of “Main substance” has the code "alcohol"');
    const inPanel = problems().locator('li', { has: studio.page.locator('[data-code="option-code-duplicate"]') });
    expect(await inPanel.getByRole('button', { name: 'Make the option codes unique' }).count()).toBe(1);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await inPanel.getByRole('button', { name: 'Make the option codes unique' }).click();
    await beside.waitFor({ state: 'detached' });
    expect(await studio.page.getByTestId('option-code-1').inputValue()).toBe('opioids');
    expect(await studio.problemCodes()).not.toContain('option-code-duplicate');
  }, 60_000);

  it('clicking a problem in the panel while Design is open selects its question and focuses its field', async () => {
    // The export code of "Is it safe to talk?" given to "What happened?" as well.
    await studio.selectItem(0, 0);
    const gateCode = await studio.page.getByTestId('prop-code').inputValue();
    await studio.selectItem(0, 1);
    await studio.page.getByTestId('prop-code').fill(gateCode);
    await expect.poll(() => studio.problemCodes(), { timeout: 10_000 }).toContain('code-duplicate');
    await studio.page.locator('.outline-form').click();
    await problems().locator('[data-code="code-duplicate"]').click();
    await expect.poll(() => studio.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('prop-code');
    expect(await studio.outline.locator('[aria-current="true"]').innerText()).toContain('What happened?');
    const described = await studio.page.getByTestId('prop-code').getAttribute('aria-describedby');
    expect(await studio.page.locator(`[id="${described!.split(' ').pop()}"]`).innerText()).toContain('is already used by “Is it safe to talk?”');
    expect(await studio.page.getByTestId('prop-code').getAttribute('aria-invalid')).toBe('true');
    expect(await studio.page.getByTestId('json-editor').count()).toBe(0);
    expect(studio.unexpectedErrors()).toEqual([]);
  }, 60_000);

  it('the status bar counts what the Problems panel lists, whichever form is active', async () => {
    // The form of the last test still has its duplicate code; routine-enquiry 2.0.0 has no problem.
    const status = studio.page.getByTestId('status-problems');
    const panel = await panelCount();
    expect(panel).toMatch(/^[1-9]\d* errors?/);
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').click();
    await expect.poll(() => studio.page.getByTestId('status-bar').innerText()).toContain('routine-enquiry 2.0.0');
    // It once counted the active form alone: "0 errors" in the status bar beside a panel listing one.
    expect(await status.getAttribute('title')).toMatch(new RegExp(`^${panel} in the open forms \\(this form: no errors, no warnings\\)`));
    const [errors] = panel.match(/\d+/) ?? ['0'];
    expect((await status.innerText()).replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^${errors} `));
  }, 60_000);
});
