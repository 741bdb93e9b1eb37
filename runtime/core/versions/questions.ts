import type { Definition } from '../definition/envelope';
import { escapePointerToken, tokensFromPointer } from '../model/pointers';
import { canonical, isObject, own, ownString, valueText, type JsonObject } from '../model/json';

/**
 * Every question of a definition indexed by its export code (`x-code`), the identity that stays
 * the same across versions (docs/definition-format.md). What the diff compares and the migration
 * carries answers by. Questions without a code (a lint error) get `@<answer path>` so the diff
 * still sees them.
 */
export type VersionQuestionKind =
  | 'text' | 'integer' | 'number' | 'yes-no' | 'single-choice' | 'multiple-choice'
  | 'date' | 'time' | 'date-time' | 'group' | 'list' | 'computed' | 'other';

export interface OptionInfo {
  code: string;
  label: string;
  /** Pointer of the option in the definition, e.g. `/schema/properties/x/oneOf/2`. */
  pointer: string;
}

/** `always`: in `required`; `conditional`: required through `if/then` (e.g. the safety gate). */
export type Requirement = 'always' | 'conditional' | 'never';

export interface IndexedQuestion {
  code: string;
  /** Answer key inside its object (top level, or the group item). */
  key: string;
  /** For a group item: its group's key and code. */
  groupKey?: string;
  groupCode?: string;
  /** Pointer of the property declaration in the definition file. */
  pointer: string;
  /** Pointer of the answer: `/key`, or `/group/-/key` for group items (any index). */
  answerPath: string;
  title?: string;
  description?: string;
  help?: string;
  kind: VersionQuestionKind;
  /** JSON type the answer must have (`string`, `integer`, `number`, `boolean`, `array`, `object`). */
  jsonType?: string;
  options: OptionInfo[];
  required: Requirement;
  /** Canonical JSON of each `if` that makes it required (when `required` is `conditional`). */
  requiredWhen: string[];
  /** The same conditions as schemas, to test against answers. */
  requiredIf: RequiredCondition[];
  sensitivity?: string;
  /** Label of the section (Category) whose UI shows it. */
  section?: string;
  /** Pointer of the first UI control that shows it, and that control's own rule (canonical JSON). */
  uiPointer?: string;
  rule?: string;
  /** Position among the questions the UI shows, in reading order. */
  uiOrder?: number;
  /** Value constraints that decide which answers are valid (minimum, maxLength, pattern…). */
  constraints: Record<string, unknown>;
  computed?: string;
}

export interface SectionInfo {
  label: string;
  pointer: string;
  rule?: string;
  codes: string[];
}

export interface LabelInfo {
  text: string;
  section?: string;
  pointer: string;
}

export interface QuestionIndex {
  byCode: Map<string, IndexedQuestion>;
  /** Codes in declaration order (groups before their items). */
  order: string[];
  sections: SectionInfo[];
  labels: LabelInfo[];
  /** How many questions the UI shows. */
  shown: number;
}

const constraintKeys = [
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
  'pattern', 'minItems', 'maxItems', 'uniqueItems',
] as const;

export function indexQuestions(definition: Pick<Definition, 'schema' | 'uischema'>): QuestionIndex {
  const root = isObject(definition.schema) ? definition.schema : {};
  const index: QuestionIndex = { byCode: new Map(), order: [], sections: [], labels: [], shown: 0 };
  const byPointer = new Map<string, IndexedQuestion>();
  const topRequired = collectRequired(root, root);
  const props = own(root, 'properties');
  if (isObject(props)) {
    for (const key of Object.keys(props)) {
      const pointer = `/schema/properties/${escapePointerToken(key)}`;
      const described = describe(root, props[key], key, pointer, `/${escapePointerToken(key)}`, topRequired);
      if (!described) continue;
      const q = add(index, byPointer, described);
      if (q.kind !== 'group') continue;
      const items = resolveRef(root, own(props[key], 'items'));
      const itemProps = own(items, 'properties');
      if (!isObject(itemProps)) continue;
      const itemRequired = collectRequired(root, items);
      for (const itemKey of Object.keys(itemProps)) {
        const item = describe(root, itemProps[itemKey], itemKey, `${pointer}/items/properties/${escapePointerToken(itemKey)}`,
          `/${escapePointerToken(key)}/-/${escapePointerToken(itemKey)}`, itemRequired);
        if (item) add(index, byPointer, { ...item, groupKey: key, groupCode: q.code });
      }
    }
  }
  walkUi(index, byPointer, definition.uischema, '/uischema', {});
  // Items a group's detail does not list are shown inside the group, so they sit in its section.
  for (const q of index.byCode.values()) {
    const group = q.groupCode !== undefined ? index.byCode.get(q.groupCode) : undefined;
    if (q.section === undefined && group?.section !== undefined) q.section = group.section;
  }
  return index;
}

