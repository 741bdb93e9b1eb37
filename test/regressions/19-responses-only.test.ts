import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../runtime/node/run';

/**
 * Issue 19, point 5, as a data analyst met it: `export` and `migrate` given a folder treated any JSON in
 * it as a response. The folder's `expected.json` became a "completed" row with timestamps made up at
 * export time, and invalid bare answers were exported as completed. Now a folder's files are taken
 * only when they are response envelopes; anything else is named with its reason and left out, and
 * no time is ever invented.
 */
const fixtures = resolve('test/fixtures/responses/routine-enquiry/1.0.0');
const v1 = resolve('form-definitions/routine-enquiry/1.0.0.json');
const v2 = resolve('form-definitions/routine-enquiry/2.0.0.json');
const dir = mkdtempSync(join(tmpdir(), 'issue-19-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCommand(args, { cwd: dir, out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

describe('issue 19: a folder of responses is read as responses only', () => {
  const folder = join(dir, 'responses');
  mkdirSync(folder);
  // The shipped folder as an analyst has it: two envelopes, the expected-problems list, bare answers.
  cpSync(fixtures, folder, { recursive: true });
  writeFileSync(join(folder, 'notes.json'), JSON.stringify({ comment: 'exported on Friday' }));
  const envelopes = ['valid-complete.json', 'valid-partial.json'];
  const others = ['expected.json', 'invalid-child-details.json', 'invalid-missing-disclosure-words.json', 'invalid-option-and-date.json', 'notes.json'];

  it('export lists every other file with its reason, leaves it out, and invents no time', async () => {
    const r = await run('export', '--form', v1, '--format', 'ndjson', folder);
    expect(r.code).toBe(1);
    for (const name of others) expect(r.err, name).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}:1:1 error response-not-envelope `));
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { responseId: string; startedAt: string; updatedAt: string; completedAt?: string });
    expect(rows.map((x) => x.responseId).sort()).toEqual(envelopes.map((n) => (JSON.parse(readFileSync(join(folder, n), 'utf8')) as { responseId: string }).responseId).sort());
    for (const row of rows) {
      const source = envelopes.map((n) => JSON.parse(readFileSync(join(folder, n), 'utf8')) as typeof row).find((e) => e.responseId === row.responseId)!;
      expect({ startedAt: row.startedAt, updatedAt: row.updatedAt, completedAt: row.completedAt }).toEqual({ startedAt: source.startedAt, updatedAt: source.updatedAt, completedAt: source.completedAt });
    }
    expect(r.err).toContain(`${others.length} of ${others.length + envelopes.length} response file(s) refused`);
  });

  it('migrate refuses the same files and migrates the envelopes', async () => {
    const files = [...envelopes, ...others].map((n) => join(folder, n));
    const r = await run('migrate', '--from', v1, '--to', v2, ...files);
    expect(r.code).toBe(1);
    for (const name of others) expect(r.err, name).toMatch(new RegExp(`${name.replace(/\./g, '\\.')}: \\(whole file\\) error response-not-envelope `));
    expect((JSON.parse(r.out) as Array<{ file: string }>).map((x) => x.file.split('/').pop())).toEqual(envelopes);
  });
});
