import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

type Def = {
  schema: { properties: Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[]; title?: string }> };
  uischema: { elements: Array<{ elements: Array<{ type: string; label?: string; rule?: unknown; elements?: Array<{ scope: string; options?: unknown }> }> }> };
};

/**
 * Issue 18.6's object groups in Design, without JSON: Add › Object group from the keyboard (focus
 * lands on its title), its questions in the outline under it, each edited in its own place
 * (wording, required in the object's own list, type, order, delete with the confirmation), a
 * show-when on the whole group, the preview showing it, and lint clean throughout. Axe on each new
 * state, light and dark.
 */
describe.skipIf(!built)('a policy lead makes an object group in Design', () => {
  let studio: Studio;
  const doc = 'risk-review@1.0.0';
  const axeIds = async () => (await studio.axe()).map((v) => `${v.id}: ${JSON.stringify(v.targets.slice(0, 2))}`);
  const definition = async () =>
    JSON.parse(await studio.page.evaluate((key) => (window as unknown as { studio: { workspace: { state: { docs: Record<string, { history: { present: string } }> } } } }).studio.workspace.state.docs[key]!.history.present, doc)) as Def;
  const props = async () => (await definition()).schema.properties;
  const group = async () => (await definition()).uischema.elements[0]!.elements[1]!;
  const scopes = async () => ((await group()).elements ?? []).map((c) => c.scope);
  const focusedId = () => studio.page.evaluate(() => document.activeElement?.id ?? '');

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
    studio.page.setDefaultTimeout(10_000);
    await studio.newForm('Risk review');
    await studio.selectSection(0);
    await studio.label('Risk');
    await studio.add('number');
    await studio.label('Risk score');
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('adds an object group from the Add menu by keyboard alone; focus goes to its title; Ctrl+Z undoes it', async () => {
    await studio.page.getByTestId('palette-toggle').focus();
    await studio.page.keyboard.press('ArrowDown');
    for (let i = 0; i < 20 && (await studio.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'palette-object'; i++) await studio.page.keyboard.press('ArrowDown');
    expect(await studio.page.evaluate(() => document.activeElement?.textContent)).toBe('Object group');
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-object-group-menu');
    await studio.page.keyboard.press('Enter');
    await studio.page.getByRole('heading', { name: 'Object group' }).waitFor();
    await expect.poll(focusedId).toBe('prop-label');
    expect(Object.keys((await props()).newObjectGroup!.properties!)).toEqual(['newTextQuestion']);
    expect(await scopes()).toEqual(['#/properties/newObjectGroup/properties/newTextQuestion']);

    await studio.page.keyboard.press('Control+Z');
    await expect.poll(async () => Object.keys(await props())).toEqual(['riskScore']);
    await studio.page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => Object.keys(await props())).toEqual(['riskScore', 'newObjectGroup']);

    await studio.selectItem(0, 1);
    await studio.page.locator('#prop-label').focus();
    await studio.page.keyboard.press('Control+A');
    await studio.page.keyboard.type('Risk follow-up');
    await expect.poll(async () => Object.keys(await props())).toEqual(['riskScore', 'riskFollowUp']);
    expect((await group()).label).toBe('Risk follow-up');
    expect(await scopes()).toEqual(['#/properties/riskFollowUp/properties/newTextQuestion']);
    await studio.outline.getByTestId('outline-member-riskFollowUp-newTextQuestion').waitFor();
    await expect.poll(() => studio.problemCodes()).toEqual([]);
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-object-group');
  });

  it('edits a question inside the group in its own form: wording, required in the object, type', async () => {
    await studio.outline.getByTestId('outline-member-riskFollowUp-newTextQuestion').click();
    await studio.page.getByRole('heading', { name: 'Text question in “Risk follow-up”' }).waitFor();
    await studio.label('Safety plan');
    await studio.outline.getByTestId('outline-member-riskFollowUp-safetyPlan').waitFor();
    await studio.check('prop-required');
    await expect.poll(async () => (await props()).riskFollowUp!.required).toEqual(['safetyPlan']);
    expect(Object.keys(await props())).toEqual(['riskScore', 'riskFollowUp']);
    await studio.page.getByTestId('prop-kind').selectOption({ label: 'Long text' });
    await studio.page.getByTestId('prop-kind-change').click();
    await expect.poll(async () => ((await group()).elements ?? [])[0]).toEqual({ type: 'Control', scope: '#/properties/riskFollowUp/properties/safetyPlan', options: { multi: true } });
    await expect.poll(() => studio.problemCodes()).toEqual([]);
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-object-group-question');
  });

  it('adds a question inside the group, moves it up and down within it, and deletes it after the confirmation', async () => {
    await studio.selectItem(0, 1);
    await studio.page.getByTestId('object-add-yes-no').click();
    await studio.page.getByRole('heading', { name: 'Yes / no question in “Risk follow-up”' }).waitFor();
    await expect.poll(focusedId).toBe('prop-label');
    await studio.label('Referral made');
    await expect.poll(scopes).toEqual(['#/properties/riskFollowUp/properties/safetyPlan', '#/properties/riskFollowUp/properties/referralMade']);
    await studio.page.getByTestId('member-move-up').click();
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['referralMade', 'safetyPlan']);
    expect(await scopes()).toEqual(['#/properties/riskFollowUp/properties/referralMade', '#/properties/riskFollowUp/properties/safetyPlan']);
    await studio.page.getByTestId('member-move-down').click();
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['safetyPlan', 'referralMade']);

    await studio.page.getByTestId('delete-selected').click();
    await studio.page.getByTestId('confirm-delete').waitFor();
    expect(await axeIds()).toEqual([]);
    await studio.page.getByTestId('confirm-delete-yes').click();
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['safetyPlan']);
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['safetyPlan', 'referralMade']);
    await expect.poll(() => studio.problemCodes()).toEqual([]);

    // From the outline by keyboard: Alt+↑ on the question's row moves it within its group, focus staying on it.
    const row = studio.outline.getByTestId('outline-member-riskFollowUp-referralMade');
    await row.click();
    await row.focus();
    await studio.page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['referralMade', 'safetyPlan']);
    await expect.poll(() => studio.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('outline-member-riskFollowUp-referralMade');
    await studio.page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => Object.keys((await props()).riskFollowUp!.properties!)).toEqual(['safetyPlan', 'referralMade']);
  });

  it('shows the whole group only when the risk score is above 0, in the file and in the preview', async () => {
    await studio.selectItem(0, 1);
    await studio.choose('showwhen-question', 'Risk score');
    await studio.page.getByTestId('showwhen-op').selectOption('at-least');
    await studio.page.getByTestId('showwhen-number').fill('1');
    await expect.poll(async () => (await group()).rule).toMatchObject({ effect: 'SHOW', condition: { scope: '#/properties/riskScore', schema: { minimum: 1 } } });
    await expect.poll(() => studio.problemCodes()).toEqual([]);
    const preview = studio.page.getByTestId('preview');
    const plan = preview.getByLabel('Safety plan');
    await preview.getByLabel('Risk score').fill('0');
    await expect.poll(() => plan.count()).toBe(0);
    await preview.getByLabel('Risk score').fill('2');
    await plan.waitFor();
    await preview.getByText('Risk follow-up').first().waitFor();
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-object-group-preview');
  });

  it('is axe clean in the dark theme on the group and on a question inside it', async () => {
    await studio.page.getByTestId('theme-toggle').click();
    await expect.poll(() => studio.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await studio.selectItem(0, 1);
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-object-group-dark');
    await studio.outline.getByTestId('outline-member-riskFollowUp-referralMade').click();
    expect(await axeIds()).toEqual([]);
    await studio.page.getByTestId('theme-toggle').click();
    expect(studio.unexpectedErrors()).toEqual([]);
  });
});
