import type { RankedTester, TesterContext } from './testers';
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

/**
 * Our GOV.UK renderer set, picked by JSON Forms' testers and ranking (highest rank wins, the first
 * of equals). Frozen: a host extends it by passing its own list to the form (`renderers`), as
 * `<JsonForms renderers>` takes one, never by changing this one for every form on the page.
 * @public
 */
export const defaultRenderers: readonly RendererEntry[] = Object.freeze([
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
]);

/**
 * The best-ranked renderer of `renderers` for a control; a question no entry takes gets the
 * visible fallback, never silence. Not cached: a form's picker (renderers/picker.ts) caches.
 */
export function pickRenderer(uischema: UiElement, schema: JsonSchema, rootSchema: JsonSchema, renderers: readonly RendererEntry[] = defaultRenderers): RendererEntry {
  return bestRanked(renderers, fallbackControlEntry, uischema, schema, rootSchema);
}

/** JSON Forms' ranking: the highest rank above -1 wins, the first of equals; else `fallback`. */
export function bestRanked<E extends { tester: RankedTester }>(entries: readonly E[], fallback: E, uischema: UiElement, schema: JsonSchema, rootSchema: JsonSchema): E {
  const context = { rootSchema, config: {} } as unknown as TesterContext;
  let best = fallback;
  let bestRank = -1;
  for (const entry of entries) {
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
export function pickQuestionRenderer(uischema: UiElement, key: string | readonly string[], property: JsonSchema, rootSchema: JsonSchema, renderers: readonly RendererEntry[] = defaultRenderers): RendererEntry {
  const solo = soloRoot(rootSchema, key, property);
  return pickRenderer(uischema, solo, solo, renderers);
}

/**
 * A root holding only this question (and shared $defs): testers resolve scopes and run `isEmpty`
 * over the schemas they are given, which over a large root made first render quadratic. A question
 * inside an object is held at its path (`riskFollowUp` → `plan`), where its scope reaches it.
 */
export function soloRoot(root: JsonSchema, key: string | readonly string[], schema: JsonSchema | undefined): JsonSchema {
  const path = typeof key === 'string' ? [key] : key;
  let solo: JsonSchema = schema ?? {};
  for (let i = path.length - 1; i >= 0; i--) solo = { type: 'object', properties: { [path[i]!]: solo } };
  if (root.$defs) solo.$defs = root.$defs;
  if (root.definitions) solo.definitions = root.definitions;
  return solo;
}

export type { ControlProps, RendererEntry, ChoiceOption } from './types';
