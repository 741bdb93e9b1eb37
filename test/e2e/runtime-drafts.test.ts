import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, watchPageErrors } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { expectNoAxeViolations, savedDraftText, shot } from './runtime-harness';

/**
 * No data loss: the browser is killed with SIGKILL mid-assessment (no pagehide, no unload) and
 * started again on the same profile; every answer saved before the kill is back. Drafts at rest
 * are ciphertext; a host-only form keeps nothing on the device.
 */
let server: RunningServer;
let profile: string;

interface Killable {
  browser: Browser;
  child: ChildProcess;
}

/** Chromium started by this test (so it can be killed outright), driven over CDP. */
async function startChromium(userDataDir: string): Promise<Killable> {
  const child = spawn(
    chromiumPath(),
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-GB', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const ws = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${text}`)), 20_000);
    child.stderr!.on('data', (c: Buffer) => {
      text += c.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const browser = await chromium.connectOverCDP(ws);
  return { browser, child };
}

function kill(k: Killable): Promise<void> {
  return new Promise((done) => {
    k.child.once('exit', () => done());
    // The whole process group this test started: browser, renderers, helpers.
    process.kill(-k.child.pid!, 'SIGKILL');
  });
}

async function page(k: Killable): Promise<Page> {
  const context = k.browser.contexts()[0]!;
  const p = await context.newPage();
  await p.setViewportSize({ width: 1100, height: 900 });
  return p;
}

beforeAll(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'as-profile-'));
});

afterAll(async () => {
  await server?.stop();
  rmSync(profile, { recursive: true, force: true });
});

const CANARY = 'CANARY-7f3a-do-not-store';

