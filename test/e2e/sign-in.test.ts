import { describe, expect, it } from 'vitest';
import { openAccountStore } from '../../runtime/node/accounts/open';
import { storeLocation } from '../../runtime/node/store/index';
import { expectNoAxeViolations, fillRoutineShortest, openPage } from './runtime-harness';
import { waitOrExplain } from './support/browser';
import { storeSuite } from './support/suite';

/**
 * Issue 20 point 4 in real Chromium: a practitioner is sent to sign in, gets the error summary
 * for empty fields and for a wrong password (keyboard only), signs in, submits an assessment
 * (the page sends the session's CSRF token), signs out, and is sent to sign in again.
 */
const PASSWORD = 'pat signs in with this';

const suite = storeSuite(async (env) => {
  const opened = await openAccountStore(storeLocation(env, process.cwd()));
  await opened.accounts.add('pat', ['practitioner'], PASSWORD);
  await opened.close();
});

describe('signing in and out', () => {
  it('sends to sign-in, shows the error summary, signs in by keyboard, submits with the CSRF token, signs out', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await openPage(suite.browser, `${suite.server.url}/forms/`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/signin?next=%2Fforms%2F');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');

    // Empty: each field's message, linked from the summary, which takes focus.
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Enter your username', 'Enter your password']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page, 'sign-in with errors');
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

    // A wrong password, by keyboard alone.
    await page.getByLabel('Username').focus();
    await page.keyboard.type('pat');
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    // scrypt takes its time on purpose (a second or more on a loaded machine).
    await expect.poll(() => summary.getByRole('link').allTextContents(), { timeout: 30_000 }).toEqual(['The username or password is not right']);

    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${suite.server.url}/forms/`);
    await page.getByRole('heading', { name: 'Assessments' }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'as_session')!;
    expect([cookie.httpOnly, cookie.sameSite]).toEqual([true, 'Strict']);

    // A write from the page: the store acknowledges it only with the session's CSRF token.
    await page.goto(`${suite.server.url}/forms/routine-enquiry/2.0.0`);
    await fillRoutineShortest(page);
    await page.getByRole('button', { name: 'Submit assessment' }).click();
    await waitOrExplain(page, page.getByRole('heading', { name: 'Assessment submitted and saved' }), 90_000);

    // Sign-out is a button on /signin, reached from the header of the practitioner page.
    await page.goto(`${suite.server.url}/forms/`);
    await page.getByRole('link', { name: 'Signed in as pat – sign out' }).click();
    await page.getByText('You are signed in as pat (practitioner).').waitFor();
    await expectNoAxeViolations(page, 'signed in');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect((await context.cookies()).filter((c) => c.name === 'as_session')).toEqual([]);
    await page.goto(`${suite.server.url}/forms/`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await context.close();
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  });
});
