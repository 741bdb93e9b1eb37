import semver from 'semver';
import type { Definition } from '../definition/envelope';
import { encodeRows } from './csv';
import { formModel } from '../model/build';
import { lengthWords, rangeWords, requiredWords, showWhenWords } from './codebook-words';
import type { FormModel, Question, QuestionKind } from '../model/types';
import { computedWords } from './computed-words';
import { exportProfiles, sensitiveQuestions, type ProfileActions } from './profiles';

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
  /** Required always or under a condition (see `requiredWhen`). */
  required: boolean;
  /** `yes`, `when <condition>` (e.g. behind the safety check), or `no`. */
  requiredWhen: string;
  /** When the question is shown, in words; empty when always. */
  showWhen: string;
  /** Allowed numbers (or how many choices), in words; empty when unbounded. */
  range: string;
  /** Allowed text length, in words; empty when unbounded. */
  length: string;
  /** The level `x-sensitivity` names (the group's, for an item of a group with one); empty when none. */
  sensitivity: string;
  /** What each export profile does with the answer (its level, its group's, a computed value's inputs'). */
  exports: ProfileActions;
  section: string;
  group: string;
  introducedIn: string;
  computed: boolean;
  /** The computed value's rule in words ("sum of the scores of q1, q2, q3"; bands listed); '' when not computed. */
  computedAs: string;
  columns: string[];
  /** Where the answer sits in a response's answers: `/riskFollowUp/plan`; in a group item, `*` for the item's index. */
  answerPath: string;
}

export function codebook(definition: Definition, history: readonly Pick<Definition, 'version' | 'schema' | 'uischema'>[] = []): CodebookEntry[] {
  const introduced = introducedVersions(definition, history);
  const model = formModel(definition);
  const sensitive = sensitiveQuestions(model);
  return model.all.map((q) => {
    const group = q.group;
    return {
      code: q.exportCode,
      question: q.title ?? q.key,
      type: typeWords[q.kind],
      // A band's codes are the values its column holds, so they are listed as its options.
      options: q.computed?.op === 'band' ? q.computed.bands.map((b) => ({ code: b.code, label: b.title })) : q.options.map((o) => ({ code: o.code, label: o.label })),
      required: q.required !== 'never',
      requiredWhen: requiredWords(q, model),
      showWhen: showWhenWords(q, model),
      range: rangeWords(q),
      length: lengthWords(q),
      sensitivity: q.sensitivity ?? group?.sensitivity ?? '',
      exports: sensitive.get(q) ?? KEPT,
      section: sectionOf(q),
      group: group?.exportCode ?? '',
      introducedIn: introduced.get(q.exportCode) ?? definition.version,
      computed: q.computed !== undefined,
      computedAs: computedWords(q, model),
      columns: columnsOf(q),
      answerPath: q.answerPath.replace(/\/-(?=\/)/g, '/*'),
    };
  });
}

/** An object has no control, so no section of its own: it is in the section its questions are in. */
function sectionOf(q: Question): string {
  const own = (q.group ?? q).section?.label;
  if (own !== undefined) return own;
  return q.kind === 'object' ? ((q.children ?? []).map(sectionOf).find(Boolean) ?? '') : '';
}

const KEPT: ProfileActions = Object.freeze({ full: 'keep', 'external-agency': 'keep', masked: 'keep' });

/** `full=keep; external-agency=drop; masked=mask`. */
const exportsWords = (actions: ProfileActions): string => exportProfiles.map((p) => `${p}=${actions[p]}`).join('; ');

/** The answer types as the codebook has always worded them for analysts. */
const typeWords: Record<QuestionKind, string> = {
  text: 'text', 'long-text': 'long-text', email: 'text', integer: 'integer', decimal: 'decimal', 'yes-no': 'boolean',
  'single-choice': 'choice', 'multiple-choice': 'multi-choice', date: 'date', time: 'time', 'date-time': 'date-time',
  group: 'group', object: 'object', list: 'multi-choice', other: 'text',
};

export const CODEBOOK_COLUMNS = ['code', 'question', 'type', 'options', 'required', 'show_when', 'range', 'length', 'sensitivity', 'exports', 'section', 'group', 'introduced_in', 'computed', 'computed_as', 'csv_columns', 'answer_path'] as const;

/** The codebook as CSV (RFC 4180, neutralised like every export). @public */
export function codebookCsv(entries: readonly CodebookEntry[]): string {
  const rows = entries.map((e) => [
    e.code, e.question, e.type, e.options.map((o) => `${o.code}=${o.label}`).join('; '),
    e.requiredWhen, e.showWhen, e.range, e.length, e.sensitivity, exportsWords(e.exports), e.section, e.group, e.introducedIn, e.computed ? 'true' : 'false', e.computedAs, e.columns.join(' '), e.answerPath,
  ]);
  return encodeRows([[...CODEBOOK_COLUMNS], ...rows]);
}

/** The codebook as a Markdown document: a title line and one table. @public */
export function codebookMarkdown(definition: Pick<Definition, 'id' | 'version' | 'title' | 'schema' | 'uischema'> & Partial<Pick<Definition, 'sensitivityLevels'>>, entries: readonly CodebookEntry[]): string {
  const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([<>`*_[\]])/g, '\\$1');
  const lines = [
    `# Codebook: ${cell(definition.title)} (${cell(definition.id)} ${cell(definition.version)})`,
    '',
    '| Code | Question | Type | Options | Required | Shown when | Range | Length | Sensitivity | Exports | Section | Group | Introduced in | CSV columns |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...entries.map((e) =>
      `| ${[e.code, e.question, e.type + (e.computed ? ` (computed: ${e.computedAs})` : ''), e.options.map((o) => `${o.code} = ${o.label}`).join('; '), e.requiredWhen, e.showWhen || 'always', e.range, e.length, e.sensitivity, exportsWords(e.exports), e.section, e.group, e.introducedIn, e.columns.join(', ')].map(cell).join(' | ')} |`,
    ),
    // Level names are kebab-case (the table refuses others), so they need no escaping.
    ...levelsList(formModel(definition)),
  ];
  return lines.join('\n') + '\n';
}

/**
 * The sensitivity levels the form may use and what each profile does with each: the table every
 * export applies. A list, not a second table, so the codebook stays one table for its readers.
 */
function levelsList(model: FormModel): string[] {
  return [
    '',
    '## Sensitivity levels',
    '',
    ...[...model.levels.values()].map((l) =>
      `- ${l.name}: ${exportProfiles.map((p) => `${p} ${l.profiles[p]}`).join(', ')}; safety check ${l.gated ? 'needed' : 'not needed'}; drafts ${l.drafts === 'keep' ? 'kept' : 'never kept'}`),
  ];
}

function columnsOf(q: Question): string[] {
  if (q.kind === 'multiple-choice') return q.options.map((o) => `${q.exportCode}__${o.code}`);
  if (q.kind === 'group') return [`${q.exportCode}__count`];
  // An object has no answer of its own in CSV: its questions have their columns.
  if (q.kind === 'object') return [];
  return [q.exportCode];
}

/** For each code, the lowest version (of history and this one) whose schema has it. */
function introducedVersions(definition: Definition, history: readonly Pick<Definition, 'version' | 'schema' | 'uischema'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const versions = [...history, definition].filter((d) => semver.valid(d.version) && semver.lte(d.version, definition.version));
  versions.sort((a, b) => semver.compare(a.version, b.version));
  for (const d of versions) {
    for (const q of formModel(d).all) if (!out.has(q.exportCode)) out.set(q.exportCode, d.version);
  }
  return out;
}
