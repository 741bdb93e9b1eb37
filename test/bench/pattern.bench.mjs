// The linear-time `pattern` matcher (runtime/core/validate/pattern) on 10,000-character values:
// patterns catastrophic for a backtracking engine, the worst cases the size budget allows (every
// state live at every step), and ordinary patterns against the native RegExp for reference.
// Issue 11's ceiling: a value up to 10,000 characters is checked in at most 50 ms.
// Figures only; timings are never asserted in tests.
// Run: npm run bench:patterns   [-- --runs 20]
import { loadCore } from './load-core.mjs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 20);
const N = 10_000;
const CEILING_MS = 50;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn) {
  fn(); // warm up (and fill per-set caches, as a long-lived validator would have)
  const samples = [];
  for (let r = 0; r < RUNS; r++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return { median: median(samples), max: Math.max(...samples) };
}

const a = 'a'.repeat(N);
const words = 'lorem ipsum dolor sit amet '.repeat(N / 27 + 1).slice(0, N);
const han = '漢'.repeat(N);

// [label, pattern, value, native too?]
const catastrophic = [
  ['nested plus, no match', '^(a+)+$', a + '!'],
  ['overlapping alternation', '(a|a)*b', a],
  ['alternation of lengths', '^(a|aa)*$', a + '!'],
  ['words and spaces', '^(\\w+\\s?)*$', words + '!'],
  ['many dot-stars', '(.*a){20}!', a],
];
// A counted repetition of a group is copied; these reach the 300-state budget with every copy live.
const budget = [
  ['at the budget: a class or a digit, {0,74}', '(?:[a-z]|\\d){0,74}!', a],
  ['at the budget: a property on Han text', '(?:\\p{L}|\\d){0,74}!', han],
  ['at the budget: \\b between dots', '(?:.\\b){0,99}!', 'a a '.repeat(N / 4)],
  ['at the budget: optional groups', '(?:a?){149}!', a],
];
// A counted repetition of one code point is one counter, whatever its bounds.
const counters = [
  ['counter, unanchored, thousands of entries', '[a-z]{2000,3000}!', a],
  ['counter, open-ended', 'a{5000,}!', a],
];
const ordinary = [
  ['postcode', '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$', 'SW1A 1AA'.repeat(N / 8)],
  ['no angle brackets (shipped forms)', '^[^<>]*$', words],
  ['letters only', '^\\p{L}+$', 'é'.repeat(N)],
  ['email-like', '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', 'x'.repeat(N - 12) + '@example.com'],
  ['NHS number', '^\\d{3} ?\\d{3} ?\\d{4}$', '1'.repeat(N)],
  ['word somewhere', '\\bsit\\b', words],
  ['length by pattern', '^.{0,10000}$', words],
  ['email with counted parts', '^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})+$', 'x'.repeat(64) + '@' + 'example.'.repeat(1240) + 'uk'],
];

const dir = await mkdtemp(join(tmpdir(), 'bench-pattern-'));
try {
  const { compilePattern } = await loadCore(dir);
  const row = (label, pattern, value, withNative) => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) return `| ${label} | \`${pattern}\` | refused: ${compiled.reason} | | |`;
    const ours = time(() => compiled.matcher.test(value));
    const native = withNative ? time(() => new RegExp(pattern, 'u').test(value)) : undefined;
    const flag = ours.max > CEILING_MS ? ' (over the ceiling)' : '';
    return `| ${label} | \`${pattern.replace(/\|/g, '\\|')}\` | ${ours.median.toFixed(2)} / ${ours.max.toFixed(2)} ms${flag} | ${native ? `${native.median.toFixed(3)} ms` : 'not run (backtracks)'} | ${compiled.matcher.test(value)} |`;
  };
  console.log(`Pattern tests on ${N.toLocaleString('en-GB')}-character values, ${RUNS} runs (median / max); ceiling ${CEILING_MS} ms\n`);
  console.log('| case | pattern | ours | native RegExp (median) | matches |');
  console.log('|---|---|---|---|---|');
  for (const [label, pattern, value] of catastrophic) console.log(row(label, pattern, value, false));
  for (const [label, pattern, value] of budget) console.log(row(label, pattern, value, false));
  for (const [label, pattern, value] of counters) console.log(row(label, pattern, value, false));
  for (const [label, pattern, value] of ordinary) console.log(row(label, pattern, value, true));

  const compileRuns = 200;
  const started = performance.now();
  for (let r = 0; r < compileRuns; r++) compilePattern(`^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$|${r}`);
  console.log(`\ncompilePattern (postcode pattern): ${((performance.now() - started) / compileRuns).toFixed(3)} ms each`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
