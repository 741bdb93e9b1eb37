import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems/problem';
import { pointerFromTokens, tokensFromPointer } from '../model/pointers';
import * as m from './messages';
import { askedAt, type Asked } from './messages';
import type { Definition } from '../definition/envelope';

const CHOICE_KINDS = new Set(['single-choice', 'multiple-choice', 'yes-no']);
const CHOICE_KEYWORDS = new Set(['enum', 'const', 'oneOf', 'anyOf']);
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
export function problemsFromAjv(errors: readonly ErrorObject[] | null | undefined, definition: Pick<Definition, 'schema' | 'uischema'>): Problem[] {
  // Rank first, word later: AJV reports several errors per wrong choice (one per option), and only
  // the best one per answer becomes a problem with a message.
  const best = new Map<string, { found: Classified; rank: number; order: number }>();
  let order = 0;
  for (const error of errors ?? []) {
    const found = classify(error, definition);
    if (!found) continue;
    const rank = PRIORITY[found.code] ?? 10;
    const existing = best.get(found.path);
    if (!existing || rank < existing.rank) best.set(found.path, { found, rank, order: existing?.order ?? order++ });
  }
  return [...best.values()].sort((a, b) => a.order - b.order).map((e) => toProblem(e.found, definition.schema));
}

interface Classified {
  error: ErrorObject;
  params: Record<string, unknown>;
  code: string;
  path: string;
  q: Asked;
  tokens: string[];
  at: string;
}

function classify(error: ErrorObject, definition: Pick<Definition, 'schema' | 'uischema'>): Classified | undefined {
  const schema = definition.schema;
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
  const memo = memoFor(schema);
  const at = tokens.join('\u0000');
  let q = memo.questions.get(at);
  if (!q) {
    q = askedAt(definition, tokens) ?? fallbackQuestion(tokens);
    remember(memo.questions, at, q);
  }
  if ((code === 'answer-invalid' && CHOICE_KEYWORDS.has(error.keyword)) || error.keyword === 'enum') {
    code = CHOICE_KINDS.has(q.kind) ? 'answer-option' : 'answer-invalid';
  }
  const path = code === 'answer-required' || code === 'answer-unknown' ? pointerFromTokens(tokens) : q.pointer;
  return { error, params, code, path, q, tokens, at };
}

function toProblem(c: Classified, schema: Record<string, unknown>): Problem {
  return {
    code: c.code,
    severity: 'error',
    message: memoMessage(memoFor(schema), c.code, c.error, c.params, c.q, c.tokens, c.at),
    path: c.path,
    source: 'validate',
    params: { keyword: c.error.keyword, ...c.params, schemaPath: c.error.schemaPath, question: c.q.key },
  };
}

/**
 * Questions and messages per schema, so a response with hundreds of errors words each kind of
 * problem once: finding the question and phrasing it cost about 4 µs per error, four times what
 * AJV took to find them (test/bench/validate.bench.ts).
 */
interface Memo {
  questions: Map<string, Asked>;
  messages: Map<string, string>;
}
const memos = new WeakMap<object, Memo>();
/** Group answers have one entry per item: bound the maps so a huge response cannot grow them without end. */
const MEMO_ENTRIES = 10_000;

function memoFor(schema: Record<string, unknown>): Memo {
  let memo = memos.get(schema);
  if (!memo) memos.set(schema, (memo = { questions: new Map(), messages: new Map() }));
  return memo;
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MEMO_ENTRIES) map.clear();
  map.set(key, value);
}

function memoMessage(memo: Memo, code: string, error: ErrorObject, params: Record<string, unknown>, q: Asked, tokens: string[], at: string): string {
  // Everything messageFor reads: the code, the keyword, the question (by its tokens) and the limit, type or format.
  const key = `${code}\u0000${error.keyword}\u0000${at}\u0000${String(params.limit ?? params.multipleOf ?? '')}\u0000${String(params.type ?? '')}\u0000${String(params.format ?? '')}`;
  let message = memo.messages.get(key);
  if (message === undefined) {
    message = messageFor(code, error, params, q, tokens);
    remember(memo.messages, key, message);
  }
  return message;
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

function messageFor(code: string, error: ErrorObject, params: Record<string, unknown>, q: Asked, tokens: string[]): string {
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

function fallbackQuestion(tokens: string[]): Asked {
  const key = tokens[tokens.length - 1] ?? 'answers';
  return { pointer: pointerFromTokens(tokens), key, title: tokens.length ? key : 'the answers', kind: 'text' };
}
