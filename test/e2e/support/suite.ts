import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { pgliteDataDir } from '../../support/shared-databases';

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

/**
 * `productSuite` with the response store on, in a fresh copy of the run's PGlite cluster
 * (test/support/shared-databases.ts). `beforeStart` runs on that store before the server starts
 * (sign-in is required only when accounts exist at start).
 */
export function storeSuite(beforeStart?: (env: Record<string, string>) => Promise<void>): ProductSuite {
  const env: Record<string, string> = { RESPONSES_STORE: 'on' };
  // Declared before productSuite's own: hooks run in the order they are declared.
  beforeAll(async () => {
    env.DATA_DIR = await pgliteDataDir('bare');
    await beforeStart?.(env);
  }, 240_000);
  return productSuite({ env });
}
