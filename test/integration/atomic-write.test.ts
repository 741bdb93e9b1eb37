import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeAtomic } from '../../builder/server/disk';
import { writeFileAtomic } from '../../runtime/node/disk';
import { publishFile } from '../../runtime/node/index';

/**
 * Issue 19, point 8: one atomic writer for the command line and the server: a temporary file in
 * the same folder, fsynced, renamed over the target, then the folder fsynced. Checked by watching
 * node:fs/promises (no strace): which paths were fsynced and renamed, in order. The CLI's
 * publish used to write without any fsync.
 */
const fs = vi.hoisted(() => ({ events: [] as string[], failSyncOf: undefined as RegExp | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, ...rest) => {
    const handle = await real.open(path, ...rest);
    const sync = handle.sync.bind(handle);
    handle.sync = async () => {
      if (fs.failSyncOf?.test(String(path))) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
      await sync();
      fs.events.push(`fsync ${String(path)}`);
    };
    return handle;
  };
  const rename: typeof real.rename = async (from, to) => {
    await real.rename(from, to);
    fs.events.push(`rename ${String(from)} -> ${String(to)}`);
  };
  return { ...real, default: { ...real, open, rename }, open, rename };
});

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  fs.events.length = 0;
  fs.failSyncOf = undefined;
});

/** The fsync-rename-fsync sequence for `target`, as the events show it (temp names vary). */
function expectDurableWrite(target: string) {
  const folder = join(target, '..');
  const renamed = fs.events.findIndex((e) => e.endsWith(` -> ${target}`));
  expect(renamed, `a rename onto ${target}`).toBeGreaterThan(-1);
  const temp = /^rename (.*) -> /.exec(fs.events[renamed]!)![1]!;
  expect(join(temp, '..'), 'the temporary file is in the same folder').toBe(folder);
  expect(fs.events.slice(0, renamed), 'the file is fsynced before the rename').toContain(`fsync ${temp}`);
  expect(fs.events.slice(renamed + 1), 'the folder is fsynced after it').toContain(`fsync ${folder}`);
}

describe('writeFileAtomic', () => {
  it('writes a temp file in the same folder, fsyncs it, renames it, fsyncs the folder', async () => {
    const target = join(dir, 'one/target.json');
    mkdirSync(join(dir, 'one'));
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expectDurableWrite(target);
    expect(readdirSync(join(dir, 'one'))).toEqual(['target.json']);
    await expect(writeFileAtomic(join(dir, 'no-such-folder/x.json'), 'x')).rejects.toThrow();
  });

  it('a failure before the rename leaves the old file and no temporary file', async () => {
    const target = join(dir, 'two/target.json');
    mkdirSync(join(dir, 'two'));
    writeFileSync(target, 'old');
    fs.failSyncOf = /\.tmp$/;
    await expect(writeFileAtomic(target, 'new')).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(join(dir, 'two'))).toEqual(['target.json']);
  });
});

describe('both callers use it', () => {
  it("the server's writeAtomic", async () => {
    mkdirSync(join(dir, 'server'));
    await writeAtomic(join(dir, 'server'), ['form', '1.0.0.json'], '{}');
    expectDurableWrite(join(dir, 'server/form/1.0.0.json'));
  });

  it("the command line's publish: the definition and published.json", async () => {
    const forms = join(dir, 'cli/form-definitions');
    const file = join(forms, 'lint-example/1.0.0.json');
    mkdirSync(join(forms, 'lint-example'), { recursive: true });
    writeFileSync(file, readFileSync(join(root, 'test/fixtures/definitions/valid.json')));
    expect(await publishFile(file)).toMatchObject({ kind: 'published' });
    expectDurableWrite(file);
    expectDurableWrite(join(forms, 'published.json'));
  });
});
