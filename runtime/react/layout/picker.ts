import type { JsonSchema, UiElement } from '../model/formModel';
import { bestRanked, defaultRenderers, pickQuestionRenderer, pickRenderer } from '../renderers/index';
import type { RendererEntry } from '../renderers/types';
import { defaultLayouts, unknownLayoutEntry, type LayoutEntry } from './layouts';

/**
 * One form's renderers and layouts, ranked with JSON Forms' testers, each UI element's pick kept
 * for the form's life. Per form, not per page: two forms on one page with different sets never see
 * each other's choices (a cache keyed by UI element alone gave the second form the first one's
 * renderer when both showed the same definition).
 */
export interface FormRenderers {
  question(element: UiElement, key: string | readonly string[], property: JsonSchema, rootSchema: JsonSchema): RendererEntry;
  control(element: UiElement, schema: JsonSchema, rootSchema: JsonSchema): RendererEntry;
  layout(element: UiElement, rootSchema: JsonSchema): LayoutEntry;
}

export function createFormRenderers(renderers: readonly RendererEntry[] = defaultRenderers, layouts: readonly LayoutEntry[] = defaultLayouts): FormRenderers {
  // Copies: a host changing its arrays after mounting does not change a form already shown.
  const controlSet = [...renderers];
  const layoutSet = [...layouts];
  // A Control is only ever given a renderer, any other element a layout: one map holds both.
  const picks = new WeakMap<UiElement, RendererEntry | LayoutEntry>();
  const once = <E extends RendererEntry | LayoutEntry>(element: UiElement, pick: () => E): E => {
    let hit = picks.get(element) as E | undefined;
    if (!hit) picks.set(element, (hit = pick()));
    return hit;
  };
  return {
    question: (element, key, property, root) => once(element, () => pickQuestionRenderer(element, key, property, root, controlSet)),
    control: (element, schema, root) => once(element, () => pickRenderer(element, schema, root, controlSet)),
    layout: (element, root) => once(element, () => bestRanked(layoutSet, unknownLayoutEntry, element, root, root)),
  };
}
