import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { exportContext } from './answers';
import { exportMeta, type FhirExportMeta, type FhirOptions } from './fhir-common';
import { questionnaireFromDefinition, type FhirQuestionnaire } from './fhir-questionnaire';
import { responseIn, type FhirQuestionnaireResponse } from './fhir-response';
import { writerChunks, type ExportWriter } from './writer';

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
export function fhirBundleChunks(definition: Definition, responses: Iterable<ResponseEnvelope>, options: FhirBundleOptions = {}): Generator<string> {
  return writerChunks(fhirBundleWriter(definition, options), responses);
}

/** The Bundle's writer: its head and the Questionnaire entry, a QuestionnaireResponse entry per response. @public */
export function fhirBundleWriter(definition: Definition, options: FhirBundleOptions = {}): ExportWriter {
  const ctx = exportContext(definition, options.profile);
  return {
    head() {
      const head = {
        resourceType: 'Bundle',
        type: 'collection',
        meta: exportMeta(ctx.model, { ...options, profile: ctx.profile }),
        timestamp: (options.timestamp ?? new Date()).toISOString(),
      };
      return JSON.stringify(head).slice(0, -1) + ',"entry":[\n' + JSON.stringify({ resource: questionnaireFromDefinition(definition, options) });
    },
    add: (response) => ',\n' + JSON.stringify({ resource: responseIn(ctx, response, options) }),
    end: () => '\n]}\n',
  };
}