function add(index: QuestionIndex, byPointer: Map<string, IndexedQuestion>, q: IndexedQuestion): IndexedQuestion {
  if (index.byCode.has(q.code)) q = { ...q, code: `@${q.answerPath}` }; // a duplicate code: keep both, visibly
  index.byCode.set(q.code, q);
  index.order.push(q.code);
  byPointer.set(q.answerPath, q);
  return q;
}

function describe(root: JsonObject, raw: unknown, key: string, pointer: string, answerPath: string,
  required: RequiredMap): IndexedQuestion | undefined {
  if (!isObject(raw)) return undefined;
  const schema = resolveRef(root, raw);
  const code = ownString(raw, 'x-code') ?? `@${answerPath}`;
  const { kind, jsonType, optionsFrom, optionsPointer } = kindOf(root, schema, pointer);
  const req = required.get(key);
  const constraints: Record<string, unknown> = {};
  for (const k of constraintKeys) if (own(schema, k) !== undefined) constraints[k] = own(schema, k);
  const q: IndexedQuestion = {
    code, key, pointer, answerPath, kind,
    options: optionsOf(optionsFrom, optionsPointer),
    required: req?.always ? 'always' : req?.when.size ? 'conditional' : 'never',
    requiredWhen: req ? [...req.when.keys()].sort() : [],
    requiredIf: req ? [...req.when.values()] : [],
    constraints,
  };
  if (jsonType) q.jsonType = jsonType;
  const title = ownString(raw, 'title');
  const description = ownString(raw, 'description');
  const help = ownString(raw, 'x-help');
  const sensitivity = ownString(raw, 'x-sensitivity');
  if (title !== undefined) q.title = title;
  if (description !== undefined) q.description = description;
  if (help !== undefined) q.help = help;
  if (sensitivity !== undefined) q.sensitivity = sensitivity;
  if (own(schema, 'x-computed') !== undefined) q.computed = canonical(own(schema, 'x-computed'));
  return q;
}

function kindOf(root: JsonObject, schema: JsonObject, pointer: string): {
  kind: VersionQuestionKind; jsonType?: string; optionsFrom?: JsonObject; optionsPointer: string;
} {
  let type = own(schema, 'type');
  if (Array.isArray(type)) type = type.find((t) => t !== 'null');
  const hasOptions = (s: unknown) => Array.isArray(own(s, 'oneOf')) || Array.isArray(own(s, 'anyOf')) || Array.isArray(own(s, 'enum'));
  if (own(schema, 'x-computed') !== undefined) return { kind: 'computed', jsonType: str(type), optionsPointer: pointer };
  if (type === 'array') {
    const items = resolveRef(root, own(schema, 'items'));
    if (own(items, 'type') === 'object' || isObject(own(items, 'properties'))) return { kind: 'group', jsonType: 'array', optionsPointer: pointer };
    if (hasOptions(items)) return { kind: 'multiple-choice', jsonType: 'array', optionsFrom: items, optionsPointer: `${pointer}/items` };
    return { kind: 'list', jsonType: 'array', optionsPointer: pointer };
  }
  if (hasOptions(schema) && (type === undefined || type === 'string' || type === 'integer' || type === 'number')) {
    return { kind: 'single-choice', jsonType: str(type), optionsFrom: schema, optionsPointer: pointer };
  }
  if (type === 'string') {
    const format = own(schema, 'format');
    if (format === 'date' || format === 'time' || format === 'date-time') return { kind: format, jsonType: 'string', optionsPointer: pointer };
    return { kind: 'text', jsonType: 'string', optionsPointer: pointer };
  }
  if (type === 'integer' || type === 'number') return { kind: type, jsonType: type, optionsPointer: pointer };
  if (type === 'boolean') return { kind: 'yes-no', jsonType: 'boolean', optionsPointer: pointer };
  return { kind: 'other', jsonType: str(type), optionsPointer: pointer };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function optionsOf(schema: JsonObject | undefined, pointer: string): OptionInfo[] {
  if (!schema) return [];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = own(schema, keyword);
    if (!Array.isArray(list)) continue;
    return list.flatMap((entry, i) => {
      const value = own(entry, 'const');
      if (value === undefined) return [];
      return [{ code: valueText(value), label: ownString(entry, 'title') ?? valueText(value), pointer: `${pointer}/${keyword}/${i}` }];
    });
  }
  const values = own(schema, 'enum');
  return Array.isArray(values) ? values.map((v, i) => ({ code: valueText(v), label: valueText(v), pointer: `${pointer}/enum/${i}` })) : [];
}

