import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

/**
 * Issue 17, problem 3: versions without dead ends. A new version is a draft numbered provisionally
 * (the next patch), renumbered in one step to what its changes call for; publishing asks for the
 * change note and refuses an empty one or the placeholder; a draft can be discarded (and brought
 * back), the published versions untouched.
 */
describe.skipIf(!built)('the version lifecycle in the builder', () => {
  let studio: Studio;
  const file = (version: string) => join(suite.server.formsDir, 'routine-enquiry', `${version}.json`);
  const onDisk = (version: string) => JSON.parse(readFileSync(file(version), 'utf8')) as { version: string; status: string; changelog: Array<{ version: string; summary: string }> };

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
    await studio.page.getByTestId('explorer-routine-enquiry@2.0.0').click();
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').waitFor();
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('makes a new version without asking how big a change it will be, and carries no placeholder note', async () => {
    await studio.page.getByTestId('new-version').click();
    await studio.page.getByTestId('new-version-create').click();
    await studio.page.getByTestId('tab-routine-enquiry@2.0.1').waitFor();
    const draft = onDisk('2.0.1');
    expect(draft.status).toBe('draft');
    expect(draft.changelog.map((c) => c.version)).not.toContain('2.0.1');
    expect(draft.changelog.map((c) => c.summary)).not.toContain('Describe what changed and why.');
  });

  it('offers the draft already there instead of copying it into a second one', async () => {
    await studio.page.getByTestId('tab-routine-enquiry@2.0.0').click();
    await studio.page.getByTestId('new-version').click();
    const open = studio.page.getByTestId('new-version-open-draft');
    expect(await open.innerText()).toBe('Open draft 2.0.1');
    expect(await studio.page.getByRole('dialog').innerText()).toMatch(/routine-enquiry already has a draft: 2\.0\.1/);
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await open.click();
    await studio.page.getByTestId('new-version-open-draft').waitFor({ state: 'detached' });
    expect(await studio.page.locator('.tab.is-active .tab-button').getAttribute('data-testid')).toBe('tab-routine-enquiry@2.0.1');
    expect(existsSync(file('2.0.2'))).toBe(false);
    // Asked for on purpose, a second draft can still be made; here it is not.
    await studio.page.getByTestId('new-version').click();
    await studio.page.getByTestId('new-version-another').click();
    expect(await studio.page.getByTestId('new-version-create').innerText()).toBe('Create draft 2.0.2');
    await studio.page.keyboard.press('Escape');
    await studio.page.getByTestId('new-version-create').waitFor({ state: 'detached' });
    expect(existsSync(file('2.0.2'))).toBe(false);
  });

  it('offers the number the changes call for, and renumbers the draft in one step', async () => {
    await studio.showOutline();
    await studio.selectItem(0, 0);
    await studio.add('text');
    await studio.label('Date of the review');
    await studio.check('prop-required');
    const renumber = studio.page.getByTestId('renumber');
    await expect.poll(() => renumber.innerText(), { timeout: 10_000 }).toBe('Renumber to 3.0.0');
    await renumber.click();
    await studio.page.getByTestId('tab-routine-enquiry@3.0.0').waitFor();
    await studio.expectToast(/Renumbered routine-enquiry 2\.0\.1 to 3\.0\.0/);
    expect(existsSync(file('2.0.1'))).toBe(false);
    expect(onDisk('3.0.0')).toMatchObject({ version: '3.0.0', status: 'draft' });
    expect(JSON.stringify(onDisk('3.0.0'))).toContain('Date of the review');
    expect(await studio.page.getByTestId('renumber').count()).toBe(0);
  });

  it('asks for the change note when publishing, refusing an empty one and the placeholder', async () => {
    await studio.page.getByTestId('publish').click();
    const confirm = studio.page.getByTestId('publish-confirm');
    await confirm.click();
    await studio.page.getByTestId('publish-note-error').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.shot('builder-publish-change-note');
    await studio.page.getByTestId('publish-note').fill('Describe what changed and why.');
    await confirm.click();
    await studio.page.getByTestId('publish-note-error').waitFor();
    expect(onDisk('3.0.0').status).toBe('draft');
    await studio.page.getByTestId('publish-note').fill('Asks the date of the review, which every review now needs.');
    await confirm.click();
    await studio.expectToast(/Published routine-enquiry 3\.0\.0/);
    const published = onDisk('3.0.0');
    expect(published.status).toBe('published');
    expect(published.changelog.find((c) => c.version === '3.0.0')?.summary).toBe('Asks the date of the review, which every review now needs.');
  });

  it('discards a draft after a confirmation, leaves the published versions, and Undo brings it back', async () => {
    await studio.page.getByTestId('new-version').click();
    await studio.page.getByTestId('new-version-create').click();
    await studio.page.getByTestId('tab-routine-enquiry@3.0.1').waitFor();
    await studio.command('discard this draft');
    await studio.page.getByTestId('confirm-discard-draft').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.getByTestId('confirm-discard-draft-yes').click();
    await studio.expectToast(/Discarded the draft routine-enquiry 3\.0\.1/);
    expect(existsSync(file('3.0.1'))).toBe(false);
    expect(await studio.page.getByTestId('tab-routine-enquiry@3.0.1').count()).toBe(0);
    for (const v of ['1.0.0', '2.0.0', '3.0.0']) expect(onDisk(v).status, v).toBe('published');
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await studio.page.getByTestId('tab-routine-enquiry@3.0.1').waitFor();
    expect(onDisk('3.0.1').status).toBe('draft');
  });

  it('retires a form after a confirmation: practitioners are no longer offered it, its versions stay readable, and Undo offers it again', { timeout: 60_000 }, async () => {
    const practitioner = await studio.context.newPage();
    const offered = async () => {
      await practitioner.goto(`${suite.server.url}/forms/`, { waitUntil: 'networkidle' });
      await practitioner.locator('.as-form-list').waitFor();
      return practitioner.locator('a[href^="/forms/routine-enquiry/"]').count();
    };
    expect(await offered()).toBeGreaterThan(0);
    await studio.page.bringToFront();
    await studio.command('retire this form');
    await studio.page.getByTestId('confirm-retire').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    await studio.page.getByTestId('confirm-retire-yes').click();
    await studio.expectToast(/Retired routine-enquiry/);
    if ((await studio.page.getByTestId('activity-explorer').getAttribute('aria-pressed')) !== 'true') await studio.page.getByTestId('activity-explorer').click();
    await studio.page.getByTestId('explorer-retired-routine-enquiry').waitFor();
    expect(await studio.seriousAxeViolations()).toEqual([]);
    expect(await offered()).toBe(0);
    const read = await practitioner.request.get(`${suite.server.url}/api/forms/routine-enquiry/2.0.0`);
    expect(read.status()).toBe(200);
    for (const v of ['1.0.0', '2.0.0', '3.0.0']) expect(onDisk(v).status, v).toBe('published');
    await studio.page.bringToFront();
    await studio.page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click();
    await studio.page.getByTestId('explorer-retired-routine-enquiry').waitFor({ state: 'detached' });
    expect(await offered()).toBeGreaterThan(0);
    await practitioner.close();
  });

  it('raised no console errors', () => {
    expect(studio.unexpectedErrors()).toEqual([]);
  });
});
