import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../runtime/core/index';
import { runCommand } from '../../runtime/node/run';
import { startServer, type RunningServer } from '../e2e/support/server';
import { validDefinitionText } from '../support/hostile-definitions';
import { seededParams } from '../support/property';

/**
 * Issue 16, point 6: one property over the loader and every command. Each generated file is the
 * valid fixture with one fault of issue 16's classes put at a generated place (a string, a key, a
 * number, an object anywhere in the definition); every command that reads a definition must refuse
 * it with the fault's code, none may print an internal error or a stack, each must answer within a
 * second, and publish must leave the file as it was; the local server's save route and the iframe
 * page's compile route (`POST /api/validators`) refuse it with the same code and save nothing.
 * Commands run in process (`runCommand`, what the CLI runs) so a hundred files take seconds; the
 * spawned CLI and every server route are driven over a fixed corpus in
 * test/regressions/16-one-verdict-*.test.ts, the browser surfaces in test/e2e/runtime-hostile-*.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const base = JSON.parse(validDefinitionText) as { [key: string]: Json };

/** Every place in the fixture, by kind: strings, numbers, and objects (where a key can go). */
const places = { string: [] as string[][], number: [] as string[][], object: [] as string[][] };
(function visit(node: Json, path: string[]): void {
  if (typeof node === 'string') places.string.push(path);
  else if (typeof node === 'number') places.number.push(path);
  else if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...path, String(i)]));
  else if (node && typeof node === 'object') {
    places.object.push(path);
    for (const [k, v] of Object.entries(node)) visit(v, [...path, k]);
  }
})(base, []);

interface Fault {
  code: string;
  bytes: Buffer;
}

const FAULT = '\u0000fault\u0000';
const NEW_KEY = '\u0000key\u0000';

/**
 * The fixture as text with `raw` (JSON text, written as it stands) in place of the value at `path`,
 * or, given `rawKey`, as a new member `rawKey: raw` of the object at `path`.
 */
function withRaw(path: string[], raw: string, rawKey?: string): string {
  const copy = structuredClone(base);
  const parent = rawKey === undefined ? path.slice(0, -1) : path;
  let node: Json = copy;
  for (const t of parent) node = (node as { [k: string]: Json })[t]!;
  (node as { [k: string]: Json })[rawKey === undefined ? path[path.length - 1]! : NEW_KEY] = FAULT;
  const text = JSON.stringify(copy, null, 2);
  return rawKey === undefined ? text.replace(JSON.stringify(FAULT), raw) : text.replace(`${JSON.stringify(NEW_KEY)}: ${JSON.stringify(FAULT)}`, `${rawKey}: ${raw}`);
}

const surrogate = fc.oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })).map((c) => `\\u${c.toString(16)}`);

const faults: fc.Arbitrary<Fault> = fc.oneof(
  // A lone surrogate inside a string value.
  fc.tuple(fc.constantFrom(...places.string), surrogate).map(([path, s]) => ({ code: 'string-lone-surrogate', bytes: Buffer.from(withRaw(path, `"a${s}b"`)) })),
  // A lone surrogate in a new key of some object.
  fc.tuple(fc.constantFrom(...places.object), surrogate).map(([path, s]) => ({ code: 'string-lone-surrogate', bytes: Buffer.from(withRaw(path, '"x"', `"k${s}"`)) })),
  // A key written twice in some object that has one.
  fc.constantFrom(...places.object.filter((p) => Object.keys(at(p)).length > 0)).map((path) => {
    const key = Object.keys(at(path))[0]!;
    return { code: 'key-duplicate', bytes: Buffer.from(withRaw(path, JSON.stringify(at(path)[key]), JSON.stringify(key))) };
  }),
  // A number no double can hold, or an integer beyond 2^53, in place of some number.
  fc.tuple(fc.constantFrom(...places.number), fc.constantFrom('1e400', '-1e999')).map(([path, raw]) => ({ code: 'number-not-finite', bytes: Buffer.from(withRaw(path, raw)) })),
  fc.tuple(fc.constantFrom(...places.number), fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 70n })).map(([path, n]) => ({ code: 'number-unsafe-integer', bytes: Buffer.from(withRaw(path, String(n))) })),
  // Encodings: a byte-order mark, UTF-16, bytes that are not UTF-8 inside some string.
  fc.constant({ code: 'encoding-bom', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validDefinitionText)]) }),
  fc.boolean().map((bom) => ({ code: 'encoding-utf16', bytes: Buffer.from((bom ? '\ufeff' : '') + validDefinitionText, 'utf16le') })),
  fc.tuple(fc.constantFrom(...places.string), fc.constantFrom([0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82])).map(([path, bad]) => {
    const [before, after] = withRaw(path, '"\u0001"').split('\u0001') as [string, string];
    return { code: 'encoding-invalid', bytes: Buffer.concat([Buffer.from(before), Buffer.from(bad), Buffer.from(after)]) };
  }),
);

function at(path: string[]): { [key: string]: Json } {
  let node: Json = base;
  for (const t of path) node = (node as { [k: string]: Json })[t]!;
  return node as { [key: string]: Json };
}

