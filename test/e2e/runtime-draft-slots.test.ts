import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { expectNoAxeViolations, openPage, savedDrafts, shot } from './runtime-harness';

/**
 * Issue 14, point 4: several drafts of a form on one device. Two clients' assessments never mix;
 * each draft is listed by a neutral label (no answers) to resume or discard; a draft of another
 * version is offered as a migration with its report, or a fresh start, never a dead end; a host
 * keys drafts by its own subject id.
 */
let server: RunningServer;
let browser: Browser;
let host: Server;
let hostUrl = '';

const CANARY_A = 'CANARY-client-a-9d41';
const CHOOSER = 'Assessments in progress on this device';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The host's own origin for the custom element example (dist/examples).
  const examples = resolve('dist/examples');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  host = createServer(async (req, res) => {
    let file = join(examples, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (file.endsWith('/')) file += 'index.html';
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => host?.close(r));
});

const form = (version: string) => `${server.url}/forms/routine-enquiry/${version}`;

/** Tabs to the control whose text matches and presses Enter: the way through is the keyboard's. */
async function pressWithKeyboard(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (name.test(text)) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  throw new Error(`no control ${name} reached with Tab`);
}

async function answerGate(page: Page): Promise<void> {
  await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes').check();
}

/** The enquiry date (3 April 2025) and the safety check, then on to the next section. */
async function answerFirstSection(page: Page): Promise<void> {
  await page.getByLabel('Day').pressSequentially('3');
  await page.getByLabel('Month').pressSequentially('4');
  await page.getByLabel('Year').pressSequentially('2025');
  await answerGate(page);
  await page.getByRole('link', { name: 'Coercive and controlling behaviour' }).click();
}

async function chooserText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

