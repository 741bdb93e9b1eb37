import { compareVersions } from '../../../core/index';

/** A form as `GET /api/forms` lists it. */
export interface FormSummary {
  id: string;
  title: string;
  versions: Array<{ version: string; status: string }>;
  retired?: unknown;
}

/** The forms a practitioner is offered, by title: each with its latest published version and the earlier ones, newest first. */
export function offered(forms: readonly FormSummary[]): Array<{ id: string; title: string; current: string; earlier: string[] }> {
  return forms
    .filter((f) => !f.retired)
    .map((f) => {
      const versions = (f.versions ?? []).filter((v) => v.status === 'published').map((v) => v.version).sort(compareVersions).reverse();
      return { id: f.id, title: f.title, current: versions[0]!, earlier: versions.slice(1) };
    })
    .filter((f) => f.current !== undefined)
    .sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.id.localeCompare(b.id));
}

