import type { TesterContext } from './testers';
import type { JsonSchema, UiElement } from '../model/formModel';
import { checkboxesControlEntry } from './CheckboxesControl';
import { computedControlEntry } from './ComputedControl';
import { dateControlEntry } from './DateControl';
import { fallbackControlEntry } from './FallbackControl';
import { groupControlEntry } from './GroupControl';
import { numberControlEntry } from './NumberControl';
import { radioControlEntry } from './RadioControl';
import { selectControlEntry } from './SelectControl';
import { textAreaControlEntry } from './TextAreaControl';
import { textControlEntry } from './TextControl';
import { timeControlEntry } from './TimeControl';
import type { RendererEntry } from './types';

/** Our GOV.UK renderer set, picked by JSON Forms' testers and ranking (highest rank wins). */
export const controlRenderers: RendererEntry[] = [
  textControlEntry,
  textAreaControlEntry,
  numberControlEntry,
  radioControlEntry,
  selectControlEntry,
  checkboxesControlEntry,
  dateControlEntry,
  timeControlEntry,
  computedControlEntry,
  groupControlEntry,
  fallbackControlEntry,
];

const cache = new WeakMap<object, RendererEntry>();

/** The best-ranked renderer for a control; cached per UI schema element (the form never changes). */
export function pickRenderer(uischema: UiElement, schema: JsonSchema, rootSchema: JsonSchema): RendererEntry {
  const hit = cache.get(uischema);
  if (hit) return hit;
  const best = rank(uischema, schema, rootSchema);
  cache.set(uischema, best);
  return best;
}

function rank(uischema: UiElement, schema: JsonSchema, rootSchema: JsonSchema): RendererEntry {
  const context = { rootSchema, config: {} } as unknown as TesterContext;
  let best = fallbackControlEntry;
  let bestRank = -1;
  for (const entry of controlRenderers) {
    const r = entry.tester(uischema as never, schema as never, context);
    if (r > bestRank) {
      best = entry;
      bestRank = r;
    }
  }
  return best;
}

const EMPTY_ROOT: JsonSchema = Object.freeze({ type: 'object', properties: {} });

/** A key whose scope `#/properties/<key>` every tester resolves to the property itself. */
const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/**
 * The renderer for the top-level question `key`, as `pickRenderer` would pick it with a root holding
 * only this question (and the shared $defs). Why: every tester of ours matches on the schema its
 * scope resolves to, and resolving `#/properties/<key>` through that root again in each of about
 * twenty predicates was a sixth of first render at 1000 questions. When resolution can only land on
 * the property itself (a plain key, no `$ref`, a declared non-empty type other than object, so the testers'
 * `hasType(schema, 'object')` is false and they take the schema as it is), the testers are given
 * the property; otherwise they resolve as before. Same answer either way
 * (test/unit/react/question-plan.test.ts checks it on every shipped control and edge cases).
 */
export function pickQuestionRenderer(uischema: UiElement, key: string, property: JsonSchema, rootSchema: JsonSchema): RendererEntry {
  const hit = cache.get(uischema);
  if (hit) return hit;
  const type = property.type;
  const direct = PLAIN_KEY.test(key) && typeof type === 'string' && type !== '' && type !== 'object' && !('$ref' in property);
  // Given the property, only the object-array tester reads the root (for `$ref`s under items).
  const solo = direct && type !== 'array' ? EMPTY_ROOT : soloRoot(rootSchema, key, property);
  const best = rank(uischema, direct ? property : solo, solo);
  cache.set(uischema, best);
  return best;
}

/**
 * A root holding only this question (and shared $defs): testers resolve scopes and run `isEmpty`
 * over the schemas they are given, which over a large root made first render quadratic.
 */
export function soloRoot(root: JsonSchema, key: string, schema: JsonSchema | undefined): JsonSchema {
  const solo: JsonSchema = { type: 'object', properties: { [key]: schema ?? {} } };
  if (root.$defs) solo.$defs = root.$defs;
  if (root.definitions) solo.definitions = root.definitions;
  return solo;
}

export type { ControlProps, RendererEntry, ChoiceOption } from './types';
