import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { listForms, listResponses, type Filter, type FormSummary, type ResponseSummary } from './client';
import { ExportPanel } from './ExportPanel';
import { MyAssessments } from './MyAssessments';
import { Filters } from './Filters';
import { ResponseDetail } from './ResponseDetail';
import { ResponseTable } from './ResponseTable';
import '../../styles.css';
import './responses.css';

/**
 * The data team's Responses page (issue 20 point 5): the stored responses filtered by form,
 * version, status and the days they last changed; one opened with its answers by question label
 * and its history; the filtered set exported with a profile. Every value shown has passed the
 * chosen profile on the server: the page never holds what the profile leaves out.
 */

/** `/my-assessments/` is the practitioner's view of the same page. */
const MINE = location.pathname.startsWith('/my-assessments/');

const NO_FILTER: Filter = { form: '', version: '', status: '', from: '', to: '' };

function Page() {
  const [forms, setForms] = useState<FormSummary[]>([]);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [profile, setProfile] = useState('masked');
  const [list, setList] = useState<{ responses: ResponseSummary[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    listForms()
      .then((all) => setForms(all.map((f) => ({ ...f, versions: f.versions.filter((v) => v.status === 'published') })).filter((f) => f.versions.length)))
      .catch(() => setError('The list of forms could not be loaded.'));
  }, []);
  useEffect(() => {
    document.title = MINE ? 'My assessments – Assessment Studio' : 'Responses – Assessment Studio';
  }, []);
  useEffect(() => {
    if (MINE) return;
    let live = true;
    listResponses(filter)
      .then((l) => live && (setList(l), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : 'The responses could not be loaded.'));
    return () => {
      live = false;
    };
  }, [filter]);
  const titles = useMemo(() => new Map(forms.map((f) => [f.id, f.title])), [forms]);

  return (
    <>
      <header className="as-page__header">
        <div className="as-page__header-inner">
          <a className="as-page__service" href={MINE ? '/my-assessments/' : '/responses/'}>Assessment Studio</a>
        </div>
      </header>
      <main className="as-page__main" id="main">
        {MINE ? <MyAssessments titles={titles} /> : <h1 className="as-heading-xl">Responses</h1>}
        {MINE ? null : open ? (
          <ResponseDetail id={open} profile={profile} onClose={() => setOpen(null)} />
        ) : (
          <>
            <Filters forms={forms} applied={filter} profile={profile} onApply={setFilter} onProfile={setProfile} />
            <p className="as-error-message" role="alert">{error ?? ''}</p>
            {list ? <ResponseTable rows={list.responses} truncated={list.truncated} titles={titles} onOpen={setOpen} /> : <p className="as-body" role="status">Loading…</p>}
            <ExportPanel filter={filter} profile={profile} />
          </>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Page />);
