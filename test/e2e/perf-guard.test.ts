import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../bench/guard/build-app.mjs';
import { workloadQuestions } from '../bench/workload';
import { watchPageErrors } from './support/browser';
import { builtPagesSuite } from './support/static';

/**
 * The performance regression guard: deterministic measures, never timings, that catch the big
 * mistakes the peer bench (test/bench/RESULTS.md) would show as lag.
 * - Control renders per interaction in the 1000-question form, counted by the runtime's own render
 *   counter (`debug`): a keystroke or a toggle must render the one control it touches, not the form.
 * - The same in every shipped form, whose rules and computed values add a few dependents.
 * - The production bundle of the smallest embedding app (test/bench/guard/embed-min.ts): what loads
 *   before the first render, and all its chunks, each under its ceiling in test/bench/ceilings.json.
 * Raise a ceiling only with a reason written beside it in ceilings.json.
 */
interface Ceilings {
  bundleGzipBytes: number;
  bundleTotalGzipBytes: number;
  rendersPerKeystroke: number;
  rendersPerToggle: number;
  mountRendersPerQuestion: number;
  validateAllExtraRenders: number;
  shippedRendersPerInteraction: number;
  testerCallsPerQuestion: number;
  testerSchemaProperties: number;
}
const ceilings = JSON.parse(readFileSync(resolve('test/bench/ceilings.json'), 'utf8')) as Ceilings & Record<string, unknown>;
const N = 1000;
const questions = workloadQuestions(N);
const middle = <K extends string>(kind: K) => {
  const list = questions.filter((q) => q.kind === kind && !q.required);
  return list[Math.floor(list.length / 2)]!;
};

const renders = (page: Page) => page.evaluate(() => window.__asRenderCount ?? 0);
/** Two frames: React has committed whatever the input scheduled, and the browser has painted it. */
const frames = (page: Page) => page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

async function openForm(browser: Browser, url: string, expectControls: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await page.goto(url);
  await page.evaluate(() => window.__guard.ready);
  await page
    .waitForFunction((n) => document.querySelectorAll('#root .as-form-group').length >= n, expectControls, { timeout: 60_000 })
    .catch(async (e: Error) => {
      const shown = await page.evaluate(() => document.querySelectorAll('#root .as-form-group').length).catch(() => -1);
      throw new Error(`${e.message}: ${shown} of ${expectControls} controls shown; page errors: ${JSON.stringify(errors)}`);
    });
  await frames(page);
  return { context, page, errors };
}

let embed: BuiltApp;
const suite = builtPagesSuite('perf-guard', async (dir) => {
  embed = await buildApp('embed-min.html', join(dir, 'embed'));
  await buildApp('guard.html', join(dir, 'guard'));
  return join(dir, 'guard');
});

