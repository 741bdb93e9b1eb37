import type { Definition } from '../definition/envelope';
import type { ExportProfileName } from './profiles';

/** Options every FHIR exporter takes. @public */
export interface FhirOptions {
  /** Base of canonical URLs; default {@link DEFAULT_FHIR_BASE}. */
  fhirBase?: string;
  profile?: ExportProfileName;
}

/** Default base of canonical URLs: `<base>/Questionnaire/<id>`, `<base>/CodeSystem/<id>/<code>`. @public */
export const DEFAULT_FHIR_BASE = 'https://assessment-studio.example/fhir';

export const DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

export function baseOf(options: FhirOptions): string {
  return (options.fhirBase ?? DEFAULT_FHIR_BASE).replace(/\/+$/, '');
}

export function questionnaireUrl(definition: Pick<Definition, 'id'>, options: FhirOptions = {}): string {
  return `${baseOf(options)}/Questionnaire/${definition.id}`;
}

export function codeSystemUrl(definition: Pick<Definition, 'id'>, questionCode: string, options: FhirOptions = {}): string {
  return `${baseOf(options)}/CodeSystem/${definition.id}/${questionCode}`;
}

/** The tag that records the export profile in `meta.tag` of every resource and the Bundle. */
export function profileTag(options: FhirOptions): { system: string; code: string; display: string } {
  const code = options.profile ?? 'full';
  return { system: `${baseOf(options)}/CodeSystem/export-profile`, code, display: `Export profile: ${code}` };
}

/** A FHIR `id` ([A-Za-z0-9-.]{1,64}), or undefined if `value` cannot be one unchanged. */
export function fhirId(value: string): string | undefined {
  return /^[A-Za-z0-9\-.]{1,64}$/.test(value) ? value : undefined;
}

/** `HH:MM[:SS[.f]]` with an optional offset → FHIR `time` (`HH:MM:SS`, no offset: FHIR times have none). */
export function fhirTime(value: string): string | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d|60)(\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/.exec(value);
  return m ? `${m[1]}:${m[2]}:${m[3] ?? '00'}${m[4] ?? ''}` : undefined;
}
