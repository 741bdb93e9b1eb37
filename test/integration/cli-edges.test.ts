import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { severalRulesForm } from '../support/several-rules-form';

/**
 * Issue 16, point 5: the command line's edges, through the real executable. A file name holding a
 * newline or a bidirectional control stays on its one line of text output; `--out` that leaves
 * the working folder (by `..` or a symlink) is refused without `--force`; a command that writes says where.
 */
const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/node/cli.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

let base: string;
let work: string;
beforeAll(() => {
  // `npm test` builds first; a lone run of this file builds when the bundle is missing or older than `--force`.
  if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('is outside the working folder')) {
    spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  }
  base = mkdtempSync(join(tmpdir(), 'cli-edges-'));
  work = join(base, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'form.json'), JSON.stringify(severalRulesForm(), null, 2));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('names in text output', () => {
  it('lint: a file name with a newline or a right-to-left override stays on one line per problem', () => {
    for (const name of ['bad\nname.json', 'bad\u202ename.json']) {
      copyFileSync(join(root, 'test/fixtures/definitions/code-missing.json'), join(work, name));
      const problems = JSON.parse(run(['lint', '--format', 'json', name], work).stdout) as Array<{ file: string }>;
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.file).toBe(name); // JSON keeps the name as it is
      const text = run(['lint', name], work);
      expect(text.status).toBe(1);
      expect(lines(text.stdout)).toHaveLength(problems.length);
      for (const line of lines(text.stdout)) expect(line.startsWith(name === 'bad\nname.json' ? 'bad\\nname.json:' : 'bad\\u202ename.json:')).toBe(true);
      rmSync(join(work, name));
    }
  });

  it('validate: several problems per answer, each on one line of its file, whatever the name holds', () => {
    const name = 'answers\n2.json';
    writeFileSync(join(work, name), JSON.stringify({ reference: 'ab', substances: ['alcohol', 'alcohol', 'tea'] }));
    const json = JSON.parse(run(['validate', '--format', 'json', 'form.json', name], work).stdout) as Array<{ code: string; path: string }>;
    expect(json.map((p) => `${p.code} ${p.path}`).sort()).toEqual(['answer-items /substances', 'answer-length /reference', 'answer-option /substances/2', 'answer-pattern /reference']);
    const text = run(['validate', 'form.json', name], work);
    expect(text.status).toBe(1);
    expect(lines(text.stdout)).toHaveLength(4);
    for (const line of lines(text.stdout)) expect(line).toMatch(/^answers\\n2\.json: \/(reference|substances(\/2)?) /);
    rmSync(join(work, name));
  });

  it('an unknown command or option is quoted escaped', () => {
    const r = run(['lint', '--x\ny'], work);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--x\\ny');
  });
});

describe('--out outside the working folder', () => {
  it('export, compile and migrate refuse ../ without --force and write nothing', () => {
    for (const args of [
      ['export', '--form', 'form.json', '--format', 'codebook', '--out', '../codebook.csv'],
      ['compile', 'form.json', '--out', '../validator.mjs'],
      ['migrate', '--from', 'form.json', '--to', 'form.json', '--out', '../migrated', 'form.json'],
    ]) {
      const r = run(args, work);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--force');
    }
    expect(existsSync(join(base, 'codebook.csv')) || existsSync(join(base, 'validator.mjs')) || existsSync(join(base, 'migrated'))).toBe(false);
  });

  it('refuses a symlink inside the folder that leads out of it', () => {
    symlinkSync(base, join(work, 'link'));
    const r = run(['compile', 'form.json', '--out', 'link/validator.mjs'], work);
    expect(r.status).toBe(2);
    expect(existsSync(join(base, 'validator.mjs'))).toBe(false);
    rmSync(join(work, 'link'));
  });

  it('writes there with --force, and says where', () => {
    const exported = run(['export', '--form', 'form.json', '--format', 'codebook', '--out', '../codebook.csv', '--force'], work);
    expect(exported.status).toBe(0);
    expect(existsSync(join(base, 'codebook.csv'))).toBe(true);
    expect(exported.stderr).toContain(`wrote ${join(base, 'codebook.csv')}`);
    const compiled = run(['compile', 'form.json', '--out', '../validator.mjs', '--force'], work);
    expect(compiled.status).toBe(0);
    expect(compiled.stderr).toContain(`wrote ${join(base, 'validator.mjs')}`);
  });

  it('writes inside the folder without --force, and says where', () => {
    const r = run(['compile', 'form.json', '--out', 'out/../validator.mjs'], work);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe('wrote validator.mjs');
  });
});
