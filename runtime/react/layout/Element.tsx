import { memo, useSyncExternalStore } from 'react';
import { countRender, useController, useRule } from '../hooks';
import type { FormController } from '../model/controller';
import type { UiElement } from '../model/formModel';
import { questionPlan, type QuestionPlan } from './plan';

/**
 * Walks the UI schema. Why not `<JsonForms>`: its one context hands every dispatch to every
 * control (about 130 ms of script per keystroke at 1000 questions); here the walk happens once,
 * controls are memoised, and each control subscribes to its own answer. The model is still JSON
 * Forms' own: UI schema, its testers and ranking (renderers/index.ts), and its rules.
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
  switch (element.type) {
    case 'Control': {
      const plan = questionPlan(c, element, pointer);
      return plan ? (
        <BoundControl plan={plan} enabled={enabled} reveal={!!element.rule} />
      ) : (
        <p className="as-fallback">This question ({element.scope}) is not in the form.</p>
      );
    }
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
}

export function Children({ element, pointer }: { element: UiElement; pointer: string }) {
  const c = useController();
  return (
    <>
      {(element.elements ?? []).map((child, i) => {
        // A question without a rule is its bound control straight away: one fiber less each.
        const plan = child.type === 'Control' && !child.rule ? questionPlan(c, child, `${pointer}/elements/${i}`) : null;
        return plan ? <BoundControl key={i} plan={plan} enabled reveal={false} /> : <Element key={i} element={child} pointer={`${pointer}/elements/${i}`} />;
      })}
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

/**
 * A top-level question bound to its own answer and its own shown error: a change to another answer
 * does not render it. Wording, renderer and callbacks come from its plan (plan.ts), made once.
 */
const BoundControl = memo(function BoundControl({ plan, enabled, reveal }: { plan: QuestionPlan; enabled: boolean; reveal: boolean }) {
  countRender(plan.debug);
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
      enabled={enabled}
      options={plan.options}
    />
  );
  // Questions a rule reveals are set in under their trigger.
  return reveal ? <div className="as-reveal">{control}</div> : control;
});
