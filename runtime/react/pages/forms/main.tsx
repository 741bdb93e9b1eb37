import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { csrfHeaders, type Definition, type Problem, type ResponseEnvelope } from '../../../core/index';
import { AssessmentForm } from '../../AssessmentForm';
import { DefinitionRefused } from '../../DefinitionRefused';
import { leaveWhenExitedElsewhere } from '../../quickExit';
import { PageQuickExit } from './PageQuickExit';
import { holdDraft } from '../../drafts/openDrafts';
import { DraftChooser } from '../../drafts/DraftChooser';
import { newDraftKey } from '../../drafts/keys';
import { listFormDrafts } from '../../drafts/list';
import { DefinitionRefusedError, loadDefinition, loadPublished } from '../../embed/loadPublished';
import type { ValidateFunction } from '../../model/validation';
import { indexedDbStorage } from '../../storage/indexedDb';
import { DraftsNote, draftPolicyOf, type DraftPolicy } from './DraftsNote';
import { SignedInAs } from '../SignedInAs';
import { offered, type FormSummary } from './offered';
import '../../styles.css';

/**
 * The practitioner page: `/forms/` lists the published forms, `/forms/<id>/<version>` opens one.
 * Drafts go to this device's encrypted IndexedDB store (except forms that forbid local drafts).
 */

function route(): { id: string; version: string } | null {
  const m = /\/forms\/([a-z][a-z0-9-]*)\/([0-9A-Za-z.+-]+)\/?$/.exec(location.pathname);
  return m ? { id: decodeURIComponent(m[1]!), version: decodeURIComponent(m[2]!) } : null;
}

function Page() {
  const r = route();
  const [policy, setPolicy] = useState<DraftPolicy>(null);
  useEffect(() => {
    document.title = r ? 'Assessment – Assessment Studio' : 'Assessments – Assessment Studio';
  }, [r]);
  return (
    <>
      <header className="as-page__header">
        <div className="as-page__header-inner">
          <a className="as-page__service" href="/forms/">
            Assessment Studio
          </a>
          <SignedInAs />
        </div>
      </header>
      <main className="as-page__main" id="main">
        {r ? <FormPage id={r.id} version={r.version} onPolicy={setPolicy} /> : <FormList />}
      </main>
      <footer className="as-page__footer">
        <DraftsNote policy={policy} />
      </footer>
    </>
  );
}

