import type { ResponseStatus } from '../../core/index';

/**
 * Which stored responses a reader asks for (the Responses page, its export, "My assessments"),
 * as one WHERE clause both the list and the export's pages use, so what is listed is what is
 * exported. Dates are whole days in UTC, inclusive at both ends, over when the response last
 * changed (`updated_at`): a correction brings an old response back into a recent range.
 */
export interface ResponseFilter {
  formId?: string;
  formVersion?: string;
  status?: ResponseStatus;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string;
  /** Who created it (the audit's actor of its `create` row). */
  author?: string;
}

/** One row of a list: the head of a response, without its answers. */
export interface ResponseSummary {
  responseId: string;
  form: { id: string; version: string; sha256: string };
  status: ResponseStatus;
  version: number;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
  storedAt: string;
  author: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` that names a real day (2026-02-30 does not). */
export function isDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/** `AND …` conditions on `responses r`, their values appended to `params` (numbered after what is there). */
export function filterSql(filter: ResponseFilter, params: unknown[]): string {
  const parts: string[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (filter.formId !== undefined) parts.push(`r.form_id = ${param(filter.formId)}`);
  if (filter.formVersion !== undefined) parts.push(`r.form_version = ${param(filter.formVersion)}`);
  if (filter.status !== undefined) parts.push(`r.status = ${param(filter.status)}`);
  if (filter.from !== undefined) parts.push(`r.updated_at >= ${param(`${filter.from}T00:00:00Z`)}::timestamptz`);
  if (filter.to !== undefined) parts.push(`r.updated_at < ${param(nextDay(filter.to))}::timestamptz`);
  if (filter.author !== undefined) parts.push(`${CREATOR} = ${param(filter.author)}`);
  return parts.map((p) => ` AND ${p}`).join('');
}

/** Who created a response: the actor of its first audit row (`create`). */
export const CREATOR = `(SELECT a.actor FROM audit a WHERE a.response_id = r.response_id AND a.action = 'create' ORDER BY a.id LIMIT 1)`;

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

export function summaryOf(row: Record<string, unknown>): ResponseSummary {
  return {
    responseId: row.response_id as string,
    form: { id: row.form_id as string, version: row.form_version as string, sha256: row.form_sha256 as string },
    status: row.status as ResponseStatus,
    version: Number(row.current_version),
    startedAt: iso(row.started_at),
    updatedAt: iso(row.updated_at),
    completedAt: row.completed_at === null ? null : iso(row.completed_at),
    storedAt: iso(row.stored_at),
    author: (row.author as string | null) ?? null,
  };
}
