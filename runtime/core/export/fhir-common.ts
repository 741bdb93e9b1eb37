import type { Definition } from '../definition/envelope';
import type { FormModel } from '../model/types';
import { levelsApplied, type ExportProfileName } from './profiles';

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

/** `meta` of a QuestionnaireResponse or Bundle: the profile as a tag, the level table it applied as an extension. */
export interface FhirExportMeta {
  tag: Array<{ system: string; code: string; display?: string }>;
  extension: Array<{ url: string; extension: Array<{ url: string; valueCode: string }> }>;
}

/**
 * The profile (`meta.tag`) and the level table it applied (`meta.extension`
 * `<base>/StructureDefinition/export-levels`, one `valueCode` per level, keyed by the level's
 * name), so a receiver can tell what was left out or masked.
 */
export function exportMeta(model: FormModel, options: FhirOptions): FhirExportMeta {
  const applied = levelsApplied(model, options.profile ?? 'full');
  return {
    tag: [profileTag(options)],
    extension: [{ url: `${baseOf(options)}/StructureDefinition/export-levels`, extension: Object.keys(applied).map((url) => ({ url, valueCode: applied[url]! })) }],
  };
}

/** A FHIR `id` ([A-Za-z0-9-.]{1,64}), or undefined if `value` cannot be one unchanged. */
export function fhirId(value: string): string | undefined {
  return /^[A-Za-z0-9\-.]{1,64}$/.test(value) ? value : undefined;
}

/**
 * The top-level question key a UI scope `#/properties/<key>` names, decoded as JSON Forms and the
 * runtime's rules decode it (`~1`, `~0`; no percent-decoding, so `%E0` is a key, not a crash).
 */
export function topLevelKeyOfScope(scope: unknown): string | undefined {
  const match = typeof scope === 'string' ? /^#\/properties\/([^/]+)$/.exec(scope) : null;
  return match ? match[1]!.replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** `HH:MM[:SS[.f]]` with an optional offset → FHIR `time` (`HH:MM:SS`, no offset: FHIR times have none). */
export function fhirTime(value: string): string | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d|60)(\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/.exec(value);
  return m ? `${m[1]}:${m[2]}:${m[3] ?? '00'}${m[4] ?? ''}` : undefined;
}

/** A full calendar date `YYYY-MM-DD` that exists (FHIR `date` allows it; answers should hold nothing else). */
export function fhirDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : undefined;
}

/** An RFC 3339 date-time with an offset, as FHIR `dateTime` requires once a time is given. */
export function fhirDateTime(value: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-](0\d|1[0-3]):[0-5]\d|[+-]14:00)$/.exec(value);
  return m && fhirDate(m[1]!) ? value : undefined;
}

/**
 * FHIR `string` (`[ \r\n\t\S]+`): other white space (no-break space, line separator…) becomes a
 * plain space, so text pasted from a word processor still gives a valid resource.
 */
export function fhirString(value: string): string | undefined {
  const s = value.replace(/[^\S \r\n\t]/g, ' ');
  return s === '' ? undefined : s;
}

/** FHIR `integer` is 32-bit signed. */
export function fhirInteger(value: unknown): number | undefined {
  return Number.isInteger(value) && Math.abs(value as number) <= 2147483647 ? (value as number) : undefined;
}
