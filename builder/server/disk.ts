import { lstat, mkdir, readdir, readFile, realpath, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { isTempName, syncFolder, writeFileAtomic } from '../../runtime/node/index';

/**
 * The only module of builder/server that touches the file system (DESIGN.md: one module in
 * builder/ touches the disk). Everything else asks it, so every path is checked in one place.
 *
 * Atomic writes go through runtime/node's one writer (temp file in the same folder, fsync,
 * rename, fsync the folder), the one the command line's publish uses too: a reader (or a crash)
 * sees the old file or the new one, never a mixture.
 */

export class OutsideRootError extends Error {}

/** `target` resolved and checked to lie inside `root` (no `..`, no absolute escape). */
export function inside(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const target = resolve(base, ...parts);
  if (target !== base && !target.startsWith(base + sep)) throw new OutsideRootError(`${target} is outside ${base}`);
  return target;
}

/**
 * Symbolic links could lead a checked path out of the root: the real path of the deepest existing
 * ancestor must stay inside the real root.
 */
async function assertRealInside(root: string, target: string): Promise<void> {
  const realRoot = await realpath(root);
  let probe = target;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) throw new OutsideRootError(`${target} leads outside ${realRoot}`);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const parent = dirname(probe);
      if (parent === probe) return;
      probe = parent;
    }
  }
}

/** Reads a regular file under root; `undefined` if absent. Symlinks and folders count as absent. */
export async function readRegular(root: string, ...parts: string[]): Promise<Buffer | undefined> {
  const target = inside(root, ...parts);
  try {
    const info = await lstat(target);
    if (!info.isFile()) return undefined;
    await assertRealInside(root, target);
    return await readFile(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof OutsideRootError || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw e;
  }
}

export interface Entry {
  name: string;
  kind: 'file' | 'dir' | 'other';
}

/** Entries of a folder under root (no symlinks followed); `[]` if it does not exist. */
export async function listEntries(root: string, ...parts: string[]): Promise<Entry[]> {
  const target = inside(root, ...parts);
  try {
    const entries = await readdir(target, { withFileTypes: true });
    return entries.map((d) => ({ name: d.name, kind: d.isFile() ? 'file' : d.isDirectory() ? 'dir' : 'other' }));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}

/** Write `data` to root/parts atomically (temp file, fsync, rename, fsync folder). */
export async function writeAtomic(root: string, parts: string[], data: string | Uint8Array): Promise<void> {
  const target = inside(root, ...parts);
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  await assertRealInside(root, folder);
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) throw new OutsideRootError(`${target} is not a regular file`);
  await writeFileAtomic(target, data);
}

/** Removes a regular file under root (one unlink: atomic); false when it was not there. */
export async function removeRegular(root: string, parts: string[]): Promise<boolean> {
  const target = inside(root, ...parts);
  const info = await lstat(target).catch(() => undefined);
  if (!info) return false;
  if (!info.isFile()) throw new OutsideRootError(`${target} is not a regular file`);
  await assertRealInside(root, dirname(target));
  await unlink(target);
  await syncFolder(dirname(target));
  return true;
}

/**
 * Temporary files left by a write the process did not live to finish. Removed at start-up; only
 * names this module creates are touched, one folder level deep, never anything else.
 */
export async function removeStaleTemps(root: string): Promise<string[]> {
  const removed: string[] = [];
  const folders = ['.', ...(await listEntries(root)).filter((e) => e.kind === 'dir').map((e) => e.name)];
  for (const folder of folders) {
    for (const entry of await listEntries(root, folder)) {
      if (entry.kind === 'file' && isTempName(entry.name)) {
        await unlink(inside(root, folder, entry.name));
        removed.push(join(folder, entry.name));
      }
    }
  }
  return removed;
}


export async function ensureFolder(path: string): Promise<void> {
  await mkdir(path, { recursive: true });
}
