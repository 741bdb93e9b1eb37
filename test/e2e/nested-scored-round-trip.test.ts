import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Studio } from './builder-harness';
import { downloadResponse, expectNoAxeViolations, openPage } from './runtime-harness';
import { guardJsonView, jsonViewUse } from './support/jsonViewGuard';
import { productSuite } from './support/suite';

const built = existsSync('dist/node/server.js') && existsSync('dist/app/builder/app/index.html') && existsSync('dist/node/cli.js');
const suite = productSuite();

/** The answers the practitioner gives, as the response must hold them (computed values worked out from them). */
const expected = {
  howOftenDrink: 'weekly',
  totalScore: 2,
  riskBand: 'higher_risk',
  riskFollowUp: { safetyPlan: 'Stays with her sister', referralMade: true },
};

const cli = (args: string[]) => spawnSync(process.execPath, [resolve('dist/node/cli.js'), ...args], { encoding: 'utf8' });

/** Every answer of a FHIR QuestionnaireResponse's items, groups opened, by linkId. */
function fhirAnswers(items: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of (items as Array<{ linkId: string; item?: unknown; answer?: Array<Record<string, unknown>> }>) ?? []) {
    if (item.item) Object.assign(out, fhirAnswers(item.item));
    const answer = item.answer?.[0];
    if (answer) out[item.linkId] = answer.valueCoding ? (answer.valueCoding as { code: unknown }).code : Object.values(answer)[0];
  }
  return out;
}

/**
 * Issue 18's "Done means", end to end: a form with an object group and scored options, a total and
 * a band is made in the builder's Design (the JSON view never reached), published through the
 * publish flow, filled and submitted on the practitioner page, and its response gives the same
 * answers downloaded, to `validate`, and in every export (JSON, CSV, FHIR, codebook).
 */
describe.skipIf(!built)('a nested, scored form round-trips through the builder, publish, the practitioner page, validate and every export', () => {
  let studio: Studio;
  const formFile = () => join(suite.server.formsDir, 'drink-follow-up', '1.0.0.json');
  const work = mkdtempSync(join(tmpdir(), 'round-trip-'));
  let responseFile = '';

  beforeAll(async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', locale: 'en-GB' });
    await guardJsonView(context);
    studio = await Studio.open(suite.browser, suite.server.url, { context });
    studio.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await studio?.close();
  });

  it('makes the form in Design and publishes it', async () => {
    await studio.newForm('Drink follow-up');
    await studio.selectSection(0);
    await studio.label('Screening');
    await studio.add('single-choice');
    await studio.label('How often do you have a drink');
    await studio.pasteOptions('Never = 0\nMonthly or less = 1\nWeekly = 2\nDaily = 4');
    await studio.add('computed');
    await studio.label('Total score');
    await studio.add('computed');
    await studio.label('Risk band');
    await studio.page.getByTestId('computed-rule').selectOption({ label: 'Band from thresholds' });
    await studio.page.getByTestId('band-label-0').fill('Lower risk');
    await studio.page.getByTestId('band-label-1').fill('Higher risk');
    await studio.page.getByTestId('band-from-1').fill('2');
    await studio.add('object');
    await studio.label('Risk follow-up');
    await studio.choose('showwhen-question', 'Total score');
    await studio.page.getByTestId('showwhen-number').fill('2');
    await studio.outline.getByTestId('outline-member-riskFollowUp-newTextQuestion').click();
    await studio.label('Safety plan');
    await studio.check('prop-required');
    await studio.selectOutlineRow(/^Object group\s*Risk follow-up/);
    await studio.page.getByTestId('object-add-yes-no').click();
    await studio.label('Referral made');
    await expect.poll(() => studio.problemCodes()).toEqual([]);

    await studio.page.getByRole('toolbar', { name: 'Form actions' }).getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.page.getByRole('dialog', { name: 'Publish' });
    await dialog.getByLabel('What changed in 1.0.0, and why?').fill('First version: a scored drink question with a follow-up group.');
    await dialog.getByRole('button', { name: 'Publish 1.0.0' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => existsSync(formFile()) && (JSON.parse(readFileSync(formFile(), 'utf8')) as { status: string }).status).toBe('published');
    expect(await jsonViewUse(studio.page)).toEqual({ switched: 0, editors: 0, typed: 0 });
  }, 50_000);

  it('is filled and submitted on the practitioner page, and the downloaded response holds the nested and computed answers', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/drink-follow-up/1.0.0`);
    const plan = page.getByLabel('Safety plan');
    await page.getByRole('group', { name: 'How often do you have a drink' }).getByLabel('Monthly or less').check();
    await page.waitForTimeout(100);
    expect(await plan.count()).toBe(0);
    await page.getByRole('group', { name: 'How often do you have a drink' }).getByLabel('Weekly').check();
    await plan.fill('Stays with her sister');
    await page.getByRole('group', { name: 'Referral made' }).getByLabel('Yes').check();
    await expectNoAxeViolations(page, 'filled');
    await page.getByRole('button', { name: /Continue to check your answers|Check your answers/ }).first().click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const response = await downloadResponse(page);
    expect(response.status).toBe('completed');
    expect(response.answers).toEqual(expected);
    responseFile = join(work, 'response.json');
    writeFileSync(responseFile, JSON.stringify(response, null, 2));
    expect(errors).toEqual([]);
    await context.close();
  }, 40_000);

  it('validate accepts it, and every export holds the same answers', () => {
    const validate = cli(['validate', formFile(), responseFile, '--format', 'json']);
    expect([validate.status, validate.stderr]).toEqual([0, '']);

    const json = cli(['export', '--form', formFile(), '--format', 'json', responseFile]);
    expect(json.status).toBe(0);
    expect((JSON.parse(json.stdout) as { answers: unknown }).answers).toEqual(expected);

    const csv = cli(['export', '--form', formFile(), '--format', 'csv', responseFile]);
    expect(csv.status).toBe(0);
    const [row] = parse(csv.stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect([row!.how_often_drink, row!.total_score, row!.risk_band, row!.safety_plan, row!.referral_made]).toEqual(['weekly', '2', 'higher_risk', 'Stays with her sister', 'true']);

    const fhir = cli(['export', '--form', formFile(), '--format', 'fhir', responseFile]);
    expect(fhir.status).toBe(0);
    const bundle = JSON.parse(fhir.stdout) as { entry: Array<{ resource: { resourceType: string; item?: unknown } }> };
    const qr = bundle.entry.find((e) => e.resource.resourceType === 'QuestionnaireResponse')!.resource;
    expect(fhirAnswers(qr.item)).toEqual({ how_often_drink: 'weekly', total_score: 2, risk_band: 'higher_risk', safety_plan: 'Stays with her sister', referral_made: true });

    const codebook = cli(['export', '--form', formFile(), '--format', 'codebook']);
    expect(codebook.status).toBe(0);
    const rows = parse(codebook.stdout, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.code, r.answer_path])).toEqual([
      ['how_often_drink', '/howOftenDrink'],
      ['total_score', '/totalScore'],
      ['risk_band', '/riskBand'],
      ['risk_follow_up', '/riskFollowUp'],
      ['safety_plan', '/riskFollowUp/safetyPlan'],
      ['referral_made', '/riskFollowUp/referralMade'],
    ]);
  }, 30_000);
});
