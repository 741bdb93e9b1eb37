import type { Problem } from '../../problems/problem';
import { own, type JsonObject } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';
import { schemaNodes } from '../schema-nodes';

/** Pairs of counts where the lower may not pass the upper. */
const COUNT_PAIRS = [
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
] as const;

/** Each bound as Design's answer limits word it. */
const boundWords: Record<string, string> = {
  minimum: 'The smallest number allowed', exclusiveMinimum: 'The number answers must be above', maximum: 'the largest number allowed', exclusiveMaximum: 'the number answers must be below',
  minLength: 'The shortest answer allowed', maxLength: 'the longest answer allowed', minItems: 'The fewest choices or items allowed', maxItems: 'the most allowed',
  minProperties: 'The fewest entries allowed', maxProperties: 'the most allowed',
};

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

interface Bound {
  keyword: string;
  value: number;
  exclusive: boolean;
}

/** The tightest lower and upper bounds a node sets on a number (each of the inclusive and exclusive forms may be there). */
function numberBounds(node: JsonObject): { lower: Bound[]; upper: Bound[] } {
  const bound = (keyword: string, exclusive: boolean): Bound[] => {
    const value = num(own(node, keyword));
    return value === undefined ? [] : [{ keyword, value, exclusive }];
  };
  return { lower: [...bound('minimum', false), ...bound('exclusiveMinimum', true)], upper: [...bound('maximum', false), ...bound('exclusiveMaximum', true)] };
}

/** No number (or, for an integer question, no whole number) lies between the two bounds. */
function crossed(lower: Bound, upper: Bound, integer: boolean): boolean {
  if (integer) {
    const low = lower.exclusive ? Math.floor(lower.value) + 1 : Math.ceil(lower.value);
    const high = upper.exclusive ? Math.ceil(upper.value) - 1 : Math.floor(upper.value);
    return low > high;
  }
  return lower.exclusive || upper.exclusive ? lower.value >= upper.value : lower.value > upper.value;
}

/**
 * `"minimum": 30, "maximum": 25` (or an exclusive pair that meets, or `minLength` above `maxLength`)
 * lets no answer through: the question can never be answered. Reported at the lower bound, naming the
 * upper. (`minContains` above `maxContains` is schema-invalid's, as strict mode refuses it.)
 */
export const boundsCrossed: LintRule = {
  codes: ['bounds-crossed'],
  docs: 'A lower bound is not above its upper bound: `minimum`/`exclusiveMinimum` against `maximum`/`exclusiveMaximum` (for an integer, some whole number must fit), `minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`.',
  check({ model }) {
    const problems: Problem[] = [];
    const report = (pointer: string, lower: string, lowerValue: number, upper: string, upperValue: number) =>
      problems.push(lintProblem('bounds-crossed', `${pointer}/${lower}`, `${boundWords[lower] ?? lower} (${lowerValue}) is above ${boundWords[upper] ?? upper} (${upperValue}), so no answer can pass.`, { lower, upper, min: lowerValue, max: upperValue }));
    for (const { node, pointer } of schemaNodes(model)) {
      const { lower, upper } = numberBounds(node);
      const integer = own(node, 'type') === 'integer';
      const pair = lower.flatMap((lo) => upper.map((hi) => [lo, hi] as const)).find(([lo, hi]) => crossed(lo, hi, integer));
      if (pair) report(pointer, pair[0].keyword, pair[0].value, pair[1].keyword, pair[1].value);
      for (const [min, max] of COUNT_PAIRS) {
        const low = num(own(node, min));
        const high = num(own(node, max));
        if (low !== undefined && high !== undefined && low > high) report(pointer, min, low, max, high);
      }
    }
    return problems;
  },
};
