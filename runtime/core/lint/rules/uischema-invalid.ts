import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';

const layouts = new Set(['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category']);
const scoped = new Set(['Control', 'ListWithDetail']);
const known = new Set([...layouts, ...scoped, 'Label']);
const effects = new Set(['SHOW', 'HIDE', 'ENABLE', 'DISABLE']);

/** The UI schema must be made of JSON Forms elements the renderers know, each with what its type needs. */
export const uischemaInvalid: LintRule = {
  codes: ['uischema-invalid'],
  docs: 'The `uischema` must be a JSON Forms UI schema: known element types, layouts with `elements`, controls with a `scope`, rules with an effect and a condition.',
  check({ model }) {
    const problems: Problem[] = [];
    const { elements } = model.ui;
    // Indexed: a render rule, run on every element before the first render, while the code is cold.
    for (let i = 0; i < elements.length; i++) {
      const { node, pointer, parent } = elements[i]!;
      const type = own(node, 'type');
      if (typeof type !== 'string' || !known.has(type)) {
        problems.push(lintProblem('uischema-invalid', `${pointer}/type`, `The layout has a part of unknown type ${JSON.stringify(type ?? null)}; the known types are ${[...known].join(', ')}.`, { type }));
        continue;
      }
      if (layouts.has(type) && !Array.isArray(own(node, 'elements'))) {
        problems.push(lintProblem('uischema-invalid', pointer, `A ${type} of the layout needs a list of what it holds.`));
      }
      if (scoped.has(type) && typeof own(node, 'scope') !== 'string') {
        problems.push(lintProblem('uischema-invalid', pointer, `A ${type} of the layout needs to name the question it shows.`));
      }
      if (type === 'Label' && typeof own(node, 'text') !== 'string') {
        problems.push(lintProblem('uischema-invalid', pointer, 'A piece of guidance text has no text.'));
      }
      if (type === 'Category' && own(parent?.node, 'type') !== 'Categorization') {
        problems.push(lintProblem('uischema-invalid', `${pointer}/type`, 'A section (Category) must sit directly in the list of sections (Categorization).'));
      }
      if (own(parent?.node, 'type') === 'Categorization' && type !== 'Category' && type !== 'Categorization') {
        problems.push(lintProblem('uischema-invalid', `${pointer}/type`, 'The list of sections (Categorization) may hold only sections (Category).'));
      }
      const rule = own(node, 'rule');
      if (rule !== undefined) {
        if (!isObject(rule) || !effects.has(own(rule, 'effect') as string) || !isObject(own(rule, 'condition'))) {
          problems.push(lintProblem('uischema-invalid', `${pointer}/rule`, 'A show-when needs what it does (show, hide, enable or disable) and the condition it tests.'));
        }
      }
    }
    return problems;
  },
};
