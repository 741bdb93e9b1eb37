import type { JsonFormsRendererRegistryEntry, JsonSchema, OwnPropsOfLayout, UISchemaElement } from '@jsonforms/core';
import { JsonFormsContext } from '@jsonforms/react';
import { useMemo, type ComponentType } from 'react';
import { useController } from '../hooks';
import { Element } from '../layout/Element';
import type { LayoutProps } from '../layout/layouts';
import { childElements, type UiElement } from '../model/formModel';
import { useReadonly } from '../readonly';
import { bridgeContext, bridgeI18n, withoutRule, type BridgeSet } from './context';

const ignore = () => {};
/** Outranks anything: inside a bridged layout, every child goes back to the form. */
const BACK_TO_FORM = Number.MAX_SAFE_INTEGER;

/**
 * A layout renderer written for `@jsonforms/react` (vanilla's VerticalLayout, GroupLayout…) as one
 * of our layouts. It renders its children through `JsonFormsDispatch`, which picks from the
 * context's renderers: the only one there hands each child back to the form (Element), so every
 * question inside keeps its own subscription and renderer, whatever lays it out. The layout's own
 * context never changes while answers do, so typing never renders it.
 */
export function layoutBridge(Renderer: ComponentType<OwnPropsOfLayout>, bridge: BridgeSet, name: string): ComponentType<LayoutProps> {
  function JsonFormsLayout(p: LayoutProps) {
    const c = useController();
    const readonly = useReadonly();
    const { uischema: element, pointer, label } = p;
    const uischema = useMemo(() => withoutRule(element, element.type === 'Label' ? { text: label } : { label: label || undefined }) as unknown as UISchemaElement, [element, label]);
    const back = useMemo((): JsonFormsRendererRegistryEntry[] => {
      const pointers = new Map<unknown, string>(childElements(element).map((child, i) => [child, `${pointer}/elements/${i}`]));
      function BackToForm({ uischema: child }: { uischema: UiElement }) {
        const at = pointers.get(child);
        return at ? <Element element={child} pointer={at} /> : null;
      }
      return [{ tester: () => BACK_TO_FORM, renderer: BackToForm }];
    }, [element, pointer]);
    const context = useMemo(
      () =>
        bridgeContext(
          { ...bridge, set: back },
          { data: {}, schema: c.model.questions.schema as JsonSchema, uischema, errors: [] },
          bridgeI18n(c.options.i18n),
          readonly,
          ignore,
        ),
      [c, uischema, back, readonly],
    );
    return (
      <JsonFormsContext.Provider value={context}>
        <Renderer uischema={uischema} schema={c.model.questions.schema as JsonSchema} path="" enabled={p.enabled} visible renderers={back} cells={bridge.cells} />
      </JsonFormsContext.Provider>
    );
  }
  JsonFormsLayout.displayName = `JsonForms(${name})`;
  return JsonFormsLayout;
}
