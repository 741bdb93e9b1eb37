import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/node/cli.js');
const fixture = (name: string) => readFileSync(join(root, 'test/fixtures/definitions', `${name}.json`), 'utf8');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let cwd: string;
const v1 = 'form-definitions/lint-example/1.0.0.json';
const record = 'form-definitions/published.json';
const read = (relative: string) => readFileSync(join(cwd, relative), 'utf8');
const write = (relative: string, text: string) => {
  mkdirSync(join(cwd, relative, '..'), { recursive: true });
  writeFileSync(join(cwd, relative), text);
};

beforeAll(() => {
  if (!existsSync(cli)) spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
});

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'cli-publish-'));
  write(v1, fixture('valid'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('assessment-studio publish', () => {
  it('sets the status, records the hash `hash` prints, and leaves the form lint-clean', () => {
    const r = run(['publish', v1], cwd);
    expect(r.status).toBe(0);
    expect(JSON.parse(read(v1)).status).toBe('published');
    const hash = run(['hash', v1], cwd).stdout.trim();
    expect(r.stdout.trim()).toBe(`published lint-example/1.0.0 ${hash}`);
    expect(JSON.parse(read(record))).toEqual({ 'lint-example/1.0.0': hash });
    expect(run(['lint'], cwd)).toMatchObject({ status: 0, stdout: '' });
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(join(cwd, 'form-definitions')).sort()).toEqual(['lint-example', 'published.json']);
    expect(readdirSync(join(cwd, 'form-definitions/lint-example'))).toEqual(['1.0.0.json']);
  });

  it('says so when publishing again an unchanged published file', () => {
    run(['publish', v1], cwd);
    const before = read(record);
    const r = run(['publish', v1], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^already published lint-example\/1\.0\.0 [0-9a-f]{64}$/m);
    expect(read(record)).toBe(before);
  });

  it('refuses to re-publish an edited published file, changing nothing', () => {
    run(['publish', v1], cwd);
    const edited = read(v1).replace('"Lint example"', '"Lint example, edited"');
    write(v1, edited);
    const before = read(record);
    const r = run(['publish', v1], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error hash-mismatch /);
    expect(read(v1)).toBe(edited);
    expect(read(record)).toBe(before);
  });

  it('refuses a definition with lint errors, printing them, and writes nothing', () => {
    write(v1, fixture('sensitive-ungated'));
    const r = run(['publish', v1], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^form-definitions\/lint-example\/1\.0\.0\.json:\d+:\d+ error sensitive-ungated /);
    expect(r.stderr).toMatch(/not published/);
    expect(JSON.parse(read(v1)).status).toBe('draft');
    expect(existsSync(join(cwd, record))).toBe(false);
  });

  it('issue 17: options sharing a code, a blank label and a form with no questions fail lint and are not published; alike-worded options are a warning only', () => {
    const cases: Array<[string, string]> = [
      ['option-code-duplicate', '/schema/properties/contact/oneOf/2'],
      ['label-empty', '/schema/properties/visitDate/title'],
      ['form-empty', '/schema/properties'],
    ];
    for (const [code, path] of cases) {
      write(v1, fixture(code));
      const lint = run(['lint', '--format', 'json'], cwd);
      expect(lint.status, code).toBe(1);
      expect(JSON.parse(lint.stdout).map((p: { code: string; path: string; severity: string }) => [p.code, p.path, p.severity])).toEqual([[code, path, 'error']]);
      const publish = run(['publish', v1], cwd);
      expect(publish.status, code).toBe(1);
      expect(publish.stdout).toMatch(new RegExp(`^form-definitions/lint-example/1\\.0\\.0\\.json:\\d+:\\d+ error ${code} `));
      expect(JSON.parse(read(v1)).status).toBe('draft');
      expect(existsSync(join(cwd, record))).toBe(false);
    }
    write(v1, fixture('option-label-duplicate'));
    const lint = run(['lint'], cwd);
    expect(lint).toMatchObject({ status: 0, stdout: expect.stringMatching(/^form-definitions\/lint-example\/1\.0\.0\.json:\d+:\d+ warning option-label-duplicate /) });
    expect(run(['publish', v1], cwd).status).toBe(0);
  });

  it('records a second version beside the first, and completes a file that says published but was never recorded', () => {
    run(['publish', v1], cwd);
    const first = JSON.parse(read(record));
    const v2 = 'form-definitions/lint-example/1.1.0.json';
    write(v2, JSON.stringify({ ...JSON.parse(fixture('valid')), version: '1.1.0', status: 'published' }, null, 2));
    expect(run(['lint'], cwd).stdout).toMatch(/hash-unrecorded/);
    const r = run(['publish', v2], cwd);
    expect(r.status).toBe(0);
    const both = JSON.parse(read(record));
    expect(Object.keys(both)).toEqual(['lint-example/1.0.0', 'lint-example/1.1.0']);
    expect(both['lint-example/1.0.0']).toBe(first['lint-example/1.0.0']);
    expect(run(['lint'], cwd)).toMatchObject({ status: 0 });
  });

  it('refuses a file outside form-definitions/<id>/ and a retired version', () => {
    write('elsewhere/1.0.0.json', fixture('valid'));
    const outside = run(['publish', 'elsewhere/1.0.0.json'], cwd);
    expect(outside.status).toBe(1);
    expect(outside.stdout).toMatch(/^elsewhere\/1\.0\.0\.json:1:1 error publish-refused /);
    write(v1, JSON.stringify({ ...JSON.parse(fixture('valid')), status: 'retired' }));
    expect(run(['publish', v1], cwd)).toMatchObject({ status: 1, stdout: expect.stringMatching(/error publish-refused .*retired/) });
  });

  it('issue 17: refuses a draft whose change note is missing, empty or the placeholder (change-note-missing), writing nothing', () => {
    const valid = JSON.parse(fixture('valid')) as { changelog: Array<{ version: string; summary: string }> };
    const cases = [
      { name: 'placeholder', changelog: [{ ...valid.changelog[0]!, summary: 'Describe what changed and why.' }], at: /^form-definitions\/lint-example\/1\.0\.0\.json:\d+:\d+ error change-note-missing / },
      { name: 'empty', changelog: [{ ...valid.changelog[0]!, summary: '  ' }], at: /error change-note-missing / },
      { name: 'none', changelog: [], at: /error change-note-missing / },
    ];
    for (const c of cases) {
      write(v1, JSON.stringify({ ...valid, changelog: c.changelog }, null, 2));
      const r = run(['publish', v1], cwd);
      expect(r.status, c.name).toBe(1);
      expect(r.stdout, c.name).toMatch(c.at);
      expect(JSON.parse(read(v1)).status, c.name).toBe('draft');
      expect(existsSync(join(cwd, record)), c.name).toBe(false);
    }
  });

  it('refuses a missing or unreadable file with one line', () => {
    const r = run(['publish', 'form-definitions/lint-example/9.9.9.json'], cwd);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/9\.9\.9\.json:1:1 error file-unreadable /)]);
  });

  it('exits 2 with a usage line on bad arguments', () => {
    for (const args of [['publish'], ['publish', v1, v1], ['publish', '--force', v1]]) {
      const r = run(args, cwd);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/usage: assessment-studio publish/);
    }
  });
});

