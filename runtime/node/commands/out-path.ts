import { lstat, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './command';

/**
 * Where `--out` writes, as an absolute path (a trailing `/`, which asks for a folder, kept). A
 * target outside the working folder, once `..` and symlinks are resolved, is refused unless
 * `--force` is given: a mistyped `../` or a planted symlink must not send responses elsewhere.
 */
export async function outTarget(out: string, cwd: string, force: boolean): Promise<string> {
  const target = resolve(cwd, out) + (/[\\/]$/.test(out) ? sep : '');
  if (force) return target;
  const [real, root] = await Promise.all([realPathOf(resolve(cwd, out)), realpath(cwd).catch(() => resolve(cwd))]);
  if (real !== undefined && isInside(root, real)) return target;
  throw new UsageError(`--out ${out} is outside the working folder${real ? ` (it is ${real})` : ''}; give --force to write there`);
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
}

/** Symlinks followed at most this many times: a loop of links is refused, not followed for ever. */
const MAX_LINKS = 40;

/**
 * The real path of a file that may not exist yet: its nearest existing ancestor's real path with
 * the rest appended. A dangling symlink on the way is followed to where it points (writing would
 * create the file there); undefined for a loop of links.
 */
async function realPathOf(path: string): Promise<string | undefined> {
  const rest: string[] = [];
  let at = path;
  for (let links = 0; links <= MAX_LINKS; ) {
    const real = await realpath(at).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest.reverse());
    const link = await lstat(at).then((s) => s.isSymbolicLink(), () => false);
    if (link) {
      at = resolve(dirname(at), await readlink(at));
      links++;
      continue;
    }
    const parent = dirname(at);
    if (parent === at) return path;
    rest.push(basename(at));
    at = parent;
  }
  return undefined;
}
