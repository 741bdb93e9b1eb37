import type { Problem } from '../../problems/problem';
import { escapePointerToken } from '../../model/pointers';
import { collectRequired } from '../../model/schema';
import { isObject, own } from '../../model/schema-walk';
import { visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { schemaNodes } from '../schema-nodes';

/**
 * `"properties": { "x": false }` forbids an answer to x, a fair way to retire a question; with x
 * also in `required` (directly, or through `allOf` / `if`-`then`) no response can ever be valid
 * once that requirement applies. Requirement is read as the form model reads it (collectRequired).
 */
export const requiredFalse: LintRule = {
  codes: ['required-false'],
  docs: 'A property whose schema is `false` (no answer allowed) is not required, unconditionally or through `if`/`then`.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { node, pointer } of schemaNodes(model)) {
      const properties = own(node, 'properties');
      if (!isObject(properties)) continue;
      const forbidden = Object.keys(properties).filter((key) => properties[key] === false);
      if (!forbidden.length) continue;
      const required = collectRequired(model.schema, node, model.anchors);
      for (const key of forbidden) {
        const requirement = required.get(key);
        if (!requirement) continue;
        const how = requirement.always ? 'always' : 'conditional';
        problems.push(
          lintProblem('required-false', `${pointer}/properties/${escapePointerToken(key)}`, `"${visibleText(key)}" is required${how === 'conditional' ? ' when a condition holds' : ''}, but its schema is false, which allows no answer. Remove it from "required", or give it a schema.`, {
            key,
            required: how,
          }),
        );
      }
    }
    return problems;
  },
};
