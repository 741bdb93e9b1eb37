import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResponseEnvelope } from '../../runtime/core/index';
import { storeSuite } from './support/suite';
import { waitOrExplain } from './support/browser';
import { expectNoAxeViolations, openPage } from './runtime-harness';

/**
 * Issue 20 point 5 in real Chromium: the data team's Responses page lists the stored responses,
 * filters them, opens one with its answers by question label and its history (an earlier version
 * too), and exports the filtered set as CSV with a profile, the export recorded in the audit.
 */
const suite = storeSuite();

const fixture = JSON.parse(readFileSync('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json', 'utf8')) as ResponseEnvelope;
const stored = (responseId: string, extra: Partial<ResponseEnvelope> = {}): ResponseEnvelope => ({ ...fixture, responseId, ...extra });

async function send(method: string, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${suite.server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.status;
}

beforeAll(async () => {
  expect(await send('POST', '/api/responses', stored('page-a'))).toBe(201);
  expect(await send('POST', '/api/responses', stored('page-b'))).toBe(201);
  expect(await send('POST', '/api/responses/page-b/corrections', { answers: { ...fixture.answers, followUpDate: '2026-12-24' }, reason: 'Follow-up moved.' })).toBe(200);
  expect(await send('POST', '/api/responses', stored('page-c', { status: 'in-progress', completedAt: null }))).toBe(201);
}, 240_000);

describe('the Responses page', () => {
  it('filters, opens a response with its answers and history, and exports the filtered set as CSV (axe clean)', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/responses/`);
    const table = page.getByRole('table', { name: /Stored responses/ });
    await waitOrExplain(page, table.getByRole('rowheader', { name: 'page-c' }));
    await expectNoAxeViolations(page, 'list');

    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Routine enquiry about domestic abuse' });
    await page.getByLabel('Version', { exact: true }).selectOption('1.0.0');
    await page.getByLabel('Status').selectOption('completed');
    await page.getByLabel('Last changed from').fill('2026-11-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => table.getByRole('rowheader').allTextContents()).toEqual(['page-b', 'page-a']);

    // Opened from the keyboard: the reference is a button in the row's header cell.
    await table.getByRole('button', { name: 'page-b' }).focus();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('region', { name: 'Response page-b' });
    await waitOrExplain(page, detail.getByText('Date of the enquiry'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-heading');
    const answer = (label: string) => detail.locator('.as-responses__answer', { has: page.getByText(label, { exact: true }) }).locator('dd');
    expect(await answer('Date of the next appointment').textContent()).toBe('2026-12-24');
    expect(await answer('What did the person say, in their own words?').textContent()).toBe('Hidden by the profile');
    const history = page.getByRole('table', { name: 'History of page-b' });
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    expect(await history.getByRole('row').nth(2).textContent()).toMatch(/Corrected.*Follow-up moved\..*2026-12-24/);
    await expectNoAxeViolations(page, 'one response');

    await page.getByRole('button', { name: 'Version 1' }).click();
    await expect.poll(() => answer('Date of the next appointment').textContent()).toBe('2026-11-25');
    await page.getByRole('button', { name: 'Back to the list' }).click();

    await page.getByLabel('Profile for viewing and export').selectOption('external-agency');
    await page.getByLabel('Format').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export responses' }).click()]);
    expect(download.suggestedFilename()).toBe('routine-enquiry-1.0.0.csv');
    let csv = '';
    for await (const chunk of await download.createReadStream()) csv += chunk.toString();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['page-a', 'page-b']);
    expect(csv).not.toContain('push me about');
    await waitOrExplain(page, page.getByRole('status').filter({ hasText: 'recorded in the audit' }));
    await expectNoAxeViolations(page, 'after export');

    const exports = (await (await fetch(`${suite.server.url}/api/response-exports`)).json()) as { exports: Array<{ detail: Record<string, unknown> }> };
    expect(exports.exports.map((e) => e.detail)).toEqual([{
      form: { id: 'routine-enquiry', version: '1.0.0' }, format: 'csv', profile: 'external-agency', count: 2, destination: 'download', filter: { status: 'completed', from: '2026-11-01' },
    }]);
    await context.close();
    expect(errors).toEqual([]);
    expect(((await (await fetch(`${suite.server.url}/api/csp-report`)).json()) as { reports: unknown[] }).reports).toEqual([]);
  });

  it('"My assessments" lists the caller\'s drafts and submissions kept in the store (axe clean)', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/my-assessments/`);
    const drafts = page.getByRole('table', { name: /^Drafts/ });
    await waitOrExplain(page, drafts.getByRole('rowheader', { name: 'page-c' }));
    expect(await drafts.getByRole('rowheader').allTextContents()).toEqual(['page-c']);
    expect((await page.getByRole('table', { name: /^Submitted/ }).getByRole('rowheader').allTextContents()).sort()).toEqual(['page-a', 'page-b']);
    await expectNoAxeViolations(page, 'my assessments');
    await context.close();
    expect(errors).toEqual([]);
  });
});
