import { constants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import semver from 'semver';
import {
  decodeUtf8,
  fail,
  limits,
  loadDefinition,
  ok,
  parsePublishedRecord,
  PUBLISHED_FILE,
  VERSION_PATTERN,
  type LoadedDefinition,
  type Problem,
  type PublishedRecord,
  type Result,
} from '../core/index';

/**
 * The node side of reading definitions: finding them under folders, reading text safely (size
 * checked with stat before any byte is read; only regular files, so a FIFO or device cannot
 * block), and the published-hash record. Expected failures are problems, never exceptions.
 */

export const FORM_DEFINITIONS = 'form-definitions';

function fileProblem(code: 'file-unreadable' | 'too-large' | 'file-empty', message: string, params?: Record<string, unknown>): Problem {
  return { code, severity: 'error', message, path: '', source: 'load', line: 1, column: 1, ...(params ? { params } : {}) };
}

/** The bytes of a regular file of at most `maxBytes`, refusing anything else with one clear problem. */
export async function readFileBytes(path: string, maxBytes: number = limits.definitionBytes): Promise<Result<Uint8Array>> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    return fail([fileProblem('file-unreadable', `The file could not be read (${describeError(e)}).`)]);
  }
  if (!info.isFile()) return fail([fileProblem('file-unreadable', info.isDirectory() ? 'This is a folder, not a file.' : 'This is not a regular file.')]);
  if (info.size > maxBytes) {
    return fail([fileProblem('too-large', `The file is ${formatBytes(info.size)}, larger than the limit of ${formatBytes(maxBytes)}.`, { size: info.size, limit: maxBytes })]);
  }
  let bytes: Buffer;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO after the stat, opening it must not hang.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      // Sized from the stat, but grown if the file is longer than it said (files under /proc say 0).
      let buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let total = 0;
      for (;;) {
        if (total === buffer.length) {
          const larger = Buffer.alloc(Math.min(buffer.length * 2, maxBytes + 1));
          buffer.copy(larger);
          buffer = larger;
        }
        const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return fail([fileProblem('too-large', `The file is larger than the limit of ${formatBytes(maxBytes)}.`, { limit: maxBytes })]);
      }
      bytes = buffer.subarray(0, total);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return fail([fileProblem('file-unreadable', `The file could not be read (${describeError(e)}).`)]);
  }
  if (bytes.length === 0) return fail([fileProblem('file-empty', 'The file is empty.')]);
  return ok(bytes);
}

/** A UTF-8 text file (a response, the published record), decoded by core's one decoder: UTF-16 and bad bytes refused with their offset. */
export async function readTextFile(path: string, maxBytes: number = limits.definitionBytes): Promise<Result<string>> {
  const bytes = await readFileBytes(path, maxBytes);
  return bytes.ok ? decodeUtf8(bytes.value) : bytes;
}

/**
 * The one way runtime/node reads a definition: its bytes, through core's loader (bytes → UTF-8
 * text → JSON with positions → definition), so every command gives the same verdict on a file.
 * `text` is the decoded text, for callers that lint it as it stands.
 */
export async function readDefinitionFile(path: string): Promise<LoadedDefinition & { text?: string }> {
  const bytes = await readFileBytes(path);
  if (!bytes.ok) return bytes;
  const text = decodeUtf8(bytes.value);
  if (!text.ok) return text;
  return { ...loadDefinition(text.value), text: text.value };
}


export interface FoundFiles {
  /** Absolute paths of the definition files found, in a stable order. */
  files: string[];
  /** Operands that could not be read, with their problem. */
  missing: Array<{ file: string; problem: Problem }>;
}

/**
 * Definition files named by operands: a file as given, a folder searched for `*.json` (skipping
 * dot-folders, node_modules, symbolic links to folders, and `form-definitions/published.json`).
 */
export async function findDefinitionFiles(operands: string[], cwd: string): Promise<FoundFiles> {
  const found: FoundFiles = { files: [], missing: [] };
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      found.files.push(file);
    }
  };
  for (const operand of operands) {
    const path = resolve(cwd, operand);
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      found.missing.push({ file: path, problem: fileProblem('file-unreadable', `No such file or folder (${describeError(e)}).`) });
      continue;
    }
    if (info.isDirectory()) for (const file of await walkFolder(path)) add(file);
    else add(path);
  }
  return found;
}

async function walkFolder(root: string): Promise<string[]> {
  const out: string[] = [];
  const pending: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (pending.length) {
    const { dir, depth } = pending.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < 8) pending.push({ dir: full, depth: depth + 1 });
      } else if (entry.name.endsWith('.json') && !isPublishedRecordFile(full)) {
        if (entry.isFile() || (entry.isSymbolicLink() && (await stat(full).then((s) => s.isFile(), () => false)))) out.push(full);
      }
    }
  }
  return out.sort();
}

export function isPublishedRecordFile(file: string): boolean {
  return basename(file) === PUBLISHED_FILE && basename(dirname(resolve(file))) === FORM_DEFINITIONS;
}

/** Where a file sits if it is `…/form-definitions/<id>/<version>.json`. */
export interface DefinitionLocation {
  /** The `form-definitions` folder. */
  root: string;
  folderId: string;
  fileVersion: string;
}

export function definitionLocation(file: string): DefinitionLocation | undefined {
  const absolute = resolve(file);
  const folder = dirname(absolute);
  const root = dirname(folder);
  if (basename(root) !== FORM_DEFINITIONS || !absolute.endsWith('.json')) return undefined;
  return { root, folderId: basename(folder), fileVersion: basename(absolute).slice(0, -'.json'.length) };
}

export function publishedRecordPath(root: string): string {
  return join(root, PUBLISHED_FILE);
}

/** The published-hash record of a `form-definitions` folder; no file yet means nothing is published. */
export async function readPublishedRecord(root: string): Promise<Result<PublishedRecord>> {
  const path = publishedRecordPath(root);
  try {
    await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return ok(Object.create(null) as PublishedRecord);
  }
  const text = await readTextFile(path);
  if (!text.ok) return text;
  return parsePublishedRecord(text.value);
}

/** The other versions of the form in the same folder, lowest first (by semantic version precedence). */
export async function siblingVersionFiles(location: DefinitionLocation): Promise<Array<{ version: string; file: string }>> {
  const folder = join(location.root, location.folderId);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && VERSION_PATTERN.test(n.slice(0, -5)))
    .map((n) => ({ version: n.slice(0, -5), file: join(folder, n) }))
    .sort((a, b) => semver.compare(a.version, b.version));
}

export { writeFileAtomic } from './atomicWrite';

/** A path as the user would like to read it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) ? rel : file;
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (e instanceof Error ? e.message : String(e));
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}
