import type { FormModel, Question } from '../model/types';
import type { Band } from '../rules/computed';
import { siblingsOf } from '../model/levels';

/** SDC's extension for a value the form works out (FHIRPath over the QuestionnaireResponse). */
export const CALCULATED_EXPRESSION_URL = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
/** The score of an answer option (FHIR core's ordinalValue, which FHIRPath's `ordinal()` reads). */
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The FHIRPath a computed question is worked out by, over the response (`%resource`), items named
 * by their linkIds (export codes); undefined where it cannot be written faithfully (a count over
 * group items with a condition, a count of answers equal to an object).
 */
export function calculatedExpression(q: Question, model: FormModel): string | undefined {
  const spec = q.computed;
  if (!spec) return undefined;
  const siblings = siblingsOf(model, q);
  const link = (key: string) => siblings.find((s) => s.key === key)?.exportCode;
  const items = (keys: readonly string[]) => {
    const codes = keys.map(link);
    if (codes.some((c) => c === undefined)) return undefined;
    return `%resource.repeat(item).where(${codes.map((c) => `linkId = ${quote(c!)}`).join(' or ')})`;
  };
  if ('items' in spec) {
    const group = link(spec.items);
    if (!group) return undefined;
    const list = `%resource.repeat(item).where(linkId = ${quote(group)})`;
    if (spec.op === 'count') return spec.where === undefined ? `${list}.count()` : undefined;
    const field = siblings.find((s) => s.key === spec.items)?.items?.find((i) => i.key === spec.field);
    if (!field) return undefined;
    const value = field.options.some((o) => o.score !== undefined) ? 'answer.value.ordinal()' : 'answer.value';
    return `${list}.item.where(linkId = ${quote(field.exportCode)}).${value}.sum()`;
  }
  switch (spec.op) {
    case 'sum':
      return `${items(spec.of) ?? ''}.answer.value.sum()`.replace(/^\./, '') || undefined;
    case 'score': {
      const found = items(spec.of);
      return found && `${found}.answer.value.ordinal().sum()`;
    }
    case 'count': {
      const found = items(spec.of);
      const equals = spec.equals;
      if (!found) return undefined;
      if (typeof equals === 'boolean' || typeof equals === 'number') return `${found}.answer.where(value = ${String(equals)}).count()`;
      if (typeof equals === 'string') return `${found}.answer.where(value.code = ${quote(equals)} or value = ${quote(equals)}).count()`;
      return undefined;
    }
    case 'band': {
      const total = link(spec.of);
      return total && `%resource.repeat(item).where(linkId = ${quote(total)}).answer.value.select(${bandChoice(spec.bands)})`;
    }
  }
}

/** `iif(<in band 1>, 'low', iif(<in band 2>, 'increasing', …{}))`. */
function bandChoice(bands: readonly Band[]): string {
  let out = '{}';
  for (const b of [...bands].reverse()) {
    const tests = [b.min !== undefined ? `$this >= ${b.min}` : '', b.max !== undefined ? `$this <= ${b.max}` : ''].filter(Boolean);
    out = `iif(${tests.join(' and ') || 'true'}, ${quote(b.code)}, ${out})`;
  }
  return out;
}
