import type { JsonSchema, UiElement } from '../model/formModel';
import { bestRanked, defaultRenderers, pickQuestionRenderer, pickRenderer } from '../renderers/index';
import { defaultRankingKey } from '../renderers/defaultRankingKey';
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
  // With the default set, questions the testers would read alike are ranked once (defaultRankingKey.ts).
  const byKind = renderers === defaultRenderers ? new Map<string, RendererEntry>() : undefined;
  const rankQuestion = (element: UiElement, key: string | readonly string[], property: JsonSchema, root: JsonSchema): RendererEntry => {
    const kind = byKind && defaultRankingKey(element, key, property);
    if (!kind) return pickQuestionRenderer(element, key, property, root, controlSet);
    let entry = byKind!.get(kind);
    if (!entry) byKind!.set(kind, (entry = pickQuestionRenderer(element, key, property, root, controlSet)));
    return entry;
  };
  return {
    question: (element, key, property, root) => once(element, () => rankQuestion(element, key, property, root)),
    control: (element, schema, root) => once(element, () => pickRenderer(element, schema, root, controlSet)),
    layout: (element, root) => once(element, () => bestRanked(layoutSet, unknownLayoutEntry, element, root, root)),
  };
}
