import { Component, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { checkDefinitionValue, loadDefinitionText } from '../../../../runtime/core/index';
import { AssessmentForm, createFormController, DefinitionRefused, memoryStorage, type FormOptions, type ValidateFunction } from '../../../../runtime/react/index';
import type { Doc } from '../../services/document';
import type { Workspace } from '../../services/workspace';
import { draftValidatorUrl } from '../../services/workspaceClient';
import { carryRenames, keepAnswers } from './model';

type Answers = Record<string, unknown>;

/**
 * Live preview with the real runtime. The form is re-created when the definition changes (the
 * runtime compiles a definition once); the answers given so far are carried over where their
 * question still exists, across keys renamed by relabelling. Validation uses the server's
 * ahead-of-time validator for this exact text (no eval under the builder's CSP). While the next
 * validator is fetched the last form stays shown, at its scroll position (issue 17.8: it went
 * blank and jumped to the top on every pause in typing).
 */
export function PreviewView({ ws, doc }: { ws: Workspace; doc: Doc }) {
  const text = doc.history.present;
  const [settled, setSettled] = useState(text);
  // Typing in Monaco should not rebuild the form on every key.
  useEffect(() => {
    const t = setTimeout(() => setSettled(text), 250);
    return () => clearTimeout(t);
  }, [text]);
  const loaded = useMemo(() => loadDefinitionText(settled), [settled]);
  // What every runtime surface checks before rendering, lint aside (an author previews a draft while
  // Problems lists lint's findings): a definition that fails is shown refused, no validator asked for.
  const checked = useMemo(() => (loaded.ok ? checkDefinitionValue(loaded.value) : null), [loaded]);
  const formKey = useMemo(() => ws.hashOf(settled) ?? String(settled.length), [ws, settled]);
  const [validator, setValidator] = useState<{ text: string; validate: ValidateFunction | null }>();
  const answers = useRef<Answers>({});
  const [interactive, setInteractive] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const [generation, setGeneration] = useState(0);
  const surface = useRef<HTMLDivElement>(null);
  // The runtime's quick exit listens for Escape twice anywhere on the page; in the builder only a
  // double Escape inside the preview is the practitioner's quick exit (the rest is closing menus).
  const escapeInPreview = useRef(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') escapeInPreview.current = !!surface.current?.contains(e.target as Node);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const lastReady = useRef<{ settled: string; formKey: string; definition: FormOptions['definition']; validate: ValidateFunction | null } | undefined>(undefined);
  const shownKey = validator?.text === settled ? formKey : lastReady.current?.formKey;
  const renamesSeen = useRef(0);
  // Computed once per form shown: a new object on every render would reset the runtime's answers.
  // Idempotent (answers.current is moved, then read), so a second call in development is harmless.
  const kept = useMemo(() => {
    const pending = (ws.renames.get(doc.key) ?? []).filter((r) => r.seq > renamesSeen.current);
    if (pending.length) {
      answers.current = carryRenames(answers.current, pending);
      renamesSeen.current = pending[pending.length - 1]!.seq;
    }
    const definition = validator?.text === settled && loaded.ok ? loaded.value : lastReady.current?.definition;
    return definition ? keepAnswers(answers.current, (definition as { schema?: unknown }).schema) : {};
  }, [shownKey, generation]);
  // The pane keeps its place when the form under it is replaced.
  const scrollTop = useRef(0);
  useEffect(() => {
    const pane = surface.current?.closest('.preview-pane');
    if (!pane) return;
    const onScroll = () => (scrollTop.current = pane.scrollTop);
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => pane.removeEventListener('scroll', onScroll);
  }, []);
  useLayoutEffect(() => {
    const pane = surface.current?.closest('.preview-pane');
    if (pane && pane.scrollTop !== scrollTop.current) pane.scrollTop = scrollTop.current;
  }, [shownKey, generation]);

  useEffect(() => {
    if (!checked?.ok) return;
    let cancelled = false;
    void (async () => {
      const answer = await draftValidatorUrl(settled);
      let validate: ValidateFunction | null = null;
      if (answer.ok) {
        try {
          const mod = (await import(/* @vite-ignore */ answer.url)) as { validate?: ValidateFunction; default?: ValidateFunction };
          validate = mod.validate ?? mod.default ?? null;
        } catch {
          validate = null;
        }
      }
      if (!cancelled) setValidator({ text: settled, validate });
    })();
    return () => {
      cancelled = true;
    };
  }, [settled, checked?.ok]);

  if (!loaded.ok) {
    return (
      <div className="preview-empty" role="status">
        <p>The preview waits until the definition loads. {loaded.problems.length} problem{loaded.problems.length === 1 ? '' : 's'} to fix first (see Problems).</p>
      </div>
    );
  }
  if (checked && !checked.ok) {
    return (
      <div className="preview" data-testid="preview">
        <DefinitionRefused problems={checked.problems} />
      </div>
    );
  }
  const ready = validator?.text === settled ? { settled, formKey, definition: loaded.value, validate: validator.validate } : undefined;
  if (ready) lastReady.current = ready;
  const shown = ready ?? lastReady.current;
  return (
    <div className="preview">
      <div className="preview-toolbar">
        <label className="switch">
          <input type="checkbox" checked={interactive} onChange={(e) => setInteractive(e.target.checked)} data-testid="preview-fill" />
          <span>Fill it in (answers and validation)</span>
        </label>
        <button type="button" className="secondary-button" onClick={() => { answers.current = {}; setSubmitted(false); setGeneration((g) => g + 1); }}>
          Clear answers
        </button>
      </div>
      {submitted && <p className="preview-note" role="status">The response validated and would be submitted now.</p>}
      <div className="preview-surface" ref={surface} inert={!interactive} data-testid="preview">
        {shown ? (
          <PreviewBoundary key={`${shown.formKey}-${generation}`}>
            <PreviewForm
              definition={shown.definition}
              answers={kept}
              storage={memoryStorage()}
              {...(shown.validate ? { validator: shown.validate } : {})}
              onChange={(a) => {
                answers.current = a as Answers;
                setSubmitted(false);
              }}
              onSubmit={() => setSubmitted(true)}
              onQuickExit={() => {
                // The runtime blanks the page for a quick exit (workbench.css keeps the workbench
                // shown); the preview's form was emptied, so it is rebuilt with the answers kept.
                document.documentElement.classList.remove('as-exiting');
                document.title = 'Assessment Studio';
                if (escapeInPreview.current) ws.toast('Quick exit pressed in the preview: a practitioner’s page would close now.');
                setGeneration((g) => g + 1);
              }}
            />
          </PreviewBoundary>
        ) : (
          <p className="preview-empty" role="status">Preparing the preview…</p>
        )}
      </div>
    </div>
  );
}

/**
 * The form with a controller of its own: `AssessmentForm` made without one refuses a definition with
 * lint errors, and a draft being written has some. Made inside the boundary, so a throw lands there.
 */
function PreviewForm(props: FormOptions) {
  const [controller] = useState(() => createFormController(props));
  useEffect(() => () => controller.destroy(), [controller]);
  return <AssessmentForm {...props} controller={controller} />;
}

/** A definition the runtime cannot render must not take the workbench down with it. */
class PreviewBoundary extends Component<{ children: ReactNode }, { error?: string }> {
  override state: { error?: string } = {};
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    if (this.state.error) return <p className="view-error" role="alert">The preview could not render this definition: {this.state.error}</p>;
    return this.props.children;
  }
}
