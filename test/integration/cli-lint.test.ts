import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../runtime/core/index';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/node/cli.js');
const fixtures = join(root, 'test/fixtures/definitions');
const fixture = (name: string) => readFileSync(join(fixtures, `${name}.json`), 'utf8');

/** Runs the compiled CLI as a user would; the timeout turns a hang into a failure, not a stuck run. */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const LINE = /^(.+):(\d+):(\d+) (error|warning|info) ([a-z-]+) (.+)$/;

let dir: string;
function place(relative: string, text: string | Buffer): string {
  const file = join(dir, relative);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  // `npm test` builds first; a lone `vitest run` of this file builds once if the bundle is missing.
  if (!existsSync(cli)) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
});

describe('assessment-studio lint', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cli-lint-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lints form-definitions/ by default and exits 0 when clean', () => {
    const cwd = join(dir, 'clean');
    mkdirSync(join(cwd, 'form-definitions/lint-example'), { recursive: true });
    writeFileSync(join(cwd, 'form-definitions/lint-example/1.0.0.json'), fixture('valid'));
    const r = run(['lint'], cwd);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/1 definition file checked/);
  });

  it('prints file:line:column severity code message and exits 1 on errors', () => {
    const file = place('broken/code-duplicate.json', fixture('code-duplicate'));
    const r = run(['lint', file, join(fixtures, 'valid.json')], dir);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const m = LINE.exec(lines[0]!);
    expect(m?.slice(1, 6)).toEqual(['broken/code-duplicate.json', '96', '9', 'error', 'code-duplicate']);
  });

  it('--format json prints one array of { file, line, column, severity, code, message, path }', () => {
    const r = run(['lint', '--format', 'json', join(fixtures, 'sensitive-ungated.json'), join(fixtures, 'ref-remote.json')], dir);
    expect(r.status).toBe(1);
    const problems = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(problems.map((p) => p.code)).toEqual(['sensitive-ungated', 'ref-remote']);
    for (const p of problems) expect(Object.keys(p).sort()).toEqual(['code', 'column', 'file', 'line', 'message', 'path', 'severity']);
    expect(problems[1]).toMatchObject({ path: '/schema/properties/visitDate/$ref', severity: 'error' });
    expect(run(['lint', '--format=json', join(fixtures, 'valid.json')], dir)).toMatchObject({ status: 0, stdout: '[]\n' });
  });

  it('checks id against the folder, version against the file name, and the published record, inside form-definitions/', () => {
    const cwd = join(dir, 'record');
    const file = join(cwd, 'form-definitions/lint-example/1.0.0.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, fixture('id-mismatch'));
    expect(JSON.parse(run(['lint', '--format', 'json'], cwd).stdout).map((p: { code: string }) => p.code)).toEqual(['id-mismatch']);

    const published = { ...JSON.parse(fixture('valid')), status: 'published' };
    writeFileSync(file, JSON.stringify(published, null, 2));
    expect(JSON.parse(run(['lint', '--format', 'json'], cwd).stdout).map((p: { code: string }) => p.code)).toEqual(['hash-unrecorded']);

    writeFileSync(join(cwd, 'form-definitions/published.json'), JSON.stringify({ 'lint-example/1.0.0': contentHash(published) }));
    expect(run(['lint'], cwd)).toMatchObject({ status: 0, stdout: '' });

    writeFileSync(file, JSON.stringify({ ...published, title: 'Edited after publishing' }, null, 2));
    const r = run(['lint'], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^form-definitions\/lint-example\/1\.0\.0\.json:1:1 error hash-mismatch /);
  });

  it('reports a malformed published.json once, naming it, and never lints it as a definition', () => {
    const cwd = join(dir, 'bad-record');
    mkdirSync(join(cwd, 'form-definitions/lint-example'), { recursive: true });
    writeFileSync(join(cwd, 'form-definitions/lint-example/1.0.0.json'), fixture('valid'));
    writeFileSync(join(cwd, 'form-definitions/published.json'), '{"lint-example": "nope"}');
    const r = run(['lint'], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^form-definitions\/published\.json:1:2 error published-record-invalid /)]);
    expect(run(['lint', 'form-definitions/published.json'], cwd).stdout).toMatch(/published-record-invalid/);
  });

  describe('hostile and broken files: one clear line naming the file, exit 1, no stack trace', () => {
    const cases: Array<[string, () => string, string]> = [
      ['a 50 MB file', () => {
        const f = place('hostile/huge.json', '');
        truncateSync(f, 50 * 1024 * 1024);
        return f;
      }, 'too-large'],
      ['100,000-deep nesting', () => place('hostile/deep.json', '['.repeat(100_000) + ']'.repeat(100_000)), 'too-deep'],
      ['deep objects inside a valid envelope', () => place('hostile/deep-schema.json', fixture('valid').replace('"type": "object",', `"type": "object", "x": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},`)), 'too-deep'],
      ['an empty file', () => place('hostile/empty.json', ''), 'file-empty'],
      ['malformed JSON', () => place('hostile/bad.json', '{"id": "x",,}'), 'json-syntax'],
      ['bytes that are not UTF-8', () => place('hostile/binary.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), 'encoding-invalid'],
      ['a file that does not exist', () => join(dir, 'hostile/missing.json'), 'file-unreadable'],
      ['a __proto__ key', () => place('hostile/proto.json', fixture('valid').replace('"type": "object",', '"type": "object", "__proto__": {"polluted": true},')), 'forbidden-key'],
      ['a top-level array', () => place('hostile/array.json', '[1, 2, 3]'), 'envelope-invalid'],
    ];
    it.each(cases)('%s', (_name, make, code) => {
      const file = make();
      const r = run(['lint', file], dir);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(LINE.exec(lines[0]!)?.[5]).toBe(code);
      expect(lines[0]).toContain(file.slice(dir.length + 1));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('answers on a file with thousands of problems in one large object, listing at most 100 of each code', () => {
    const d = JSON.parse(fixture('valid'));
    for (let i = 0; i < 4_900; i++) d.schema.properties[`p${i}`] = { type: 'string' };
    const file = place('hostile/many-problems.json', JSON.stringify(d));
    const r = run(['lint', '--format', 'json', file], dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    const problems = JSON.parse(r.stdout) as Array<{ code: string; line: number }>;
    expect(problems.filter((p) => p.code === 'code-missing')).toHaveLength(101);
    expect(problems.filter((p) => p.code === 'question-not-shown')).toHaveLength(101);
  });

  it('exits 2 with a usage line on an unknown flag or format', () => {
    for (const args of [['lint', '--fix'], ['lint', '--format', 'xml'], ['lint', '--format']]) {
      const r = run(args, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/usage: assessment-studio lint/);
      expect(r.stdout).toBe('');
    }
  });

  it('reports a missing default folder as a problem', () => {
    const cwd = join(dir, 'empty-project');
    mkdirSync(cwd, { recursive: true });
    const r = run(['lint'], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^form-definitions:1:1 error file-unreadable /);
  });
});
