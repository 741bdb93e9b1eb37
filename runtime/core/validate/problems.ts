import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems/problem';
import { pointerFromTokens, tokensFromPointer } from '../problems/pointer';
import * as m from './messages';
import { questionAt, type QuestionInfo } from './questions';

const CHOICE_KINDS = new Set(['choice', 'multiple-choice', 'yes-no']);
/** One problem per answer: the most useful first (a missing answer before a wrong one). */
const PRIORITY: Record<string, number> = {
  'answer-required': 0,
  'answer-type': 1,
  'answer-option': 2,
  'answer-format': 3,
  'answer-length': 4,
  'answer-range': 5,
  'answer-pattern': 6,
  'answer-items': 7,
  'answer-unknown': 8,
  'answer-invalid': 9,
};

/**
 * AJV errors → per-answer problems with practitioners' wording. `path` is the pointer of the
 * answer itself: a missing required answer points at its own pointer (`/childAge`,
 * `/children/0/age`), never at its parent. Works on the errors of a runtime-compiled validator
 * and of an ahead-of-time module alike.
 */
export function problemsFromAjv(errors: readonly ErrorObject[] | null | undefined, definition: { schema: Record<string, unknown> }): Problem[] {
  const best = new Map<string, { problem: Problem; rank: number; order: number }>();
  let order = 0;
  for (const error of errors ?? []) {
    const problem = toProblem(error, definition.schema);
    if (!problem) continue;
    const rank = PRIORITY[problem.code] ?? 10;
    const existing = best.get(problem.path);
    if (!existing || rank < existing.rank) best.set(problem.path, { problem, rank, order: existing?.order ?? order++ });
  }
  return [...best.values()].sort((a, b) => a.order - b.order).map((e) => e.problem);
}

function toProblem(error: ErrorObject, schema: Record<string, unknown>): Problem | undefined {
  const params = (error.params ?? {}) as Record<string, unknown>;
  let tokens = tokensFromPointer(error.instancePath);
  let code: string;
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing `then`/`else` branch reports the real problem
    case 'required':
    case 'dependentRequired':
      tokens = [...tokens, String(params.missingProperty)];
      code = 'answer-required';
      break;
    case 'additionalProperties':
      tokens = [...tokens, String(params.additionalProperty)];
      code = 'answer-unknown';
      break;
    case 'unevaluatedProperties':
      tokens = [...tokens, String(params.unevaluatedProperty)];
      code = 'answer-unknown';
      break;
    default:
      code = codeFor(error.keyword);
  }
  const q = questionAt(schema, tokens) ?? fallbackQuestion(tokens);
  if ((code === 'answer-invalid' && ['enum', 'const', 'oneOf', 'anyOf'].includes(error.keyword)) || error.keyword === 'enum') {
    code = CHOICE_KINDS.has(q.kind) ? 'answer-option' : 'answer-invalid';
  }
  return {
    code,
    severity: 'error',
    message: messageFor(code, error, params, q, tokens),
    path: code === 'answer-required' || code === 'answer-unknown' ? pointerFromTokens(tokens) : q.pointer,
    source: 'validate',
    params: { keyword: error.keyword, ...params, schemaPath: error.schemaPath, question: q.key },
  };
}

function codeFor(keyword: string): string {
  switch (keyword) {
    case 'type':
      return 'answer-type';
    case 'format':
      return 'answer-format';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'multipleOf':
      return 'answer-range';
    case 'minLength':
    case 'maxLength':
      return 'answer-length';
    case 'pattern':
      return 'answer-pattern';
    case 'minItems':
    case 'maxItems':
    case 'uniqueItems':
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return 'answer-items';
    default:
      return 'answer-invalid';
  }
}

function messageFor(code: string, error: ErrorObject, params: Record<string, unknown>, q: QuestionInfo, tokens: string[]): string {
  switch (code) {
    case 'answer-required':
      return m.requiredMessage(q);
    case 'answer-type':
      return m.typeMessage(q, params.type);
    case 'answer-format':
      return m.formatMessage(q, params.format);
    case 'answer-option':
      return m.optionMessage(q);
    case 'answer-range':
      return m.rangeMessage(q, error.keyword, params.limit ?? params.multipleOf);
    case 'answer-length':
      return m.lengthMessage(q, error.keyword, params.limit);
    case 'answer-pattern':
      return m.patternMessage(q);
    case 'answer-items':
      return m.itemsMessage(q, error.keyword, params.limit);
    case 'answer-unknown':
      return m.unknownMessage(tokens[tokens.length - 1] ?? '');
    default:
      return m.invalidMessage(q);
  }
}

function fallbackQuestion(tokens: string[]): QuestionInfo {
  const key = tokens[tokens.length - 1] ?? 'answers';
  return { pointer: pointerFromTokens(tokens), key, title: tokens.length ? key : 'the answers', kind: 'text', schema: {} };
}
