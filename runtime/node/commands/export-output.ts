import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { printable } from '../../core/index';
import { renameIntoPlace, tempPathIn } from '../atomicWrite';
import { displayPath } from '../disk';
import type { CliIo } from './command';

export interface Sink {
  write(chunk: string): Promise<void>;
}

/**
 * Where the export goes: stdout, a file, or a folder (`--out` that is a folder or ends in `/`),
 * where files are named `<id>-<version><suffix>`. Files are written through streams with
 * back-pressure, so a large export never piles up in memory. Each goes to a temporary file beside
 * its target and takes the target's name only when the export is kept (`close(true)`): an export
 * that fails, or exports nothing because its input failed, leaves the last good export as it was
 * (it once replaced an analyst's file with headers only), and none is ever half-written.
 */
export class Outputs {
  private files: Array<{ temp: string; path: string; stream: WriteStream }> = [];
  private folder: string | undefined;
  private file: string | undefined;
  private ready: Promise<void> | undefined;

  constructor(private io: CliIo, private out: string | undefined, private stem: string) {}

  private async resolve(): Promise<void> {
    this.ready ??= (async () => {
      if (this.out === undefined) return;
      const isDir = /[\\/]$/.test(this.out) || (await stat(this.out).then((s) => s.isDirectory(), () => false));
      if (isDir) {
        await mkdir(this.out, { recursive: true });
        this.folder = this.out;
      } else this.file = this.out;
    })();
    return this.ready;
  }

  async main(suffix: string): Promise<Sink> {
    await this.resolve();
    if (this.folder !== undefined) return this.open(join(this.folder, this.stem + suffix));
    if (this.file !== undefined) return this.open(this.file);
    return this.stdout();
  }

  /** A second file: in the folder, or beside `--out <file>` (`x.csv` → `x-groups.csv`); none on stdout. */
  async sibling(suffix: string): Promise<Sink | undefined> {
    await this.resolve();
    if (this.folder !== undefined) return this.open(join(this.folder, this.stem + suffix));
    if (this.file !== undefined) return this.open(this.file.replace(/\.csv$/i, '') + suffix);
    return undefined;
  }

  private open(path: string): Sink {
    const temp = tempPathIn(dirname(path));
    const stream = createWriteStream(temp, { encoding: 'utf8', flags: 'wx' });
    this.files.push({ temp, path, stream });
    return {
      write: (chunk) =>
        new Promise<void>((resolve, reject) => {
          const onError = (e: Error) => reject(e);
          stream.once('error', onError);
          if (stream.write(chunk)) {
            stream.off('error', onError);
            resolve();
          } else
            stream.once('drain', () => {
              stream.off('error', onError);
              resolve();
            });
        }),
    };
  }

  /** `io.out` writes whole lines; chunks here always end a line, except JSON which gets its newline from it. */
  private stdout(): Sink {
    return {
      write: async (chunk) => {
        this.pending += chunk;
        if (this.pending.endsWith('\n')) {
          this.io.out(this.pending.slice(0, -1));
          this.pending = '';
        }
      },
    };
  }

  private pending = '';

  /**
   * Ends the export: `keep` puts each file in its place (synced, then renamed over any file of that
   * name), otherwise the temporary files go and what was there stays. Returns how many files were
   * left unwritten.
   */
  async close(keep: boolean): Promise<number> {
    if (this.pending) this.io.out(this.pending);
    this.pending = '';
    const files = this.files;
    this.files = [];
    await Promise.all(files.map(({ stream }) => new Promise<void>((resolve) => (stream.closed || stream.destroyed ? resolve() : stream.end(resolve)))));
    if (!keep) {
      await Promise.all(files.map(({ temp }) => unlink(temp).catch(() => undefined)));
      return files.length;
    }
    await renameIntoPlace(files);
    // Say where: `--out` may name a folder, and a CSV export with groups writes a second file.
    for (const { path } of files) this.io.err(`wrote ${printable(displayPath(path, this.io.cwd))}`);
    return 0;
  }
}
