import type { Definition } from '../definition/envelope';
import type { Problem } from '../problems/problem';
import { pointerFromTokens, tokensFromPointer } from '../model/pointers';
import { checkValueLimits, limits } from '../safety/limits';
import { computeLevel } from '../rules/computed';
import { holdsComputed, withComputedValues } from '../rules/computed-values';
import { itemLevel } from '../model/levels';
import { formModel } from '../model/build';
import type { Question } from '../model/types';
import { deepEqual, isObject } from '../rules/condition';
import { hiddenAnswerPointers, hiddenAnswersPresent, isHiddenPointer } from '../rules/visibility';
import { runValidator, tryCompileValidator, type CompiledValidator } from './compile';
import { answerTooLongMessage, askedAt, computedMessage, hiddenAnswerMessage, unknownMessage } from './messages';
import { problemsFromAjv } from './problems';

interface ValidatableDefinition {
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
}

/**
 * Validate one response's answers against a definition: per-answer problems with messages for
 * practitioners, `path` the pointer of the answer itself. Limits and prototype-polluting keys are
 * checked before AJV; a question hidden by a rule is not required, and an answer to one is refused
 * (`answer-hidden`: a response holds only what was shown); a stored computed value must
 * equal what the answers give. Pass `validator` to use an ahead-of-time compiled module (no eval).
 * @public
 */
export function validateResponse(definition: ValidatableDefinition, answers: unknown, options: { validator?: CompiledValidator } = {}): Problem[] {
  if (!isObject(answers)) {
    return [{ code: 'answer-invalid', severity: 'error', message: 'The answers must be a JSON object of answers by question.', path: '', source: 'validate' }];
  }
  const refused = checkValueLimits(answers);
  if (refused.length) return refused.map((p) => ({ ...p, source: 'validate' as const }));
  const questions = new Set(Object.getOwnPropertyNames(isObject(definition.schema.properties) ? definition.schema.properties : {}));
  const unknownKeys: string[] = [];
  const tooLong = answerLengths(definition, answers, (key) => questions.has(key) || unknownKeys.push(key));
  if (tooLong.length) return tooLong;

  let validator = options.validator;
  if (!validator) {
    const compiled = tryCompileValidator(definition);
    if (!compiled.ok) return compiled.problems;
    validator = compiled.value;
  }
  // `if`/`then` on a computed value (a total of 8 or more) reads the value the answers give, stored or not.
  const run = runValidator(validator, withComputedValues(definition, answers));
  if (!run.ok) return [run.problem];
  const valid = run.valid;
  let problems = valid ? [] : problemsFromAjv(validator.errors, definition);
  // A hidden question is not required, and must not be answered either: what the practitioner
  // did not see (a section behind the safety check answered No) is never part of a response.
  const hidden = hiddenAnswerPointers(definition, answers);
  if (hidden.size) {
    problems = problems.filter((p) => !isHiddenPointer(hidden, p.path));
    for (const path of hiddenAnswersPresent(definition, answers)) {
      const q = askedAt(definition, tokensFromPointer(path));
      problems.push({ code: 'answer-hidden', severity: 'error', message: hiddenAnswerMessage(q), path, source: 'validate' });
    }
  }
  const reported = new Set(problems.map((p) => p.path));

  for (const key of unknownKeys) {
    const path = pointerFromTokens([key]);
    if (!reported.has(path)) problems.push({ code: 'answer-unknown', severity: 'error', message: unknownMessage(key), path, source: 'validate', params: { key } });
  }
  for (const p of computedProblems(definition, answers)) if (!reported.has(p.path)) problems.push(p);
  return problems;
}

/**
 * Stored computed values that differ from what the answers give (a total, a band, a count over a
 * group's items): top-level ones from the answers, and those inside a repeatable group's items
 * from the item's own answers. Each is `answer-computed` at the value's pointer.
 */
export function computedProblems(definition: Pick<Definition, 'schema' | 'uischema'>, answers: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const model = formModel(definition);
  const check = (level: readonly Question[], stored: Record<string, unknown>, tokens: string[]) => {
    if (!level.some((q) => q.computed)) return;
    const values = computeLevel(level, stored);
    for (const q of level) {
      if (!q.computed || !Object.prototype.hasOwnProperty.call(stored, q.key)) continue;
      const expected = Object.prototype.hasOwnProperty.call(values, q.key) ? values[q.key] : undefined;
      if (deepEqual(stored[q.key], expected)) continue;
      const path = [...tokens, q.key];
      const asked = askedAt(definition, path);
      if (!asked) continue;
      problems.push({ code: 'answer-computed', severity: 'error', message: computedMessage(asked, expected), path: pointerFromTokens(path), source: 'validate', params: { expected: expected ?? null, actual: stored[q.key] } });
    }
  };
  // Each level in turn: the top level, then the objects and group items inside it that hold computed values.
  const walk = (level: readonly Question[], stored: Record<string, unknown>, tokens: string[]) => {
    check(level, stored, tokens);
    for (const q of level) {
      if (!Object.prototype.hasOwnProperty.call(stored, q.key) || !holdsComputed(q)) continue;
      const value = stored[q.key];
      if (q.kind === 'object' && isObject(value)) walk(q.children ?? [], value, [...tokens, q.key]);
      else if (q.kind === 'group' && Array.isArray(value)) value.forEach((item, i) => isObject(item) && walk(itemLevel(q), item, [...tokens, q.key, String(i)]));
    }
  };
  walk(model.questions, answers, []);
  return problems;
}

/** Where a node sits, as links to its parent: the path is only spelled out for a problem. */
interface PathLink {
  parent: PathLink | undefined;
  token: string;
}

function tokensOf(link: PathLink | undefined): string[] {
  const tokens: string[] = [];
  for (let l = link; l; l = l.parent) tokens.push(l.token);
  return tokens.reverse();
}

/** Text answers over the documented limit are refused before AJV or a pattern reads them. */
export function checkAnswerLengths(definition: Pick<Definition, 'schema' | 'uischema'>, answers: unknown): Problem[] {
  return answerLengths(definition, answers);
}

/** The length walk; `eachTopKey` sees every top-level key on the way, so the keys are listed once. */
function answerLengths(definition: Pick<Definition, 'schema' | 'uischema'>, answers: unknown, eachTopKey?: (key: string) => unknown): Problem[] {
  const problems: Problem[] = [];
  // Only objects, arrays and over-long strings go on the stack; they come off it in the order the
  // full walk would reach them, so problems keep their order.
  const stack: Array<{ node: unknown; path: PathLink | undefined }> = [{ node: answers, path: undefined }];
  const kept = (node: unknown) => (typeof node === 'string' ? node.length > limits.answerChars : node !== null && typeof node === 'object');
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'string') {
      if (node.length > limits.answerChars) {
        const tokens = tokensOf(path);
        problems.push({
          code: 'answer-too-long',
          severity: 'error',
          message: answerTooLongMessage(askedAt(definition, tokens), limits.answerChars),
          path: pointerFromTokens(tokens),
          source: 'validate',
          params: { limit: limits.answerChars, length: node.length },
        });
      }
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (kept(node[i])) stack.push({ node: node[i], path: { parent: path, token: String(i) } });
    } else if (isObject(node)) {
      const top = path === undefined ? eachTopKey : undefined;
      for (const key of Object.keys(node)) {
        top?.(key);
        if (kept(node[key])) stack.push({ node: node[key], path: { parent: path, token: key } });
      }
    }
  }
  return problems;
}
