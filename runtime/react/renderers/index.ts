import type { TesterContext } from './testers';
import type { JsonSchema, UiElement } from '../model/formModel';
import { checkboxesControlEntry } from './CheckboxesControl';
import { computedControlEntry } from './ComputedControl';
import { dateControlEntry } from './DateControl';
import { dateTimeControlEntry } from './DateTimeControl';
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
  dateTimeControlEntry,
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

/**
 * The renderer for the top-level question `key`, ranked with a root holding only this question
 * (and the shared $defs); the testers resolve its scope once (testers.ts keeps the last resolution).
 */
export function pickQuestionRenderer(uischema: UiElement, key: string, property: JsonSchema, rootSchema: JsonSchema): RendererEntry {
  const hit = cache.get(uischema);
  if (hit) return hit;
  const solo = soloRoot(rootSchema, key, property);
  return pickRenderer(uischema, solo, solo);
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
