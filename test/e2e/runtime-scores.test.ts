import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../runtime/core/index';
import { scoredText } from '../fixtures/scored/load';
import { copyForms } from './support/server';
import { productSuite } from './support/suite';
import { downloadResponse, openPage, shot } from './runtime-harness';

/**
 * Issue 18 in real Chromium: a follow-up shown by a total of option scores (and hidden again
 * below the threshold), and a yes/no choice as the safety check, hiding sensitive answers while it
 * is No and bringing them back on Yes, with none of them in the submitted response meanwhile.
 */
/** A copy of form-definitions/ with the scored screen published beside the shipped forms (status and hash recorded). */
function formsWithScoredScreen(): string {
  const dir = copyForms();
  const definition = JSON.parse(scoredText) as Record<string, unknown>;
  definition.$schema = '../../schemas/definition.schema.json';
  definition.status = 'published';
  mkdirSync(join(dir, 'scored-screen'), { recursive: true });
  writeFileSync(join(dir, 'scored-screen', '1.0.0.json'), JSON.stringify(definition, null, 2) + '\n');
  const published = JSON.parse(readFileSync(join(dir, 'published.json'), 'utf8')) as Record<string, string>;
  published['scored-screen/1.0.0'] = contentHash(definition);
  writeFileSync(join(dir, 'published.json'), JSON.stringify(published, null, 2) + '\n');
  return dir;
}
const formsDir = formsWithScoredScreen();
const suite = productSuite({ formsDir });

const question = (page: Page, name: RegExp) => page.getByRole('group', { name });
const followUp = (page: Page) => page.getByLabel('What support was offered?');

async function submitted(page: Page): Promise<{ answers: Record<string, unknown> }> {
  await page.getByRole('link', { name: 'Check your answers' }).click();
  await page.getByRole('button', { name: 'Submit assessment' }).click();
  return downloadResponse(page);
}

describe('scores and a yes/no choice gate on the practitioner page', () => {
  it('shows the follow-up when the total reaches 8, hides it again below, with the band worked out live', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/scored-screen/1.0.0`);
    await question(page, /How often do you have a drink/).waitFor();
    expect(await followUp(page).count()).toBe(0);
    await question(page, /How often do you have a drink/).getByLabel('Daily or almost daily').check();
    await question(page, /six or more drinks/).getByLabel('Monthly', { exact: true }).check();
    await expect.poll(() => page.locator('output').first().textContent()).toBe('6');
    expect(await followUp(page).count()).toBe(0);
    await question(page, /six or more drinks/).getByLabel('Daily or almost daily').check();
    await expect.poll(() => followUp(page).count()).toBe(1);
    await expect.poll(() => page.locator('output').nth(1).textContent()).toBe('Increasing risk');
    await shot(page, 'runtime-scores-follow-up');
    await question(page, /six or more drinks/).getByLabel('Never').check();
    await expect.poll(() => followUp(page).count()).toBe(0);
    await expect.poll(() => page.locator('output').nth(1).textContent()).toBe('Lower risk');
    await context.close();
    expect(errors).toEqual([]);
  });

  it('a yes/no choice gate: sensitive answers hide on No, come back on Yes, and are not submitted while No', { timeout: 180_000 }, async () => {
    const nav = (page: Page, name: string) => page.locator('.as-section-nav__link', { hasText: name });
    const answerSensitive = async (page: Page) => {
      await question(page, /alone and able to talk safely/).getByLabel('Yes').check();
      await nav(page, 'Safety questions').click();
      await question(page, /Are you afraid of anyone at home/).getByLabel('Yes').check();
      await page.getByLabel('What happened?').fill('Pushed');
      await nav(page, 'Drinking').click();
    };
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/scored-screen/1.0.0`);
    const gate = question(page, /alone and able to talk safely/);
    await gate.waitFor();
    await answerSensitive(page);
    await gate.getByLabel('No').check();
    await expect.poll(() => nav(page, 'Safety questions').count()).toBe(0);
    await gate.getByLabel('Yes').check();
    await nav(page, 'Safety questions').click();
    await expect.poll(() => page.getByLabel('What happened?').inputValue()).toBe('Pushed');
    await nav(page, 'Drinking').click();
    await gate.getByLabel('No').check();
    const closed = await submitted(page);
    expect(closed.answers).toMatchObject({ safeToTalk: 'no', total: 0, risk: 'low' });
    expect(closed.answers).not.toHaveProperty('fearful');
    expect(closed.answers).not.toHaveProperty('harmDetail');
    await context.close();

    // Answered Yes, the same answers are submitted.
    const second = await openPage(suite.browser, `${suite.server.url}/forms/scored-screen/1.0.0`);
    await question(second.page, /alone and able to talk safely/).waitFor();
    const start = second.page.getByRole('button', { name: 'Start a new assessment' });
    if (await start.count()) await start.click();
    await answerSensitive(second.page);
    const open = await submitted(second.page);
    expect(open.answers).toMatchObject({ safeToTalk: 'yes', fearful: true, harmDetail: 'Pushed' });
    await second.context.close();
    expect([...errors, ...second.errors]).toEqual([]);
  });
});
