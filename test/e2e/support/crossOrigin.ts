import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { serveStatic, type StaticRoot } from './static';

export interface CrossOriginSuite {
  /** A fresh temporary folder for the host's pages. */
  readonly dir: string;
  /** The host's pages, on an origin of their own (`url`). */
  readonly pages: { server: Server; url: string };
  /** The product's server, with the host's origin in EMBED_ORIGINS. */
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * A host on another origin than the product: its pages served from a temporary folder (`roots`
 * says which folders, read at each request, so they may be filled later), the product's server
 * listing that origin in EMBED_ORIGINS, and a headless Chromium; `then` runs last in the file's
 * beforeAll (building the host's pages, which may need the server's address). All of it goes after
 * the file's tests.
 */
export function crossOriginSuite(name: string, roots: (dir: string) => string | Record<string, StaticRoot>, then?: (suite: CrossOriginSuite) => Promise<void>, timeout = 120_000): CrossOriginSuite {
  const suite = {} as { -readonly [K in keyof CrossOriginSuite]: CrossOriginSuite[K] };
  beforeAll(async () => {
    suite.dir = mkdtempSync(join(tmpdir(), `${name}-`));
    suite.pages = await serveStatic(roots(suite.dir));
    suite.server = await startServer({ env: { EMBED_ORIGINS: suite.pages.url } });
    await then?.(suite);
    suite.browser = await launchBrowser();
  }, timeout);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    suite.pages?.server.close();
    if (suite.dir) rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
