import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../runtime/node/run';
import { hostileDefinitions, validDefinitionText } from '../support/hostile-definitions';

/**
 * Issue 16: commands disagreed about one file. A BOM file linted, validated and published while
 * `hash` and `export` refused it; a lone surrogate linted clean, then `hash` and `export` said
 * "internal error: Lone surrogate is not allowed" and `publish` "Could not write"; 1e400 gave
 * "internal error: Infinity is not allowed"; duplicate keys and integers beyond 2^53 passed
 * silently. Now every command reads through one loader: each refuses each file, exit 1, with
 * the same problem code, and none prints an internal error or a stack.
 *
 * Every file goes through `runCommand` (what the CLI runs) in process; the first also through
 * the built CLI in its own process, so exit codes and stderr are the real ones. (Spawning all
 * 110 took a minute of CI for nothing the in-process run misses.)
 */

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/node/cli.js');
const file = 'form-definitions/lint-example/1.0.0.json';

type Run = (args: string[], cwd: string) => Promise<{ status: number | null; output: string }>;

const inProcess: Run = async (args, cwd) => {
  let output = '';
  const status = await runCommand(args, { cwd, out: (l) => (output += l + '\n'), err: (l) => (output += l + '\n') });
  return { status, output };
};

function spawned(args: string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, timeout: 10_000 });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (status) => done({ status, output }));
  });
}

/** Every command that reads a definition, with the hostile file in the place each takes it. */
const commands: Array<[string, string[]]> = [
  ['lint', ['lint', file]],
  ['validate', ['validate', '--format', 'json', file, 'answers.json']],
  ['hash', ['hash', file]],
  ['publish', ['publish', file]],
  ['compile', ['compile', file]],
  ['export', ['export', '--form', file, '--format', 'json', 'answers.json']],
  ['export codebook', ['export', '--form', file, '--format', 'codebook']],
  ['diff (old)', ['diff', file, 'good.json']],
  ['diff (new)', ['diff', 'good.json', file]],
  ['migrate (from)', ['migrate', '--from', file, '--to', 'good.json', 'answers.json']],
  ['migrate (to)', ['migrate', '--from', 'good.json', '--to', file, 'answers.json']],
];

let dir: string;
beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` of this file builds once if the bundle is missing.
  if (!existsSync(cli)) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'issue-16-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workspace(name: string, bytes: Buffer): string {
  const cwd = join(dir, name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(join(cwd, 'form-definitions/lint-example'), { recursive: true });
  writeFileSync(join(cwd, file), bytes);
  writeFileSync(join(cwd, 'good.json'), validDefinitionText);
  writeFileSync(join(cwd, 'answers.json'), '{}\n');
  return cwd;
}

describe('issue 16: one verdict on a hostile definition from every command', () => {
  it('the harness tells a clean file apart: the valid fixture hashes and lints', async () => {
    const cwd = workspace('valid', Buffer.from(validDefinitionText));
    for (const run of [inProcess, spawned]) {
      expect((await run(['hash', file], cwd)).status).toBe(0);
      expect((await run(['lint', file], cwd)).status).toBe(0);
    }
  });

  const cases = hostileDefinitions.map((h, i) => ({ ...h, via: i === 0 ? 'the CLI process' : 'runCommand', run: i === 0 ? spawned : inProcess }));
  it.each(cases)('$name: every command refuses it as $code ($via)', async ({ name, bytes, code, run }) => {
    const cwd = workspace(name, bytes);
    const verdicts: Record<string, string> = {};
    for (const [label, args] of commands) {
      const { status, output } = await run(args, cwd);
      const refusedWithCode = status === 1 && (output.includes(` ${code} `) || output.includes(`"code":"${code}"`));
      verdicts[label] = refusedWithCode ? code : `exit ${status}: ${output.slice(0, 300)}`;
      expect(output, label).not.toMatch(/internal error|Could not write|\n\s+at \S+ \(|\n\s+at file:/i);
    }
    expect(verdicts).toEqual(Object.fromEntries(commands.map(([label]) => [label, code])));
    // Refused before anything was written: publish left the file as it was.
    expect(readFileSync(join(cwd, file)).equals(bytes)).toBe(true);
    expect(existsSync(join(cwd, 'form-definitions/published.json'))).toBe(false);
  }, 120_000);
});
