import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, exportResponse, fhirBundle, hiddenAnswerPointers, isHiddenPointer, type Definition, type ResponseEnvelope } from '../../runtime/core/index';
import { launchBrowser } from './support/browser';
import { saveScreenshot } from './support/screenshots';
import { startServer, type RunningServer } from './support/server';
import { savedDraftText } from './runtime-harness';
import { choose, completeForm, privateAppCopy, readableStorage, sensitiveTextQuestions, type Props } from './security-harness';

/**
 * Issue 11 point 2 (SECURITY.md RUN-3): a canary typed into every sensitive free-text question of
 * every shipped published form, in the practitioner page served by the real server, is found
 * nowhere a perpetrator with the device (A1) or an external agency could read it: URL and
 * history, console, localStorage, sessionStorage, cookies, Cache Storage, any network request,
 * readable IndexedDB values (drafts must be ciphertext), and exports with the `external-agency`
 * profile. Positive controls prove each search could have found it: the page shows it, the
 * decrypted draft and the downloaded full response hold it.
 */
const TOKEN = 'Zq7CanaryXk';

interface Shipped {
  id: string;
  version: string;
  definition: Definition;
}

function shippedForms(): Shipped[] {
  const root = resolve('form-definitions');
  const out: Shipped[] = [];
  for (const id of readdirSync(root).filter((n) => !n.endsWith('.json')).sort()) {
    for (const file of readdirSync(join(root, id)).filter((n) => n.endsWith('.json')).sort()) {
      const definition = JSON.parse(readFileSync(join(root, id, file), 'utf8')) as Definition;
      if (definition.status === 'published') out.push({ id, version: file.replace(/\.json$/, ''), definition });
    }
  }
  return out;
}

/** Base64 of the token at each of the three alignments, so an encoded copy is caught too. */
function encodings(token: string): string[] {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [token, token.toLowerCase(), encodeURIComponent(token), b64(token).slice(0, 12), b64(`x${token}`).slice(4, 16), b64(`xx${token}`).slice(4, 16)];
}

function findLeaks(where: string, text: string): string[] {
  return encodings(TOKEN).filter((e) => text.includes(e)).map((e) => `${where} holds ${e === TOKEN ? 'the canary' : `an encoding of the canary (${e})`}`);
}

interface Recorder {
  console: string[];
  requests: string[];
  errors: string[];
  /** Console arguments being read back as JSON (an object logged shows only as "Object" in its text). */
  pending: Array<Promise<unknown>>;
}

function record(page: Page): Recorder {
  const r: Recorder = { console: [], requests: [], errors: [], pending: [] };
  page.on('console', (m) => {
    r.console.push(`${m.type()}: ${m.text()}`);
    r.pending.push(
      Promise.all(m.args().map((a) => a.jsonValue().catch(() => null)))
        .then((values) => r.console.push(JSON.stringify(values)))
        .catch(() => undefined),
    );
    if (m.type() === 'error') r.errors.push(m.text());
  });
  page.on('pageerror', (e) => {
    r.console.push(`pageerror: ${e.message}`);
    r.errors.push(e.message);
  });
  page.on('request', (req) => {
    const body = req.postDataBuffer();
    r.requests.push(`${req.method()} ${req.url()} ${JSON.stringify(req.headers())} ${body ? body.toString('latin1') : ''}`);
  });
  return r;
}

/** `assessment-studio export` from the built CLI; retried while a concurrent build rewrites dist/node. */
function cliExport(form: Shipped, format: string, profile: string, file: string): string {
  const args = ['dist/node/cli.js', 'export', '--form', `form-definitions/${form.id}/${form.version}.json`, '--format', format, '--profile', profile, file];
  for (let attempt = 0; ; attempt++) {
    const run = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    if (run.status === 0) return run.stdout;
    if (attempt === 5 || !/Cannot find module|SyntaxError|ENOENT/.test(run.stderr)) throw new Error(`export ${format} ${profile} failed (${run.status}): ${run.stderr}`);
    spawnSync('sleep', ['3']);
  }
}

