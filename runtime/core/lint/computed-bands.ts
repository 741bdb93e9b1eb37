import type { Problem } from '../problems/problem';
import { isObject, own } from '../model/schema-walk';
import { lintProblem } from './rule';

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * A band's thresholds as written (`bands` of `{ "op": "band" }`): codes unique and well formed,
 * each band's `min` at most its `max`, and bands in order, each starting one above where the one
 * before ends (a whole-number total: no total falls in two bands or none). Only the first may
 * leave out `min` and only the last `max` (open ends).
 */
export function bandProblems(bands: unknown, at: string): Problem[] {
  if (!Array.isArray(bands)) return [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  let previousMax: number | undefined;
  bands.forEach((band, i) => {
    if (!isObject(band)) return;
    const here = `${at}/bands/${i}`;
    const code = own(band, 'code');
    if (typeof code === 'string') {
      if (!CODE.test(code)) problems.push(lintProblem('computed-invalid', `${here}/code`, `The band code "${code}" must match ^[a-z][a-z0-9_]*$ (it is what exports write).`, { reason: 'band-code', code }));
      const first = seen.get(code);
      if (first !== undefined) problems.push(lintProblem('computed-invalid', `${here}/code`, `The band code "${code}" is used by band ${first + 1} too.`, { reason: 'band-code-duplicate', code, first }));
      else seen.set(code, i);
    }
    const min = own(band, 'min');
    const max = own(band, 'max');
    if (typeof min !== 'number' && i > 0) problems.push(lintProblem('computed-invalid', here, 'Only the first band may leave out "min".', { reason: 'band-open' }));
    if (typeof max !== 'number' && i < bands.length - 1) problems.push(lintProblem('computed-invalid', here, 'Only the last band may leave out "max".', { reason: 'band-open' }));
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push(lintProblem('computed-invalid', `${here}/max`, `The band's "max" ${max} is below its "min" ${min}.`, { reason: 'band-crossed', min, max }));
    }
    if (typeof min === 'number' && previousMax !== undefined) {
      if (min <= previousMax) problems.push(lintProblem('computed-invalid', `${here}/min`, `Band ${i + 1} starts at ${min}, within band ${i} (up to ${previousMax}): bands must be in order without overlaps.`, { reason: 'band-overlap', min, previousMax }));
      else if (min > previousMax + 1) problems.push(lintProblem('computed-invalid', `${here}/min`, `Band ${i + 1} starts at ${min}, leaving ${previousMax + 1}${min - 1 > previousMax + 1 ? `–${min - 1}` : ''} in no band.`, { reason: 'band-gap', min, previousMax }));
    }
    previousMax = typeof max === 'number' ? max : undefined;
  });
  return problems;
}
