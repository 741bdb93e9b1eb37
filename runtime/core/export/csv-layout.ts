import type { ResponseEnvelope } from '../response/envelope';
import { cellOf, groupEntries, groupItems, type Cell, type ExportContext } from './answers';
import { answerPointer, missingContext, type MissingContext } from './missing';
import { MASK, treatmentOf } from './profiles';
import type { Question, QuestionOption } from '../model/types';

/**
 * The documented CSV layout (docs/exports.md). Wide file: one row per response, the fixed
 * columns, then one column per question in definition order, named by `x-code`; a multiple
 * choice question has one 1/0 column per option (`<code>__<option>`), a repeatable group one
 * count column (`<code>__count`). Long file: one row per group item, keyed by response id,
 * group code and item number (from 1, as the practitioner saw "Entry 1"). Fixed columns start
 * with `_`, which no `x-code` can. An unanswered question's cells hold why it is missing (missing.ts).
 */
export type CsvCell = string | number;

export interface CsvColumn {
  name: string;
  read: (ctx: RowSource) => CsvCell;
}

interface RowSource {
  response: ResponseEnvelope;
  /** Answers the question columns read: the top level, or one group item. */
  answers: Record<string, unknown>;
  group?: Question;
  index?: number;
  missing: MissingContext;
}

export interface CsvLayout {
  ctx: ExportContext;
  wide: CsvColumn[];
  long: CsvColumn[];
  groups: Question[];
}

export const FIXED_WIDE_COLUMNS = ['_response_id', '_form_id', '_form_version', '_form_sha256', '_status', '_started_at', '_updated_at', '_completed_at', '_export_profile'] as const;
export const FIXED_LONG_COLUMNS = ['_response_id', '_group', '_index', '_export_profile'] as const;

export function csvLayout(ctx: ExportContext): CsvLayout {
  const profile = ctx.profile;
  const fixed: Record<(typeof FIXED_WIDE_COLUMNS)[number], (s: RowSource) => CsvCell> = {
    _response_id: (s) => s.response.responseId,
    _form_id: (s) => s.response.form.id,
    _form_version: (s) => s.response.form.version,
    _form_sha256: (s) => s.response.form.sha256,
    _status: (s) => s.response.status,
    _started_at: (s) => s.response.startedAt,
    _updated_at: (s) => s.response.updatedAt,
    _completed_at: (s) => s.response.completedAt ?? '',
    _export_profile: () => profile,
  };
  const wide: CsvColumn[] = FIXED_WIDE_COLUMNS.map((name) => ({ name, read: fixed[name] }));
  const groups: Question[] = [];
  for (const q of ctx.questions) {
    if (treatmentOf(profile, q, ctx.sensitive) === 'drop') continue;
    if (q.kind === 'group') {
      groups.push(q);
      wide.push({ name: `${q.exportCode}__count`, read: (s) => countCell(cellOf(ctx, q, s.answers), q, s) });
    } else wide.push(...questionColumns(ctx, q));
  }
  const long: CsvColumn[] = [
    { name: '_response_id', read: (s) => s.response.responseId },
    { name: '_group', read: (s) => s.group?.code ?? '' },
    { name: '_index', read: (s) => (s.index === undefined ? '' : s.index + 1) },
    { name: '_export_profile', read: () => profile },
  ];
  for (const g of groups) {
    for (const iq of g.items ?? []) {
      if (treatmentOf(profile, iq, ctx.sensitive) === 'drop') continue;
      // Group item codes are unique in the form, so one column serves one group's rows only.
      for (const col of questionColumns(ctx, iq)) long.push({ name: col.name, read: (s) => (s.group === g ? col.read(s) : '') });
    }
  }
  return { ctx, wide, long, groups };
}

function questionColumns(ctx: ExportContext, q: Question): CsvColumn[] {
  if (q.kind === 'multiple-choice') {
    // One answer, several columns: read it once per row, not once per option.
    let last: { source: RowSource; cell: Cell } | undefined;
    const read = (s: RowSource) => (last?.source === s ? last.cell : (last = { source: s, cell: cellOf(ctx, q, s.answers) }).cell);
    return q.options.map((o) => ({ name: `${q.exportCode}__${o.code}`, read: (s) => optionCell(read(s), o, q, s) }));
  }
  return [{ name: q.exportCode, read: (s) => valueCell(cellOf(ctx, q, s.answers), q, s) }];
}

/** `response` as exports see it (`shownResponse`): hidden answers removed. */
export function wideRow(layout: CsvLayout, response: ResponseEnvelope, missing: MissingContext = missingOf(layout, response)): CsvCell[] {
  const source: RowSource = { response, answers: response.answers, missing };
  return layout.wide.map((c) => c.read(source));
}

/** The long-file rows of one response: every item of every group, in group then item order. */
export function longRows(ctx: ExportContext, layout: CsvLayout, response: ResponseEnvelope, missing: MissingContext = missingOf(layout, response)): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const g of layout.groups) {
    const cell = cellOf(ctx, g, response.answers);
    // A masked group keeps its count masked in the wide file and gives no rows: their number is the answer.
    if (cell.kind !== 'value') continue;
    groupEntries(cell.value).forEach(({ item, index }) => {
      const source: RowSource = { response, answers: item, group: g, index, missing };
      rows.push(layout.long.map((c) => c.read(source)));
    });
  }
  return rows;
}

export function missingOf(layout: CsvLayout, response: ResponseEnvelope): MissingContext {
  return missingContext(layout.ctx.definition, layout.ctx.model, response);
}

/** Why the question's answer is missing, for its cell(s) on this row. */
function absent(q: Question, s: RowSource): CsvCell {
  return s.missing.reason(q, answerPointer(q, s.index));
}

function valueCell(cell: Cell, q: Question, s: RowSource): CsvCell {
  if (cell.kind === 'masked') return MASK;
  if (cell.kind !== 'value') return cell.kind === 'absent' ? absent(q, s) : '';
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // Not the shape the question expects (validation reports it); kept readable, not lost.
  return JSON.stringify(v) ?? '';
}

function optionCell(cell: Cell, option: QuestionOption, q: Question, s: RowSource): CsvCell {
  if (cell.kind === 'masked') return MASK;
  if (cell.kind !== 'value') return cell.kind === 'absent' ? absent(q, s) : '';
  return Array.isArray(cell.value) && cell.value.includes(option.code) ? 1 : 0;
}

function countCell(cell: Cell, q: Question, s: RowSource): CsvCell {
  if (cell.kind === 'masked') return MASK;
  if (cell.kind !== 'value') return cell.kind === 'absent' ? absent(q, s) : '';
  return groupItems(cell.value).length;
}