function FormList() {
  useEffect(() => leaveWhenExitedElsewhere(), []);
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/forms', { headers: { accept: 'application/json' } })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((list: unknown) => setForms(Array.isArray(list) ? (list as FormSummary[]) : []))
      .catch(() => setError('The list of forms could not be loaded. Try again in a moment.'));
  }, []);
  // A retired form (issue 17) is not offered; its published versions stay on the server for exports.
  const published = offered(forms ?? []);
  return (
    <div className="as-form">
      <PageQuickExit />
      <h1 className="as-heading-xl">Assessments</h1>
      <p className="as-body">Choose the assessment to complete. Each opens at its latest published version.</p>
      {error ? <p className="as-error-message" role="alert">{error}</p> : null}
      {forms === null && !error ? <p className="as-body" role="status">Loading…</p> : null}
      {forms !== null && published.length === 0 ? <p className="as-body">No published forms yet.</p> : null}
      <ul className="as-form-list">
        {published.map((f) => (
          <li key={f.id} className="as-form-list__item">
            <h2 className="as-heading-m">{f.title}</h2>
            <p className="as-body">
              <a href={formHref(f.id, f.current)}>
                Start {f.title}
                <span className="as-visually-hidden"> (version {f.current})</span>
              </a>{' '}
              <span className="as-hint-inline">version {f.current}</span>
            </p>
            {f.earlier.length ? (
              // An earlier version is only for an assessment begun on it: out of the way, still there.
              <details className="as-details">
                <summary className="as-details__summary">Earlier versions of {f.title}</summary>
                <div className="as-details__text">
                  <p className="as-body">Only to finish an assessment started on one of them.</p>
                  <ul className="as-form-list__versions">
                    {f.earlier.map((v) => (
                      <li key={v}>
                        <a href={formHref(f.id, v)}>
                          Open version {v}
                          <span className="as-visually-hidden"> of {f.title}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

const formHref = (id: string, version: string) => `/forms/${encodeURIComponent(id)}/${encodeURIComponent(version)}`;

function FormPage({ id, version, onPolicy }: { id: string; version: string; onPolicy: (p: DraftPolicy) => void }) {
  const [loaded, setLoaded] = useState<{ definition: Definition; validator: ValidateFunction | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [response, setResponse] = useState<ResponseEnvelope | null>(null);
  const keeps = useServerStore();
  const storage = useMemo(() => indexedDbStorage(), []);
  // The draft this page has open; null while the practitioner chooses among those on the device.
  const [draftKey, setDraftKey] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const otherVersion = useCallback((v: string) => loadDefinition(id, v), [id]);
  useEffect(() => {
    loadPublished(id, version).then((l) => {
      onPolicy(draftPolicyOf(l.definition));
      setLoaded(l);
    }, (e: unknown) => (e instanceof DefinitionRefusedError ? setRefused(e.problems) : setError(e instanceof Error ? e.message : 'The form could not be loaded.')));
  }, [id, version]);
  useEffect(() => {
    if (!loaded) return;
    const start = () => {
      setDraftKey(newDraftKey(id));
      setChoosing(false);
    };
    // Host-only forms keep nothing here; with no drafts a new assessment opens directly.
    if (loaded.definition.safety?.drafts === 'host-only') return start();
    listFormDrafts(storage, id).then((drafts) => (drafts.length ? setChoosing(true) : start()), start);
  }, [loaded, storage, id]);
  // Until the form itself is on screen (it handles quick exit on its own), this page leaves when
  // quick exit is used in another tab.
  const formShown = !error && !refused && !!loaded && !!draftKey;
  useEffect(() => (formShown ? undefined : leaveWhenExitedElsewhere()), [formShown]);
  // Another tab's chooser does not offer this draft while it is open here.
  useEffect(() => (draftKey ? holdDraft(draftKey) : undefined), [draftKey]);
  // Until the form is on screen with its own, the page has a Quick exit of its own.
  const exit = <PageQuickExit storage={storage} formId={id} />;
  if (error) {
    return (
      <div className="as-form">
        {exit}
        <h1 className="as-heading-xl">Form not available</h1>
        <p className="as-body">{error}</p>
        <p className="as-body">
          <a href="/forms/">Back to the list of assessments</a>
        </p>
      </div>
    );
  }
  if (refused) {
    return (
      <>
        {exit}
        <DefinitionRefused problems={refused} />
        <p className="as-form as-body">
          <a href="/forms/">Back to the list of assessments</a>
        </p>
      </>
    );
  }
  if (!loaded || choosing === null) {
    return (
      <>
        {exit}
        <p className="as-form as-body" role="status">
          Loading the form…
        </p>
      </>
    );
  }
  if (!draftKey) {
    return (
      <>
        {exit}
        <DraftChooser
        definition={loaded.definition}
        storage={storage}
        loadDefinition={otherVersion}
        onOpen={setDraftKey}
        onStartNew={() => setDraftKey(newDraftKey(id))}
        />
      </>
    );
  }
  return (
    <>
      <AssessmentForm
        key={draftKey}
        definition={loaded.definition}
        validator={loaded.validator ?? undefined}
        allowCompile={false}
        storage={storage}
        draftKey={draftKey}
        onSubmit={setResponse}
        deliver={keeps ? saveToServer : undefined}
        history
        debug={new URLSearchParams(location.search).has('debug')}
      />
      {response ? <Download response={response} /> : null}
    </>
  );
}

/** Whether the server keeps responses (`GET /api/responses`); until it has said, no. */
function useServerStore(): boolean {
  const [keeps, setKeeps] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/api/responses')
      .then((r) => (r.ok ? (r.json() as Promise<{ store?: unknown }>) : undefined))
      .then((body) => live && setKeeps(body?.store === true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return keeps;
}

/**
 * The page is served by the product's server, which keeps responses (POST /api/responses): the
 * form says "submitted and saved" only once the server has stored it (201, or 200 for a retry it
 * already holds). A refusal names what the server said; the answers stay on the page.
 */
async function saveToServer(response: ResponseEnvelope): Promise<{ ok: true } | { ok: false; message: string }> {
  // The session's CSRF token (issue 20; none in single-user local mode).
  const res = await fetch('/api/responses', { method: 'POST', headers: { 'Content-Type': 'application/json', ...csrfHeaders(document.cookie) }, body: JSON.stringify(response) });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => undefined)) as { error?: unknown; problems?: Array<{ message?: unknown }> } | undefined;
  const first = body?.problems?.[0]?.message;
  const said = [body?.error, first].filter((t): t is string => typeof t === 'string').join(' ');
  return { ok: false, message: said || `the server answered ${res.status}.` };
}

function Download({ response }: { response: ResponseEnvelope }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([JSON.stringify(response, null, 2)], { type: 'application/json' })), [response]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div className="as-form">
      <p className="as-body">
        <a href={url} download={`${response.form.id}-${response.form.version}-${response.responseId}.json`} className="as-button">
          Download the response (JSON)
        </a>
      </p>
      <p className="as-body">
        <a href="/forms/">Start another assessment</a>
      </p>
    </div>
  );
}

// No StrictMode: its double effects would destroy and recreate the form's draft controller.
createRoot(document.getElementById('root')!).render(<Page />);
