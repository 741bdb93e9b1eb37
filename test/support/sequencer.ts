import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest test files first, from the durations a whole run printed (test/support/durations.json,
 * written by scripts/update-test-durations.mjs). On a fresh clone vitest has no timings of its own
 * and starts the largest files first, so a 150 s browser suite could start last and run alone
 * while the other worker idles. Files the table does not know (new ones) go first, as vitest's own
 * order does. Projects stay together in name order (across-processes, then in-process), so the
 * many short in-process files fill in at the end. The order is fixed: the same on every run.
 */
const durations = JSON.parse(readFileSync(resolve(import.meta.dirname, 'durations.json'), 'utf8')) as Record<string, number>;

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (f: TestSpecification) => durations[relative(root, f.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    const path = (f: TestSpecification) => relative(root, f.moduleId);
    const sorted = [...files].sort((a, b) => {
      if (a.project.name !== b.project.name) return a.project.name < b.project.name ? -1 : 1;
      const byTime = seconds(b) - seconds(a);
      if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
      return path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0;
    });
    return sorted;
  }
}
