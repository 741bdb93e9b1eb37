import { useEffect, useRef, useState } from 'react';
import type { LabelledAnswer } from '../../../core/index';
import { responseHistory, viewResponse, type HistoryEntry, type ResponseView } from './client';
import { CorrectionForm } from './CorrectionForm';
import { when } from './ResponseTable';
import { Table } from './Table';

const ACTIONS: Record<string, string> = { create: 'Submitted', correct: 'Corrected', status: 'Status changed', export: 'Exported' };

function Answers({ answers }: { answers: LabelledAnswer[] }) {
  return (
    <dl className="as-summary-list">
      {answers.map((a) => (
        <div className="as-responses__answer" key={a.pointer}>
          <dt className="as-summary-list__key">{a.label}</dt>
          <dd className="as-summary-list__value">
            {a.state === 'masked' ? 'Hidden by the profile' : a.state === 'absent' ? 'Not answered' : a.items ? (
              <ol className="as-responses__items">
                {a.items.map((item, i) => <li key={i}><Answers answers={item} /></li>)}
              </ol>
            ) : a.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The envelope's own fields a change may touch, named as the page names them elsewhere. */
const FIELDS: Record<string, string> = { '/status': 'Status', '/updatedAt': 'Last changed', '/completedAt': 'Completed' };

function changeText(op: NonNullable<HistoryEntry['patch']>[number]): string {
  const what = op.label ?? FIELDS[op.path] ?? op.path;
  if (op.op === 'remove') return `${what}: removed`;
  return `${what}: ${typeof op.value === 'string' ? op.value : JSON.stringify(op.value)}`;
}

function History({ id, entries }: { id: string; entries: HistoryEntry[] }) {
  return (
    <Table caption={`History of ${id}`} columns={['When', 'Who', 'What', 'Version', 'Reason', 'Changes']}>
      {entries.map((e) => (
        <tr key={e.id}>
          <th scope="row">{when(e.at)}</th>
          <td>{e.actor}</td>
          <td>{ACTIONS[e.action] ?? e.action}</td>
          <td>{e.version ?? ''}</td>
          <td>{e.reason ?? ''}</td>
          <td>{e.patch?.length ? <ul className="as-responses__changes">{e.patch.map((op, i) => <li key={i}>{changeText(op)}</li>)}</ul> : ''}</td>
        </tr>
      ))}
    </Table>
  );
}

/** One response: its answers by question label at the version asked for, under the profile, and its whole history. */
export function ResponseDetail({ id, profile, onClose }: { id: string; profile: string; onClose(): void }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [view, setView] = useState<ResponseView | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  const correctButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    let live = true;
    Promise.all([viewResponse(id, profile, version), responseHistory(id, profile)])
      .then(([v, h]) => live && (setView(v), setHistory(h), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : 'The response could not be loaded.'));
    return () => {
      live = false;
    };
  }, [id, profile, version, saved]);
  useEffect(() => heading.current?.focus(), [id]);
  useEffect(() => {
    if (saved !== null) notice.current?.focus();
  }, [saved]);
  return (
    <section className="as-responses__detail" aria-labelledby="detail-heading">
      <h2 className="as-heading-l" id="detail-heading" tabIndex={-1} ref={heading}>Response {id}</h2>
      <button type="button" className="as-button as-button--secondary" onClick={onClose}>Back to the list</button>
      {error ? <p className="as-error-message" role="alert">{error}</p> : null}
      <p className="as-notification" role="status" tabIndex={-1} ref={notice} hidden={saved === null}>{saved === null ? '' : `Correction saved as version ${saved}. Its reason is in the history below.`}</p>
      {view ? (
        <>
          <p className="as-body">{view.title}, version {view.form.version}. Showing version {view.version} of {view.versions}, last changed {when(view.updatedAt)}.</p>
          {view.versions > 1 ? (
            <nav aria-label="Versions of this response" className="as-button-group">
              {Array.from({ length: view.versions }, (_, i) => i + 1).map((n) => (
                <button key={n} type="button" className="as-button as-button--secondary" aria-current={n === view.version ? 'true' : undefined} onClick={() => setVersion(n)}>
                  Version {n}
                </button>
              ))}
            </nav>
          ) : null}
          {correcting ? (
            <CorrectionForm id={id} onCancel={() => {
              setCorrecting(false);
              requestAnimationFrame(() => correctButton.current?.focus());
            }} onSaved={(n) => {
              setCorrecting(false);
              setVersion(undefined);
              setSaved(n);
            }} />
          ) : view.version === view.versions ? (
            <button type="button" className="as-button" ref={correctButton} onClick={() => {
              setSaved(null);
              setCorrecting(true);
            }}>Correct an answer</button>
          ) : null}
          <h3 className="as-heading-m">Answers</h3>
          <Answers answers={view.answers} />
        </>
      ) : !error ? <p className="as-body" role="status">Loading…</p> : null}
      {history ? (
        <>
          <h3 className="as-heading-m">History</h3>
          <History id={id} entries={history} />
        </>
      ) : null}
    </section>
  );
}
