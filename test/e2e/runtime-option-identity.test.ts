import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../bench/guard/build-app.mjs';
import { builtPagesSuite } from './support/static';
import { openPage } from './runtime-harness';

/**
 * Issue 17, point 1, in real Chromium: a form whose options share a code (lint refuses it, so
 * every practitioner surface refuses it too, but the builder's preview shows the draft while its
 * problems are listed) still shows checked the option clicked, and records no other value. Before, clicking "Alcohol" showed "Opioids" checked: inputs were matched to the
 * answer by value, so both radios of the value claimed it and the browser kept the last.
 * Rendered by the React host page of test/e2e/door, built from source, as the preview renders it.
 */
const suite = builtPagesSuite('option-identity', async (dir) => {
  await buildApp('door.html', join(dir, 'door'), resolve('test/e2e/door'));
  return { door: { dir: join(dir, 'door') } };
});

const options = [
  { const: 'opioids', title: 'Alcohol' },
  { const: 'opioids', title: 'Opioids' },
  { const: 'cannabis', title: 'Cannabis' },
];

const sharedCodes = {
  id: 'shared-codes',
  version: '1.0.0',
  status: 'published',
  title: 'Substance use screen',
  source: { document: 'test/e2e/runtime-option-identity.test.ts' },
  changelog: [],
  schema: {
    type: 'object',
    properties: {
      main: { type: 'string', title: 'Substance used most', 'x-code': 'main_substance', oneOf: options },
      all: { type: 'array', uniqueItems: true, title: 'Substances used', 'x-code': 'substances', items: { type: 'string', oneOf: [...options, { const: 'none', title: 'None of these' }] } },
      first: { type: 'string', title: 'Substance used first', 'x-code': 'first_substance', oneOf: options },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/main' },
      { type: 'Control', scope: '#/properties/all' },
      { type: 'Control', scope: '#/properties/first', options: { format: 'select' } },
    ],
  },
};

async function open() {
  const opened = await openPage(suite.browser, `${suite.url}/door/door.html`);
  await opened.page.evaluate((definition) => {
    const d = window.__door;
    d.renderAsPreview({ definition: definition as never, onChange: (answers) => d.events.push(JSON.stringify(answers)) });
  }, sharedCodes);
  await opened.page.getByRole('group', { name: /Substance used most/ }).waitFor();
  return opened;
}

/** The answers the form last reported. */
const answers = async (page: Page) => JSON.parse((await page.evaluate(() => window.__door.events.at(-1))) ?? '{}') as Record<string, unknown>;

describe('options that share a code', () => {
  it('radios: the option clicked is the one checked, and the answer is its value', async () => {
    const { page, context, errors } = await open();
    const group = page.getByRole('group', { name: /Substance used most/ });
    const radio = (label: string) => group.getByLabel(label, { exact: true });
    const checked = async () => Promise.all(['Alcohol', 'Opioids', 'Cannabis'].map((l) => radio(l).isChecked()));

    await radio('Alcohol').click();
    await expect.poll(checked).toEqual([true, false, false]);
    expect((await answers(page)).main).toBe('opioids');
    await radio('Opioids').click();
    await expect.poll(checked).toEqual([false, true, false]);
    await radio('Alcohol').click();
    await expect.poll(checked).toEqual([true, false, false]);
    await radio('Cannabis').click();
    await expect.poll(checked).toEqual([false, false, true]);
    expect((await answers(page)).main).toBe('cannabis');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('checkboxes: each tick checks only its own box, and the answer holds each value once', async () => {
    const { page, context, errors } = await open();
    const group = page.getByRole('group', { name: /Substances used/ });
    const box = (label: string) => group.getByLabel(label, { exact: true });
    const checked = async () => Promise.all(['Alcohol', 'Opioids', 'Cannabis'].map((l) => box(l).isChecked()));

    await box('Alcohol').check();
    await expect.poll(checked).toEqual([true, false, false]);
    expect((await answers(page)).all).toEqual(['opioids']);
    await box('Opioids').check();
    await expect.poll(checked).toEqual([true, true, false]);
    expect((await answers(page)).all).toEqual(['opioids']);
    await box('Alcohol').uncheck();
    await expect.poll(checked).toEqual([false, true, false]);
    expect((await answers(page)).all).toEqual(['opioids']);
    await box('Opioids').uncheck();
    await expect.poll(checked).toEqual([false, false, false]);
    expect((await answers(page)).all).toBeUndefined();

    // "None of these" stays exclusive: it clears the others, and another option clears it.
    await box('Opioids').check();
    await box('Cannabis').check();
    await box('None of these').check();
    await expect.poll(checked).toEqual([false, false, false]);
    expect((await answers(page)).all).toEqual(['none']);
    await box('Alcohol').check();
    await expect.poll(checked).toEqual([true, false, false]);
    expect(await box('None of these').isChecked()).toBe(false);
    expect((await answers(page)).all).toEqual(['opioids']);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a drop-down shows the option chosen', async () => {
    const { page, context, errors } = await open();
    const select = page.getByLabel(/Substance used first/);
    const shown = () => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    await select.selectOption({ label: 'Opioids' });
    await expect.poll(shown).toBe('Opioids');
    expect((await answers(page)).first).toBe('opioids');
    await select.selectOption({ label: 'Alcohol' });
    await expect.poll(shown).toBe('Alcohol');
    await context.close();
    expect(errors).toEqual([]);
  });
});
