import type { ErrorObject } from 'ajv';
import type { Problem } from '../problems/problem';
import { pointerFromTokens, tokensFromPointer } from '../model/pointers';
import * as m from './messages';
import { askedAt, type Asked } from './messages';
import type { Definition } from '../definition/envelope';

const CHOICE_KINDS = new Set(['single-choice', 'multiple-choice', 'yes-no']);
const CHOICE_KEYWORDS = new Set(['enum', 'const', 'oneOf', 'anyOf']);
/** The order of an answer's problems: the most useful first (a missing answer before a wrong one). */
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
 * At most this many problems for one answer (one pointer): every rule it breaks is worth saying,
 * but a schema that stacks dozens of keywords on one question must not bury the page in messages.
 * The most useful are kept (PRIORITY). Documented in docs/definition-format.md.
 */
export const MAX_PROBLEMS_PER_ANSWER = 5;

/**
 * The alternatives of one `anyOf`/`oneOf`: its own error and every error from inside its branches
 * share this key (the combinator's schema path), so a failed choice between alternatives is one
 * problem, not one per branch. Undefined outside any alternative.
 */
function alternativesOf(schemaPath: string): string | undefined {
  const m = /\/(?:anyOf|oneOf)(?=\/\d+(?:\/|$)|$)/.exec(schemaPath);
  return m ? schemaPath.slice(0, m.index + m[0].length) : undefined;
}

/**
 * AJV errors → per-answer problems with practitioners' wording. `path` is the pointer of what
 * failed: a missing required answer points at its own pointer (`/childAge`, `/children/0/age`),
 * never at its parent, and a wrong item of a list at the item (`/substances/2`). Each rule an
 * answer breaks is its own problem (too short and the wrong pattern are two), in PRIORITY order,
 * at most MAX_PROBLEMS_PER_ANSWER per pointer; a value of the wrong type gets only that problem
 * (its other rules cannot be judged), and one set of alternatives (`oneOf`, `anyOf`) only its best.
 * Works on the errors of a runtime-compiled validator and of an ahead-of-time module alike.
 */
export function problemsFromAjv(errors: readonly ErrorObject[] | null | undefined, definition: Pick<Definition, 'schema' | 'uischema'>): Problem[] {
  // Rank first, word later: AJV reports several errors per wrong choice (one per option), and only
  // the best of each set of alternatives becomes a problem with a message.
  const byPath = new Map<string, Map<string, { found: Classified; rank: number }>>();
  for (const error of errors ?? []) {
    const found = classify(error, definition);
    if (!found) continue;
    const rank = PRIORITY[found.code] ?? 10;
    let rules = byPath.get(found.path);
    if (!rules) byPath.set(found.path, (rules = new Map()));
    // One rule: a set of alternatives, every wrong choice, or one keyword (a keyword repeated in
    // `allOf` branches with other limits is told apart by its message, below).
    const rule = alternativesOf(error.schemaPath) ?? (found.code === 'answer-option' || found.code === 'answer-invalid' ? found.code : `${error.keyword}\u0000${error.schemaPath}`);
    const existing = rules.get(rule);
    if (!existing || rank < existing.rank) rules.set(rule, { found, rank });
  }
  const problems: Problem[] = [];
  for (const rules of byPath.values()) {
    let found = [...rules.values()].sort((a, b) => a.rank - b.rank);
    if (found[0]!.found.code === 'answer-type') found = found.slice(0, 1);
    const said = new Set<string>();
    for (const { found: f } of found) {
      const problem = toProblem(f, definition.schema);
      const key = `${problem.code}\u0000${problem.message}`;
      if (said.has(key)) continue;
      said.add(key);
      problems.push(problem);
      if (said.size === MAX_PROBLEMS_PER_ANSWER) break;
    }
  }
  return problems;
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
  // The failing value's own pointer: the answer, or the item of a list inside it.
  const path = pointerFromTokens(tokens);
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
