import type { RawDefinition } from './questions';
import { isPlaceholderNote } from '../../../../runtime/core/index';
import { isObject, ownArray } from './json';

/** How the builder writes a definition: two-space JSON with a final newline, like the files on disk. */
export function definitionText(def: RawDefinition): string {
  return JSON.stringify(def, null, 2) + '\n';
}

/** A new form, ready for the outline: one empty section, draft 1.0.0. */
export function newDefinition(id: string, title: string, today: string): RawDefinition {
  return {
    $schema: '../../schemas/definition.schema.json',
    id,
    version: '1.0.0',
    status: 'draft',
    title,
    source: { document: 'Written in Assessment Studio' },
    changelog: [{ version: '1.0.0', date: today, summary: 'First draft.' }],
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {}, required: [] },
    uischema: { type: 'Categorization', elements: [{ type: 'Category', label: 'Section 1', elements: [] }] },
  };
}

/**
 * A draft copy of a version under a new number. No changelog entry is made for it: publishing asks
 * for the change note (issue 17: a placeholder here was published as it was), and the entry of a
 * draft copied from is left behind, since that draft's note says nothing about this version.
 */
export function newVersionFrom(from: RawDefinition, version: string): RawDefinition {
  const copy = structuredClone(from);
  copy.version = version;
  const wasDraft = from.status === 'draft';
  copy.status = 'draft';
  const changelog = ownArray(copy, 'changelog') ?? [];
  copy.changelog = changelog.filter((e) => !(isObject(e) && ((wasDraft && e.version === from.version) || isPlaceholderNote(e.summary))));
  return copy;
}

/** The draft under another number: its `version`, and its own changelog entry with it. */
export function renumbered(def: RawDefinition, to: string): RawDefinition {
  const copy = structuredClone(def);
  const from = copy.version;
  copy.version = to;
  const changelog = ownArray(copy, 'changelog');
  if (changelog) copy.changelog = changelog.map((e) => (isObject(e) && e.version === from ? { ...e, version: to } : e));
  return copy;
}

/** Sets this version's change note (the summary of its changelog entry, made if missing). */
export function withChangeNote(def: RawDefinition, summary: string, today: string): RawDefinition {
  const copy = structuredClone(def);
  const changelog = [...(ownArray(copy, 'changelog') ?? [])];
  const at = changelog.findIndex((e) => isObject(e) && e.version === copy.version);
  if (at >= 0) changelog[at] = { ...(changelog[at] as object), summary };
  else changelog.push({ version: copy.version, date: today, summary });
  copy.changelog = changelog;
  return copy;
}

/** The next patch number: a new version's provisional number, which renumbering raises as changes need. */
export function nextPatch(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split('-')[0]!.split('.').map((n) => Number(n) || 0);
  return `${major}.${minor}.${patch + 1}`;
}
