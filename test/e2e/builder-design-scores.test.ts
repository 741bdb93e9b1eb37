import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productSuite } from './support/suite';
import { Studio } from './builder-harness';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html');
const suite = productSuite();

/**
 * Issues 17.5 and 18.6 as a policy lead does them, in Design alone (the JSON view is never opened):
 * scored options pasted as a list, a total of their scores, bands, a follow-up shown by the total
 * (or for a young person), help text, a number range, a drop-down, a sensitivity level, a duplicate
 * undone, a change of kind with its warning; the preview shows the follow-up only when the total
 * reaches 8. Each Design state added is checked with axe.
 */
describe.skipIf(!built)('a policy lead builds a scored screen in Design, without JSON', () => {
  let studio: Studio;
  const doc = 'drink-screen@1.0.0';
  const axeIds = async () => (await studio.axe()).map((v) => `${v.id}: ${JSON.stringify(v.targets.slice(0, 2))}`);
  const definition = () =>
    studio.page.evaluate((key) => (window as unknown as { studio: { workspace: { state: { docs: Record<string, { history: { present: string } }> } } } }).studio.workspace.state.docs[key]!.history.present, doc);
  const props = async () => (JSON.parse(await definition()) as { schema: { properties: Record<string, Record<string, unknown>> } }).schema.properties;

  beforeAll(async () => {
    studio = await Studio.open(suite.browser, suite.server.url);
    // A step that cannot happen fails naming its locator, well before the test's own timeout.
    studio.page.setDefaultTimeout(10_000);
    await studio.newForm('Drink screen');
    await studio.selectSection(0);
    await studio.label('Screening');
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('pastes scored options as a list, moves one down and back with undo, and shows a choice as a drop-down', async () => {
    await studio.add('single-choice');
    await studio.label('How often do you have a drink');
    await studio.page.getByTestId('options-paste-open').click();
    await studio.page.getByTestId('options-paste').fill('Never = 0\nMonthly or less = 1\n2 to 4 times a month = 2\n2 to 3 times a week = 3\n4 or more times a week = 4');
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-options-paste');
    await studio.page.getByTestId('options-paste-apply').click();
    await expect.poll(async () => (await props()).howOftenDrink!.oneOf).toEqual([
      { const: 'never', title: 'Never', 'x-score': 0 },
      { const: 'monthly_less', title: 'Monthly or less', 'x-score': 1 },
      { const: 'option_2_4_times_month', title: '2 to 4 times a month', 'x-score': 2 },
      { const: 'option_2_3_times_week', title: '2 to 3 times a week', 'x-score': 3 },
      { const: 'option_4_more_times_week', title: '4 or more times a week', 'x-score': 4 },
    ]);
    await studio.page.getByTestId('option-down-0').click();
    expect(await studio.page.getByTestId('option-label-1').inputValue()).toBe('Never');
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.page.getByTestId('option-label-0').inputValue()).toBe('Never');

    await studio.add('single-choice');
    await studio.label('How many drinks on a typical day');
    await studio.pasteOptions('1 or 2 = 0\n3 or 4 = 1\n5 or 6 = 2\n7 to 9 = 3\n10 or more = 4');
    await studio.check('prop-dropdown');
    await studio.page.getByTestId('option-score-2').fill('2');
    await studio.shot('design-choice-scored');
    expect(await axeIds()).toEqual([]);
  });

  it('adds a total of the option scores and bands from thresholds, by picking', async () => {
    await studio.add('computed');
    await studio.label('Total score');
    expect(await studio.page.getByTestId('computed-rule').inputValue()).toBe('score');
    expect(await studio.page.getByTestId('computed-of-howOftenDrink').isChecked()).toBe(true);
    expect(await studio.page.getByTestId('computed-of-howManyDrinksTypicalDay').isChecked()).toBe(true);
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-total');
    await studio.add('computed');
    await studio.label('Risk level');
    await studio.page.getByTestId('computed-rule').selectOption({ label: 'Band from thresholds' });
    await studio.page.getByTestId('band-label-0').fill('Lower risk');
    await studio.page.getByTestId('band-label-1').fill('Increasing risk');
    await studio.page.getByTestId('band-add').click();
    await studio.page.getByTestId('band-label-2').fill('Higher risk');
    await studio.page.getByTestId('band-from-2').fill('12');
    await expect.poll(async () => (await props()).riskLevel).toEqual({
      type: 'string',
      readOnly: true,
      title: 'Risk level',
      'x-code': 'risk_level',
      'x-computed': {
        op: 'band',
        of: 'totalScore',
        bands: [
          { code: 'lower_risk', title: 'Lower risk', min: 0, max: 7 },
          { code: 'increasing_risk', title: 'Increasing risk', min: 8, max: 11 },
          { code: 'higher_risk', title: 'Higher risk', min: 12 },
        ],
      },
    });
    expect(await studio.outlineLabels()).toEqual(['Drink screen', 'Screening', 'How often do you have a drink', 'How many drinks on a typical day', 'Total score', 'Risk level']);
    await studio.shot('design-bands');
    expect(await axeIds()).toEqual([]);
  });

  it('sets a number range and a sensitivity level; a duplicate is undone; a change of kind warns first', async () => {
    await studio.add('number');
    await studio.label('Age');
    await studio.page.getByTestId('prop-minimum').fill('16');
    await studio.page.getByTestId('prop-maximum').fill('120');
    await studio.choose('prop-sensitivity', 'Personal (identifies the person)');
    await expect.poll(async () => (await props()).age).toMatchObject({ type: 'integer', minimum: 16, maximum: 120, 'x-sensitivity': 'personal' });

    await studio.page.getByTestId('duplicate-selected').click();
    await expect.poll(() => studio.outlineLabels()).toContain('Age (copy)');
    await studio.page.keyboard.press('Control+Z');
    await expect.poll(() => studio.outlineLabels()).not.toContain('Age (copy)');
    await studio.selectOutlineRow(/^Number\s*Age/);

    await studio.page.getByTestId('prop-kind').selectOption({ label: 'Text' });
    await studio.page.getByTestId('prop-kind-warning').getByText(/number range/).waitFor();
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-kind-warning');
    await studio.page.getByTestId('prop-kind-warning').getByRole('button', { name: /Keep it as number/ }).click();
    expect((await props()).age!.type).toBe('integer');
  });

  it('adds a follow-up with help text, shown when the total is 8 or more or the person is 17 or under', async () => {
    await studio.add('long-text');
    await studio.label('What support would you like');
    await studio.page.getByTestId('prop-help').fill('Ask in the person’s own words, and note what they already do.');
    await studio.page.getByTestId('prop-max-length').fill('1000');
    await studio.choose('showwhen-question', 'Total score');
    expect(await studio.page.getByTestId('showwhen-op').inputValue()).toBe('at-least');
    await studio.page.getByTestId('showwhen-number').fill('8');
    await studio.page.getByTestId('showwhen-add').click();
    await studio.choose('showwhen-question-1', 'Age');
    await studio.choose('showwhen-op-1', 'is at most');
    await studio.page.getByTestId('showwhen-number-1').fill('17');
    await studio.choose('showwhen-mode', 'Any one of them');
    const rule = async () => ((JSON.parse(await definition()) as { uischema: { elements: Array<{ elements: Array<{ rule?: unknown }> }> } }).uischema.elements[0]!.elements[5]!.rule);
    await expect.poll(rule).toEqual({
      effect: 'SHOW',
      condition: {
        type: 'OR',
        conditions: [
          { scope: '#/properties/totalScore', schema: { type: 'number', minimum: 8 } },
          { scope: '#/properties/age', schema: { type: 'number', maximum: 17 } },
        ],
      },
    });
    expect(await axeIds()).toEqual([]);
    await studio.shot('design-follow-up');
    await expect.poll(() => studio.problemCodes()).toEqual([]);
  });

  it('the preview shows the follow-up only once the total reaches 8', async () => {
    const preview = studio.page.getByTestId('preview');
    const followUp = preview.getByText('What support would you like');
    await preview.getByLabel('Age').fill('30');
    await preview.getByLabel('4 or more times a week').check();
    await expect.poll(() => followUp.count()).toBe(0);
    await preview.getByLabel('How many drinks on a typical day').selectOption({ label: '5 or 6' });
    await studio.page.waitForTimeout(300);
    expect(await followUp.count()).toBe(0);
    await preview.getByLabel('How many drinks on a typical day').selectOption({ label: '10 or more' });
    await followUp.first().waitFor();
    await studio.shot('design-preview-follow-up');
    await preview.getByLabel('Never').check();
    await expect.poll(() => followUp.count()).toBe(0);
  });

  it('gives a question of a repeatable group its own sensitivity level', async () => {
    await studio.add('group');
    await studio.label('Children');
    await studio.page.getByTestId('group-add-text').click();
    await studio.selectOutlineRow(/New text question/);
    await studio.choose('prop-sensitivity', 'Personal (identifies the person)');
    await expect.poll(async () => ((await props()).children!.items as { properties: Record<string, Record<string, unknown>> }).properties.newTextQuestion).toMatchObject({ 'x-sensitivity': 'personal' });
    await expect.poll(() => studio.problemCodes()).toEqual([]);
  });

  it('saves a file with scores, a total, bands, the rule and the change note, and the JSON view was never opened', async () => {
    await studio.selectOutlineRow('Drink screen');
    await studio.page.getByTestId('prop-change-note').fill('First version: a scored drink screen with risk bands.');
    await studio.save();
    await studio.expectToast(/Saved drink-screen 1\.0\.0/);
    const file = JSON.parse(readFileSync(join(suite.server.formsDir, 'drink-screen', '1.0.0.json'), 'utf8')) as { schema: { properties: Record<string, Record<string, unknown>> } };
    expect(file.schema.properties.totalScore!['x-computed']).toEqual({ op: 'score', of: ['howOftenDrink', 'howManyDrinksTypicalDay'] });
    expect((file as unknown as { changelog: Array<{ version: string; summary: string }> }).changelog).toEqual([expect.objectContaining({ version: '1.0.0', summary: 'First version: a scored drink screen with risk bands.' })]);
    expect(file.schema.properties.whatSupportWouldLike).toMatchObject({ maxLength: 1000, 'x-help': expect.stringContaining('own words') });
    expect(await studio.page.getByTestId('json-editor').count()).toBe(0);
    expect(await studio.page.getByTestId('view-json').getAttribute('aria-pressed')).not.toBe('true');
    expect(studio.unexpectedErrors()).toEqual([]);
  });
});
