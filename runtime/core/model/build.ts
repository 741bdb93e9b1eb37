import type { Definition } from '../definition/envelope';
import { computedSources, parseComputed } from '../rules/computed';
import { FORBIDDEN_KEYS } from '../safety/limits';
import { levelOf, levelTable, type SensitivityLevel } from './sensitivity';
import { escapePointerToken, pointerFromTokens, scopePropertyPath, valueAt } from './pointers';
import { isObject, lazyAnchors, own, type AnchorLookup } from './schema-walk';
import { collectRequired, constraintsOf, groupItems, kindOf, objectProperties, optionsOf, shapeOf, str, type RequiredMap } from './schema';
import { forEachConditionScope, questionAtScope, uiIndex } from './scopes';
import type {
  FormModel, GuidanceLabel, JsonObject, PlacedRule, Question, QuestionOption, Section, UiElementInfo, UiIndex,
} from './types';

type Source = Pick<Definition, 'schema' | 'uischema'> & Partial<Pick<Definition, 'sensitivityLevels'>> & { safety?: Definition['safety'] };

const cache = new WeakMap<object, FormModel>();

/**
 * The form model of a definition (docs/definition-format.md, "Answers are flat", "Answers grouped in objects"): every question
 * with its kind, pointers, options, requirement, sensitivity, section, control and rules, read once.
 * Lint, validation, exports, versions, the runtime and the builder all read questions here.
 * Cached per definition object: definitions are not mutated once loaded (the builder makes a new
 * object for each edit).
 */
export function formModel(definition: Source): FormModel {
  const hit = cache.get(definition);
  if (hit) return hit;
  const model = build(definition);
  cache.set(definition, model);
  return model;
}

/** Deeper than any real layout; loaded files are capped lower, this guards objects built in memory. */
const MAX_UI_DEPTH = 256;
/** Objects and groups inside each other; the loader's nesting limit (64) stops files well before. */
const MAX_OBJECT_DEPTH = 32;

