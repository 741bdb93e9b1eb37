import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { exportContext } from './answers';
import { exportMeta, type FhirExportMeta, type FhirOptions } from './fhir-common';
import { questionnaireFromDefinition, type FhirQuestionnaire } from './fhir-questionnaire';
import { responseIn, type FhirQuestionnaireResponse } from './fhir-response';

/** FHIR options plus the Bundle's `timestamp` (default: now). @public */
export type FhirBundleOptions = FhirOptions & { timestamp?: Date };

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  meta: FhirExportMeta;
  timestamp?: string;
  entry: Array<{ resource: FhirQuestionnaire | FhirQuestionnaireResponse }>;
}

/**
 * Many responses as one FHIR R4 Bundle of type `collection`: the Questionnaire first (so the
 * Bundle is self-describing), then one QuestionnaireResponse per response. The profile and the
 * level table it applied are in the Bundle's `meta` and each response's. @public
 */
export function fhirBundle(definition: Definition, responses: Iterable<ResponseEnvelope>, options: FhirBundleOptions = {}): FhirBundle {
  return JSON.parse([...fhirBundleChunks(definition, responses, options)].join('')) as FhirBundle;
}

/** The Bundle as JSON text chunks (one entry per chunk), so many responses stream. @public */
export function* fhirBundleChunks(definition: Definition, responses: Iterable<ResponseEnvelope>, options: FhirBundleOptions = {}): Generator<string> {
  const ctx = exportContext(definition, options.profile);
  const head = {
    resourceType: 'Bundle',
    type: 'collection',
    meta: exportMeta(ctx.model, { ...options, profile: ctx.profile }),
    timestamp: (options.timestamp ?? new Date()).toISOString(),
  };
  yield JSON.stringify(head).slice(0, -1) + ',"entry":[\n';
  yield JSON.stringify({ resource: questionnaireFromDefinition(definition, options) });
  for (const response of responses) yield ',\n' + JSON.stringify({ resource: responseIn(ctx, response, options) });
  yield '\n]}\n';
}
