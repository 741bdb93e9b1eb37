import semver from 'semver';
import type { Definition } from '../definition/envelope';
import { encodeRows } from './csv';
import { allQuestions, exportQuestions, type ExportQuestion } from './questions';

/**
 * The codebook (data dictionary) of one form version: one entry per question, group and group
 * item, in CSV column order, with the CSV columns each fills and the version that introduced
 * its code (from the earlier versions given as `history`). @public
 */
export interface CodebookEntry {
  code: string;
  question: string;
  type: string;
  options: Array<{ code: string; label: string }>;
  required: boolean;
  sensitivity: string;
  section: string;
  group: string;
  introducedIn: string;
  computed: boolean;
  columns: string[];
}

export function codebook(definition: Definition, history: readonly Pick<Definition, 'version' | 'schema' | 'uischema'>[] = []): CodebookEntry[] {
  const questions = exportQuestions(definition);
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const sections = sectionsByKey(definition.uischema);
  const introduced = introducedVersions(definition, history);
  return allQuestions(questions).map((q) => {
    const group = q.groupKey !== undefined ? byKey.get(q.groupKey) : undefined;
    return {
      code: q.code,
      question: q.title,
      type: q.type,
      options: q.options.map((o) => ({ code: o.code, label: o.label })),
      required: q.required,
      sensitivity: q.sensitivity ?? group?.sensitivity ?? '',
      section: sections.get(group?.key ?? q.key) ?? '',
      group: group?.code ?? '',
      introducedIn: introduced.get(q.code) ?? definition.version,
      computed: q.computed !== undefined,
      columns: columnsOf(q),
    };
  });
}

export const CODEBOOK_COLUMNS = ['code', 'question', 'type', 'options', 'required', 'sensitivity', 'section', 'group', 'introduced_in', 'computed', 'csv_columns'] as const;

/** The codebook as CSV (RFC 4180, neutralised like every export). @public */
export function codebookCsv(entries: readonly CodebookEntry[]): string {
  const rows = entries.map((e) => [
    e.code, e.question, e.type, e.options.map((o) => `${o.code}=${o.label}`).join('; '),
    e.required ? 'true' : 'false', e.sensitivity, e.section, e.group, e.introducedIn, e.computed ? 'true' : 'false', e.columns.join(' '),
  ]);
  return encodeRows([[...CODEBOOK_COLUMNS], ...rows]);
}

/** The codebook as a Markdown document: a title line and one table. @public */
export function codebookMarkdown(definition: Pick<Definition, 'id' | 'version' | 'title'>, entries: readonly CodebookEntry[]): string {
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([<>`*_[\]])/g, '\\$1');
  const lines = [
    `# Codebook: ${cell(definition.title)} (${cell(definition.id)} ${cell(definition.version)})`,
    '',
    '| Code | Question | Type | Options | Required | Sensitivity | Section | Group | Introduced in | CSV columns |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...entries.map((e) =>
      `| ${[e.code, e.question, e.type + (e.computed ? ' (computed)' : ''), e.options.map((o) => `${o.code} = ${o.label}`).join('; '), e.required ? 'yes' : 'no', e.sensitivity, e.section, e.group, e.introducedIn, e.columns.join(', ')].map(cell).join(' | ')} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

function columnsOf(q: ExportQuestion): string[] {
  if (q.type === 'multi-choice') return q.options.map((o) => `${q.code}__${o.code}`);
  if (q.type === 'group') return [`${q.code}__count`];
  return [q.code];
}

/** For each code, the lowest version (of history and this one) whose schema has it. */
function introducedVersions(definition: Definition, history: readonly Pick<Definition, 'version' | 'schema' | 'uischema'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const versions = [...history, definition].filter((d) => semver.valid(d.version) && semver.lte(d.version, definition.version));
  versions.sort((a, b) => semver.compare(a.version, b.version));
  for (const d of versions) {
    for (const q of allQuestions(exportQuestions(d))) if (!out.has(q.code)) out.set(q.code, d.version);
  }
  return out;
}

/** Question key → label of the Category (section) whose controls show it. */
function sectionsByKey(uischema: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: unknown, section: string | undefined): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const n = node as Record<string, unknown>;
    const label = Object.hasOwn(n, 'label') && typeof n.label === 'string' ? n.label : undefined;
    const here = n.type === 'Category' ? label ?? section : section;
    if (typeof n.scope === 'string' && here !== undefined) {
      const m = /^#\/properties\/([^/]+)$/.exec(n.scope);
      if (m && !out.has(m[1]!)) out.set(m[1]!, here);
    }
    if (Object.hasOwn(n, 'elements') && Array.isArray(n.elements)) for (const e of n.elements) visit(e, here);
  };
  visit(uischema, undefined);
  return out;
}
