import { memo, useSyncExternalStore } from 'react';
import { countRender, useController, useRule } from '../hooks';
import type { FormController } from '../model/controller';
import { childElements, type UiElement } from '../model/formModel';
import { useReadonly } from '../readonly';
import { questionPlan, type QuestionPlan } from './plan';

/**
 * Walks the UI schema. Why not `<JsonForms>`: its one context hands every dispatch to every
 * control (about 130 ms of script per keystroke at 1000 questions); here the walk happens once,
 * controls are memoised, and each control subscribes to its own answer. The model is still JSON
 * Forms' own: UI schema, its testers and ranking (the form's renderers and layouts, picker.ts),
 * and its rules.
 */
export const Element = memo(function Element({ element, pointer }: { element: UiElement; pointer: string }) {
  const c = useController();
  // Most elements carry no rule: they hold no subscription at all.
  return element.rule ? <RuledElement element={element} pointer={pointer} /> : renderElement(c, element, pointer, true);
});

function RuledElement({ element, pointer }: { element: UiElement; pointer: string }) {
  const c = useController();
  const rule = useRule(element.rule);
  return rule.visible ? renderElement(c, element, pointer, rule.enabled) : null;
}

function renderElement(c: FormController, element: UiElement, pointer: string, enabled: boolean) {
  if (element.type === 'Control') {
    const plan = questionPlan(c, element, pointer);
    return plan ? (
      <BoundControl plan={plan} enabled={enabled} reveal={!!element.rule} />
    ) : (
      <p className="as-fallback">This question ({element.scope}) is not in the form.</p>
    );
  }
  const { renderer: Layout } = c.renderers.layout(element, c.model.questions.schema);
  return (
    <Layout uischema={element} pointer={pointer} label={layoutLabel(c, element, pointer)} enabled={enabled}>
      {childElements(element).length ? <Children element={element} pointer={pointer} /> : null}
    </Layout>
  );
}

/** A layout's label or a Label's text, in the form's language. */
function layoutLabel({ model }: FormController, element: UiElement, pointer: string): string {
  const part = element.type === 'Label' ? 'text' : 'label';
  const wording = element[part];
  return typeof wording === 'string' ? model.t(`${pointer}/${part}`, wording) : '';
}

export function Children({ element, pointer }: { element: UiElement; pointer: string }) {
  const c = useController();
  return (
    <>
      {childElements(element).map((child, i) => {
        // A question without a rule is its bound control straight away: one fiber less each.
        const plan = child.type === 'Control' && !child.rule ? questionPlan(c, child, `${pointer}/elements/${i}`) : null;
        return plan ? <BoundControl key={i} plan={plan} enabled reveal={false} /> : <Element key={i} element={child} pointer={`${pointer}/elements/${i}`} />;
      })}
    </>
  );
}

/**
 * A top-level question bound to its own answer and its own shown error: a change to another answer
 * does not render it. Wording, renderer and callbacks come from its plan (plan.ts), made once.
 */
const BoundControl = memo(function BoundControl({ plan, enabled, reveal }: { plan: QuestionPlan; enabled: boolean; reveal: boolean }) {
  countRender(plan.debug);
  const readonly = useReadonly();
  const value = useSyncExternalStore(plan.subscribeValue, plan.getValue);
  const error = useSyncExternalStore(plan.subscribeError, plan.getError);
  const { Renderer } = plan;
  const control = (
    <Renderer
      id={plan.id}
      pointer={plan.pointer}
      schema={plan.schema}
      uischema={plan.element}
      label={plan.label}
      hint={plan.hint}
      help={plan.help}
      required={plan.required}
      value={value}
      onChange={plan.onChange}
      onBlur={plan.onBlur}
      error={error}
      enabled={enabled && !readonly}
      options={plan.options}
    />
  );
  // Questions a rule reveals are set in under their trigger.
  return reveal ? <div className="as-reveal">{control}</div> : control;
});
