import { scopeOfKey, type Band, type ComputedSpec, type Question } from '../../../../runtime/core/index';
import { own } from './json';
import { modelOf } from './model';
import { codeFromLabel, keyFromLabel } from './names';
import { allCodes, clone, propsOf, questionSchema, sectionElements, syncPropertyOrder, type ItemRef, type RawDefinition } from './questions';

/**
 * Computed values as a policy lead makes them (issues 17.5 and 18.6): a rule picked from a list and
 * the questions ticked, never `x-computed` typed as JSON. The four rules are the shapes of
 * docs/definition-format.md "x-computed" that read top-level answers; a count or sum over a group's
 * items stays a JSON-view edit.
 */
export type ComputedRule = 'count-yes' | 'score' | 'sum' | 'band';

export const computedRuleLabels: Record<ComputedRule, string> = {
  score: 'Sum of option scores',
  'count-yes': 'Count of Yes answers',
  sum: 'Sum of numbers',
  band: 'Band from thresholds',
};

export interface ComputedChoice {
  rule: ComputedRule;
  /** The questions read: totals read several, a band reads one total. */
  of: string[];
  bands?: Band[];
}

export interface ComputedCandidate {
  key: string;
  label: string;
  /** A choice with an option that has no score yet (a score total needs every option scored). */
  unscored?: boolean;
}

const isChoice = (q: Question) => q.kind === 'single-choice' || q.kind === 'multiple-choice';
const isNumber = (q: Question) => q.jsonType === 'integer' || q.jsonType === 'number';

/** The top-level questions a rule can read (never the value itself, never another computed value but a band's total). */
export function computedCandidates(def: RawDefinition, rule: ComputedRule, except?: string): ComputedCandidate[] {
  const fits = (q: Question): boolean => {
    if (q.key === except || q.kind === 'group') return false;
    if (rule === 'band') return !!q.computed && q.computed.op !== 'band' && q.jsonType === 'integer';
    if (q.computed) return false;
    if (rule === 'count-yes') return q.kind === 'yes-no' && q.jsonType === 'boolean';
    if (rule === 'score') return isChoice(q) && q.options.length > 0;
    return isNumber(q);
  };
  return modelOf(def)
    .questions.filter(fits)
    .map((q) => ({ key: q.key, label: q.title ?? q.key, ...(rule === 'score' && q.options.some((o) => o.score === undefined) ? { unscored: true } : {}) }));
}

/** Which of the four rules a computed value follows; undefined for shapes only the JSON view edits. */
export function ruleOf(spec: ComputedSpec | undefined): ComputedRule | undefined {
  if (!spec || 'items' in spec) return undefined;
  if (spec.op === 'count') return spec.equals === true ? 'count-yes' : undefined;
  return spec.op === 'band' ? 'band' : spec.op;
}

/** Two bands split at 8, a starting point the policy lead renames and moves. */
export const defaultBands: Band[] = [
  { code: 'low', title: 'Low', min: 0, max: 7 },
  { code: 'high', title: 'High', min: 8 },
];

function specOf(choice: ComputedChoice): Record<string, unknown> {
  switch (choice.rule) {
    case 'count-yes':
      return { op: 'count', of: choice.of, equals: true };
    case 'band':
      return { op: 'band', of: choice.of[0] ?? '', bands: (choice.bands ?? defaultBands).map(bandJson) };
    default:
      return { op: choice.rule, of: choice.of };
  }
}

function bandJson(b: Band): Record<string, unknown> {
  return { code: b.code, title: b.title, ...(b.min !== undefined ? { min: b.min } : {}), ...(b.max !== undefined ? { max: b.max } : {}) };
}

/**
 * Bands from their thresholds: each band starts where it says and ends one below the next band's
 * start, the last is open. So bands edited one "from" at a time never leave a gap or overlap.
 */
export function bandsFromThresholds(rows: Array<{ code: string; title: string; min?: number }>): Band[] {
  return rows.map((r, i) => {
    const next = rows[i + 1]?.min;
    return { code: r.code, title: r.title, ...(r.min !== undefined ? { min: r.min } : {}), ...(next !== undefined ? { max: next - 1 } : {}) };
  });
}

/** One more band after the last, starting a little above it, with a code unique among the bands. */
export function withBandAdded(bands: Band[]): Band[] {
  const last = bands[bands.length - 1];
  const min = (last?.min ?? 0) + 5;
  const title = `Band ${bands.length + 1}`;
  return bandsFromThresholds([...bands, { code: codeFromLabel(title, bands.map((b) => b.code), 'band'), title, min }]);
}

/** A band is text (its code); a sum of decimals a number; every other value a whole number. */
function typeFor(def: RawDefinition, choice: ComputedChoice): string {
  if (choice.rule === 'band') return 'string';
  const model = modelOf(def);
  return choice.rule === 'sum' && choice.of.some((k) => model.byKey.get(k)?.jsonType === 'number') ? 'number' : 'integer';
}

/** The first rule that has questions to read, reading all of them (a score total, then a count of yes, then a sum). */
function firstChoice(def: RawDefinition): ComputedChoice {
  for (const rule of ['score', 'count-yes', 'sum', 'band'] as const) {
    const found = computedCandidates(def, rule);
    if (found.length) return { rule, of: rule === 'band' ? [found[0]!.key] : found.map((c) => c.key) };
  }
  throw new Error('add the questions to total first: yes/no questions, choices with scores, or numbers.');
}

/** Adds a computed value (a total of what the form already asks) at a place in a section. */
export function addComputed(input: RawDefinition, at: ItemRef, label = 'Total score'): { definition: RawDefinition; key: string } {
  const choice = firstChoice(input);
  const def = clone(input);
  const props = propsOf(def);
  const key = keyFromLabel(label, Object.keys(props));
  props[key] = { type: typeFor(input, choice), readOnly: true, title: label, 'x-code': codeFromLabel(label, allCodes(def)), 'x-computed': specOf(choice) };
  sectionElements(def, at.section).splice(at.index, 0, { type: 'Control', scope: scopeOfKey(key) });
  syncPropertyOrder(def);
  return { definition: def, key };
}

/** Sets the rule and what it reads; a band is text (its code), every other value a whole number. */
export function setComputed(input: RawDefinition, key: string, choice: ComputedChoice): RawDefinition {
  const def = clone(input);
  const schema = questionSchema(def, { key });
  const wasBand = own(own(schema, 'x-computed'), 'op') === 'band';
  const isBand = choice.rule === 'band';
  schema.type = typeFor(input, choice);
  if (isBand) for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']) delete schema[k];
  // A band keeps its bands when only its total changes.
  const bands = choice.bands ?? (wasBand && isBand ? (modelOf(input).byKey.get(key)?.computed as { bands?: Band[] } | undefined)?.bands : undefined);
  schema['x-computed'] = specOf({ ...choice, ...(bands ? { bands } : {}) });
  schema.readOnly = true;
  return def;
}
