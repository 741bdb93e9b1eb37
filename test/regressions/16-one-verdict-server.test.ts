import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../e2e/support/server';
import { hostileDefinitions } from '../support/hostile-definitions';

/**
 * Issue 16, the local server's side: a definition saved from the builder, linted as unsaved text,
 * compiled for the iframe page (`POST /api/validators`), listed, or published from disk goes
 * through the command line's loader and is refused with the same problem code (422 with
 * `problems`), never a 500 or a silent pick. The command-line side is 16-one-verdict-every-command.
 */

let server: RunningServer;
let formsDir: string;
const form = '/api/forms/lint-example/1.0.0';

async function call(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { method, ...(body ? { body: new Uint8Array(body), headers: { 'Content-Type': 'application/json', ...headers } } : {}) });
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as { problems?: Array<{ code: string; path: string }>; error?: string } };
}

beforeAll(async () => {
  formsDir = mkdtempSync(join(tmpdir(), 'issue-16-server-'));
  mkdirSync(join(formsDir, 'lint-example'));
  server = await startServer({ formsDir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(formsDir, { recursive: true, force: true });
});

describe('issue 16: the server refuses hostile definitions as the command line does', () => {
  it.each(hostileDefinitions)('$name: refused as $code by every route', async ({ bytes, code, path }) => {
    const onDisk = join(formsDir, 'lint-example', '1.0.0.json');
    rmSync(onDisk, { force: true });
    const verdict = async (reply: ReturnType<typeof call>) => {
      const r = await reply;
      const found = r.json().problems?.find((p) => p.code === code);
      return found ? `${r.status} ${code} at ${found.path}` : `${r.status} ${JSON.stringify(r.json()).slice(0, 300)}`;
    };

    expect(await verdict(call('PUT', form, bytes, { 'If-None-Match': '*' }))).toBe(`422 ${code} at ${path}`);
    expect(() => readFileSync(onDisk)).toThrow();
    expect(await verdict(call('POST', `${form}/problems`, bytes))).toBe(`200 ${code} at ${path}`);
    expect(await verdict(call('POST', '/api/validators', bytes))).toBe(`422 ${code} at ${path}`);

    // The same bytes already on disk (written by an editor): listed as invalid, linted and refused for publishing alike.
    writeFileSync(onDisk, bytes);
    const listed = (await call('GET', '/api/forms')).json() as unknown as Array<{ id: string; versions: Array<{ status: string }> }>;
    expect(listed.find((f) => f.id === 'lint-example')?.versions).toEqual([{ version: '1.0.0', status: 'invalid' }]);
    expect(await verdict(call('GET', `${form}/problems`))).toBe(`200 ${code} at ${path}`);
    expect(await verdict(call('POST', `${form}/publish`))).toBe(`422 ${code} at ${path}`);
    expect(readFileSync(onDisk).equals(bytes)).toBe(true);
  }, 30_000);
});
