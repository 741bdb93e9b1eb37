export interface StandaloneSize {
  /** The entry and the chunks it imports statically, relative to dist/lib. */
  files: string[];
  start: { raw: number; gzip: number };
  /** Chunks loaded on demand only (dynamic import), gzip -9 each. */
  lazy: Array<{ file: string; gzip: number }>;
  /** Import specifiers that are neither `./` nor `../`: a browser without a bundler cannot resolve them. */
  bareImports: string[];
}
export function standaloneSize(libDir: string): StandaloneSize | undefined;
