import type { Definition } from '../definition/envelope';
import { baseOf, codeSystemUrl, fhirId, fhirString, fhirTime, questionnaireUrl, type FhirOptions } from './fhir-common';
import type { FhirEnableWhen } from './fhir-enable-when';
import { fhirTree, type FhirNode } from './fhir-tree';
import type { ExportQuestion, QuestionType } from './questions';

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
  answerOption?: Array<{ valueCoding: { system: string; code: string; display: string } }>;
  extension?: Array<{ url: string; valueCode?: string; valueString?: string }>;
  item?: FhirQuestionnaireItem[];
}

const typeMap: Record<QuestionType, FhirQuestionnaireItem['type']> = {
  text: 'string',
  'long-text': 'text',
  integer: 'integer',
  decimal: 'decimal',
  boolean: 'boolean',
  choice: 'choice',
  'multi-choice': 'choice',
  date: 'date',
  time: 'time',
  'date-time': 'dateTime',
  group: 'group',
};

const statusMap = { draft: 'draft', published: 'active', retired: 'retired' } as const;

/** A definition as a FHIR R4 Questionnaire: linkId = `x-code`, canonical `url` + `version`. @public */
export function questionnaireFromDefinition(definition: Definition, options: FhirOptions = {}): FhirQuestionnaire {
  const base = baseOf(options);
  const item = fhirTree(definition).map((node) => itemOf(definition, node, options, base));
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

function itemOf(definition: Definition, node: FhirNode, options: FhirOptions, base: string): FhirQuestionnaireItem {
  if (node.kind === 'display') return { linkId: node.linkId, text: fhirString(node.text) ?? '-', type: 'display' };
  const out: FhirQuestionnaireItem =
    node.kind === 'layout'
      ? { linkId: node.linkId, ...(node.text ? { text: fhirString(node.text) ?? node.text } : {}), type: 'group' }
      : questionItem(definition, node.question, options, base);
  const rule = node.rule;
  if (rule?.mapped) {
    out.enableWhen = rule.enableWhen.map((e) => withSystem(definition, e, options));
    if (rule.enableWhen.length > 1) out.enableBehavior = rule.behavior;
  } else if (rule) {
    out.extension = [...(out.extension ?? []), { url: `${base}/StructureDefinition/ui-rule`, valueString: JSON.stringify(rule.rule) }];
  }
  const children = node.children.map((c) => itemOf(definition, c, options, base));
  if (children.length) out.item = children;
  return out;
}

function questionItem(definition: Definition, q: ExportQuestion, options: FhirOptions, base: string): FhirQuestionnaireItem {
  const item: FhirQuestionnaireItem = { linkId: q.code, text: fhirString(q.title) ?? q.code, type: typeMap[q.type] };
  if (q.required) item.required = true;
  if (q.type === 'group' || q.type === 'multi-choice') item.repeats = true;
  if (q.computed) item.readOnly = true;
  if (q.maxLength !== undefined && (item.type === 'string' || item.type === 'text')) item.maxLength = q.maxLength;
  if (q.options.length) {
    const system = codeSystemUrl(definition, q.code, options);
    item.answerOption = q.options.map((o) => ({ valueCoding: { system, code: o.code, display: fhirString(o.label) ?? o.code } }));
  }
  if (q.sensitivity) item.extension = [{ url: `${base}/StructureDefinition/sensitivity`, valueCode: q.sensitivity }];
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