const file = 'form-definitions/lint-example/1.0.0.json';
/** Every command that reads a definition, the hostile file where each takes it (paths absolute: commands run in process). */
const commandsIn = (cwd: string): Array<[string, string[]]> => {
  const [def, good, answers] = [join(cwd, file), join(cwd, 'good.json'), join(cwd, 'answers.json')];
  return [
    ['lint', ['lint', def]],
    // validate's text is worded for hosts, without codes: its JSON form names them.
    ['validate', ['validate', '--format', 'json', def, answers]],
    ['hash', ['hash', def]],
    ['publish', ['publish', def]],
    ['compile', ['compile', def]],
    ['export', ['export', '--form', def, '--format', 'csv', answers]],
    ['export codebook', ['export', '--form', def, '--format', 'codebook']],
    ['diff', ['diff', good, def]],
    ['migrate', ['migrate', '--from', good, '--to', def, answers]],
  ];
};

let dir: string;
let n = 0;
let server: RunningServer;
let formsDir: string;

async function send(method: string, path: string, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { method, body: new Uint8Array(body), headers: { 'Content-Type': 'application/json', ...headers } });
  const text = await res.text();
  let codes: string[] = [];
  try {
    codes = ((JSON.parse(text) as { problems?: Array<{ code: string }> }).problems ?? []).map((p) => p.code);
  } catch {
    // not JSON: the status alone is the verdict
  }
  return { status: res.status, codes };
}

function workspace(bytes: Buffer): string {
  const cwd = join(dir, String(++n));
  mkdirSync(join(cwd, 'form-definitions/lint-example'), { recursive: true });
  writeFileSync(join(cwd, file), bytes);
  writeFileSync(join(cwd, 'good.json'), validDefinitionText);
  // A response envelope of the valid fixture: what export and validate take.
  const form = { id: 'lint-example', version: '1.0.0', sha256: contentHash(JSON.parse(validDefinitionText)) };
  const times = { startedAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:05:00Z', completedAt: '2026-11-25T10:05:00Z' };
  writeFileSync(join(cwd, 'answers.json'), JSON.stringify({ responseId: 'r-1', form, status: 'completed', ...times, answers: { safeToTalk: false, visitDate: '2026-11-25' } }));
  return cwd;
}

async function run(args: string[], cwd: string): Promise<{ status: number; output: string }> {
  let output = '';
  const io = { cwd, out: (l: string) => (output += l + '\n'), err: (l: string) => (output += l + '\n') };
  const status = await runCommand(args, io);
  return { status, output };
}
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'issue-16-property-'));
  formsDir = mkdtempSync(join(tmpdir(), 'issue-16-property-forms-'));
  mkdirSync(join(formsDir, 'lint-example'));
  server = await startServer({ formsDir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(formsDir, { recursive: true, force: true });
});

describe('issue 16: every command gives one verdict on generated hostile files', () => {
  it('the generator makes what it says: raw text lands where asked, and the valid fixture passes every command', async () => {
    expect(JSON.parse(withRaw(['title'], JSON.stringify(base.title)))).toEqual(base);
    expect(JSON.parse(withRaw(['source'], '7', '"added"')).source.added).toBe(7);
    expect(withRaw(['source'], '1', '"section"')).toMatch(/"section": "all",\n\s+"section": 1/);
    const cwd = workspace(Buffer.from(validDefinitionText));
    for (const [label, args] of commandsIn(cwd).filter(([l]) => l !== 'publish')) expect((await run(args, cwd)).status, label).toBe(0);
    // …and the server takes it: the same harness can tell a refusal from an acceptance.
    expect((await send('POST', '/api/validators', Buffer.from(validDefinitionText))).status).toBe(200);
  });

  it('refused by each, with the fault\'s code, within a second, nothing written, no internal error', async () => {
    await fc.assert(
      fc.asyncProperty(faults, async ({ code, bytes }) => {
        const cwd = workspace(bytes);
        for (const [label, args] of commandsIn(cwd)) {
          const started = performance.now();
          const { status, output } = await run(args, cwd);
          const took = performance.now() - started;
          expect(output, label).not.toMatch(/internal error|Could not write|\n\s+at \S+ \(|\n\s+at file:/i);
          expect({ label, status, hasCode: output.includes(` ${code} `) || output.includes(`"code":"${code}"`) }, output.slice(0, 400)).toEqual({ label, status: 1, hasCode: true });
          expect(took, `${label} took ${took.toFixed(0)} ms`).toBeLessThan(1000);
        }
        expect(readFileSync(join(cwd, file)).equals(bytes)).toBe(true);
        expect(existsSync(join(cwd, 'form-definitions/published.json'))).toBe(false);
        const saved = await send('PUT', '/api/forms/lint-example/1.0.0', bytes, { 'If-None-Match': '*' });
        const compiled = await send('POST', '/api/validators', bytes);
        expect({ saved: saved.status, savedCode: saved.codes.includes(code), compiled: compiled.status, compiledCode: compiled.codes.includes(code) }).toEqual({ saved: 422, savedCode: true, compiled: 422, compiledCode: true });
        expect(existsSync(join(formsDir, 'lint-example/1.0.0.json'))).toBe(false);
      }),
      seededParams(40),
    );
  }, 120_000);
});