/** Follow local `$ref`s (a few hops): the question's own keywords win over the shared shape. */
function resolveRef(root: JsonObject, node: unknown): JsonObject {
  let merged: JsonObject = isObject(node) ? node : {};
  for (let hops = 0; hops < 8; hops++) {
    const ref = own(merged, '$ref');
    if (typeof ref !== 'string' || !ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const t of tokensFromPointer(ref)) target = own(target, t);
    if (!isObject(target)) break;
    const { $ref: _drop, ...rest } = merged;
    merged = { ...target, ...rest };
  }
  return merged;
}

/** One condition under which a question is required: every `if` on the way must hold (or fail, when negated). */
export type RequiredCondition = Array<{ schema: unknown; negate: boolean }>;

type RequiredMap = Map<string, { always: boolean; when: Map<string, RequiredCondition> }>;

/** Who an object schema requires: `required`, and `required` inside `allOf` / `if`-`then`-`else`. */
function collectRequired(root: JsonObject, objectSchema: unknown): RequiredMap {
  const out: RequiredMap = new Map();
  const visit = (node: unknown, condition: RequiredCondition, depth: number) => {
    if (!isObject(node) || depth > 16) return;
    node = resolveRef(root, node);
    const required = own(node, 'required');
    if (Array.isArray(required)) {
      for (const key of required) {
        if (typeof key !== 'string') continue;
        const entry = out.get(key) ?? { always: false, when: new Map<string, RequiredCondition>() };
        if (condition.length === 0) entry.always = true;
        else entry.when.set(condition.map((c) => (c.negate ? '!' : '') + canonical(c.schema)).join(' && '), condition);
        out.set(key, entry);
      }
    }
    const allOf = own(node, 'allOf');
    if (Array.isArray(allOf)) for (const sub of allOf) visit(sub, condition, depth + 1);
    const cond = own(node, 'if');
    if (cond !== undefined) {
      visit(own(node, 'then'), [...condition, { schema: cond, negate: false }], depth + 1);
      visit(own(node, 'else'), [...condition, { schema: cond, negate: true }], depth + 1);
    }
  };
  visit(objectSchema, [], 0);
  return out;
}

interface UiContext {
  section?: SectionInfo;
  groupKey?: string;
}

/** Deeper than any real layout; loaded files are capped lower, this guards objects built in memory. */
const MAX_UI_DEPTH = 256;

function walkUi(index: QuestionIndex, byPath: Map<string, IndexedQuestion>, node: unknown, pointer: string, ctx: UiContext, depth = 0): void {
  if (!isObject(node) || depth > MAX_UI_DEPTH) return;
  const type = own(node, 'type');
  const rule = own(node, 'rule');
  if (type === 'Category') {
    const label = labelText(own(node, 'label')) ?? `Section ${index.sections.length + 1}`;
    const section: SectionInfo = { label, pointer, ...(rule !== undefined ? { rule: canonical(rule) } : {}), codes: [] };
    index.sections.push(section);
    ctx = { ...ctx, section };
  }
  if (type === 'Label') {
    const text = labelText(own(node, 'text'));
    if (text !== undefined) index.labels.push({ text, pointer, ...(ctx.section ? { section: ctx.section.label } : {}) });
  }
  const scope = ownString(node, 'scope');
  let question: IndexedQuestion | undefined;
  if (scope !== undefined) {
    question = byPath.get(answerPathOfScope(scope, ctx.groupKey) ?? '');
    if (question && question.uiPointer === undefined) {
      question.uiPointer = pointer;
      question.uiOrder = index.shown++;
      if (rule !== undefined) question.rule = canonical(rule);
      if (ctx.section !== undefined) {
        question.section = ctx.section.label;
        ctx.section.codes.push(question.code);
      }
    }
  }
  const elements = own(node, 'elements');
  if (Array.isArray(elements)) elements.forEach((child, i) => walkUi(index, byPath, child, `${pointer}/elements/${i}`, ctx, depth + 1));
  const detail = own(own(node, 'options'), 'detail');
  if (isObject(detail) && question?.kind === 'group') walkUi(index, byPath, detail, `${pointer}/options/detail`, { ...ctx, groupKey: question.key }, depth + 1);
}

function answerPathOfScope(scope: string, groupKey: string | undefined): string | undefined {
  if (!scope.startsWith('#')) return undefined;
  let tokens: string[];
  try {
    tokens = tokensFromPointer(scope);
  } catch {
    return undefined;
  }
  const e = escapePointerToken;
  if (tokens.length === 2 && tokens[0] === 'properties') {
    return groupKey !== undefined ? `/${e(groupKey)}/-/${e(tokens[1]!)}` : `/${e(tokens[1]!)}`;
  }
  if (tokens.length === 5 && tokens[0] === 'properties' && tokens[2] === 'items' && tokens[3] === 'properties') {
    return `/${e(tokens[1]!)}/-/${e(tokens[4]!)}`;
  }
  return undefined;
}

function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  return ownString(label, 'text');
}
