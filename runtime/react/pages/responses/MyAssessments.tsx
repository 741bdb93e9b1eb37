import { useEffect, useState } from 'react';
import { listMine, type ResponseSummary } from './client';
import { when } from './ResponseTable';
import { Table } from './Table';

/**
 * "My assessments" (issue 20 point 5): what the signed-in practitioner has kept in the store,
 * drafts and submissions, taken by the server from its own record of who created each (the
 * audit's actor; `local` until sign-in exists). Drafts kept only on this device stay on /forms/.
 */
function Mine({ caption, rows, titles }: { caption: string; rows: ResponseSummary[]; titles: ReadonlyMap<string, string> }) {
  return (
    <Table caption={`${caption} (${rows.length})`} columns={['Reference', 'Form', 'Version', 'Last changed']}>
      {rows.map((r) => (
        <tr key={r.responseId}>
          <th scope="row">{r.responseId}</th>
          <td>{titles.get(r.form.id) ?? r.form.id}</td>
          <td>{r.form.version}</td>
          <td>{when(r.updatedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function MyAssessments({ titles }: { titles: ReadonlyMap<string, string> }) {
  const [rows, setRows] = useState<ResponseSummary[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    listMine()
      .then((l) => setRows(l.responses))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Your assessments could not be loaded.'));
  }, []);
  return (
    <>
      <h1 className="as-heading-xl">My assessments</h1>
      <p className="as-body">
        Drafts saved on this device are offered when you open their form on <a href="/forms/">the assessments page</a>.
      </p>
      <p className="as-error-message" role="alert">{error}</p>
      {rows ? (
        <>
          <Mine caption="Drafts" rows={rows.filter((r) => r.status === 'in-progress')} titles={titles} />
          <Mine caption="Submitted" rows={rows.filter((r) => r.status === 'completed')} titles={titles} />
        </>
      ) : !error ? <p className="as-body" role="status">Loading…</p> : null}
    </>
  );
}
