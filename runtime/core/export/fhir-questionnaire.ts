import type { Definition } from '../definition/envelope';
import { baseOf, codeSystemUrl, fhirId, fhirString, fhirTime, questionnaireUrl, type FhirOptions } from './fhir-common';
import type { FhirEnableWhen } from './fhir-enable-when';
import { requirementOf } from './fhir-form-facts';
import { requiredWhenSchema, requiredWhenShown, type ConditionSubject, type EnableLevel } from './fhir-required';
import { fhirTree, type FhirNode } from './fhir-tree';
import type { FormModel, Question, QuestionKind } from '../model/types';
import { formModel } from '../model/build';
import { questionInCondition } from '../model/levels';
import { calculatedExpression, CALCULATED_EXPRESSION_URL, ORDINAL_VALUE_URL } from './fhir-calculated';

/** The parts of FHIR R4 `Questionnaire` this exporter writes (checked against the R4 JSON Schema in tests). */
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id?: string;
  meta?: { tag?: Array<{ system: string; code: string; display?: string }> };
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'draft' | 'active' | 'retired';
  date?: string;
  description?: string;
  item?: FhirQuestionnaireItem[];
}

export interface FhirQuestionnaireItem {
  linkId: string;
  text?: string;
  type: 'group' | 'display' | 'boolean' | 'decimal' | 'integer' | 'date' | 'dateTime' | 'time' | 'string' | 'text' | 'choice';
  required?: boolean;
  repeats?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  enableWhen?: FhirEnableWhen[];
  enableBehavior?: 'all' | 'any';
  answerOption?: Array<{ valueCoding: { system: string; code: string; display: string }; extension?: Array<{ url: string; valueDecimal: number }> }>;
  extension?: Array<{ url: string; valueCode?: string; valueString?: string; valueExpression?: { language: 'text/fhirpath'; expression: string } }>;
  item?: FhirQuestionnaireItem[];
}

const typeMap: Record<QuestionKind, FhirQuestionnaireItem['type']> = {
  text: 'string',
  'long-text': 'text',
  email: 'string',
  integer: 'integer',
  decimal: 'decimal',
  'yes-no': 'boolean',
  'single-choice': 'choice',
  'multiple-choice': 'choice',
  date: 'date',
  time: 'time',
  'date-time': 'dateTime',
  group: 'group',
  object: 'group',
  // A list of free values (no options): one string per entry.
  list: 'string',
  other: 'string',
};

const statusMap = { draft: 'draft', published: 'active', retired: 'retired' } as const;

/** A definition as a FHIR R4 Questionnaire: linkId = `x-code`, canonical `url` + `version`. @public */
export function questionnaireFromDefinition(definition: Definition, options: FhirOptions = {}): FhirQuestionnaire {
  const ctx: ItemContext = { definition, options, base: baseOf(options), model: formModel(definition) };
  const item = fhirTree(definition).map((node) => itemOf(ctx, node, []));
  // `changelog` has a default in the envelope schema; a host may pass the file as read, without it.
  const date = (definition.changelog ?? []).find((c) => c.version === definition.version)?.date;
  const id = fhirId(`${definition.id}-${definition.version}`.slice(0, 64));
  return {
    resourceType: 'Questionnaire',
    ...(id ? { id } : {}),
    url: questionnaireUrl(definition, options),
    version: definition.version,
    name: pascalName(definition.id),
    title: fhirString(definition.title) ?? definition.id,
    status: statusMap[definition.status],
    ...(date ? { date } : {}),
    ...(definition.description ? { description: definition.description } : {}),
    ...(item.length ? { item } : {}),
  };
}

interface ItemContext {
  definition: Definition;
  options: FhirOptions;
  base: string;
  model: FormModel;
}

