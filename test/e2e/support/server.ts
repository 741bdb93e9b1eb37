import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { contentHash } from '../../../runtime/core/index';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningServer {
  url: string;
  formsDir: string;
  process: ChildProcess;
  /** What the server has printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real product server (`dist/node/server.js`, built by `npm run build`) on a free port,
 * over a private copy of form-definitions/ so tests may write to it.
 * Contract with the server: env PORT (0 = any free port) and FORMS_DIR; it prints
 * `Assessment Studio running at http://127.0.0.1:<port>/` once listening.
 */
export async function startServer(options: { formsDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const formsDir = options.formsDir ?? copyForms();
  const child = spawn(process.execPath, [resolve('dist/node/server.js')], {
    // No response store unless a test asks for one (RESPONSES_STORE=on and its DATA_DIR or
    // DATABASE_URL): opening embedded PostgreSQL costs seconds of a shared CPU.
    env: { ...process.env, PORT: '0', FORMS_DIR: formsDir, RESPONSES_STORE: 'off', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    formsDir,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Copies made for tests, removed when the test process ends (they once piled up by the hundred in /tmp). */
const copies = new Set<string>();
let removeOnExit = false;

/** Writes `form` (published) into a copy of the forms and records its hash, as `publish` would. */
export function publishInCopy(formsDir: string, form: { id: string; version: string }): void {
  mkdirSync(join(formsDir, form.id), { recursive: true });
  writeFileSync(join(formsDir, form.id, `${form.version}.json`), JSON.stringify(form, null, 2));
  const record = JSON.parse(readFileSync(join(formsDir, 'published.json'), 'utf8')) as Record<string, string>;
  record[`${form.id}/${form.version}`] = contentHash(form);
  writeFileSync(join(formsDir, 'published.json'), JSON.stringify(record, null, 2));
}

export function copyForms(): string {
  const dir = mkdtempSync(join(tmpdir(), 'as-forms-'));
  cpSync(resolve('form-definitions'), dir, { recursive: true });
  copies.add(dir);
  if (!removeOnExit) {
    removeOnExit = true;
    process.once('exit', () => {
      for (const copy of copies) rmSync(copy, { recursive: true, force: true });
    });
  }
  return dir;
}
