import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { printable } from '../../core/index';
import { displayPath } from '../disk';
import type { CliIo } from './command';

export interface Sink {
  write(chunk: string): Promise<void>;
}

/**
 * Where the export goes: stdout, a file, or a folder (`--out` that is a folder or ends in `/`),
 * where files are named `<id>-<version><suffix>`. Files are written through streams with
 * back-pressure, so a large export never piles up in memory.
 */
export class Outputs {
  private streams: WriteStream[] = [];
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
    const stream = createWriteStream(path, { encoding: 'utf8' });
    this.streams.push(stream);
    this.written.push(path);
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
  private written: string[] = [];

  async close(): Promise<void> {
    if (this.pending) this.io.out(this.pending);
    this.pending = '';
    await Promise.all(this.streams.map((s) => new Promise<void>((resolve) => s.end(resolve))));
    // Say where: `--out` may name a folder, and a CSV export with groups writes a second file.
    for (const path of this.written) this.io.err(`wrote ${printable(displayPath(path, this.io.cwd))}`);
  }
}
