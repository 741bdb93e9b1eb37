import { memo, useCallback, useMemo } from 'react';
import { countRender, useAnswer, useController, useDerived, useRule, useShownError } from '../hooks';
import { fieldId, keyOfScope, type JsonSchema, type UiElement } from '../model/formModel';
import { computeValue, computedDependencies } from '../model/validation';
import { pickRenderer } from '../renderers/index';
import { choiceOptions, propertyPointer } from '../renderers/options';

/**
 * Walks the UI schema. Why not `<JsonForms>`: its one context hands every dispatch to every
 * control (about 130 ms of script per keystroke at 1000 questions); here the walk happens once,
 * controls are memoised, and each control subscribes to its own answer. The model is still JSON
 * Forms' own: UI schema, its testers and ranking (renderers/index.ts), and its rules.
 */
export const Element = memo(function Element({ element, pointer }: { element: UiElement; pointer: string }) {
  const rule = useRule(element.rule);
  if (!rule.visible) return null;
  switch (element.type) {
    case 'Control':
      return <BoundControl element={element} pointer={pointer} enabled={rule.enabled} />;
    case 'Label':
      return <GuidanceLabel element={element} pointer={pointer} />;
    case 'Group':
      return <GroupLayout element={element} pointer={pointer} />;
    case 'HorizontalLayout':
    case 'VerticalLayout':
    case 'Category':
      return (
        <div className={element.type === 'HorizontalLayout' ? 'as-layout as-layout--row' : 'as-layout'}>
          <Children element={element} pointer={pointer} />
        </div>
      );
    default:
      return (
        <p className="as-fallback">
          This part of the form ({String(element.type)}) cannot be shown here.
        </p>
      );
  }
});

export function Children({ element, pointer }: { element: UiElement; pointer: string }) {
  return (
    <>
      {(element.elements ?? []).map((child, i) => (
        <Element key={i} element={child} pointer={`${pointer}/elements/${i}`} />
      ))}
    </>
  );
}

function GuidanceLabel({ element, pointer }: { element: UiElement; pointer: string }) {
  const { model } = useController();
  const text = model.t(`${pointer}/text`, typeof element.text === 'string' ? element.text : '');
  return <p className="as-body as-guidance">{text}</p>;
}

function GroupLayout({ element, pointer }: { element: UiElement; pointer: string }) {
  const { model } = useController();
  const label = typeof element.label === 'string' ? model.t(`${pointer}/label`, element.label) : '';
  return (
    <section className={element.rule ? 'as-group-layout as-reveal' : 'as-group-layout'} aria-label={label || undefined}>
      {label ? <h2 className="as-heading-m">{label}</h2> : null}
      <Children element={element} pointer={pointer} />
    </section>
  );
}

/** A top-level question bound to its own answer. */
function BoundControl({ element, pointer, enabled }: { element: UiElement; pointer: string; enabled: boolean }) {
  const c = useController();
  countRender(c.debug);
  const { model } = c;
  const key = keyOfScope(element.scope) ?? '';
  const schema = model.properties[key];
  const answerPointer = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const value = useAnswer(key);
  const error = useShownError(answerPointer);
  const computedKeys = useMemo(() => (schema?.['x-computed'] ? computedDependencies(schema) : []), [schema]);
  const computed = useDerived(computedKeys.length ? computedKeys : [], () =>
    computedKeys.length && schema ? computeValue(schema, c.store.snapshot()) : undefined,
  );
  const onChange = useCallback((v: unknown) => c.store.set(key, v), [c, key]);
  const onBlur = useCallback(() => c.blur(answerPointer), [c, answerPointer]);
  const options = useMemo(() => (schema ? choiceOptions(schema, model.t, propertyPointer(key)) : []), [schema, model, key]);
  // Testers see a root holding only this question (and shared $defs): JSON Forms' testers run
  // lodash isEmpty over the schemas they are given, which is linear in the number of properties
  // of a large root (a dictionary-mode object), and that made first render quadratic.
  const testerRoot = useMemo(() => soloRoot(model.rootSchema, key, schema), [model, key, schema]);
  if (!schema) {
    return <p className="as-fallback">This question ({element.scope}) is not in the form.</p>;
  }
  const entry = pickRenderer(element, testerRoot, testerRoot);
  const Renderer = entry.renderer;
  const label = typeof element.label === 'string' ? model.t(`${pointer}/label`, element.label) : model.title(key);
  const help = typeof schema['x-help'] === 'string' ? model.t(`${propertyPointer(key)}/x-help`, schema['x-help']) : undefined;
  return (
    <div className={element.rule ? 'as-reveal' : undefined}>
      <Renderer
        id={fieldId(answerPointer)}
        pointer={answerPointer}
        schema={schema}
        uischema={element}
        label={label}
        hint={model.hint(key)}
        help={help}
        required={model.required.has(key)}
        value={computedKeys.length ? computed : value}
        onChange={onChange}
        onBlur={onBlur}
        error={error}
        enabled={enabled}
        options={options}
      />
    </div>
  );
}

function soloRoot(root: JsonSchema, key: string, schema: JsonSchema | undefined): JsonSchema {
  const solo: JsonSchema = { type: 'object', properties: { [key]: schema ?? {} } };
  if (root.$defs) solo.$defs = root.$defs;
  if (root.definitions) solo.definitions = root.definitions;
  return solo;
}