describe('publish from several processes at once', () => {
  it('records every hash: the lock file serialises the read-modify-write of published.json', async () => {
    const { spawn } = await import('node:child_process');
    const forms = Array.from({ length: 6 }, (_, i) => `form-definitions/concurrent-${i}/1.0.0.json`);
    forms.forEach((f, i) => {
      const definition = JSON.parse(fixture('valid')) as Record<string, unknown>;
      definition.id = `concurrent-${i}`;
      write(f, JSON.stringify(definition, null, 2));
    });
    const codes = await Promise.all(
      forms.map((f) => new Promise<number | null>((done) => spawn(process.execPath, [cli, 'publish', f], { cwd, stdio: 'ignore' }).on('exit', done))),
    );
    expect(codes).toEqual(forms.map(() => 0));
    const recorded = Object.keys(JSON.parse(read(record)) as Record<string, string>).filter((k) => k.startsWith('concurrent-'));
    expect(recorded.sort()).toEqual(forms.map((_, i) => `concurrent-${i}/1.0.0`));
    // The lock is gone once every publish has finished.
    expect(existsSync(join(cwd, 'form-definitions/.published.json.lock'))).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs, and names a live one when it gives up', async () => {
    const { withPublishLock, LOCK_FILE } = await import('../../runtime/node/publishLock');
    const { hostname } = await import('node:os');
    const dir = join(cwd, 'form-definitions');
    // pid 2^22 + 1 is above Linux's pid_max default: no such process.
    writeFileSync(join(dir, LOCK_FILE), `4194305 ${hostname()} 0 crashed`);
    await expect(withPublishLock(dir, async () => 'ran')).resolves.toBe('ran');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid} ${hostname()} 0 alive`);
    await expect(withPublishLock(dir, async () => 'ran', { timeoutMs: 200 })).rejects.toThrow(/another publish is still writing .*\.published\.json\.lock/);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(/alive$/);
  });

  it('breaking a stale lock never removes a live one that took its place (a holder judged dead may have released and exited normally)', async () => {
    const { breakStaleLock, LOCK_FILE } = await import('../../runtime/node/publishLock');
    const dir = join(cwd, 'form-definitions');
    const lock = join(dir, LOCK_FILE);
    // The breaker read "4194305 … finished" and found that process gone; by the time it acts,
    // a live publish holds the lock.
    writeFileSync(lock, 'live-holder');
    await breakStaleLock(lock, '4194305 host 0 finished');
    expect(readFileSync(lock, 'utf8')).toBe('live-holder');
    writeFileSync(lock, '4194305 host 0 finished');
    await breakStaleLock(lock, '4194305 host 0 finished');
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
  });
});
