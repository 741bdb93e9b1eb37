import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** A folder served by its own path prefix (`/<prefix>/…`), with the host page's CSP where given. */
export interface StaticRoot {
  dir: string;
  csp?: string;
}

/**
 * Built pages over HTTP on a free port (port 0): one folder at `/`, or several, each under its
 * own first path segment. Nothing outside a folder is served; a folder's path serves its index.html.
 */
export function serveStatic(roots: string | Record<string, StaticRoot>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let root: StaticRoot | undefined;
    let rest = pathname;
    if (typeof roots === 'string') root = { dir: roots };
    else {
      const [, prefix = '', ...tail] = pathname.split('/');
      root = Object.prototype.hasOwnProperty.call(roots, prefix) ? roots[prefix] : undefined;
      rest = `/${tail.join('/')}`;
    }
    if (!root) return void res.writeHead(404).end();
    const dir = resolve(root.dir);
    let path = resolve(dir, `.${rest}`);
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    const headers: Record<string, string> = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    if (root.csp) headers['content-security-policy'] = root.csp;
    res.writeHead(200, headers).end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

export interface BuiltPagesSuite {
  /** A fresh temporary folder the pages are built into. */
  readonly dir: string;
  /** Where the served folders are: `${url}/<path>`. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Pages built for one test file, served, and a headless Chromium (as `productSuite` does for the
 * product's server): `build` fills the temporary folder and says what to serve; all of it goes after
 * the file's tests. Read the suite's fields inside the tests.
 */
export function builtPagesSuite(name: string, build: (dir: string) => Promise<string | Record<string, StaticRoot>>): BuiltPagesSuite {
  const suite = {} as { dir: string; url: string; browser: Browser };
  let server: Server | undefined;
  beforeAll(async () => {
    suite.dir = mkdtempSync(join(tmpdir(), `${name}-`));
    const served = await serveStatic(await build(suite.dir));
    server = served.server;
    suite.url = served.url;
    suite.browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await suite.browser?.close();
    server?.close();
    if (suite.dir) rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
