import type { FormSummary, VersionSummary } from '../../services/workspaceClient';
import { compareVersions } from '../../../../runtime/core/index';

/** Explorer rows: forms by title, each with its versions newest first. Pure. */
export interface ExplorerForm {
  id: string;
  title: string;
  versions: VersionSummary[];
  /** The whole form is retired (not offered to practitioners). */
  retired: boolean;
}

export function explorerForms(forms: readonly FormSummary[], filter = ''): ExplorerForm[] {
  const needle = filter.trim().toLowerCase();
  return forms
    .filter((f) => !needle || f.id.includes(needle) || f.title.toLowerCase().includes(needle))
    .map((f) => ({ id: f.id, title: f.title || f.id, retired: !!f.retired, versions: [...f.versions].sort((a, b) => compareVersions(b.version, a.version)) }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

export const statusLabel: Record<VersionSummary['status'], string> = {
  draft: 'Draft',
  published: 'Published',
  retired: 'Retired',
  invalid: 'Invalid',
};