/** `levels`: the enableWhen of every group around the node, outermost first. */
function itemOf(ctx: ItemContext, node: FhirNode, levels: readonly EnableLevel[]): FhirQuestionnaireItem {
  const { definition, options, base } = ctx;
  const rule = node.rule;
  const own = rule?.mapped ? [...levels, { enableWhen: rule.enableWhen, behavior: rule.behavior }] : levels;
  const out: FhirQuestionnaireItem =
    node.kind === 'display'
      ? { linkId: node.linkId, text: fhirString(node.text) ?? '-', type: 'display' }
      : node.kind === 'layout'
        ? { linkId: node.linkId, ...(node.text ? { text: fhirString(node.text) ?? node.text } : {}), type: 'group' }
        : questionItem(ctx, node.question, own);
  if (rule?.mapped) {
    out.enableWhen = rule.enableWhen.map((e) => withSystem(definition, e, options));
    if (rule.enableWhen.length > 1) out.enableBehavior = rule.behavior;
  } else if (rule) {
    out.extension = [...(out.extension ?? []), { url: `${base}/StructureDefinition/ui-rule`, valueString: JSON.stringify(rule.rule) }];
  }
  const children = node.kind === 'display' ? [] : node.children.map((c) => itemOf(ctx, c, own));
  if (children.length) out.item = children;
  return out;
}

function questionItem(ctx: ItemContext, q: Question, levels: readonly EnableLevel[]): FhirQuestionnaireItem {
  const { definition, options, base } = ctx;
  const item: FhirQuestionnaireItem = { linkId: q.exportCode, text: fhirString(q.title ?? q.key) ?? q.exportCode, type: typeMap[q.kind] };
  const requirement = requirementOf(q);
  // A group item's `if` names its sibling answers, which enableWhen cannot address.
  const subject: ConditionSubject = (at, key) => (q.group === undefined ? questionInCondition(ctx.model, q, at, key) : undefined);
  if (requirement.kind === 'always' || (requirement.kind === 'when' && requiredWhenShown(requirement.conditions, levels, subject))) item.required = true;
  if (q.kind === 'group' || q.kind === 'multiple-choice' || q.kind === 'list') item.repeats = true;
  if (q.computed) item.readOnly = true;
  const maxLength = q.constraints.maxLength;
  if (typeof maxLength === 'number' && (item.type === 'string' || item.type === 'text')) item.maxLength = maxLength;
  if (q.options.length) {
    const system = codeSystemUrl(definition, q.exportCode, options);
    item.answerOption = q.options.map((o) => ({
      valueCoding: { system, code: o.code, display: fhirString(o.label) ?? o.code },
      ...(o.score !== undefined ? { extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: o.score }] } : {}),
    }));
  }
  const extension: NonNullable<FhirQuestionnaireItem['extension']> = [];
  const calculated = calculatedExpression(q, ctx.model);
  if (calculated) extension.push({ url: CALCULATED_EXPRESSION_URL, valueExpression: { language: 'text/fhirpath', expression: calculated } });
  if (q.sensitivity) extension.push({ url: `${base}/StructureDefinition/sensitivity`, valueCode: q.sensitivity });
  if (requirement.kind === 'when' && !item.required) {
    extension.push({ url: `${base}/StructureDefinition/required-when`, valueString: JSON.stringify(requiredWhenSchema(requirement.conditions)) });
  }
  if (extension.length) item.extension = extension;
  return item;
}

function withSystem(definition: Definition, e: FhirEnableWhen, options: FhirOptions): FhirEnableWhen {
  if (e.answerCoding) return { ...e, answerCoding: { system: codeSystemUrl(definition, e.question, options), code: e.answerCoding.code } };
  if (e.answerTime !== undefined) return { ...e, answerTime: fhirTime(e.answerTime) ?? e.answerTime };
  return e;
}

/** `routine-enquiry` → `RoutineEnquiry` (FHIR's computable name, `[A-Z][A-Za-z0-9_]*`). */
function pascalName(id: string): string {
  return id.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}