function build(definition: Source): FormModel {
  const schema: JsonObject = isObject(definition.schema) ? definition.schema : {};
  const uischema: JsonObject = isObject(definition.uischema) ? definition.uischema : {};
  const anchors = lazyAnchors(schema);
  const levels = levelTable(definition.sensitivityLevels);
  const questions: Question[] = [];
  const all: Question[] = [];
  const byKey = new Map<string, Question>();
  const byId = new Map<string, Question>();
  const add = (q: Question) => {
    // A duplicate code (a lint error) keeps both questions, the second under its answer path.
    if (byId.has(q.id)) q.id = `@${q.answerPath}`;
    byId.set(q.id, q);
    all.push(q);
  };
  const atPath = new Map<string, Question>();
  const fields: Question[] = [];
  /**
   * The questions of one object schema (the form's, an object question's, a group item's), in
   * declaration order: an object's questions are read in its place (`path` longer, same level);
   * a group's items make a level of their own. Depth is bounded by the loader's nesting limit;
   * MAX_OBJECT_DEPTH guards definitions built in memory.
   */
  const readObject = (objectSchema: JsonObject, schemaPointer: string, at: Place, into: Question[], level: { fields: Question[]; at: Map<string, Question> }, parent: Question | undefined, group: Question | undefined, depth: number): void => {
    const props = own(objectSchema, 'properties');
    if (!isObject(props) || depth > MAX_OBJECT_DEPTH) return;
    const required = collectRequired(schema, objectSchema, anchors, at.path);
    const keys = Object.keys(props);
    // Indexed loops in the build: it runs once per page, cold, where for…of allocates per step.
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const prop = props[key];
      // The loader refuses these keys; a definition built in memory could still carry them.
      if (!isObject(prop) || FORBIDDEN_KEYS.has(key)) continue;
      const q = readQuestion(schema, anchors, levels, prop, key, schemaPointer, at, required);
      if (group) q.group = group;
      if (parent) {
        q.parent = parent;
        // Required inside an object means required once the object is answered: as required as the
        // object, then (the plan of a follow-up required when the risk is above 0 is required then).
        if (q.required === 'always' && parent.required !== 'always') {
          q.required = parent.required;
          q.requiredIf = parent.requiredIf;
          q.requiredWhen = parent.requiredWhen;
        }
        // A question of a sensitive object is as sensitive as the object, unless it says otherwise.
        if (q.level === undefined && parent.level) {
          q.level = parent.level;
          if (parent.sensitivity !== undefined) q.sensitivity = parent.sensitivity;
        }
      }
      into.push(q);
      const pathPointer = `${at.pathPointer}/${escapePointerToken(key)}`;
      level.at.set(pathPointer, q);
      add(q);
      if (q.kind === 'object') {
        const inner = objectProperties(schema, prop, q.pointer, anchors);
        q.children = [];
        if (inner) readObject(inner.schema, inner.pointer, { path: q.path, pathPointer, answerPrefix: q.answerPath, scope: q.scope }, q.children, level, q, group, depth + 1);
        continue;
      }
      level.fields.push(q);
      if (q.kind !== 'group') continue;
      const items = groupItems(schema, prop, q.pointer, anchors);
      if (!items) continue;
      q.itemSchema = items;
      const itemLevel = { fields: [] as Question[], at: new Map<string, Question>() };
      readObject(items.schema, items.pointer, { path: [], pathPointer: '', answerPrefix: `${q.answerPath}/-`, scope: '#' }, [], itemLevel, undefined, q, depth + 1);
      q.items = itemLevel.fields;
      q.itemsAt = itemLevel.at;
    }
  };
  readObject(schema, '/schema', { path: [], pathPointer: '', answerPrefix: '', scope: '#' }, questions, { fields, at: atPath }, undefined, undefined, 0);
  for (let i = 0; i < questions.length; i++) byKey.set(questions[i]!.key, questions[i]!);
  const model = {
    schema, uischema, questions, fields, atPath, all, byKey, byId, shown: [] as Question[],
    sections: null, labels: [] as GuidanceLabel[], ruleReads: new Set<string>(), anchors, levels,
    // Set once the UI walk has its elements.
    ui: undefined as unknown as UiIndex,
  } as FormModel;
  const sections: Section[] = [];
  const reads = new Set<string>();
  let readsAll = false;
  const elements: UiElementInfo[] = [];
  // One walk of the UI schema gives what the runtime reads (controls, sections, labels, rules) and
  // every element, which the render rules check before the first render; what each scope names is
  // lint's, worked out from the elements when first read (scopes.ts).
  const walk = (node: unknown, pointer: string, parent: UiElementInfo | undefined, rules: PlacedRule[], section: Section | undefined, detailOf: Question | undefined, depth: number): void => {
    if (!isObject(node) || depth > MAX_UI_DEPTH) return;
    const element: UiElementInfo = { node, pointer, parent, detailOf };
    elements.push(element);
    const rule = own(node, 'rule');
    if (isObject(rule)) rules = [...rules, { rule, pointer }];
    const type = own(node, 'type');
    if (type === 'Category') {
      const label = labelText(own(node, 'label')) ?? `Section ${sections.length + 1}`;
      section = { index: sections.length, label, pointer, element: node, rules, questions: [] };
      sections.push(section);
    }
    if (type === 'Label') {
      const text = labelText(own(node, 'text'));
      if (text !== undefined) {
        const label: GuidanceLabel = { text, pointer, element: node, rules, ...(section ? { section } : {}), ...(detailOf ? { group: detailOf } : {}) };
        model.labels.push(label);
      }
    }
    const scope = own(node, 'scope');
    let question: Question | undefined;
    if (typeof scope === 'string') question = questionAtScope(model, scope, detailOf);
    if (question && !question.control) {
      question.control = { element: node, pointer, scope: scope as string, rules, order: model.shown.length };
      model.shown.push(question);
      if (question.kind === 'text' && own(own(node, 'options'), 'multi') === true) question.kind = 'long-text';
      if (section) {
        question.section = section;
        section.questions.push(question);
      }
    }
    if (isObject(rule)) {
      forEachConditionScope(own(rule, 'condition'), `${pointer}/rule/condition`, (conditionScope) => {
        // Rules inside an item layout read the item's answers, which change with the group's own value.
        if (detailOf) return;
        const path = scopePropertyPath(conditionScope);
        if (!path || path.length === 0) readsAll = true;
        else reads.add(path[0]!);
      });
    }
    const children = own(node, 'elements');
    if (Array.isArray(children)) for (let i = 0; i < children.length; i++) walk(children[i], `${pointer}/elements/${i}`, element, rules, section, detailOf, depth + 1);
    const detail = own(own(node, 'options'), 'detail');
    if (isObject(detail)) walk(detail, `${pointer}/options/detail`, element, rules, section, question?.kind === 'group' ? question : detailOf, depth + 1);
  };
  walk(uischema, '/uischema', undefined, [], undefined, undefined, 0);
  model.ui = uiIndex(model, elements);
  // A group's items its detail does not list are shown inside the group: they sit in its section, under its rules.
  for (let i = 0; i < all.length; i++) {
    const q = all[i]!;
    if (q.group && !q.section && q.group.section) q.section = q.group.section;
  }
  if (own(uischema, 'type') === 'Categorization') model.sections = sections;
  model.ruleReads = readsAll ? null : withComputedSources(reads, byKey);
  const gate = own(own(definition, 'safety'), 'gate');
  if (typeof gate === 'string') {
    const question = byKey.get(gate);
    model.gate = { key: gate, yes: question?.yesNo?.yes ?? true, no: question?.yesNo?.no ?? false, ...(question ? { question } : {}) };
  }
  return model;
}

/** A rule reading a computed value changes with the answers it is worked out from (a band's total's too). */
function withComputedSources(reads: Set<string>, byKey: ReadonlyMap<string, Question>): Set<string> {
  for (const key of [...reads]) {
    const q = byKey.get(key);
    if (q?.computed) for (const source of computedSources(q, (k) => byKey.get(k))) reads.add(source);
  }
  return reads;
}