async function historyUrls(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const history = (await cdp.send('Page.getNavigationHistory')) as { entries: Array<{ url: string; title: string }> };
  await cdp.detach();
  return history.entries.map((e) => `${e.url} ${e.title}`).join('\n');
}

async function leaksIn(page: Page, context: BrowserContext, rec: Recorder): Promise<string[]> {
  await Promise.all(rec.pending);
  const stored = await readableStorage(page);
  const cookies = JSON.stringify(await context.cookies());
  return [
    ...findLeaks('the URL', page.url()),
    ...findLeaks('the history', await historyUrls(page)),
    ...findLeaks('the console', rec.console.join('\n')),
    ...findLeaks('a network request', rec.requests.join('\n')),
    ...findLeaks('readable browser storage', stored.text),
    ...findLeaks('the cookies', cookies),
  ];
}

let server: RunningServer;
let browser: Browser;
let appDir: string;

beforeAll(async () => {
  appDir = await privateAppCopy();
  server = await startServer({ env: { APP_DIR: appDir } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

const forms = shippedForms();

describe('a canary in every sensitive question leaks nowhere', () => {
  it('ships published forms to check', () => {
    expect(forms.length).toBeGreaterThanOrEqual(7);
  });

  it('finds a canary planted in each place it searches (the searches can fail)', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rec = record(page);
    try {
      const form = forms.find((f) => f.definition.safety?.drafts !== 'host-only')!;
      await page.goto(`${server.url}/forms/${form.id}/${form.version}`, { waitUntil: 'networkidle' });
      expect(await leaksIn(page, context, rec)).toEqual([]);
      await page.evaluate(async (token) => {
        console.info('typed', { answers: { notes: `${token}-1` } });
        localStorage.setItem('x', `${token}-2`);
        sessionStorage.setItem('y', btoa(`${token}-3`));
        history.pushState(null, '', `?q=${token}-4`);
        await fetch('/api/forms', { method: 'GET', headers: { 'x-note': `${token}-5` } });
        document.cookie = `c=${token}-6`;
        await new Promise<void>((res) => {
          const r = indexedDB.open('planted', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('s');
          r.onsuccess = () => {
            const t = r.result.transaction('s', 'readwrite');
            t.objectStore('s').put({ data: new TextEncoder().encode(`${token}-7`).buffer }, 'k');
            t.oncomplete = () => res();
          };
        });
      }, TOKEN);
      const found = (await leaksIn(page, context, rec)).join('\n');
      for (const place of ['the URL', 'the history', 'the console', 'a network request', 'readable browser storage', 'the cookies']) expect(found).toContain(place);
      expect(found).toContain('an encoding of the canary');
    } finally {
      await context.close();
    }
  });

  it.each(forms.map((f) => [`${f.id} ${f.version}`, f] as const))('%s', { timeout: 240_000 }, async (_, form) => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    const rec = record(page);
    try {
      await page.goto(`${server.url}/forms/${form.id}/${form.version}`, { waitUntil: 'networkidle' });
      await page.locator('#as-section-heading').waitFor();
      const { canaries, questionOf, reached } = await completeForm(page, form.definition, (n) => `${TOKEN}-${form.id}-${n}`);
      const missed = sensitiveTextQuestions(form.definition).filter((k) => !reached.has(k));
      expect(missed, 'sensitive free-text questions the canary did not reach').toEqual([]);
      expect(canaries.length).toBeGreaterThan(0);
      const hostOnly = form.definition.safety?.drafts === 'host-only';

      // Positive controls: the answers are really in the page, and in its draft while it is open.
      const onScreen = await page.locator('#check-answers').evaluate((el) => el.closest('.as-main')?.textContent ?? '');
      expect(canaries.filter((c) => onScreen.includes(c)).length, 'canaries shown on the check-answers page').toBeGreaterThan(0);
      if (!hostOnly) await expect.poll(() => savedDraftText(page, `assessment:${form.id}`), { timeout: 15_000 }).toContain(canaries.at(-1)!);

      const before = await readableStorage(page);
      if (!hostOnly) {
        expect(before.records, 'an encrypted draft is stored').toBeGreaterThan(0);
        expect(before.keys.length).toBeGreaterThan(0);
      }
      expect(before.keys.every((k) => !k.extractable), 'draft keys are non-extractable').toBe(true);
      expect(await leaksIn(page, context, rec)).toEqual([]);

      // Submit and download, as the practitioner does; the local draft goes on completion.
      await page.getByRole('button', { name: 'Submit assessment' }).click();
      const link = page.getByRole('link', { name: /Download the response/ });
      await link.waitFor({ timeout: 15_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const response = JSON.parse(readFileSync((await download.path())!, 'utf8')) as ResponseEnvelope;
      // The walk above opens every revealing option in turn, so some canaries end up in questions
      // hidden again by the last choice: those must be gone from the response (issue 14.1), and
      // every canary of a question still shown must be there.
      const hidden = hiddenAnswerPointers(form.definition, response.answers);
      const stillShown = (c: string) => !isHiddenPointer(hidden, `/${questionOf.get(c)!.split('/')[0]}`);
      const text = JSON.stringify(response.answers);
      expect(canaries.filter(stillShown).length, 'canaries in questions shown at submit').toBeGreaterThan(0);
      for (const c of canaries) expect(text.includes(c), `the full response holds ${c} exactly when its question is shown`).toBe(stillShown(c));
      await expect.poll(async () => (await readableStorage(page)).text.includes(`assessment:${form.id}`), { timeout: 10_000 }).toBe(false);
      expect(await leaksIn(page, context, rec)).toEqual([]);

      // An export for an external agency leaves out every sensitive answer, in every format.
      const profile = { profile: 'external-agency' as const };
      const json = JSON.stringify(exportResponse(form.definition, response, profile));
      const csv = csvText(form.definition, [response], profile);
      const fhir = JSON.stringify(fhirBundle(form.definition, [response], profile));
      expect([...findLeaks('the external-agency JSON', json), ...findLeaks('the external-agency CSV', csv.wide + csv.long), ...findLeaks('the external-agency FHIR', fhir)]).toEqual([]);
      // The same through the command line, as a service would run it on the downloaded file.
      const file = join(mkdtempSync(join(tmpdir(), 'as-canary-')), 'response.json');
      writeFileSync(file, JSON.stringify(response));
      for (const format of ['json', 'csv', 'fhir']) {
        const out = cliExport(form, format, 'external-agency', file);
        expect(findLeaks(`the CLI ${format} export (external-agency)`, out)).toEqual([]);
      }
      expect(cliExport(form, 'json', 'full', file), 'the full CLI export holds the canaries').toContain(canaries.find(stillShown)!);
      rmSync(resolve(file, '..'), { recursive: true, force: true });
      const props = (form.definition.schema as { properties: Props }).properties;
      const exported = Object.keys(JSON.parse(json).answers as object);
      expect(exported.filter((k) => props[k]?.['x-sensitivity'])).toEqual([]);
      expect(rec.errors).toEqual([]);
    } catch (e) {
      await saveScreenshot(page, `security-canary-${form.id}-${form.version}`, { fullPage: true });
      throw e;
    } finally {
      await context.close();
    }
  });
});

describe('quick exit wipes the local draft', () => {
  const local = forms.filter((f) => f.definition.safety?.drafts !== 'host-only');
  it.each(local.map((f) => [`${f.id} ${f.version}`, f] as const))('%s', { timeout: 90_000 }, async (_, form) => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const rec = record(page);
    try {
      const url = `${server.url}/forms/${form.id}/${form.version}`;
      await page.goto(url, { waitUntil: 'networkidle' });
      const gate = form.definition.safety!.gate!;
      await choose(page.locator(`input[name="as-${gate}"]`).and(page.getByLabel('Yes', { exact: true })));
      await expect.poll(() => savedDraftText(page, `assessment:${form.id}`), { timeout: 15_000 }).toContain(gate);
      expect((await readableStorage(page)).text).toContain(`assessment:${form.id}`);
      await page.getByRole('button', { name: /^Quick exit/ }).click();
      await page.waitForURL('about:blank');
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.locator('#as-section-heading').waitFor();
      const after = await readableStorage(page);
      expect(after.text).not.toContain(`assessment:${form.id}`);
      expect(await page.getByText(/We restored/).count()).toBe(0);
      expect(rec.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