describe('several drafts of a form on one device', () => {
  it('keeps two clients apart: start new is empty, resume brings back its own answers, discard removes it from the device', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, form('2.0.0'));
    try {
      // No drafts yet: the form opens at once.
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      await page.getByLabel('Day').pressSequentially('25');
      await page.getByLabel('Month').pressSequentially('11');
      await page.getByLabel('Year').pressSequentially('2026');
      await answerGate(page);
      await page.getByRole('link', { name: 'Support offered' }).click();
      await page.getByLabel(/Notes about the support agreed/).fill(`She said ${CANARY_A}`);
      await expect.poll(async () => (await savedDrafts(page)).map((d) => d.text).join(), { timeout: 15_000 }).toContain(CANARY_A);
      const [a] = await savedDrafts(page);
      expect(a!.key).toMatch(/^assessment:routine-enquiry:[0-9a-f-]{36}$/);

      // Client B: opening the form again lists A by its label, never by its answers.
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      const listed = await chooserText(page);
      expect(listed).toMatch(/Started \d{1,2} \w{3} \d{4}/);
      expect(listed).toContain('Last saved');
      expect(listed).toContain('Support offered');
      expect(listed).toContain('2.0.0');
      expect(listed).not.toContain(CANARY_A);
      expect(listed).not.toContain('She said');
      expect(await page.title()).not.toContain(CANARY_A);
      await expectNoAxeViolations(page, 'drafts chooser');
      await shot(page, 'runtime-drafts-chooser');
      await pressWithKeyboard(page, /^Start a new assessment$/);
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      expect(await page.getByLabel('Day').inputValue()).toBe('');
      expect(await page.getByText(/We restored/).count()).toBe(0);
      await page.getByLabel('Day').pressSequentially('7');
      await expect.poll(async () => (await savedDrafts(page)).length, { timeout: 15_000 }).toBe(2);
      // B's own draft holds none of A's answers.
      expect((await savedDrafts(page)).filter((d) => d.key !== a!.key).map((d) => d.text).join()).not.toContain(CANARY_A);

      // Resume A: A's answers, on the section it was on; B's answer is not in it.
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      expect(await page.locator('.as-drafts__item').count()).toBe(2);
      expect(await chooserText(page)).not.toContain(CANARY_A);
      await page.locator('.as-drafts__item').filter({ hasText: 'Support offered' }).getByRole('button', { name: /^Resume/ }).click();
      await expect.poll(() => page.getByLabel(/Notes about the support agreed/).inputValue()).toBe(`She said ${CANARY_A}`);
      await page.getByRole('link', { name: 'Before you ask' }).click();
      expect(await page.getByLabel('Day').inputValue()).toBe('25');
      // Back where A was, and saved there: the label below finds A by the section it reached.
      await page.getByRole('link', { name: 'Support offered' }).click();
      await page.waitForTimeout(1200);

      // Discard A, after a confirmation, with the keyboard: gone from the device's store.
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      const itemA = page.locator('.as-drafts__item').filter({ hasText: 'Support offered' });
      await itemA.getByRole('button', { name: /^Discard/ }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^Discard the assessment started/ }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await expectNoAxeViolations(page, 'discard confirmation');
      await shot(page, 'runtime-drafts-discard');
      await pressWithKeyboard(page, /^Yes, discard it$/);
      await page.getByText(/was discarded/).waitFor();
      expect(await page.locator('.as-drafts__item').count()).toBe(1);
      await expectNoAxeViolations(page, 'after discard');
      const left = await savedDrafts(page);
      expect(left.map((d) => d.key)).not.toContain(a!.key);
      expect(left.map((d) => d.text).join()).not.toContain(CANARY_A);
      expect(left).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers a draft of 2.0.0 opened under 1.0.0 as a migration with its report, and the moved answers make a usable form', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, form('2.0.0'));
    try {
      await answerFirstSection(page);
      await page.getByRole('group', { name: /control your money/ }).getByLabel('Yes').check();
      await expect.poll(async () => (await savedDrafts(page)).map((d) => d.text).join(), { timeout: 15_000 }).toContain('moneyControlled');

      await page.goto(form('1.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      const item = page.locator('.as-drafts__item');
      expect(await item.innerText()).toMatch(/Version\s+2\.0\.0 \(you opened version 1\.0\.0\)/);
      expect(await item.getByRole('button', { name: /^Resume/ }).count()).toBe(0);
      await expectNoAxeViolations(page, 'chooser with a draft of another version');
      await item.getByRole('button', { name: /^Move the answers to version 1\.0\.0/ }).click();

      // The report: what was carried, what was not (named by question, not by answer).
      await page.getByRole('heading', { name: 'Move the answers to version 1.0.0' }).waitFor();
      const report = await page.locator('main').innerText();
      expect(report).toMatch(/started on version 2\.0\.0/);
      expect(await page.getByTestId('migration-carried').innerText()).toMatch(/^[1-9]\d* questions keep their answers\.$/);
      expect(report).toMatch(/control your money, or stop you having money of your own\?: this question is no longer asked/);
      await expectNoAxeViolations(page, 'migration report');
      await shot(page, 'runtime-drafts-migration-report');
      await pressWithKeyboard(page, /^Continue with version 1\.0\.0$/);

      // A usable 1.0.0 form with the carried answers: no "There is no question", to the end.
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      expect(await page.getByLabel('Day').inputValue()).toBe('3');
      expect(await page.getByLabel('Year').inputValue()).toBe('2025');
      expect(await page.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes').isChecked()).toBe(true);
      await page.getByRole('link', { name: 'Check your answers' }).click();
      await page.getByRole('button', { name: 'Submit assessment' }).click();
      await page.getByText('There is a problem').waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/There is no question/);
      await expectNoAxeViolations(page, 'migrated form');
      const stored = await savedDrafts(page);
      expect(stored).toHaveLength(1);
      expect(JSON.parse(stored[0]!.text)).toMatchObject({ version: '1.0.0' });
      expect(stored[0]!.text).not.toContain('moneyControlled');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets a draft of 1.0.0 opened under 2.0.0 be left for a fresh start, then discarded', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, form('1.0.0'));
    try {
      await page.getByLabel('Day').pressSequentially('3');
      await page.getByLabel('Month').pressSequentially('4');
      await page.getByLabel('Year').pressSequentially('2025');
      await expect.poll(async () => (await savedDrafts(page)).map((d) => d.text).join(), { timeout: 15_000 }).toContain('2025-04-03');

      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      expect(await page.locator('.as-drafts__item').innerText()).toMatch(/Version\s+1\.0\.0 \(you opened version 2\.0\.0\)/);
      // The report of the other direction lists what 2.0.0 now asks.
      await page.getByRole('button', { name: /^Move the answers to version 2\.0\.0/ }).click();
      await page.getByRole('heading', { name: 'Move the answers to version 2.0.0' }).waitFor();
      expect(await page.getByTestId('migration-carried').innerText()).toMatch(/questions? keeps? (its|their) answers?/);
      await page.getByRole('button', { name: 'Back to assessments in progress' }).click();
      await page.getByRole('heading', { name: CHOOSER }).waitFor();

      // Start afresh: an empty, usable 2.0.0 form; the 1.0.0 draft is untouched.
      await page.getByRole('button', { name: 'Start a new assessment' }).click();
      await page.getByRole('heading', { name: 'Before you ask' }).waitFor();
      expect(await page.getByLabel('Day').inputValue()).toBe('');
      await answerGate(page);
      await page.getByRole('link', { name: 'Coercive and controlling behaviour' }).click();
      await page.getByRole('group', { name: /control your money/ }).getByLabel('No', { exact: true }).check();
      expect(await page.locator('main').innerText()).not.toMatch(/There is no question/);
      await expect.poll(async () => (await savedDrafts(page)).length, { timeout: 15_000 }).toBe(2);
      expect((await savedDrafts(page)).map((d) => JSON.parse(d.text).version).sort()).toEqual(['1.0.0', '2.0.0']);

      // The old draft stays listed until the practitioner discards it.
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      const old = page.locator('.as-drafts__item').filter({ hasText: '(you opened version 2.0.0)' });
      await old.getByRole('button', { name: /^Discard/ }).click();
      await page.getByRole('button', { name: 'Yes, discard it' }).click();
      await page.getByText(/was discarded/).waitFor();
      expect((await savedDrafts(page)).map((d) => JSON.parse(d.text).version)).toEqual(['2.0.0']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a draft read slowly from the device', () => {
  // Found by CI (1 run in 3): the resumed form showed its fields empty while the draft was still
  // being decrypted, then replaced them with the draft; anything typed in between was lost.
  it('shows no field to type into until the draft is read, then the draft’s answers on its section', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, form('2.0.0'));
    try {
      await answerFirstSection(page);
      await expect.poll(async () => (await savedDrafts(page)).map((d) => d.text).join(), { timeout: 15_000 }).toContain('"section":3');

      // A slow device: every decryption takes 1.5 s (the chooser's too).
      await context.addInitScript(() => {
        const subtle = crypto.subtle;
        const decrypt = subtle.decrypt.bind(subtle);
        subtle.decrypt = (...args: Parameters<SubtleCrypto['decrypt']>) => new Promise((r) => setTimeout(r, 1500)).then(() => decrypt(...args));
      });
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor({ timeout: 15_000 });
      await page.locator('.as-drafts__item').getByRole('button', { name: /^Resume/ }).click();
      await page.getByRole('status').filter({ hasText: 'Checking for saved answers…' }).waitFor();
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('radio').count()).toBe(0);
      await shot(page, 'runtime-drafts-restoring');

      // Then the draft, on the section it was on: no empty field was ever there to type into.
      await page.getByRole('heading', { name: 'Coercive and controlling behaviour' }).waitFor({ timeout: 15_000 });
      expect(await page.getByText('Checking for saved answers…').count()).toBe(0);
      await page.getByRole('link', { name: 'Before you ask' }).click();
      expect(await page.getByLabel('Day').inputValue()).toBe('3');
      expect(await page.getByLabel('Year').inputValue()).toBe('2025');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('quick exit on the pages that show no form', () => {
  // The page that offers this device's drafts names assessments in progress, and had no Quick exit:
  // only the form itself had one. The list of forms had none either.
  it('the drafts page has Quick exit, which leaves no draft of the form; the list leaves on Escape twice', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await openPage(browser, form('2.0.0'));
    try {
      await answerFirstSection(page);
      await expect.poll(async () => (await savedDrafts(page)).length, { timeout: 15_000 }).toBe(1);
      await page.goto(form('2.0.0'), { waitUntil: 'networkidle' });
      await page.getByRole('heading', { name: CHOOSER }).waitFor();
      await expectNoAxeViolations(page, 'drafts page with Quick exit');
      await shot(page, 'runtime-drafts-quick-exit');
      await page.getByRole('button', { name: /^Quick exit/ }).click();
      await page.waitForURL('about:blank');

      // A fresh page of the same origin reads the store: nothing of the form is left.
      const probe = await context.newPage();
      await probe.goto(`${server.url}/forms/`, { waitUntil: 'networkidle' });
      await probe.getByRole('heading', { name: 'Assessments' }).waitFor();
      expect(await savedDrafts(probe)).toEqual([]);
      expect(await probe.getByRole('button', { name: /^Quick exit/ }).count()).toBe(1);
      await probe.keyboard.press('Escape');
      await probe.keyboard.press('Escape');
      await probe.waitForURL('about:blank');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a host keys drafts by its own subject id', () => {
  it('the custom element keeps a draft per subject-id, and sets aside a draft of another version with a correct notice', { timeout: 90_000 }, async () => {
    const { page, context, errors } = await openPage(browser, `${hostUrl}/element/`);
    try {
      const el = page.locator('assessment-form');
      await page.getByLabel('Day').waitFor();
      const formId = await page.evaluate(() => (document.querySelector('assessment-form') as unknown as { definition: { id: string } }).definition.id);
      const setAttr = (name: string, value: string) => el.evaluate((e, [n, v]) => e.setAttribute(n!, v!), [name, value]);
      await setAttr('storage', 'local');
      await setAttr('subject-id', 'client-A');
      await page.getByLabel('Day').pressSequentially('4');
      await expect.poll(async () => (await savedDrafts(page, `assessment:${formId}`)).map((d) => d.key), { timeout: 15_000 }).toEqual([`assessment:${formId}:subject:client-A`]);

      await setAttr('subject-id', 'client-B');
      await expect.poll(() => page.getByLabel('Day').inputValue()).toBe('');
      await page.getByLabel('Day').pressSequentially('9');
      await expect.poll(async () => (await savedDrafts(page, `assessment:${formId}`)).length, { timeout: 15_000 }).toBe(2);

      await setAttr('subject-id', 'client-A');
      await expect.poll(() => page.getByLabel('Day').inputValue()).toBe('4');
      await setAttr('subject-id', 'client-B');
      await expect.poll(() => page.getByLabel('Day').inputValue()).toBe('9');

      // The host moves to a new version of its form: B's draft is set aside, not loaded, and named right.
      const version = await page.evaluate(() => {
        const e = document.querySelector('assessment-form') as unknown as { definition: { version: string } & Record<string, unknown> };
        const next = { ...e.definition, version: '9.9.9' };
        (e as unknown as { definition: unknown }).definition = next;
        return e.definition.version;
      });
      expect(version).toBe('9.9.9');
      await page.getByText(/were for version \S+ of this form, and this is version 9\.9\.9/).waitFor();
      expect(await page.getByLabel('Day').inputValue()).toBe('');
      await expectNoAxeViolations(page, 'element: draft of another version set aside');
      const keys = (await savedDrafts(page, `assessment:${formId}`)).map((d) => d.key).sort();
      expect(keys).toEqual([`assessment:${formId}:subject:client-A`, `assessment:${formId}:subject:client-B@1.0.0`].sort());
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
