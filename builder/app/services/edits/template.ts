import type { RawDefinition } from './questions';
import { ownArray } from './json';

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

/** A draft copy of a version under a new number, with a changelog entry to fill in. */
export function newVersionFrom(from: RawDefinition, version: string, today: string, summary = 'Describe what changed and why.'): RawDefinition {
  const copy = structuredClone(from);
  copy.version = version;
  copy.status = 'draft';
  const changelog = ownArray(copy, 'changelog') ?? [];
  copy.changelog = [...changelog, { version, date: today, summary }];
  return copy;
}
