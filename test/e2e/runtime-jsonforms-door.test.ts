import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../bench/guard/build-app.mjs';
import { workloadQuestions } from '../bench/workload';
import { builtPagesSuite } from './support/static';
import { answerPageWithKeyboard, expectNoAxeViolations, openPage, shot } from './runtime-harness';

/**
 * Issue 15, points 3 and 4, in real Chromium. The JSON Forms example (dist/examples/jsonforms, built
 * by `npm run build:lib`) under a host's strict CSP: a shipped form with one control a stock
 * @jsonforms/vanilla-renderers control and one the host's own JSON Forms renderer. A host page
 * with the adapter in its bundle (test/e2e/door): the keystroke guard at 1000 questions with JSON
 * Forms renderers everywhere, and JSON Forms' options changing what the form does.
 */
const N = 1000;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

const suite = builtPagesSuite('jsonforms-door', async (dir) => {
  await buildApp('door.html', join(dir, 'door'), resolve('test/e2e/door'));
  return { examples: { dir: resolve('dist/examples'), csp: CSP }, door: { dir: join(dir, 'door') } };
});

const events = (page: Page) => page.locator('#events li').allTextContents();
const frames = (page: Page) => page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

describe('the JSON Forms example: a shipped form with JSON Forms renderers in it', () => {
  it('a stock vanilla control answered by keyboard, its answer in getResponse and the submitted response', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.url}/examples/jsonforms/`);
    await page.getByRole('heading', { name: 'About this assessment' }).waitFor();
    // Vanilla's InputControl, not ours: its wrapper and its cell's input, inside the form's field.
    await expect.poll(() => page.locator('#as-childFirstName.as-jsonforms > .control#as-childFirstName-control input#as-childFirstName-control-input').count()).toBe(1);
    expect(await page.locator('input#as-childAge-control-input').count()).toBe(1);
    for (let i = 0; i < 10; i++) {
      const heading = await page.locator('#as-section-heading').textContent();
      const pressed = await answerPageWithKeyboard(page, /^(Save and continue|Continue to check your answers)$/);
      if (pressed.startsWith('Continue to check')) break;
      await expect.poll(() => page.locator('#as-section-heading').textContent()).not.toBe(heading);
    }
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    await page.getByRole('button', { name: 'Get response' }).click();
    await expect.poll(() => events(page)).toContain('response childFirstName=Example answer childAge=3');
    await answerPageWithKeyboard(page, /^Submit assessment$/);
    await expect.poll(() => events(page)).toContain('submit completed childFirstName=Example answer childAge=3');
    // JSON Forms' change event reached the host with the answers and the validator's errors.
    expect((await events(page)).some((e) => /^change .*childFirstName.* errors=\d+$/.test(e))).toBe(true);
    await shot(page, 'runtime-jsonforms-example-submitted');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('the host’s own withJsonFormsControlProps renderer gets its data, label and errors, and writes through handleChange', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.url}/examples/jsonforms/`);
    const stepper = page.locator('.age-stepper');
    await stepper.waitFor();
    expect(await stepper.locator('label').textContent()).toBe('Child’s age in years');
    await stepper.getByRole('button', { name: '+ one year' }).click();
    await stepper.getByRole('button', { name: '+ one year' }).click();
    await expect.poll(() => stepper.locator('input').inputValue()).toBe('1');
    await stepper.getByRole('button', { name: '− one year' }).click();
    await page.getByRole('button', { name: 'Get response' }).click();
    await expect.poll(() => events(page)).toContain('response childFirstName=undefined childAge=0');
    // Errors reach it as JSON Forms' `errors` prop, worded by the form; the vanilla control shows its own.
    await stepper.locator('input').fill('seven');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => stepper.locator('.as-error-message').textContent()).toMatch(/age/i);
    await expect.poll(() => page.locator('#as-childFirstName').textContent()).toMatch(/first name/i);
    // The error summary leads to the bridged controls' fields as to ours.
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: /first name/i }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('as-childFirstName-control-input');
    await summary.getByRole('link', { name: /age in years/i }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('as-childAge-control-input');
    await expectNoAxeViolations(page, 'jsonforms example with errors');
    await shot(page, 'runtime-jsonforms-example-errors');
    await context.close();
    expect(errors).toEqual([]);
  });
});

