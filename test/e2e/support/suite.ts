import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

export interface ProductSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * The product's real server and a headless Chromium for one test file: started before its
 * tests, stopped after them. Read `suite.server` and `suite.browser` inside the tests.
 */
export function productSuite(options?: Parameters<typeof startServer>[0]): ProductSuite {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startServer(options);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
