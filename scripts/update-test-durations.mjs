#!/usr/bin/env node
// Writes test/support/durations.json from the output of a whole `npm test` run (a CI log, or
// `npm test 2>&1 | tee run.log`): each test file's seconds as vitest printed them. The sequencer
// (test/support/sequencer.ts) starts the longest files first; stale figures only cost time.
import { readFileSync, writeFileSync } from 'node:fs';

const log = process.argv[2];
if (!log) {
  console.error('usage: node scripts/update-test-durations.mjs <log of a whole npm test run>');
  process.exit(2);
}
const plain = readFileSync(log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const durations = {};
// "✓  processes  test/e2e/x.test.ts (12 tests) 54965ms" or "… 1.2s"; the project name is optional.
for (const m of plain.matchAll(/^\s*[✓×❯]\s+(?:\S+\s+)?(test\/\S+\.test\.tsx?) \(\d+ tests?[^)]*\) ([\d.]+)(m?s)\s*$/gm)) {
  durations[m[1]] = Math.round((m[3] === 's' ? Number(m[2]) : Number(m[2]) / 1000) * 10) / 10;
}
const files = Object.keys(durations).sort();
if (files.length < 100) {
  console.error(`only ${files.length} test files found in ${log}: is it the output of a whole run?`);
  process.exit(1);
}
writeFileSync('test/support/durations.json', JSON.stringify(Object.fromEntries(files.map((f) => [f, durations[f]])), null, 1) + '\n');
console.log(`test/support/durations.json: ${files.length} files, ${Math.round(files.reduce((s, f) => s + durations[f], 0))} s in all`);
