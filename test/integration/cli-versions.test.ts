import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/node/cli.js');
const v1 = join(root, 'form-definitions/routine-enquiry/1.0.0.json');
const v2 = join(root, 'form-definitions/routine-enquiry/2.0.0.json');
const responses = join(root, 'test/fixtures/responses/routine-enquiry/1.0.0');
const shipped = existsSync(v1) && existsSync(v2) && existsSync(responses);

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 10_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  // `npm test` builds first; a lone run of this file builds when the bundle is missing or older than these commands.
  if (!existsSync(cli) || !readFileSync(cli, 'utf8').includes('assessment-studio migrate --from')) {
    spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  }
  dir = mkdtempSync(join(tmpdir(), 'cli-versions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of routine-enquiry 2.0.0 as a draft with another version number, outside form-definitions/. */
function draftAs(version: string): string {
  const d = JSON.parse(readFileSync(v2, 'utf8')) as Record<string, unknown>;
  const file = join(dir, `draft-${version}.json`);
  writeFileSync(file, JSON.stringify({ ...d, version, status: 'draft' }, null, 2));
  return file;
}

describe.skipIf(!shipped)('assessment-studio diff', () => {
  it('lists the changes of the routine enquiry refresh, most severe first, with the suggested version', () => {
    const r = run(['diff', 'form-definitions/routine-enquiry/1.0.0.json', 'form-definitions/routine-enquiry/2.0.0.json']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^routine-enquiry 1\.0\.0 → 2\.0\.0: \d+ changes \(major\)$/);
    expect(lines[1]).toMatch(/^ {2}major {2}question-added +Question '.+' \(\w+\) was added and is required/);
    expect(r.stdout).toContain('(money_controlled)');
    expect(lines.at(-1)).toBe('Suggested version: 2.0.0 (major change from 1.0.0)');
  });

  it('prints JSON for machines', () => {
    const r = run(['diff', '--format', 'json', v1, v2]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { bump: string; suggestedVersion: string; versionEnough: boolean; changes: Array<{ kind: string; code: string; severity: string }> };
    expect(report).toMatchObject({ bump: 'major', suggestedVersion: '2.0.0', versionEnough: true });
    expect(report.changes).toContainEqual(expect.objectContaining({ kind: 'question-added', code: 'isolated', severity: 'major' }));
  });

  it('says when the new file\'s version is too small, and still exits 0', () => {
    const r = run(['diff', v1, draftAs('1.1.0')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The new file says 1.1.0, which is too small: these changes need 2.0.0 or later.');
  });

  it('reports no changes between a file and itself', () => {
    const r = run(['diff', v1, v1]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('routine-enquiry 1.0.0 → 1.0.0: no changes\nSuggested version: 1.0.0 (nothing changed)\n');
  });

  it('exits 1 naming a file that cannot be read as a definition, and 2 for bad arguments', () => {
    writeFileSync(join(dir, 'broken.json'), '{ "id": ');
    const broken = run(['diff', v1, join(dir, 'broken.json')]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('broken.json:');
    expect(broken.stderr).toContain('json-syntax');
    expect(run(['diff', v1, join(dir, 'missing.json')]).status).toBe(1);
    for (const args of [['diff', v1], ['diff', '--format', 'xml', v1, v2], ['diff', '--colour', v1, v2]]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: assessment-studio diff');
    }
  });
});

describe.skipIf(!shipped)('assessment-studio lint on consecutive versions', () => {
  it('reports version-bump-too-small when routine enquiry 2.0.0 is numbered 1.1.0, and nothing once it is 2.0.0', () => {
    const folder = join(dir, 'lint/form-definitions/routine-enquiry');
    mkdirSync(folder, { recursive: true });
    const place = (source: string, version: string) => {
      const d = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
      writeFileSync(join(folder, `${version}.json`), JSON.stringify({ ...d, version, status: 'draft' }, null, 2));
    };
    place(v1, '1.0.0');
    place(v2, '1.1.0');
    const r = run(['lint', '--format', 'json'], join(dir, 'lint'));
    expect(r.status).toBe(1);
    const problems = JSON.parse(r.stdout) as Array<{ file: string; code: string; path: string; line: number }>;
    expect(problems.map((p) => [p.file, p.code, p.path])).toEqual([['form-definitions/routine-enquiry/1.1.0.json', 'version-bump-too-small', '/version']]);
    const written = readFileSync(join(folder, '1.1.0.json'), 'utf8').split('\n');
    expect(problems[0]!.line).toBe(written.findIndex((l) => l.startsWith('  "version"')) + 1);

    rmSync(join(folder, '1.1.0.json'));
    place(v2, '2.0.0');
    const clean = run(['lint'], join(dir, 'lint'));
    expect(clean.stdout).toBe('');
    expect(clean.status).toBe(0);
  });
});

describe.skipIf(!shipped)('assessment-studio migrate', () => {
  const complete = join(responses, 'valid-complete.json');

  it('writes migrated responses and their reports to stdout as JSON', () => {
    const r = run(['migrate', '--from', v1, '--to', v2, complete]);
    expect(r.status).toBe(0);
    const [result] = JSON.parse(r.stdout) as Array<{ file: string; response: { form: { version: string }; meta: { migratedFrom: { version: string } } }; report: { nowRequired: Array<{ code: string }>; notCarried: unknown[] } }>;
    expect(result!.file).toBe('test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json');
    expect(result!.response.form.version).toBe('2.0.0');
    expect(result!.response.meta.migratedFrom.version).toBe('1.0.0');
    expect(result!.report.notCarried).toEqual([]);
    expect(result!.report.nowRequired.map((n) => n.code)).toEqual(expect.arrayContaining(['money_controlled', 'isolated', 'female_worker_offered']));
    expect(r.stderr).toContain('migration-now-required');
  });

  it('refuses bare answers and any other JSON as response-not-envelope, migrating the envelopes beside them (issue 19, point 5)', () => {
    const bare = readdirSync(responses).find((f) => f.startsWith('invalid-'))!;
    const r = run(['migrate', '--from', v1, '--to', v2, join(responses, bare), join(responses, 'expected.json'), complete]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${bare.replace('.', '\\.')}: \\(whole file\\) error response-not-envelope`));
    expect(r.stderr).toMatch(/expected\.json: \(whole file\) error response-not-envelope/);
    const results = JSON.parse(r.stdout) as Array<{ file: string }>;
    expect(results.map((x) => x.file)).toEqual(['test/fixtures/responses/routine-enquiry/1.0.0/valid-complete.json']);
  });

  it('writes to --out without touching the inputs, and refuses an --out that would overwrite one', () => {
    const input = join(dir, 'in/answers.json');
    mkdirSync(join(dir, 'in'), { recursive: true });
    const text = readFileSync(complete, 'utf8');
    writeFileSync(input, text);
    const out = join(dir, 'out');
    // In the temp folder: `--out` outside the working folder would need --force.
    const r = run(['migrate', '--from', v1, '--to', v2, '--out', out, input], dir);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['answers.json', 'answers.report.json']);
    expect(JSON.parse(readFileSync(join(out, 'answers.json'), 'utf8')).form.version).toBe('2.0.0');
    expect(JSON.parse(readFileSync(join(out, 'answers.report.json'), 'utf8')).to.version).toBe('2.0.0');
    expect(r.stdout).toMatch(/answers\.json → .*answers\.json: \d+ carried, 0 not carried, \d+ now required/);

    const refused = run(['migrate', '--from', v1, '--to', v2, '--out', join(dir, 'in'), input], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('would overwrite the input');
    expect(readFileSync(input, 'utf8')).toBe(text);
  });

  it('exits 1 for an unreadable response or one made against another form, still migrating the others', () => {
    writeFileSync(join(dir, 'list.json'), '[1, 2]');
    const other = { responseId: 'x', form: { id: 'parenting-capacity', version: '1.0.0', sha256: 'a'.repeat(64) }, status: 'in-progress', startedAt: '2026-11-25T10:00:00Z', updatedAt: '2026-11-25T10:00:00Z', answers: {} };
    writeFileSync(join(dir, 'other.json'), JSON.stringify(other));
    const r = run(['migrate', '--from', v1, '--to', v2, join(dir, 'list.json'), join(dir, 'other.json'), complete, join(dir, 'nope.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('list.json: (whole file) error response-not-envelope');
    expect(r.stderr).toContain('other.json: /form error response-form-mismatch');
    expect(r.stderr).toContain('nope.json');
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(2);
  });

  it('exits 2 without --from or --to, or without a response', () => {
    for (const args of [['migrate', '--to', v2, complete], ['migrate', '--from', v1, complete], ['migrate', '--from', v1, '--to', v2], ['migrate', '--from', v1, '--to', v2, '--in', 'x', complete]]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: assessment-studio migrate');
    }
  });
});
