import { useCallback, useEffect, useRef, useState } from 'react';
import type { Definition } from '../../core/index';
import type { DraftStorage, StoredDraft } from '../storage/types';
import { draftLabel, type DraftLabel } from './labels';
import { listFormDrafts } from './list';
import { MigrationReview, type PendingMigration } from './MigrationReview';
import { migrateDraft } from './migrateDraft';
import { newDraftKey } from './keys';
import { draftsOpenElsewhere } from './openDrafts';

/** @public */
export interface DraftChooserProps {
  /** The version being opened. */
  definition: Definition;
  storage: DraftStorage;
  /** Another version of the same form (for a draft's section label and to migrate it). */
  loadDefinition(version: string): Promise<Definition>;
  /** Open the form on the draft stored under `key` (a resumed or a migrated draft). */
  onOpen(key: string): void;
  /** Open the form on a new, empty draft. */
  onStartNew(): void;
  locale?: string;
}

type Step =
  | { kind: 'list'; status?: string }
  | { kind: 'discard'; stored: StoredDraft; label: DraftLabel }
  | { kind: 'review'; pending: PendingMigration };

/**
 * "Assessments in progress on this device": each draft of this form by a neutral label (started,
 * last saved, section reached, version; never an answer), to resume or discard (after a
 * confirmation), and a way to start a new one. A draft of another version is offered as a move
 * to this version, with core's migration report shown first; starting afresh leaves it listed.
 * @public
 */
