import type { ResponseSummary } from './client';
import { Table } from './Table';

const STATUS: Record<string, string> = { completed: 'Completed', 'in-progress': 'In progress' };

export const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/** The list as a real table: caption, column headers, a row header per response (its reference, a button that opens it). */
export function ResponseTable({ rows, truncated, titles, onOpen }: {
  rows: ResponseSummary[];
  truncated: boolean;
  titles: ReadonlyMap<string, string>;
  onOpen(id: string): void;
}) {
  return (
    <>
      <Table caption={`Stored responses (${rows.length}${truncated ? ', the most recent: narrow the filters to see others' : ''})`} columns={['Reference', 'Form', 'Version', 'Status', 'Last changed', 'Created by', 'Versions']}>
        {rows.map((r) => (
          <tr key={r.responseId}>
            <th scope="row">
              <button type="button" className="as-link-button" onClick={() => onOpen(r.responseId)}>{r.responseId}</button>
            </th>
            <td>{titles.get(r.form.id) ?? r.form.id}</td>
            <td>{r.form.version}</td>
            <td>{STATUS[r.status] ?? r.status}</td>
            <td>{when(r.updatedAt)}</td>
            <td>{r.author ?? 'Unknown'}</td>
            <td>{r.version}</td>
          </tr>
        ))}
      </Table>
      {rows.length === 0 ? <p className="as-body">No stored responses match these filters.</p> : null}
    </>
  );
}