/** The door page's counters and answers. */
const counts = (page: Page) => page.evaluate(() => ({ form: window.__asRenderCount ?? 0, jsonForms: window.__jsonFormsRenders ?? 0 }));

describe(`the keystroke guard with the adapter in use, at ${N} questions`, () => {
  it('one key renders one control and its one JSON Forms renderer; a choice renders one control', { timeout: 240_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.url}/door/door.html`);
    await page.evaluate(
      (n) =>
        window.__door.mount({
          definition: window.__door.definition(`workload:${n}`),
          debug: true,
          // JSON Forms renderers everywhere: the host's own for text, the vanilla set for the rest.
          renderers: [window.__door.countingText, ...window.__door.vanilla.renderers],
          layouts: [...window.__door.vanilla.layouts, ...window.__door.defaultLayouts],
          onChange: (answers) => ((window as unknown as { __answers: unknown }).__answers = answers),
        }),
      N,
    );
    await page.waitForFunction((n) => document.querySelectorAll('#root .as-jsonforms').length >= n, N, { timeout: 120_000 });
    await frames(page);
    expect(await page.locator('#root .as-radios, #root .as-checkboxes').count()).toBe(0); // none of ours
    const mounted = await counts(page);
    console.log(`jsonforms-door: mount at N=${N}: ${mounted.form} control renders, ${mounted.jsonForms} renders of the host's JSON Forms renderer`);
    expect(mounted.form).toBeGreaterThanOrEqual(N);
    expect(mounted.form).toBeLessThanOrEqual(N * 1.1);

    const questions = workloadQuestions(N);
    const middle = (kind: string) => questions.filter((q) => q.kind === kind)[Math.floor(questions.filter((q) => q.kind === kind).length / 2)]!;
    const text = middle('text');
    await page.click(`#as-${text.key}-control`);
    await frames(page);
    const perKey: string[] = [];
    for (const key of 'abcde') {
      const before = await counts(page);
      await page.keyboard.type(key);
      await frames(page);
      const after = await counts(page);
      perKey.push(`${after.form - before.form}/${after.jsonForms - before.jsonForms}`);
      expect(after.form - before.form).toBeGreaterThanOrEqual(1);
      expect(after.form - before.form).toBeLessThanOrEqual(2);
      expect(after.jsonForms - before.jsonForms).toBe(1);
    }
    console.log(`jsonforms-door: renders per keystroke at N=${N} (controls/host JSON Forms renderer): ${perKey.join(', ')}`);
    expect(await page.evaluate((k) => (window as unknown as { __answers: Record<string, unknown> }).__answers[k], text.key)).toBe('abcde');

    const radio = middle('radio');
    const select = page.locator(`#as-${radio.key}-control-input`);
    const perChoice: number[] = [];
    for (const index of [1, 2, 3]) {
      const before = await counts(page);
      await select.selectOption({ index });
      await frames(page);
      perChoice.push((await counts(page)).form - before.form);
    }
    console.log(`jsonforms-door: renders per choice in a vanilla select at N=${N}: ${perChoice.join(', ')}`);
    for (const n of perChoice) {
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
    expect(await page.evaluate((k) => (window as unknown as { __answers: Record<string, unknown> }).__answers[k], radio.key)).toBeDefined();
    await context.close();
    expect(errors).toEqual([]);
  });
});

