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
  const context = { rootSchema, config: {} } as unknown as TesterContext;
  let best = fallbackControlEntry;
  let bestRank = -1;
  for (const entry of controlRenderers) {
    const rank = entry.tester(uischema as never, schema as never, context);
    if (rank > bestRank) {
      best = entry;
      bestRank = rank;
    }
  }
  cache.set(uischema, best);
  return best;
}

export type { ControlProps, RendererEntry, ChoiceOption } from './types';
