import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exporters, type ResponseEnvelope } from '../../../runtime/core/index';
import { ResponseStore } from '../../../runtime/node/store/response-store';
import { sealerFor } from '../../../runtime/node/store/seal';
import { configFromEnv } from '../../../builder/server/config';
import { startStudioServer, type StudioServer } from '../../../builder/server/server';
import { copyForms } from '../../e2e/support/server';
import { seedResponses } from '../../support/seed-responses';
import { call } from './http';
import { completeResponse, openTarget, routineEnquiry, type Target } from './targets';

/**
 * Exports from the store over HTTP stream (issue 20 point 5 at size): the store is read a page at
 * a time and written as the client takes it. A client that stops reading stops the reading of
 * the store (back-pressure), so memory stays flat for any count; and the file is byte for byte
 * the one built in memory from the same responses.
 */

const COUNT = 20_000;
const { definition } = routineEnquiry();
const base = completeResponse('base');

/** The server in this process, on a PGlite folder seeded first (PGlite's folder has one user at a time). */
async function serverOn(seed: (t: Target) => Promise<void>): Promise<{ server: StudioServer; port: number }> {
  const t = await openTarget('pglite');
  await seed(t);
  await t.db.close();
  const env = { ...process.env, PORT: '0', FORMS_DIR: copyForms(), RESPONSES_STORE: 'on', ...t.env };
  const server = await startStudioServer(configFromEnv(env, process.cwd()), undefined, env);
  return { server, port: server.port };
}

const body = (format: string) => JSON.stringify({ form: 'routine-enquiry', version: '1.0.0', format, profile: 'external-agency' });

describe('an export of 20,000 stored responses over HTTP', () => {
  let server: StudioServer;
  let port: number;
  let read = 0;
  beforeAll(async () => {
    ({ server, port } = await serverOn((t) => seedResponses(t.db, sealerFor(t.key), definition, base, { count: COUNT, prefix: 'bulk-' })));
    // Counts the responses the server reads from the store, as it reads them.
    const original = ResponseStore.prototype.responses;
    vi.spyOn(ResponseStore.prototype, 'responses').mockImplementation(async function* (this: ResponseStore, ...args: Parameters<typeof original>) {
      for await (const r of original.apply(this, args)) {
        read++;
        yield r;
      }
    });
  }, 600_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
  }, 60_000);

  it('sends its first bytes before the last response is read, and stops reading while the client does not read', async () => {
    const received = await new Promise<{ firstAt: number; pausedAt: number; total: number; lines: number; status: number; leftOut: unknown }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/response-exports', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' } }, (res) => {
        let total = 0;
        let lines = 0;
        let firstAt = -1;
        let pausedAt = -1;
        res.on('data', (chunk: Buffer) => {
          total += chunk.length;
          for (const byte of chunk) if (byte === 10) lines++;
          if (firstAt >= 0) return;
          firstAt = read;
          res.pause();
          // The client reads nothing for a while: the server must stop at what the socket holds.
          const settle = async () => {
            let last = -1;
            while (last !== read) {
              last = read;
              await new Promise((r) => setTimeout(r, 1000));
            }
            pausedAt = read;
            res.resume();
          };
          settle().catch(reject);
        });
        res.on('end', () => resolve({ firstAt, pausedAt, total, lines, status: res.statusCode!, leftOut: res.headers['x-left-out'] }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body('json'));
    });
    expect(received.status).toBe(200);
    expect(received.leftOut).toBe('0');
    expect(received.firstAt).toBeLessThan(COUNT);
    // Paused, it read at most what the socket's buffers could hold: far from all 20,000 (~40 MB of JSON).
    expect(received.pausedAt).toBeLessThan(COUNT / 2);
    expect(read).toBe(COUNT);
    expect(received.total).toBeGreaterThan(COUNT * 1000);
    const exports = (await call(port, 'GET', '/api/response-exports')).json().exports as Array<{ detail: { count: number } }>;
    expect(exports.at(-1)!.detail.count).toBe(COUNT);
  }, 600_000);
});

describe('a streamed export is the file built in memory', () => {
  let server: StudioServer;
  let port: number;
  const stored: ResponseEnvelope[] = [];
  beforeAll(async () => {
    ({ server, port } = await serverOn(async (t) => {
      for (const [i, answers] of [{}, { followUpDate: '2026-12-24' }, { disclosureWords: '=cmd|, "quoted"\nline' }].entries()) {
        const r = completeResponse(`small-${i}`, answers);
        expect((await t.store.submit(r, definition, { actor: 'local' })).ok).toBe(true);
        stored.push(r);
      }
      // Made against other content of the version: left out and counted.
      const other = { ...completeResponse('small-other'), form: { ...base.form, sha256: 'f'.repeat(64) } };
      expect((await t.store.submit(other, definition, { actor: 'local' })).ok).toBe(true);
    }));
  }, 240_000);
  afterAll(() => server?.close(), 60_000);

  it.each(['json', 'ndjson', 'csv', 'csv-groups', 'fhir', 'codebook'] as const)('%s', async (format) => {
    const reply = await call(port, 'POST', '/api/response-exports', body(format));
    expect(reply.status).toBe(200);
    expect(reply.headers['x-left-out']).toBe(format === 'codebook' ? '0' : '1');
    const inMemory = [...exporters[format].chunks(definition, format === 'codebook' ? [] : stored, { profile: 'external-agency' })].join('');
    // The Bundle's timestamp is the moment it was made.
    const stamp = (text: string) => text.replace(/"timestamp":"[^"]+"/, '"timestamp":"T"');
    expect(stamp(reply.text)).toBe(stamp(inMemory));
  });
});