describe('bundle of the smallest embedding app', () => {
  it('stays under the recorded gzip ceilings: what loads before the first render, and every chunk', () => {
    console.log(
      `perf-guard: embed-min JS at start ${embed.jsAtStart.raw} B raw, ${embed.jsAtStart.gzip} B gzip -9 (ceiling ${ceilings.bundleGzipBytes}); ` +
        `all chunks ${embed.js.raw} B raw, ${embed.js.gzip} B gzip -9 (ceiling ${ceilings.bundleTotalGzipBytes})`,
    );
    expect(embed.jsAtStart.gzip).toBeGreaterThan(10_000); // the build really holds the runtime
    expect(embed.js.gzip).toBeGreaterThan(embed.jsAtStart.gzip); // lazy chunks exist and are counted apart
    expect(embed.jsAtStart.gzip).toBeLessThanOrEqual(ceilings.bundleGzipBytes);
    expect(embed.js.gzip).toBeLessThanOrEqual(ceilings.bundleTotalGzipBytes);
  });

  it('loads none of lint but the rules rendering depends on before the first render', () => {
    const atStart = embed.chunks.filter((c) => embed.atStartFiles.includes(c.fileName)).flatMap((c) => Object.keys(c.modules));
    const rules = atStart.filter((id) => /runtime\/core\/lint\/rules\//.test(id)).map((id) => id.replace(/.*\/rules\//, ''));
    expect(rules.sort()).toEqual(['gate-invalid.ts', 'rule-invalid.ts', 'sensitive-ungated.ts', 'too-many-questions.ts', 'uischema-invalid.ts']);
    // Lint's character tables and look-alike scripts (about 6 KB) wait with the rest of lint: the render
    // rules quote names through safety/visible.ts alone (they once pulled in both through lint/wording.ts).
    expect(atStart.filter((id) => /runtime\/core\/safety\/(characters|lookalikes)\.ts$/.test(id))).toEqual([]);
    expect(atStart.some((id) => /runtime\/core\/safety\/visible\.ts$/.test(id))).toBe(true);
  });

  it('holds no JSON Forms React code: renderers for @jsonforms/react come in through assessment-studio/jsonforms only', () => {
    const modules = embed.chunks.flatMap((chunk) => Object.keys(chunk.modules));
    expect(modules.length).toBeGreaterThan(10);
    expect(modules.filter((id) => /node_modules\/@jsonforms\/(react|vanilla-renderers)\/|runtime\/react\/jsonforms\//.test(id))).toEqual([]);
  });
});

describe(`control renders in the ${N}-question form`, () => {
  it('mounts each control about once, re-renders one control per keystroke and per toggle, and only erroring controls on validate-all', async () => {
    const { context, page, errors } = await openForm(suite.browser, `${suite.url}/guard.html?n=${N}`, N);
    try {
      const mounted = await renders(page);
      expect(mounted).toBeGreaterThanOrEqual(N); // the counter works: every control rendered
      expect(mounted).toBeLessThanOrEqual(N * ceilings.mountRendersPerQuestion);
      // First render stays linear: renderer testers run a bounded number of times per control, each on a
      // schema holding that control's question only, never the whole N-question root.
      const testers = await page.evaluate(() => window.__guard.testers);
      console.log(`perf-guard: renderer testers at N=${N}: ${testers.calls} calls, largest schema given ${testers.maxProperties} properties`);
      expect(testers.calls).toBeGreaterThanOrEqual(N);
      expect(testers.calls).toBeLessThanOrEqual(N * ceilings.testerCallsPerQuestion);
      expect(testers.maxProperties).toBeLessThanOrEqual(ceilings.testerSchemaProperties);

      const text = middle('text');
      await page.click(`#as-${text.key}`);
      await frames(page);
      const keys = 'abcde';
      const perKey: number[] = [];
      for (const key of keys) {
        const before = await renders(page);
        await page.keyboard.type(key);
        await frames(page);
        perKey.push((await renders(page)) - before);
      }
      expect(await page.evaluate((k) => window.__guard.answers[k], text.key)).toBe(keys);
      console.log(`perf-guard: control renders per keystroke at N=${N}: ${perKey.join(', ')}`);
      for (const n of perKey) {
        expect(n).toBeGreaterThanOrEqual(1); // the typed control itself rendered
        expect(n).toBeLessThanOrEqual(ceilings.rendersPerKeystroke);
      }

      const radio = middle('radio');
      const perToggle: number[] = [];
      for (const option of [1, 2, 0]) {
        const before = await renders(page);
        await page.click(option === 0 ? `#as-${radio.key}` : `#as-${radio.key}-${option}`);
        await frames(page);
        perToggle.push((await renders(page)) - before);
      }
      expect(await page.evaluate((k) => window.__guard.answers[k], radio.key)).toBeDefined();
      console.log(`perf-guard: control renders per toggle at N=${N}: ${perToggle.join(', ')}`);
      for (const n of perToggle) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(ceilings.rendersPerToggle);
      }

      const required = questions.filter((q) => q.required).length;
      const before = await renders(page);
      const found = await page.evaluate(() => window.__guard.form.validate().then((list) => list.length));
      await frames(page);
      const validateRenders = (await renders(page)) - before;
      console.log(`perf-guard: validate-all at N=${N}: ${found} errors, ${validateRenders} control renders`);
      expect(found).toBe(required);
      expect(await page.locator('#root .as-form-group .as-error-message').count()).toBe(required);
      expect(validateRenders).toBeLessThanOrEqual(required + ceilings.validateAllExtraRenders);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

const SHIPPED = JSON.parse(readFileSync(resolve('form-definitions/published.json'), 'utf8')) as Record<string, string>;

describe('control renders in the shipped forms', () => {
  for (const form of Object.keys(SHIPPED)) {
    it(`${form}: a keystroke and a choice re-render only their control and its dependents`, async () => {
      const { context, page, errors } = await openForm(suite.browser, `${suite.url}/guard.html?form=${form}`, 1);
      try {
        const measured: string[] = [];
        const textbox = page.locator('#root form input[type=text]:not([inputmode]):visible, #root form textarea:visible').first();
        if ((await textbox.count()) > 0) {
          await textbox.click();
          await frames(page);
          const before = await renders(page);
          await page.keyboard.type('x');
          await frames(page);
          const n = (await renders(page)) - before;
          measured.push(`keystroke ${n}`);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(ceilings.shippedRendersPerInteraction);
        }
        const radio = page.locator('#root form input[type=radio]:visible').first();
        if ((await radio.count()) > 0) {
          const before = await renders(page);
          await radio.click();
          await frames(page);
          const n = (await renders(page)) - before;
          measured.push(`choice ${n}`);
          expect(n).toBeGreaterThanOrEqual(1);
          // A choice may reveal follow-up questions: those mount, and count, but the rest of the form does not render.
          expect(n).toBeLessThanOrEqual(ceilings.shippedRendersPerInteraction);
        }
        console.log(`perf-guard: ${form}: ${measured.join(', ') || 'no text or choice in the first section'}`);
        expect(measured.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
