import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../bench/guard/build-app.mjs';
import type { HostileKind } from './door/hostile';
import { expectNoAxeViolations } from './runtime-harness';
import { expectRefusal, longTasksSince, openObserved, pageNow } from './support/hostile';
import { builtPagesSuite } from './support/static';

/**
 * Issue 16, the browser surfaces: mount(), <assessment-form> and the React component each given a
 * hostile definition built in the page (test/e2e/door/hostile.tsx) show a refusal naming the first problem,
 * with no uncaught error, no main-thread task over 200 ms, and the host told (`definition-refused`).
 */
const suite = builtPagesSuite('hostile-definitions', async (dir) => {
  await buildApp('door.html', join(dir, 'door'), resolve('test/e2e/door'));
  return { door: { dir: join(dir, 'door') } };
});

type Surface = 'mount' | 'element' | 'react';
const heard = (page: Page) => page.evaluate(() => window.__hostile.heard);

/** Builds `kind` in the page, then (timed from there) hands it to `surface`. */
async function showHostile(surface: Surface, kind: string, manyItems = false) {
  const opened = await openObserved(suite.browser, `${suite.url}/door/door.html`);
  const { page } = opened;
  await page.evaluate(({ kind, manyItems }) => window.__hostile.build(kind as HostileKind, manyItems), { kind, manyItems });
  const since = await pageNow(page);
  await page.evaluate((s) => window.__hostile.show(s), surface);
  return { ...opened, since };
}

const cases: Array<{ kind: string; code: string | RegExp; path?: RegExp }> = [
  { kind: 'deep', code: 'too-deep', path: /^\/schema\/properties\/name\/allOf\/0(\/not)+$/ },
  { kind: 'elements', code: 'uischema-invalid', path: /^\/uischema/ },
  // The value limits name it at /title once they check strings; until then the hash net does.
  { kind: 'surrogate', code: /^(value-unrepresentable|[a-z-]*surrogate[a-z-]*)$/ },
  { kind: 'huge', code: 'too-large', path: /^$/ },
  // Renders, then the rest of lint (after the first paint) refuses it before anything can be sent.
  { kind: 'lintOnly', code: 'option-code-duplicate', path: /^\/schema\/properties\/substance\// },
];

for (const surface of ['mount', 'element', 'react'] as const) {
  describe(`${surface}: a hostile definition is refused, visibly, at once`, () => {
    for (const { kind, code, path } of cases) {
      it(kind, { timeout: 60_000 }, async () => {
        const { page, errors, since, close } = await showHostile(surface, kind);
        await expectRefusal(page, code, path);
        expect(await longTasksSince(page, since)).toEqual([]);
        await expect.poll(() => heard(page)).toEqual([expect.objectContaining({ code: 'definition-refused' })]);
        if (kind === 'elements') await expectNoAxeViolations(page, `${surface} refusal`);
        await close();
        expect(errors).toEqual([]);
      });
    }
  });
}

describe('a definition that passes every check stays shown', () => {
  for (const surface of ['mount', 'element', 'react'] as const) {
    it(`${surface}: the check after the first paint leaves a clean form alone`, { timeout: 60_000 }, async () => {
      const { page, errors, since, close } = await showHostile(surface, 'small');
      await page.getByLabel('Name').waitFor();
      // Long enough for the chunk and every rule a task at a time; then nothing was refused.
      await page.waitForTimeout(1500);
      expect(await page.getByText('This form cannot be shown').count()).toBe(0);
      expect(await heard(page)).toEqual([]);
      expect(await longTasksSince(page, since)).toEqual([]);
      await close();
      expect(errors).toEqual([]);
    });
  }
});

describe('answers over the limits', () => {
  for (const surface of ['mount', 'element', 'react'] as const) {
    it(`${surface}: a hundred thousand group items are refused with a notice, the form shown empty`, { timeout: 60_000 }, async () => {
      const { page, errors, since, close } = await showHostile(surface, 'small', true);
      await page.getByRole('alert').filter({ hasText: 'could not be used' }).waitFor();
      await page.getByLabel('Name').waitFor();
      expect(await page.getByLabel('Name').inputValue()).toBe('');
      expect(await longTasksSince(page, since)).toEqual([]);
      await expect.poll(() => heard(page)).toContainEqual({ code: 'answers-refused', problems: ['too-many-items /children'] });
      await close();
      expect(errors).toEqual([]);
    });
  }
});