describe('drafts survive a killed browser', () => {
  it('restores every answer saved before SIGKILL, encrypted at rest', { timeout: 120_000 }, async () => {
    const first = await startChromium(profile);
    let killed = false;
    try {
      const p1 = await page(first);
      const errors = watchPageErrors(p1);
      await p1.goto(`${server.url}/forms/routine-enquiry/2.0.0`, { waitUntil: 'networkidle' });
      await p1.getByLabel('Day').fill('');
      await p1.getByLabel('Day').pressSequentially('25');
      await p1.getByLabel('Month').pressSequentially('11');
      await p1.getByLabel('Year').pressSequentially('2026');
      await p1.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes').check();
      await p1.getByRole('link', { name: 'Support offered' }).click();
      const words = p1.getByLabel(/Notes about the support agreed/);
      await words.click();
      await p1.keyboard.type(`She said ${CANARY}`, { delay: 20 });
      // Debounced save (250 ms), encryption, IndexedDB commit: wait until the stored draft (decrypted
      // with the page's own key, as the runtime would) holds the last keystroke; then pull the plug.
      await expect.poll(() => savedDraftText(p1), { timeout: 15_000 }).toContain(`She said ${CANARY}`);
      expect(errors).toEqual([]);
      killed = true;
      await kill(first);
    } finally {
      if (!killed) await kill(first);
    }

    const second = await startChromium(profile);
    try {
      const p2 = await page(second);
      const errors2 = watchPageErrors(p2);
      await p2.goto(`${server.url}/forms/routine-enquiry/2.0.0`, { waitUntil: 'networkidle' });
      // The device's drafts are listed first (several clients may have one); this one is resumed.
      await p2.getByRole('heading', { name: 'Assessments in progress on this device' }).waitFor();
      await p2.getByRole('button', { name: /^Resume/ }).click();
      await p2.getByText(/We restored the answers you saved/).waitFor();
      // Back on the section it was on, with the words up to the last keystroke.
      await expect.poll(() => p2.getByLabel(/Notes about the support agreed/).inputValue()).toBe(`She said ${CANARY}`);
      await p2.getByRole('link', { name: 'Before you ask' }).click();
      expect(await p2.getByLabel('Day').inputValue()).toBe('25');
      expect(await p2.getByLabel('Year').inputValue()).toBe('2026');
      expect(await p2.getByRole('group', { name: /alone and able to talk safely/ }).getByLabel('Yes').isChecked()).toBe(true);
      await expectNoAxeViolations(p2, 'restored draft');
      await shot(p2, 'runtime-draft-restored');

      // At rest: no plaintext anywhere the page's own storage APIs can read.
      const stored = await p2.evaluate(async () => {
        const local = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
        const db = await new Promise<IDBDatabase>((res, rej) => {
          const r = indexedDB.open('assessment-studio');
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const all = await new Promise<unknown[]>((res) => {
          const r = db.transaction('drafts').objectStore('drafts').getAll();
          r.onsuccess = () => res(r.result);
        });
        const text = all
          .map((v) => {
            const rec = v as { iv: Uint8Array; data: ArrayBuffer };
            return new TextDecoder('utf-8', { fatal: false }).decode(rec.data) + JSON.stringify(v);
          })
          .join('');
        return { local, text, count: all.length, url: location.href };
      });
      expect(stored.count).toBe(1);
      expect(stored.text).not.toContain(CANARY);
      expect(stored.text).not.toContain('She said');
      expect(stored.local).not.toContain(CANARY);
      expect(stored.url).not.toContain(CANARY);
      expect(errors2).toEqual([]);
    } finally {
      await kill(second);
    }
  });

  it('keeps a draft across a version change and offers to move it (runtime-draft-slots.test.ts has the rest)', { timeout: 60_000 }, async () => {
    const k = await startChromium(mkdtempSync(join(tmpdir(), 'as-profile-')));
    try {
      const p = await page(k);
      const errors = watchPageErrors(p);
      await p.goto(`${server.url}/forms/routine-enquiry/1.0.0`, { waitUntil: 'networkidle' });
      await p.getByLabel('Day').pressSequentially('3');
      await p.getByLabel('Month').pressSequentially('4');
      await p.getByLabel('Year').pressSequentially('2025');
      await expect.poll(() => savedDraftText(p), { timeout: 15_000 }).toContain('2025-04-03');
      await p.goto(`${server.url}/forms/routine-enquiry/2.0.0`, { waitUntil: 'networkidle' });
      await p.getByText(/^1\.0\.0 \(you opened version 2\.0\.0\)$/).waitFor();
      await p.getByRole('button', { name: /^Move the answers to version 2\.0\.0/ }).click();
      await p.getByRole('button', { name: 'Continue with version 2.0.0' }).click();
      await p.getByText(/We restored the answers you saved/).waitFor();
      expect(await p.getByLabel('Day').inputValue()).toBe('3');
      expect(await p.getByLabel('Year').inputValue()).toBe('2025');
      await expectNoAxeViolations(p, 'version changed');
      await shot(p, 'runtime-draft-version-changed');
      expect(errors).toEqual([]);
    } finally {
      await kill(k);
    }
  });

  it('keeps nothing on the device for a host-only form (disclosure record)', { timeout: 60_000 }, async () => {
    const k = await startChromium(mkdtempSync(join(tmpdir(), 'as-profile-')));
    try {
      const p = await page(k);
      const errors = watchPageErrors(p);
      await p.goto(`${server.url}/forms/disclosure-record/1.0.0`, { waitUntil: 'networkidle' });
      await p.getByText(/not kept on this device/).waitFor();
      await p.getByRole('radio', { name: 'Yes' }).first().check();
      await p.getByRole('link', { name: 'The disclosure' }).click();
      const text = p.locator('.as-main input[type="text"]:not([inputmode]), .as-main textarea').first();
      await text.fill(CANARY);
      await p.waitForTimeout(800);
      await p.reload({ waitUntil: 'networkidle' });
      await p.getByText(/not kept on this device/).waitFor();
      expect(await p.getByText(/We restored/).count()).toBe(0);
      const count = await p.evaluate(
        () =>
          new Promise<number>((res) => {
            const r = indexedDB.open('assessment-studio');
            r.onsuccess = () => {
              const db = r.result;
              if (!db.objectStoreNames.contains('drafts')) return res(0);
              const c = db.transaction('drafts').objectStore('drafts').count();
              c.onsuccess = () => res(c.result);
            };
          }),
      );
      expect(count).toBe(0);
      await shot(p, 'runtime-host-only');
      expect(errors).toEqual([]);
    } finally {
      await kill(k);
    }
  });
});
