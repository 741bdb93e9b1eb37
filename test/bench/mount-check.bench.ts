// What a browser surface runs on a definition object before its first render (issue 15's first-render
// figure), part by part, at N questions, cold (the first call in a fresh process, as a page's is) and
// warm (median of 20). Figures only. Run: node test/bench/run-ts.mjs test/bench/mount-check.bench.ts [N]
import { workloadDefinition } from './workload';
import { checkValueSize } from '../../runtime/core/safety/size';
import { checkValueLimits, limits } from '../../runtime/core/safety/limits';
import { definitionFromValue } from '../../runtime/core/definition/from-value';
import { renderProblems } from '../../runtime/core/lint/render-rules';
import { buildFormModel } from '../../runtime/react/model/formModel';
import type { Definition } from '../../runtime/core/index';

const n = Number(process.argv[2] ?? 1000);
const fresh = () => JSON.parse(JSON.stringify(workloadDefinition(n))) as Definition;
const parts: Array<[string, (d: Definition) => unknown]> = [
  ['value size', (d) => checkValueSize(d, limits.definitionBytes)],
  ['value limits', (d) => checkValueLimits(d)],
  ['envelope', (d) => definitionFromValue(d)],
  ['render rules', (d) => renderProblems(d)],
  ['form model', (d) => buildFormModel(d)],
];
const cold: string[] = [];
for (const [name, run] of parts) {
  const d = fresh();
  const t = performance.now();
  run(d);
  cold.push(`${name} ${(performance.now() - t).toFixed(1)}`);
}
const warm: string[] = [];
for (const [name, run] of parts) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const d = fresh();
    const t = performance.now();
    run(d);
    times.push(performance.now() - t);
  }
  warm.push(`${name} ${times.sort((a, b) => a - b)[10]!.toFixed(1)}`);
}
console.log(`n=${n} before first render, ms. cold: ${cold.join(', ')}`);
console.log(`n=${n} before first render, ms. warm medians: ${warm.join(', ')}`);
