import { describe, expect, it } from 'vitest';
import { copyForms, publishInCopy } from './support/server';
import { productSuite } from './support/suite';
import { openPage, savedDraftText, shot } from './runtime-harness';

/**
 * Issue 18, point 4, in Chromium on the practitioner page: a safe address is never kept in a
 * draft. While it is typed, the device's stores (the encrypted IndexedDB drafts, decrypted here
 * with the page's own key, and localStorage) never hold it; after a reload it is empty, with the
 * note saying why, while the other answers come back; the submitted response has it.
 */
const ADDRESS = '7 Refuge Row, CANARY-safe-address';
const formsDir = copyForms();
const form = {
  $schema: '../../schemas/definition.schema.json',
  id: 'safe-address-check', version: '1.0.0', status: 'published', title: 'Safe address check',
  source: { document: 'test/e2e/runtime-safe-address.test.ts' },
  changelog: [{ version: '1.0.0', date: '2026-12-05', summary: 'First version.' }],
  safety: { gate: 'safeToTalk', drafts: 'local' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      safeToTalk: { type: 'boolean', title: 'Is the person alone and able to talk safely?', 'x-code': 'safe_to_talk' },
      firstName: { type: 'string', maxLength: 200, title: 'First name', 'x-code': 'first_name', 'x-sensitivity': 'personal' },
      refugeAddress: { type: 'string', maxLength: 500, title: 'Where are they staying now?', 'x-code': 'refuge_address', 'x-sensitivity': 'safe-address' },
    },
    required: ['safeToTalk'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/safeToTalk' },
      { type: 'Control', scope: '#/properties/firstName' },
      { type: 'Group', label: 'Where they are', rule: { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: true } } }, elements: [{ type: 'Control', scope: '#/properties/refugeAddress' }] },
    ],
  },
};
publishInCopy(formsDir, form);

const suite = productSuite({ formsDir });
const prefix = `assessment:${form.id}`;

describe('a safe address on the practitioner page', () => {
  it('is never in a draft while typed, is empty after a reload with the reason shown, and is in the submitted response', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/${form.id}/${form.version}`);
    const stores = async () => `${await savedDraftText(page, prefix)}\n${await page.evaluate(() => JSON.stringify({ ...localStorage }))}`;
    await page.getByRole('group', { name: /talk safely/ }).getByLabel('Yes').check();
    await page.getByLabel('First name').fill('Jo');
    const address = page.getByLabel('Where are they staying now?');
    await expect.poll(() => savedDraftText(page, prefix)).toContain('"firstName":"Jo"');
    // Typed slowly, the stores polled after every keystroke: drafts save while typing goes on.
    await address.click();
    for (const ch of ADDRESS) {
      await page.keyboard.type(ch);
      expect(await stores()).not.toContain('CANARY');
      expect(await stores()).not.toContain('Refuge Row');
    }
    await page.waitForTimeout(1_500);
    const after = await stores();
    expect(after).toContain('"firstName":"Jo"');
    expect(after).not.toContain('Refuge Row');
    await expect.poll(async () => (await page.locator('.as-hint', { hasText: 'Not saved on this device' }).count())).toBe(1);
    await shot(page, 'runtime-safe-address-typed');

    // Reload (the page seals its draft on the way out): the name comes back, the address does not.
    await page.reload({ waitUntil: 'networkidle' });
    const resume = page.getByRole('button', { name: /^Resume/ });
    if (await resume.count()) await resume.first().click();
    await expect.poll(() => page.getByLabel('First name').inputValue()).toBe('Jo');
    expect(await page.getByLabel('Where are they staying now?').inputValue()).toBe('');
    await expect(page.locator('.as-hint', { hasText: 'Not saved on this device' }).isVisible()).resolves.toBe(true);
    expect(await stores()).not.toContain('Refuge Row');
    await shot(page, 'runtime-safe-address-reloaded');

    // Typed again and submitted: the response holds it (only drafts leave it out).
    await page.getByLabel('Where are they staying now?').fill(ADDRESS);
    await page.getByRole('button', { name: /Continue to check your answers|Check your answers/ }).first().click();
    await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
    expect(await stores()).not.toContain('Refuge Row');
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    const link = page.getByRole('link', { name: 'Download the response (JSON)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(Buffer.from(c as Buffer));
    const response = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(response.answers).toMatchObject({ safeToTalk: true, firstName: 'Jo', refugeAddress: ADDRESS });
    await context.close();
    expect(errors).toEqual([]);
  });
});