/** Most questions have no conditions: they share one empty list (frozen: nothing may add to it). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * Where an object's questions are read: the property path and its pointer (from the top-level
 * answers, or from one group item), the answer pointer and the UI scope of the object itself.
 * Each question's own are these plus its key, so nothing is decoded or joined again per question.
 */
interface Place {
  path: readonly string[];
  pathPointer: string;
  answerPrefix: string;
  scope: string;
}

function readQuestion(root: JsonObject, anchors: AnchorLookup, levels: ReadonlyMap<string, SensitivityLevel>, prop: JsonObject, key: string, objectPointer: string, at: Place, required: RequiredMap): Question {
  const token = escapePointerToken(key);
  const pointer = `${objectPointer}/properties/${token}`;
  const shape = shapeOf(root, prop, anchors);
  const info = kindOf(root, prop, shape, pointer, false, anchors);
  const req = required.get(key);
  const when = req?.when;
  const answerPath = `${at.answerPrefix}/${token}`;
  const sensitivity = own(prop, 'x-sensitivity');
  const code = str(own(prop, 'x-code'));
  // Every field in one literal, in one order, the optional ones undefined: every question then has
  // one shape, so the engine reads a field of any question as fast as of the first (fields added
  // later, in whatever order a question needed them, gave the model's 1000 questions dozens of shapes).
  const q: Question = {
    key,
    code,
    id: code ?? `@${answerPath}`,
    exportCode: code ?? key,
    kind: info.kind,
    readOnly: own(shape, 'readOnly') === true,
    options: optionsOf(info.optionsFrom, info.optionsPointer, info.kind === 'multiple-choice'),
    required: req?.always ? 'always' : when ? 'conditional' : 'never',
    requiredWhen: when ? [...when.keys()].sort() : NONE,
    requiredIf: when ? [...when.values()] : NONE,
    constraints: constraintsOf(shape),
    pointer,
    schema: prop,
    shape,
    answerPath,
    path: at.path.length ? [...at.path, key] : [key],
    scope: `${at.scope}/properties/${token}`,
    jsonType: info.jsonType || undefined,
    // `x-code`, `title` and `x-sensitivity` belong to the question's own property; a shared shape may lend a title.
    title: str(own(prop, 'title')) ?? str(own(shape, 'title')),
    description: str(own(prop, 'description')) ?? str(own(shape, 'description')),
    help: str(own(prop, 'x-help')),
    sensitivity: typeof sensitivity === 'string' ? sensitivity : undefined,
    level: levelOf(levels, sensitivity) || undefined,
    computed: parseComputed(own(prop, 'x-computed')) || undefined,
    yesNo: undefined,
    group: undefined,
    parent: undefined,
    children: undefined,
    items: undefined,
    itemsAt: undefined,
    itemSchema: undefined,
    control: undefined,
    section: undefined,
  };
  q.yesNo = yesNoOf(q, own(prop, 'x-yes-no'));
  return q;
}

/** A boolean is yes/no by nature; a single choice when `x-yes-no` names two of its codes. */
function yesNoOf(q: Question, declared: unknown): Question['yesNo'] {
  if (q.kind === 'yes-no') return { yes: true, no: false };
  if (q.kind !== 'single-choice' || !isObject(declared)) return undefined;
  const yes = optionCoded(q.options, own(declared, 'yes'));
  const no = optionCoded(q.options, own(declared, 'no'));
  return yes && no && yes !== no ? { yes: yes.value, no: no.value } : undefined;
}

// Not a closure in yesNoOf: one would capture the question, and its context be made for every question read.
function optionCoded(options: readonly QuestionOption[], code: unknown): QuestionOption | undefined {
  return options.find((o) => o.code === code);
}

function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label;
  return str(own(label, 'text'));
}

/**
 * The question an answer pointer (or a pointer inside an answer) belongs to: `/key`,
 * `/object/key`, `/group/0/key/…`; the deepest question on the way (a group or object itself when
 * the pointer goes no further in, or names nothing inside it).
 */
export function questionAtAnswer(model: FormModel, tokens: readonly string[]): Question | undefined {
  let at: ReadonlyMap<string, Question> | undefined = model.atPath;
  let found: Question | undefined;
  let path = '';
  for (let i = 0; i < tokens.length && at; i++) {
    path += '/' + escapePointerToken(tokens[i]!);
    const q = at.get(path);
    if (!q) break;
    found = q;
    if (q.kind === 'object') continue;
    if (q.kind !== 'group' || !/^\d+$/.test(tokens[i + 1] ?? '')) break;
    at = q.itemsAt;
    path = '';
    i++;
  }
  return found;
}

/** The pointer of `q`'s answer that `tokens` (a pointer at or inside it, from `questionAtAnswer`) run through: `/children/1/address/postcode`. */
export function answerPointerIn(q: Pick<Question, 'answerPath'>, tokens: readonly string[]): string {
  return pointerFromTokens(tokens.slice(0, q.answerPath.split('/').length - 1));
}

/** The answer to `q` in the object it is read from (the top-level answers or one group item), own properties only. */
export function answerIn(answers: unknown, q: Pick<Question, 'path'>): unknown {
  return valueAt(answers, q.path);
}
