import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standaloneSize } from '../bench/guard/standalone-size.mjs';

/**
 * Issue 19, point 2: the standalone module a plain HTML page loads (`npm run build` makes it) is
 * self-contained (no bare import a browser could not resolve without a bundler or an import map)
 * and stays under its gzip ceiling (test/bench/ceilings.json, with the reason for the figure).
 */
const ceilings = JSON.parse(readFileSync(resolve('test/bench/ceilings.json'), 'utf8')) as { standaloneGzipBytes: number };

describe('dist/lib/standalone.js', () => {
  const size = standaloneSize(resolve('dist/lib'));

  it('is built, and imports nothing a browser cannot resolve on its own', () => {
    expect(size, 'dist/lib/standalone.js missing: npm run build').toBeDefined();
    expect(size!.bareImports).toEqual([]);
    expect(size!.start.gzip).toBeGreaterThan(50_000); // React and the runtime really are inside
  });

  it('stays under the recorded gzip ceiling', () => {
    console.log(`standalone: ${size!.files.join(', ')}: ${size!.start.raw} B raw, ${size!.start.gzip} B gzip -9 at start (ceiling ${ceilings.standaloneGzipBytes}); lazy ${JSON.stringify(size!.lazy)}`);
    expect(size!.start.gzip).toBeLessThanOrEqual(ceilings.standaloneGzipBytes);
  });
});
