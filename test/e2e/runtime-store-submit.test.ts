import { beforeAll, describe, expect, it } from 'vitest';
import { storeSuite } from './support/suite';
import { fillRoutineShortest, openPage } from './runtime-harness';
import { formDraftKeys } from './support/drafts';
import { waitOrExplain } from './support/browser';

/**
 * Issue 20 point 2 in real Chromium: the practitioner page submits to the server's response
 * store and says "Assessment submitted and saved" only once the store has acknowledged; when the
 * server refuses or cannot be reached, the answers and the draft stay, and it says so.
 */
const suite = storeSuite();
const FORM = '/forms/routine-enquiry/2.0.0';

// Reading opens the store: embedded PostgreSQL's first start takes seconds (a minute on a loaded
// machine), paid here rather than while the page waits for its answer.
beforeAll(async () => {
  expect((await fetch(`${suite.server.url}/api/responses/warm-up`)).status).toBe(404);
}, 240_000);

async function storedStatus(responseId: string): Promise<number> {
  return (await fetch(`${suite.server.url}/api/responses/${responseId}`)).status;
}

describe('the practitioner page and the response store', () => {
  it('says "submitted and saved" once the store holds the response', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}${FORM}`);
    await fillRoutineShortest(page);
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await waitOrExplain(page, page.getByRole('heading', { name: 'Assessment submitted and saved' }), 60_000);
    const reference = ((await page.getByText(/^Reference: /).textContent()) ?? '').replace('Reference: ', '').trim();
    expect(await storedStatus(reference)).toBe(200);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('keeps the answers and the draft when the store refuses, and saves on a second Submit', { timeout: 120_000 }, async () => {
    const { page, context } = await openPage(suite.browser, `${suite.server.url}${FORM}`);
    await fillRoutineShortest(page);
    await page.route('**/api/responses', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'The store is down.' }) }));
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not saved' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Assessment submitted/ }).count()).toBe(0);
    expect(await formDraftKeys(page, 'routine-enquiry')).not.toEqual([]);
    await page.unroute('**/api/responses');
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await page.getByRole('heading', { name: 'Assessment submitted and saved' }).waitFor({ timeout: 60_000 });
    await context.close();
  });
});