describe('JSON Forms options, in the browser', () => {
  async function open() {
    const opened = await openPage(suite.browser, `${suite.url}/door/door.html`);
    return opened;
  }
  /** Renders protective factors 1.0.0 in a React host with these props (a function of the page). */
  const render = (page: Page, props: string) =>
    page.evaluate(`(() => {
      const d = window.__door;
      const definition = d.__pf ??= d.definition('protective-factors/1.0.0');
      d.render({ definition, ...(${props}) });
    })()`);
  const field = (page: Page) => page.locator('#root form');

  it('readonly disables every control, ours and bridged ones, and lets go when switched off', async () => {
    const { page, context, errors } = await open();
    await render(page, `{ readonly: true, renderers: [...d.vanillaInput('childFirstName'), ...d.defaultRenderers] }`);
    await page.getByRole('heading', { name: 'About this assessment' }).waitFor();
    const controls = field(page).locator('input, select, textarea');
    expect(await controls.count()).toBeGreaterThan(5);
    expect(await field(page).locator('input:not([disabled]), select:not([disabled]), textarea:not([disabled])').count()).toBe(0);
    await render(page, `{ readonly: false, renderers: [...d.vanillaInput('childFirstName'), ...d.defaultRenderers] }`);
    await expect.poll(() => field(page).locator('input[disabled], select[disabled], textarea[disabled]').count()).toBe(0);
    await page.locator('#as-childFirstName-control-input').fill('Sam');
    await render(page, `{ readonly: true, renderers: [...d.vanillaInput('childFirstName'), ...d.defaultRenderers] }`);
    await expect.poll(() => page.locator('#as-childFirstName-control-input').isDisabled()).toBe(true);
    expect(await page.locator('#as-childFirstName-control-input').inputValue()).toBe('Sam');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('readonly with our renderers only stays accessible', async () => {
    const { page, context, errors } = await open();
    await render(page, `{ readonly: true }`);
    await page.getByRole('heading', { name: 'About this assessment' }).waitFor();
    expect(await field(page).locator('input:not([disabled])').count()).toBe(0);
    await expectNoAxeViolations(page, 'readonly');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('validationMode decides what shows: ValidateAndShow after a field is left, ValidateAndHide and NoValidation nothing', async () => {
    const { page, context, errors } = await open();
    await render(page, `{ validationMode: 'ValidateAndHide' }`);
    const name = page.locator('#as-childFirstName');
    await name.focus();
    await page.keyboard.press('Tab');
    await frames(page);
    expect(await field(page).locator('.as-error-message').count()).toBe(0);
    await render(page, `{ validationMode: 'ValidateAndShow' }`);
    await expect.poll(() => field(page).locator('.as-error-message').allTextContents()).toEqual([expect.stringMatching(/first name/i)]);
    await expectNoAxeViolations(page, 'validation shown');
    await render(page, `{ validationMode: 'NoValidation' }`);
    await expect.poll(() => field(page).locator('.as-error-message').count()).toBe(0);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    // Nothing shown holds the practitioner back: the next section opens.
    await expect.poll(() => page.locator('#as-section-heading').textContent()).not.toBe('About this assessment');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('additionalErrors show at once at their answers, in our controls and bridged ones, and go when the host drops them', async () => {
    const { page, context, errors } = await open();
    const host = `[{ instancePath: '/childFirstName', keyword: 'register', params: {}, message: 'Not found on the school register' }, { instancePath: '', keyword: 'required', params: { missingProperty: 'childAge' }, message: 'The referral gives no age' }]`;
    await render(page, `{ validationMode: 'ValidateAndHide', additionalErrors: ${host}, renderers: [...d.vanillaInput('childAge'), ...d.defaultRenderers] }`);
    await expect.poll(() => page.locator('.as-form-group', { has: page.locator('#as-childFirstName') }).locator('.as-error-message').textContent()).toContain('Not found on the school register');
    await expect.poll(() => page.locator('#as-childAge').textContent()).toContain('The referral gives no age');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link').allTextContents()).toEqual(['Not found on the school register', 'The referral gives no age']);
    await render(page, `{ validationMode: 'ValidateAndHide', additionalErrors: [], renderers: [...d.vanillaInput('childAge'), ...d.defaultRenderers] }`);
    await expect.poll(() => page.getByText(/school register|gives no age/).count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('i18n words labels, options, sections and errors by JSON Forms keys, ours where it says nothing, bridged controls alike', async () => {
    const { page, context, errors } = await open();
    const i18n = `{ locale: 'fr', translate: (key, fallback) => ({
      'childFirstName.label': 'Prénom de l’enfant',
      'childAge.label': 'Âge',
      'childFirstName.error.required': 'Indiquez le prénom',
      'About this assessment': 'À propos de cette évaluation',
      'safeToTalk.label': 'Peut-on parler en sécurité ?',
    })[key] ?? fallback }`;
    await render(page, `{ i18n: ${i18n}, renderers: [...d.vanillaInput('childAge'), ...d.defaultRenderers] }`);
    await page.getByRole('heading', { name: 'À propos de cette évaluation' }).waitFor();
    expect(await page.locator('label[for="as-childFirstName"]').textContent()).toBe('Prénom de l’enfant');
    expect(await page.locator('label[for="as-childAge-control-input"]').textContent()).toMatch(/^Âge/);
    expect(await page.getByRole('group', { name: 'Peut-on parler en sécurité ?' }).count()).toBe(1);
    // Unanswered by the translator: ours.
    expect(await page.getByText('Who did you talk to for this assessment?').count()).toBe(1);
    await page.locator('#as-childFirstName').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('#as-childFirstName-error').textContent()).toContain('Indiquez le prénom');
    await expectNoAxeViolations(page, 'i18n');
    await shot(page, 'runtime-jsonforms-i18n');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('onChange({ data, errors }) as JSON Forms calls it, with the answers and AJV-style errors', async () => {
    const { page, context, errors } = await open();
    await render(page, `{ changeEvent: 'jsonforms', onChange: ({ data, errors }) => d.events.push(JSON.stringify({ data, errors: errors.map((e) => [e.instancePath, e.keyword, e.params.missingProperty]) })) }`);
    await page.locator('#as-childFirstName').fill('Sam');
    await expect.poll(() => page.evaluate(() => window.__door.events.at(-1))).toContain('"data":{"childFirstName":"Sam"}');
    const last = JSON.parse((await page.evaluate(() => window.__door.events.at(-1)))!) as { errors: unknown[] };
    expect(last.errors).toContainEqual(['', 'required', 'assessmentDate']);
    expect(last.errors).not.toContainEqual(['', 'required', 'childFirstName']);
    await context.close();
    expect(errors).toEqual([]);
  });
});

describe('JSON Forms options on <assessment-form>', () => {
  /** Protective factors 1.0.0 in a fresh <assessment-form> (defined on the door page by hostile.tsx). */
  const element = (page: Page) =>
    page.evaluate(() => {
      const el = document.createElement('assessment-form') as HTMLElement & { definition: unknown };
      el.id = 'el';
      el.definition = window.__door.definition('protective-factors/1.0.0');
      document.getElementById('root')!.replaceWith(el);
    });
  const set = (page: Page, prop: string, value: string) => page.evaluate(`document.getElementById('el')[${JSON.stringify(prop)}] = ${value}`);

  it('readonly and validation-mode attributes, i18n and additionalErrors properties, each changed with the answers kept', async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.url}/door/door.html`);
    await element(page);
    const name = page.locator('#as-childFirstName');
    await name.fill('Sam');
    await page.evaluate(() => document.getElementById('el')!.setAttribute('readonly', ''));
    await expect.poll(() => page.locator('#el input:not([disabled])').count()).toBe(0);
    expect(await name.inputValue()).toBe('Sam');
    await page.evaluate(() => document.getElementById('el')!.removeAttribute('readonly'));
    await expect.poll(() => name.isDisabled()).toBe(false);

    await name.fill('');
    await page.evaluate(() => document.getElementById('el')!.setAttribute('validation-mode', 'ValidateAndHide'));
    await name.focus();
    await page.keyboard.press('Tab');
    await frames(page);
    expect(await page.locator('#el .as-error-message').count()).toBe(0);
    await page.evaluate(() => document.getElementById('el')!.setAttribute('validation-mode', 'ValidateAndShow'));
    await name.focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('#el .as-error-message').count()).toBeGreaterThan(0);

    await name.fill('Kim');
    await set(page, 'additionalErrors', `[{ instancePath: '/childFirstName', keyword: 'register', params: {}, message: 'Not found on the school register' }]`);
    await expect.poll(() => page.locator('#el').getByText('Not found on the school register').count()).toBeGreaterThan(0);
    expect(await name.inputValue()).toBe('Kim');
    await set(page, 'additionalErrors', '[]');
    await set(page, 'i18n', `{ translate: (key, fallback) => key === 'childFirstName.label' ? 'Prénom de l’enfant' : fallback }`);
    await expect.poll(() => page.locator('label[for="as-childFirstName"]').textContent()).toBe('Prénom de l’enfant');
    expect(await page.locator('#el').getByText('Not found on the school register').count()).toBe(0);
    expect(await name.inputValue()).toBe('Kim');
    await expectNoAxeViolations(page, 'element with options');
    await context.close();
    expect(errors).toEqual([]);
  });
});
