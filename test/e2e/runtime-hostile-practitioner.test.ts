import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { deepSchemaText, elementsNotArray, hugeDefinition, loneSurrogateTitle } from '../fixtures/hostile/definitions';
import { expectNoAxeViolations } from './runtime-harness';
import { expectRefusal, longTasksSince, openObserved, pageNow } from './support/hostile';
import { productSuite } from './support/suite';

/**
 * Issue 16, the practitioner page: a definition that reaches it from a forms folder is checked
 * as every surface checks one. Each hostile definition is built here, in memory, and answered for
 * `/api/forms/hostile-base/1.0.0` (no file): the page shows a refusal naming the first problem,
 * with no uncaught error and no main-thread task over 200 ms.
 */
const suite = productSuite();

const cases: Array<{ name: string; body: () => string; code: string | RegExp; path?: RegExp }> = [
  // Refused from the text, before JSON.parse: the loader's bracket depth.
  { name: 'a schema nested 5,000 levels', body: () => deepSchemaText(5000), code: 'too-deep' },
  { name: 'a UI schema with elements: {}', body: () => JSON.stringify(elementsNotArray()), code: 'uischema-invalid', path: /^\/uischema/ },
  { name: 'a lone surrogate in the title', body: () => JSON.stringify(loneSurrogateTitle()), code: /^(value-unrepresentable|[a-z-]*surrogate[a-z-]*)$/ },
  { name: 'a definition of ~20 MB', body: () => JSON.stringify(hugeDefinition(20)), code: 'too-large', path: /^$/ },
];

/** Opens the form's page; `since` is when its definition was asked for (the page's own start-up is not timed). */
async function openHostile(body: string): Promise<{ page: Page; errors: string[]; since: () => number; close: () => Promise<void> }> {
  const opened = await openObserved(suite.browser, `${suite.server.url}/forms/`);
  let since = Infinity;
  await opened.page.route('**/api/forms/hostile-base/1.0.0', async (route) => {
    since = await pageNow(opened.page);
    await route.fulfill({ status: 200, contentType: 'application/json', body });
  });
  await opened.page.goto(`${suite.server.url}/forms/hostile-base/1.0.0`);
  return { ...opened, since: () => since };
}

describe('practitioner page: a hostile definition from the forms folder is refused', () => {
  for (const { name, body, code, path } of cases) {
    it(name, { timeout: 60_000 }, async () => {
      const { page, errors, since, close } = await openHostile(body());
      await expectRefusal(page, code, path);
      expect(await longTasksSince(page, since())).toEqual([]);
      if (code === 'uischema-invalid') await expectNoAxeViolations(page, 'practitioner refusal');
      await close();
      expect(errors).toEqual([]);
    });
  }
});
