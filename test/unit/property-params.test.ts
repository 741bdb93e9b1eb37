import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 19: every property test in `npm test` gives the same answer every run. Each `fc.assert`
 * takes its parameters from test/support/property.ts (a fixed seed, bounded runs; fresh seeds
 * under `npm run test:random`), so a new property test cannot slip in with a random seed.
 */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('property tests', () => {
  const files = testFiles('test').filter((f) => !f.endsWith('property-params.test.ts') && /from 'fast-check'/.test(readFileSync(f, 'utf8')));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('each fc.assert runs with seededParams(numRuns)', () => {
    const loose = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const asserts = text.split('fc.assert(').length - 1;
      const params = text.split('seededParams(').length - 1;
      return asserts > params || /seed:/.test(text) ? [`${f}: ${asserts} fc.assert, ${params} seededParams`] : [];
    });
    expect(loose).toEqual([]);
  });
});
