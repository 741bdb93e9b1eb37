/**
 * `assessment-studio/jsonforms`: renderers written for `@jsonforms/react` in an assessment form.
 * Its own entry point, so only a host that imports it loads `@jsonforms/react` (an optional peer
 * dependency); `assessment-studio` itself never does.
 *
 * ```ts
 * import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
 * import { fromJsonForms } from 'assessment-studio/jsonforms';
 * const vanilla = fromJsonForms(vanillaRenderers, { cells: vanillaCells });
 * mount(el, { definition, renderers: [...vanilla.renderers, ...defaultRenderers], layouts: vanilla.layouts });
 * ```
 */
import type { JsonFormsRendererRegistryEntry, OwnPropsOfControl, RankedTester } from '@jsonforms/core';
import type { ComponentType } from 'react';
import type { LayoutEntry } from '../layout/layouts';
import type { RendererEntry } from '../renderers/types';
import type { JsonFormsSetOptions } from './context';
import { controlBridge } from './ControlBridge';
import { layoutBridge } from './LayoutBridge';

export type { JsonFormsSetOptions } from './context';

/** A JSON Forms renderer set as the form's renderers and layouts. @public */
export interface JsonFormsEntries {
  /** For the form's `renderers`: each entry with its own tester, rendering Controls. */
  renderers: RendererEntry[];
  /** For the form's `layouts`: the same entries, rendering layouts and Labels. */
  layouts: LayoutEntry[];
}

const nameOf = (renderer: { displayName?: string; name?: string }) => renderer.displayName || renderer.name || 'renderer';

/**
 * A set of JSON Forms renderer registry entries (`vanillaRenderers`, a host's own `{ tester, renderer }`
 * list) for the form's `renderers` and `layouts` options. Each keeps its JSON Forms tester and
 * rank, so spreading them before or after `defaultRenderers` decides ties as JSON Forms would (the
 * first of equals wins); a tester decides between a Control and a layout as it always did.
 * Renderers these render inside themselves (an array's items, a cell) come from the same set.
 * @public
 */
export function fromJsonForms(set: readonly JsonFormsRendererRegistryEntry[], options: JsonFormsSetOptions = {}): JsonFormsEntries {
  const bridge = { ...options, set: [...set] };
  return {
    renderers: bridge.set.map((e) => ({ name: nameOf(e.renderer), tester: e.tester, renderer: controlBridge(e.renderer, bridge, nameOf(e.renderer)) })),
    layouts: bridge.set.map((e) => ({ name: nameOf(e.renderer), tester: e.tester, renderer: layoutBridge(e.renderer, bridge, nameOf(e.renderer)) })),
  };
}

/** One JSON Forms control renderer (`withJsonFormsControlProps(MyControl)`) and its tester, for `renderers`. @public */
export function jsonFormsRenderer(tester: RankedTester, renderer: ComponentType<OwnPropsOfControl>, options: JsonFormsSetOptions = {}): RendererEntry {
  return fromJsonForms([{ tester, renderer }], options).renderers[0]!;
}
