import type { Problem } from '../../problems/problem';
import { isGated, isSensitive, revealsSensitive } from '../gate';
import { deepEqual } from '../../rules/condition';
import type { FormModel, Question, SafetyGate } from '../../model/types';
import { named, namedKey } from '../wording';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own, type JsonObject } from '../../model/schema-walk';

/**
 * Sensitive answers stay hidden until the safety check is answered yes (docs/definition-format.md
 * "Safety gate"): every control that shows one sits behind the gate rule, and none is required
 * unless the requirement itself depends on the gate being yes.
 */
export const sensitiveUngated: LintRule = {
  codes: ['sensitive-ungated'],
  docs: 'Every control showing a sensitive question, and every rule depending on one, must be (inside) an element with the SHOW rule on the safety gate; a sensitive question must not be required unconditionally.',
  check({ model }) {
    // Whatever reveals a sensitive answer leads back to a question that is sensitive itself (gate.ts):
    // a form without one, as most are, has nothing to check here before its first render.
    if (!model.all.some(isSensitive)) return [];
    const gate = model.gate;
    const problems: Problem[] = [];
    for (const s of model.ui.scopes) {
      if (s.target.kind !== 'question' || !revealsSensitive(s.target.question, model) || isGated(s.element, gate)) continue;
      if (s.role === 'rule') {
        // An element that appears or changes with a sensitive answer tells an onlooker that answer.
        problems.push(
          lintProblem(
            'sensitive-ungated',
            s.pointer,
            `A show-when here depends on the sensitive answer to ${named(s.target.question)} but is not behind the safety check, so what appears on screen would give the answer away.`,
            { key: s.target.question.key },
          ),
        );
      } else {
        problems.push(
          lintProblem(
            'sensitive-ungated',
            s.element.pointer,
            `${named(s.target.question)} holds sensitive answers but is shown without the safety check: show it only once ${gate ? named(gate.question, `“${gate.key}”`) : 'a safety check'} is answered Yes.`,
            { key: s.target.question.key },
          ),
        );
      }
    }
    const sensitiveKeys = new Set(model.questions.filter((q: Question) => revealsSensitive(q, model)).map((q) => q.key));
    requiredOf(model.schema, '/schema').forEach(({ key, path }) => {
      if (sensitiveKeys.has(key)) problems.push(unconditional(model, key, path));
    });
    const allOf = own(model.schema, 'allOf');
    if (Array.isArray(allOf)) {
      allOf.forEach((entry, i) => {
        if (!isObject(entry)) return;
        const gated = gate !== undefined && ifRequiresGate(own(entry, 'if'), gate);
        for (const branch of ['then', 'else'] as const) {
          if (branch === 'then' && gated) continue;
          for (const { key, path } of requiredOf(own(entry, branch), `/schema/allOf/${i}/${branch}`)) {
            if (sensitiveKeys.has(key)) problems.push(unconditional(model, key, path));
          }
        }
      });
    }
    return problems;
  },
};

function requiredOf(schema: unknown, pointer: string): Array<{ key: string; path: string }> {
  const required = own(schema, 'required');
  if (!Array.isArray(required)) return [];
  return required.flatMap((key, i) => (typeof key === 'string' ? [{ key, path: `${pointer}/required/${i}` }] : []));
}

/** `if` holds only when the gate is answered yes: the gate is required there and must be `const: <yes>`. */
function ifRequiresGate(condition: unknown, gate: SafetyGate): boolean {
  if (!isObject(condition)) return false;
  const required = own(condition, 'required');
  const gateSchema = own(own(condition, 'properties'), gate.key) as JsonObject | undefined;
  return Array.isArray(required) && required.includes(gate.key) && Object.hasOwn(gateSchema ?? {}, 'const') && deepEqual(own(gateSchema, 'const'), gate.yes);
}

function unconditional(model: FormModel, key: string, path: string): Problem {
  return lintProblem(
    'sensitive-ungated',
    path,
    `The sensitive question ${namedKey(model, key)} is required even when the safety check is not answered Yes: require it only once the safety check is Yes.`,
    { key },
  );
}
