// validateResponse on a 1000-question definition against the raw compiled AJV function it wraps, in
// the same process, on the same compiled validator: the ratio is our overhead (limits, text lengths,
// practitioners' messages, rules hiding questions, computed values). Target: at most 1.25x.
// A plain AJV (default options: native RegExp patterns, its own formats) is printed too, for reference.
// Figures only; timings are never asserted in tests.
// Run: npm run bench:validate   [-- --n 1000 --runs 200]
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { checkAnswerLengths, checkValueLimits, compileValidator, computeValues, hiddenAnswerPointers, problemsFromAjv, validateResponse } from '../../runtime/core/index';
import { workloadAnswers, workloadDefinition } from './workload';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const N = flag('n', 1000);
const RUNS = flag('runs', 200);

/**
 * Per-call times of several functions, interleaved call by call (a, b, c, a, b, c, ...) so that load
 * from other processes on a shared machine falls on each alike; median and p90 of RUNS calls each,
 * after a warm-up of RUNS/4 rounds.
 */
interface Timing {
  median: number;
  p90: number;
}

function timeAll(fns: Array<() => unknown>): Timing[] {
  for (let i = 0; i < RUNS / 4; i++) fns.forEach((fn) => fn());
  const ms: number[][] = fns.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    fns.forEach((fn, j) => {
      const t = performance.now();
      fn();
      ms[j]!.push(performance.now() - t);
    });
  }
  return ms.map((list) => {
    list.sort((a, b) => a - b);
    return { median: list[Math.floor(RUNS / 2)]!, p90: list[Math.floor(RUNS * 0.9)]! };
  });
}

const definition = workloadDefinition(N);
const t0 = performance.now();
const validator = compileValidator(definition);
const compileMs = performance.now() - t0;
// AJV as a host would set it up without our vocabulary: not strict, so it ignores the x- keywords instead of refusing them.
const plainAjv = new Ajv2020({ allErrors: true, strict: false });
addFormats(plainAjv);
const plain = plainAjv.compile(definition.schema);

const cases: Array<[string, Record<string, unknown>]> = [
  ['all answered, valid', workloadAnswers(N, 'valid')],
  ['empty (every required answer missing)', {}],
  ['half the answers wrong', workloadAnswers(N, 'invalid')],
];

console.log(`validate: ${N}-question definition, ${RUNS} runs per figure, Node ${process.version}`);
console.log(`compile (createAjv + safety check, once per definition hash): ${compileMs.toFixed(0)} ms`);
console.log('');
console.log('| answers | problems | raw AJV fn med / p90 ms | validateResponse med / p90 ms | ratio (median) | plain AJV med ms |');
console.log('|---|---|---|---|---|---|');
for (const [label, answers] of cases) {
  const problems = validateResponse(definition, answers, { validator });
  const [raw, ours, ref] = timeAll([() => validator(answers), () => validateResponse(definition, answers, { validator }), () => plain(answers)]) as [Timing, Timing, Timing];
  console.log(
    `| ${label} | ${problems.length} | ${raw.median.toFixed(3)} / ${raw.p90.toFixed(3)} | ${ours.median.toFixed(3)} / ${ours.p90.toFixed(3)} | ${(ours.median / raw.median).toFixed(2)}x | ${ref.median.toFixed(3)} |`,
  );
}

// Where validateResponse's time goes, step by step (each step timed alone on the same answers), so a
// regression or an improvement can be placed.
console.log('');
console.log('| answers | limits walk | text-length walk | rules (hidden questions) | computed values | AJV errors to problems |');
console.log('|---|---|---|---|---|---|');
for (const [label, answers] of cases) {
  validator(answers);
  const errors = validator.errors ? [...validator.errors] : [];
  const cells = timeAll([
    () => checkValueLimits(answers),
    () => checkAnswerLengths(definition, answers),
    () => hiddenAnswerPointers(definition, answers),
    () => computeValues(definition, answers),
    () => problemsFromAjv(errors, definition),
  ]).map((t) => `${t.median.toFixed(3)} ms`);
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
