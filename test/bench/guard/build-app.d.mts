export interface Size {
  raw: number;
  gzip: number;
}
export interface BuiltApp {
  outDir: string;
  /** Every JS chunk, those loaded on demand included. */
  js: Size;
  /** What loads before the first render: the entry chunks and their static imports. */
  jsAtStart: Size;
  atStartFiles: string[];
  css: Size;
  jsFiles: string[];
  chunks: Array<{ fileName: string; code: string; isEntry: boolean; isDynamicEntry: boolean; modules: Record<string, { renderedLength: number; code?: string | null }> }>;
}
/** A page of this folder, or of `root` (another test's own pages). */
export function buildApp(page: 'embed-min.html' | 'guard.html', outDir: string): Promise<BuiltApp>;
export function buildApp(page: string, outDir: string, root: string): Promise<BuiltApp>;