export function DraftChooser({ definition, storage, loadDefinition, onOpen, onStartNew, locale }: DraftChooserProps) {
  const [drafts, setDrafts] = useState<StoredDraft[] | null>(null);
  const [others, setOthers] = useState<Record<string, Definition>>({});
  const [step, setStep] = useState<Step>({ kind: 'list' });
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const [openElsewhere, setOpenElsewhere] = useState<Set<string>>(new Set());
  const refresh = useCallback(() => {
    listFormDrafts(storage, definition.id).then(setDrafts, () => setError('The assessments in progress could not be read from this device.'));
    // Asked twice a moment apart when a draft looks open: the tab this one replaced (a reload)
    // lets go of its draft just after this page starts, and must not read as another tab.
    void draftsOpenElsewhere()
      .then((held) => (held.size ? new Promise<Set<string>>((r) => setTimeout(() => void draftsOpenElsewhere().then(r), 300)) : held))
      .then(setOpenElsewhere);
  }, [storage, definition.id]);
  useEffect(refresh, [refresh]);
  // A tab that closes, or that this one just replaced (a reload), lets go of its draft a moment
  // later: asked again each second, such a draft becomes available without a reload.
  useEffect(() => {
    const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((k) => b.has(k));
    const timer = setInterval(() => void draftsOpenElsewhere().then((now) => setOpenElsewhere((was) => (same(was, now) ? was : now))), 1000);
    return () => clearInterval(timer);
  }, []);

  // Other versions' definitions, for their section labels; a version that fails to load only loses its label.
  const requested = useRef(new Set<string>());
  useEffect(() => {
    for (const v of new Set((drafts ?? []).map((s) => s.draft.version))) {
      if (v === definition.version || requested.current.has(v)) continue;
      requested.current.add(v);
      loadDefinition(v).then((d) => setOthers((o) => ({ ...o, [v]: d })), () => undefined);
    }
  }, [drafts, definition.version, loadDefinition]);

  // Each step is a new page to a screen reader: the focus goes to its heading.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

  const defOf = (version: string) => (version === definition.version ? definition : (others[version] ?? null));

  const discard = async (stored: StoredDraft, label: DraftLabel) => {
    try {
      await storage.remove(stored.key);
      // Gone from the list in the same render as the message that says so.
      setDrafts((list) => list?.filter((s) => s.key !== stored.key) ?? list);
      setStep({ kind: 'list', status: `The assessment started ${label.startedAt} was discarded.` });
      refresh();
    } catch {
      setError('The assessment could not be discarded. Try again.');
    }
  };

  const review = async (stored: StoredDraft) => {
    try {
      const from = defOf(stored.draft.version) ?? (await loadDefinition(stored.draft.version));
      const result = migrateDraft(stored.draft, from, definition);
      setStep({ kind: 'review', pending: { stored, from, ...result } });
    } catch {
      setError(`Version ${stored.draft.version} of this form could not be loaded, so its answers cannot be moved now.`);
    }
  };

  const acceptMigration = async (pending: PendingMigration) => {
    const key = newDraftKey(definition.id);
    try {
      // Saved under its new key before the old one goes: a crash in between leaves both, never neither.
      await storage.save(key, pending.draft);
      await storage.remove(pending.stored.key);
      onOpen(key);
    } catch {
      setError('The moved answers could not be saved on this device. Try again.');
    }
  };

  if (step.kind === 'discard') {
    const { stored, label } = step;
    return (
      <div className="as-form">
        <h1 className="as-heading-xl" tabIndex={-1} ref={heading}>
          Discard the assessment started {label.startedAt}?
        </h1>
        <p className="as-body">Its answers will be deleted from this device. This cannot be undone.</p>
        {error ? <ErrorText text={error} /> : null}
        <div className="as-button-group">
          <button type="button" className="as-button as-button--warning" onClick={() => void discard(stored, label)}>
            Yes, discard it
          </button>
          <button type="button" className="as-button as-button--secondary" onClick={() => setStep({ kind: 'list' })}>
            No, go back
          </button>
        </div>
      </div>
    );
  }

  if (step.kind === 'review') {
    return (
      <MigrationReview
        headingRef={heading}
        pending={step.pending}
        to={definition}
        locale={locale}
        error={error}
        onContinue={() => void acceptMigration(step.pending)}
        onBack={() => {
          setError(null);
          setStep({ kind: 'list' });
        }}
      />
    );
  }

  return (
    <div className="as-form">
      <h1 className="as-heading-xl" tabIndex={-1} ref={heading}>
        Assessments in progress on this device
      </h1>
      {step.status ? (
        <div className="as-notification" role="status">
          <p className="as-body">{step.status}</p>
        </div>
      ) : null}
      {error ? <ErrorText text={error} /> : null}
      {drafts === null && !error ? <p className="as-body" role="status">Looking for assessments in progress…</p> : null}
      {drafts !== null && drafts.length === 0 ? <p className="as-body">There are no assessments of this form in progress on this device.</p> : null}
      {drafts && drafts.length > 0 ? (
        <>
          <p className="as-body">
            These {definition.title} assessments were started on this device and not yet submitted. Resume one, or start a new assessment.
          </p>
          <ul className="as-drafts">
            {drafts.map((stored) => {
              const label = draftLabel(stored, defOf(stored.draft.version), locale);
              const other = label.version !== definition.version;
              const name = `the assessment started ${label.startedAt}`;
              return (
                <li key={stored.key} className="as-drafts__item">
                  <h2 className="as-heading-m">Started {label.startedAt}</h2>
                  <dl className="as-drafts__facts">
                    <div>
                      <dt>Last saved</dt>
                      <dd>{label.savedAt}</dd>
                    </div>
                    <div>
                      <dt>Section reached</dt>
                      <dd>{label.section ?? 'Not known'}</dd>
                    </div>
                    <div>
                      <dt>Version</dt>
                      <dd>
                        {label.version}
                        {other ? ` (you opened version ${definition.version})` : null}
                      </dd>
                    </div>
                  </dl>
                  {openElsewhere.has(stored.key) ? (
                    <p className="as-body as-guidance">
                      This assessment is open in another tab or window. Continue it there, or close it there to resume it here.
                    </p>
                  ) : (
                    <div className="as-button-group">
                      {other ? (
                        <button type="button" className="as-button" onClick={() => void review(stored)}>
                          Move the answers to version {definition.version}
                          <span className="as-visually-hidden"> for {name}</span>
                        </button>
                      ) : (
                        <button type="button" className="as-button" onClick={() => onOpen(stored.key)}>
                          Resume<span className="as-visually-hidden"> {name}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="as-button as-button--secondary"
                        onClick={() => {
                          setError(null);
                          setStep({ kind: 'discard', stored, label });
                        }}
                      >
                        Discard<span className="as-visually-hidden"> {name}</span>
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h2 className="as-heading-m">New assessment</h2>
      <p className="as-body">A new assessment starts empty: nothing is taken from the ones in progress.</p>
      <button type="button" className="as-button" onClick={onStartNew}>
        Start a new assessment
      </button>
    </div>
  );
}

function ErrorText({ text }: { text: string }) {
  return (
    <p className="as-error-message" role="alert">
      {text}
    </p>
  );
}
