import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAccountStore } from '../../../runtime/node/accounts/open';
import { storeLocation } from '../../../runtime/node/store/index';
import { copyForms } from '../../e2e/support/server';
import { targetEnv } from '../store/targets';
import { call, signIn } from './http';

/** Listening beyond loopback is refused unless accounts exist (issue 20 point 4). */

interface Run {
  code: Promise<number | null>;
  output: () => string;
  port: Promise<number>;
  stop(): void;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [resolve('dist/node/server.js')], {
    env: { ...process.env, PORT: '0', FORMS_DIR: copyForms(), RESPONSES_STORE: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let found: (port: number) => void;
  const port = new Promise<number>((r) => (found = r));
  const take = (c: Buffer) => {
    out += c.toString();
    const m = /running at http:\/\/127\.0\.0\.1:(\d+)\/|listening on \S+ port (\d+)/.exec(out);
    if (m) found(Number(m[1] ?? m[2]));
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return { code: new Promise((r) => child.on('exit', r)), output: () => out, port, stop: () => child.kill('SIGTERM') };
}

const running: Run[] = [];
afterAll(() => running.forEach((r) => r.stop()));

describe('the listening address', () => {
  it('refuses HOST=0.0.0.0 with no accounts: exit 1 and a message that says how to make the administrator', async () => {
    const r = run({ HOST: '0.0.0.0' });
    expect(await r.code).toBe(1);
    expect(r.output()).toMatch(/refusing to listen on 0\.0\.0\.0/);
    expect(r.output()).toContain('npx assessment-studio users add <name> --role administrator');
  }, 60_000);

  it('refuses it with the store off too (no accounts can exist then)', async () => {
    const r = run({ HOST: '::' });
    expect(await r.code).toBe(1);
    expect(r.output()).toMatch(/refusing to listen on ::/);
  }, 60_000);

  it('listens on 0.0.0.0 once an account exists; sign-in is required and its cookies are Secure', async () => {
    const env = await targetEnv('pglite');
    const opened = await openAccountStore(storeLocation(env, process.cwd()));
    await opened.accounts.add('ada', ['administrator'], 'a long admin password');
    await opened.close();
    const r = run({ ...env, HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://studio.example' });
    running.push(r);
    const port = await Promise.race([r.port, r.code.then((c) => Promise.reject(new Error(`exited ${c}: ${r.output()}`)))]);
    // Printed after the line that gives the port, possibly in a later chunk of output.
    await expect.poll(() => r.output()).toMatch(/Sign-in required/);
    expect((await call(port, 'GET', '/api/forms')).status).toBe(401);
    const s = await signIn(port, 'ada', 'a long admin password');
    expect(s.setCookie.every((c) => /; Secure/.test(c))).toBe(true);
  }, 240_000);

  it('on loopback with no accounts, says at start the exact command that makes the administrator', async () => {
    const r = run({});
    running.push(r);
    await r.port;
    await new Promise((done) => setTimeout(done, 200));
    expect(r.output()).toContain('No accounts yet');
    expect(r.output()).toContain('npx assessment-studio users add <your-name> --role administrator');
  }, 60_000);
});
