import type { ComponentType } from 'react';
import type { Question } from '../../core/index';
import type { FormModel, UiElement } from '../model/formModel';
import { questionWording, type QuestionWording } from '../model/wording';
import type { FormRenderers } from './picker';
import type { ControlProps } from '../renderers/types';

/**
 * What a repeatable group's item question needs to render, the same for every item of the group:
 * its control, renderer, wording (translated, from core's model, as top-level questions get theirs
 * in plan.ts) and whether it is required. Worked out once per group and form.
 */
export interface ItemPlan {
  question: Question;
  Renderer: ComponentType<ControlProps>;
  /** What the renderer gets that is the same in every item; `uischema` is the detail's control, or one made for it. */
  props: QuestionWording & Pick<ControlProps, 'schema' | 'uischema' | 'required'>;
}

// Keyed by the form's renderer set as well as its model: two forms of one definition may rank different renderers.
const plans = new WeakMap<FormRenderers, WeakMap<FormModel, WeakMap<Question, ItemPlan[]>>>();

/**
 * The item questions a group shows, in order: those its detail layout lists, in reading order, or
 * every item question when the detail lists none.
 */
export function itemPlans(model: FormModel, group: Question, renderers: FormRenderers): ItemPlan[] {
  let byModel = plans.get(renderers);
  if (!byModel) plans.set(renderers, (byModel = new WeakMap()));
  let byGroup = byModel.get(model);
  if (!byGroup) byModel.set(model, (byGroup = new WeakMap()));
  let list = byGroup.get(group);
  if (!list) {
    list = makePlans(model, group, renderers);
    byGroup.set(group, list);
  }
  return list;
}

function makePlans(model: FormModel, group: Question, renderers: FormRenderers): ItemPlan[] {
  const items = group.items ?? [];
  const listed = items.filter((q) => q.control).sort((a, b) => a.control!.order - b.control!.order);
  return (listed.length ? listed : items).map((question) => {
    const control = question.control;
    const element = (control?.element ?? { type: 'Control', scope: question.scope }) as unknown as UiElement;
    return {
      question,
      // Ranked as a top-level question is, against a root of this question and the shared $defs.
      Renderer: renderers.question(element, question.path, question.schema, model.questions.schema).renderer,
      props: {
        ...questionWording(model.t, question, element, control?.pointer),
        schema: question.shape,
        uischema: element,
        required: question.required !== 'never',
      },
    };
  });
}
