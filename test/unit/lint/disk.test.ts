import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionLocation, readPublishedRecord, readTextFile, siblingVersionFiles } from '../../../runtime/node/disk';
import { contextFor } from '../../../runtime/node/commands/lint';
import { fixtureText } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runtime/node/disk', () => {
  it('knows a file at form-definitions/<id>/<version>.json, and nothing else', () => {
    expect(definitionLocation('/x/form-definitions/routine-enquiry/2.0.0.json')).toEqual({ root: '/x/form-definitions', folderId: 'routine-enquiry', fileVersion: '2.0.0' });
    expect(definitionLocation('/x/form-definitions/2.0.0.json')).toBeUndefined();
    expect(definitionLocation('/x/forms/routine-enquiry/2.0.0.json')).toBeUndefined();
    expect(definitionLocation('/x/form-definitions/a/b/1.0.0.json')).toBeUndefined();
  });

  it('orders sibling versions by semantic version, and gives lint the previous one', async () => {
    const root = join(dir, 'versions/form-definitions');
    mkdirSync(join(root, 'lint-example'), { recursive: true });
    const base = JSON.parse(fixtureText('valid'));
    for (const version of ['1.10.0', '1.9.0', '1.10.0-rc.1', '1.2.0']) {
      writeFileSync(join(root, 'lint-example', `${version}.json`), JSON.stringify({ ...base, version }));
    }
    writeFileSync(join(root, 'lint-example', 'notes.json'), '{}');
    const siblings = await siblingVersionFiles({ root, folderId: 'lint-example', fileVersion: '1.10.0' });
    expect(siblings.map((s) => s.version)).toEqual(['1.2.0', '1.9.0', '1.10.0-rc.1', '1.10.0']);
    const context = await contextFor(join(root, 'lint-example/1.10.0.json'), new Map());
    expect(context).toMatchObject({ folderId: 'lint-example', fileVersion: '1.10.0', published: {} });
    expect(context.previous?.version).toBe('1.10.0-rc.1');
    expect((await contextFor(join(root, 'lint-example/1.2.0.json'), new Map())).previous).toBeUndefined();
  });

  it('reads a file that says it is empty but is not (as under /proc), and refuses folders', async () => {
    const proc = await readTextFile('/proc/self/status');
    expect(proc.ok && proc.value.includes('Name:')).toBe(true);
    expect((await readTextFile(dir)).problems[0]?.code).toBe('file-unreadable');
  });

  it('refuses a file over the limit from its size, before reading it', async () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, 'x'.repeat(2048));
    expect((await readTextFile(file, 1024)).problems[0]).toMatchObject({ code: 'too-large', params: { size: 2048, limit: 1024 } });
    expect((await readTextFile(file, 4096)).ok).toBe(true);
  });

  it('reads a missing published.json as nothing published, and a malformed one as a problem', async () => {
    const root = join(dir, 'record/form-definitions');
    mkdirSync(root, { recursive: true });
    expect(await readPublishedRecord(root)).toMatchObject({ ok: true, value: {} });
    writeFileSync(join(root, 'published.json'), '{"a/1.0.0": 1}');
    expect((await readPublishedRecord(root)).problems[0]?.code).toBe('published-record-invalid');
  });
});
