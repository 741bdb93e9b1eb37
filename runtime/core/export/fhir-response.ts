import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { cellOf, exportContext, groupEntries, shownResponse, type ExportContext } from './answers';
import { codeSystemUrl, DATA_ABSENT_REASON, fhirDate, fhirDateTime, fhirId, fhirInteger, fhirString, fhirTime, exportMeta, questionnaireUrl, baseOf, type FhirExportMeta, type FhirOptions } from './fhir-common';
import { escapePointerToken } from '../model/pointers';
import { hiddenAnswerPointers, isHiddenPointer } from '../rules/visibility';
import { fhirTree, type FhirNode } from './fhir-tree';
import type { Question } from '../model/types';

/** The parts of FHIR R4 `QuestionnaireResponse` this exporter writes. */
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  meta: FhirExportMeta;
  identifier: { system: string; value: string };
  questionnaire: string;
  status: 'in-progress' | 'completed';
  authored: string;
  item?: FhirResponseItem[];
}

export interface FhirResponseItem {
  linkId: string;
  text?: string;
  answer?: FhirAnswer[];
  item?: FhirResponseItem[];
  extension?: Array<{ url: string; valueCode: string }>;
}

export type FhirAnswer =
  | { valueBoolean: boolean }
  | { valueInteger: number }
  | { valueDecimal: number }
  | { valueDate: string }
  | { valueDateTime: string }
  | { valueTime: string }
  | { valueString: string }
  | { valueCoding: { system: string; code: string; display?: string } };

/**
 * A response as a FHIR R4 QuestionnaireResponse, items nested like the Questionnaire, referencing
 * it as `<url>|<version>`. The profile is applied: dropped answers are left out, masked ones carry
 * the `data-absent-reason` extension with code `masked` and no answer. @public
 */
export function questionnaireResponseFrom(definition: Definition, response: ResponseEnvelope, options: FhirOptions = {}): FhirQuestionnaireResponse {
  return responseIn(exportContext(definition, options.profile), response, options);
}

export function responseIn(ctx: ExportContext, stored: ResponseEnvelope, options: FhirOptions): FhirQuestionnaireResponse {
  const definition = ctx.definition;
  // FHIR forbids answers to disabled items; every export leaves out answers hidden by a rule.
  const response = shownResponse(ctx, stored);
  // A computed value is worked out whatever is shown, so a hidden one is still there to leave out.
  const hidden = ctx.questions.some((q) => q.computed) ? hiddenAnswerPointers(definition, response.answers) : undefined;
  const shown = (q: Question) => !hidden || !q.computed || q.group !== undefined || !isHiddenPointer(hidden, `/${escapePointerToken(q.key)}`);
  const item = fhirTree(definition).flatMap((node) => itemsOf(ctx, node, response.answers, options, shown));
  const id = fhirId(response.responseId);
  return {
    resourceType: 'QuestionnaireResponse',
    ...(id ? { id } : {}),
    meta: exportMeta(ctx.model, { ...options, profile: ctx.profile }),
    identifier: { system: `${baseOf(options)}/response-id`, value: response.responseId },
    questionnaire: `${questionnaireUrl(definition, options)}|${definition.version}`,
    status: response.status,
    authored: response.completedAt ?? response.updatedAt,
    ...(item.length ? { item } : {}),
  };
}

const textOf = (q: Question): string => fhirString(q.title ?? q.key) ?? q.exportCode;
const maskedExtension = () => [{ url: DATA_ABSENT_REASON, valueCode: 'masked' }];
const masked = (q: Question): FhirResponseItem => ({ linkId: q.exportCode, text: textOf(q), extension: maskedExtension() });

/**
 * A masked repeatable group keeps the Questionnaire's shape: one entry whose every item is masked,
 * so a reader sees which questions were asked and that their answers are withheld. One entry,
 * whatever the answers hold, because how many children there are is itself sensitive.
 */
const maskedGroup = (q: Question): FhirResponseItem => ({ ...masked(q), item: (q.items ?? []).map(masked) });

function itemsOf(ctx: ExportContext, node: FhirNode, answers: Record<string, unknown>, options: FhirOptions, shown: (q: Question) => boolean): FhirResponseItem[] {
  if (node.kind === 'display') return [];
  if (node.kind === 'layout') {
    const children = node.children.flatMap((c) => itemsOf(ctx, c, answers, options, shown));
    if (!children.length) return [];
    // Every item masked: the group is too, since what enables it may be masked with them (the
    // AUDIT's brief advice, shown by a masked score), and a reader could not tell it was enabled.
    const allMasked = children.every((c) => c.extension?.some((e) => e.url === DATA_ABSENT_REASON));
    return [{ linkId: node.linkId, ...(node.text ? { text: fhirString(node.text) ?? node.text } : {}), ...(allMasked ? { extension: maskedExtension() } : {}), item: children }];
  }
  const q = node.question;
  if (!shown(q)) return [];
  if (q.kind === 'object') {
    // Its questions read the same answers (their paths go through it); each is judged on its own level.
    const children = node.children.flatMap((c) => itemsOf(ctx, c, answers, options, shown));
    return children.length ? [{ linkId: q.exportCode, text: textOf(q), item: children }] : [];
  }
  const cell = cellOf(ctx, q, answers);
  if (cell.kind === 'masked') return [q.kind === 'group' ? maskedGroup(q) : masked(q)];
  if (cell.kind !== 'value') return [];
  if (q.kind === 'group') {
    // One item per group entry, same linkId (the Questionnaire item repeats), in answer order.
    return groupEntries(cell.value).map(({ item: entry }) => {
      const children = node.children.flatMap((c) => itemsOf(ctx, c, entry, options, shown));
      return { linkId: q.exportCode, text: textOf(q), ...(children.length ? { item: children } : {}) };
    });
  }
  const answer = answersOf(ctx.definition, q, cell.value, options);
  return answer.length ? [{ linkId: q.exportCode, text: textOf(q), answer }] : [];
}

/** Typed `answer[x]` values; a value of the wrong shape for its question gives none (validation reports it). */
function answersOf(definition: Definition, q: Question, value: unknown, options: FhirOptions): FhirAnswer[] {
  const coding = (code: unknown): FhirAnswer[] => {
    if (typeof code !== 'string') return [];
    // Only the form's own codes: anything else is not an answer the Questionnaire allows.
    const option = q.options.find((o) => o.code === code);
    return option ? [{ valueCoding: { system: codeSystemUrl(definition, q.exportCode, options), code, display: option.label } }] : [];
  };
  switch (q.kind) {
    case 'yes-no':
      return typeof value === 'boolean' ? [{ valueBoolean: value }] : [];
    case 'integer': {
      const n = fhirInteger(value);
      return n === undefined ? [] : [{ valueInteger: n }];
    }
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? [{ valueDecimal: value }] : [];
    case 'date': {
      const d = typeof value === 'string' ? fhirDate(value) : undefined;
      return d ? [{ valueDate: d }] : [];
    }
    case 'date-time': {
      const d = typeof value === 'string' ? fhirDateTime(value) : undefined;
      return d ? [{ valueDateTime: d }] : [];
    }
    case 'time': {
      const t = typeof value === 'string' ? fhirTime(value) : undefined;
      return t ? [{ valueTime: t }] : [];
    }
    case 'single-choice':
      return coding(value);
    case 'multiple-choice':
      return Array.isArray(value) ? value.flatMap(coding) : [];
    case 'group':
      return [];
    default: {
      const text = typeof value === 'string' ? fhirString(value) : undefined;
      return text === undefined ? [] : [{ valueString: text }];
    }
  }
}
