import type { ControlElement, CoreActions, JsonSchema, OwnPropsOfControl } from '@jsonforms/core';
import { JsonFormsContext } from '@jsonforms/react';
import { useCallback, useMemo, useRef, type ComponentType, type FocusEvent } from 'react';
import { tokensFromPointer } from '../../core/index';
import { useController } from '../hooks';
import { useReadonly } from '../readonly';
import type { ControlProps } from '../renderers/types';
import { bridgeContext, bridgeI18n, withoutRule, type BridgeSet } from './context';
import { applyUpdate, dataRoot } from './data';

/**
 * A renderer written for `@jsonforms/react` (`withJsonFormsControlProps` and the like), as one of
 * our controls. Why not `<JsonForms>`: its one context hands every change to every control; here
 * each control gets a JSON Forms context of its own, made from the answer, error and wording its
 * own subscription gives it (Element.tsx's BoundControl), so a keystroke in one control renders
 * that control and its context only. `handleChange` and every other update the renderer dispatches
 * write through the form's store (`onChange`), never around it.
 */
export function controlBridge(Renderer: ComponentType<OwnPropsOfControl>, bridge: BridgeSet, name: string): ComponentType<ControlProps> {
  function JsonFormsControl(p: ControlProps) {
    const c = useController();
    const readonly = useReadonly();
    const i18n = useMemo(() => bridgeI18n(c.options.i18n), [c]);
    const path = useMemo(() => tokensFromPointer(p.pointer), [p.pointer]);
    const key = path[path.length - 1] ?? '';
    // The root JSON Forms resolves the control in: the question alone (with the form's $defs), its
    // description our hint, required as the form says.
    const schema = useMemo(() => {
      const own = p.hint === undefined ? p.schema : { ...p.schema, description: p.hint };
      const { $defs, definitions } = c.model.questions.schema;
      return { type: 'object', properties: { [key]: own }, required: p.required ? [key] : [], $defs, definitions } as JsonSchema;
    }, [c, key, p.schema, p.hint, p.required]);
    const uischema = useMemo(() => withoutRule(p.uischema, { label: p.label }) as unknown as ControlElement, [p.uischema, p.label]);
    const latest = useRef(p);
    latest.current = p;
    const dispatch = useCallback(
      (action: CoreActions) => {
        if (action.type !== 'jsonforms/UPDATE') return;
        const result = applyUpdate(path, latest.current.value, action.path, action.updater);
        if (result.ok) latest.current.onChange(result.answer);
      },
      [path],
    );
    const context = useMemo(
      () =>
        bridgeContext(
          bridge,
          {
            data: dataRoot(path, p.value),
            schema,
            uischema,
            errors: p.error ? [{ instancePath: p.pointer, schemaPath: '', keyword: 'error', params: {}, message: p.error }] : [],
          },
          i18n,
          readonly,
          dispatch,
        ),
      [path, p.value, p.pointer, p.error, schema, uischema, i18n, readonly, dispatch],
    );
    // Leaving the whole control, not moving inside it, counts as leaving the field (GOV.UK: its
    // error shows then).
    const onBlur = (e: FocusEvent<HTMLDivElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) p.onBlur();
    };
    // The error summary's link and "Change" lead to the control's id: here, passed on to the
    // renderer's first field (a button only if it has none), whatever ids it gives its elements.
    const onFocus = (e: FocusEvent<HTMLDivElement>) => {
      const box = e.currentTarget;
      if (e.target === box) (box.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])') ?? box.querySelector<HTMLElement>('button:not([disabled])'))?.focus();
    };
    return (
      <div id={p.id} tabIndex={-1} className={p.error ? 'as-form-group as-form-group--error as-jsonforms' : 'as-form-group as-jsonforms'} onBlur={onBlur} onFocus={onFocus}>
        <JsonFormsContext.Provider value={context}>
          <Renderer
            uischema={uischema}
            schema={schema}
            path={path.slice(0, -1).join('.')}
            enabled={p.enabled}
            visible
            id={`${p.id}-control`}
            renderers={bridge.set}
            cells={bridge.cells}
          />
        </JsonFormsContext.Provider>
      </div>
    );
  }
  JsonFormsControl.displayName = `JsonForms(${name})`;
  return JsonFormsControl;
}
