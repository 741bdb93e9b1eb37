import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { AnswerList, CheckAnswers, PrintButton } from './CheckAnswers';
import { checkDefinitionForRendering } from '../core/index';
import { checkAfterPaint } from './model/checkAfterPaint';
import { DefinitionRefused } from './DefinitionRefused';
import { ErrorSummary } from './ErrorSummary';
import { FormContext, useController, useDerived, useViewVersion } from './hooks';
import { Children } from './layout/Element';
import { evaluateCondition, ruleOutcome } from './model/conditions';
import { createFormController, type FormController } from './model/controller';
import type { FormOptions } from './model/formOptions';
import { fieldId, type Section } from './model/formModel';
import { checkSection } from './model/sectionCheck';
import { topKey } from './model/uiState';
import { listenForDoubleEscape, onQuickExitElsewhere, quickExit } from './quickExit';
import { QuickExitButton } from './QuickExitButton';
import { ReadonlyContext } from './readonly';
import { SectionNav } from './SectionNav';
import { useFormHistory } from './useFormHistory';

/** @public */
export type AssessmentFormProps = FormOptions & {
  /** A controller made by `createFormController` (mount and the custom element pass theirs). */
  controller?: FormController;
  /**
   * The browser's Back button moves between sections and check your answers (history entries
   * for the same URL). Off by default: an embed must not add entries to its host page's history.
   */
  history?: boolean;
};

/**
 * The assessment form. `answers` seeds the form; later changes from the host replace the answers
 * unless they are the object the form itself last reported through `onChange`.
 * @public
 */
export function AssessmentForm(props: AssessmentFormProps) {
  // Checked before anything walks it (cached per object, so a host re-rendering pays once); a
  // controller passed in was made by mount or the iframe page, which checked its definition.
  const checked = props.controller ? null : checkDefinitionForRendering(props.definition);
  if (checked && !checked.ok) return <DefinitionRefused problems={checked.problems} onError={props.onError} />;
  return <CheckedForm {...props} />;
}

function CheckedForm(props: AssessmentFormProps) {
  const [controller] = useState(() => props.controller ?? createFormController(props));
  const owned = !props.controller;
  // Callbacks may change between renders; a controller made here always calls the latest (one
  // passed in keeps the callbacks it was made with).
  if (owned) {
    const { changeEvent, onChange, onSubmit, onQuickExit, onQuickExitStart, deliver } = props;
    Object.assign(controller.options, { changeEvent, onChange, onSubmit, onQuickExit, onQuickExitStart, deliver });
  }
  useEffect(() => {
    if (props.answers && props.answers !== controller.store.snapshot()) controller.replaceGivenAnswers(props.answers);
  }, [props.answers, controller]);
  // JSON Forms' options a host may change while the form is shown.
  useEffect(() => {
    controller.setAdditionalErrors(props.additionalErrors);
    controller.setValidationMode(props.validationMode);
  }, [props.additionalErrors, props.validationMode, controller]);
  useEffect(() => () => (owned ? controller.destroy() : undefined), [controller, owned]);
  // After the first paint, the rest of the definition check (a controller passed in belongs to
  // mount or a page that ran it already); submit waits for its verdict.
  useEffect(() => {
    if (owned) void controller.checkDefinitionAfterPaint(checkAfterPaint(props.definition));
  }, [controller, owned]);
  useEffect(() => {
    const down = () => controller.setPointerDown(true);
    // After the click that follows pointerup has been dispatched.
    const up = () => setTimeout(() => controller.setPointerDown(false), 0);
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, [controller]);
  useEffect(() => {
    const flush = () => controller.leavePage();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [controller]);
  return (
    <FormContext.Provider value={controller}>
      <RefusedOrShown onError={props.onError}>
        <ReadonlyContext.Provider value={props.readonly === true}>
          <FormShell history={props.history === true} />
        </ReadonlyContext.Provider>
      </RefusedOrShown>
    </FormContext.Provider>
  );
}

/** The form, or the refusal once the check left until after the first paint refused its definition. */
function RefusedOrShown({ children, onError }: { children: ReactNode; onError: AssessmentFormProps['onError'] }) {
  const c = useController();
  useViewVersion();
  const refusal = c.getRefusal();
  return refusal ? <DefinitionRefused problems={refusal} onError={onError ?? c.options.onError} /> : <>{children}</>;
}

function useVisibleSections(): Section[] {
  const c = useController();
  const sections = c.model.sections ?? [];
  const keys = useMemo(() => c.ruleReadKeys(), [c]);
  const mask = useDerived(keys, () =>
    sections
      .map((s) => (s.rules.every((r) => ruleOutcome(r, evaluateCondition(r.condition, c.shownAnswers())).visible) ? '1' : '0'))
      .join(''),
  );
  return useMemo(() => sections.filter((_, i) => mask[i] === '1'), [sections, mask]);
}

/** Above this many questions, off-screen ones skip rendering work (styles.css). */
const LONG_FORM = 150;

/** Questions the sizing pass lays out per frame: keeps each of its frames short (no long task). */
const SIZING_BATCH = 100;
/** How long after a key or a click the sizing pass waits before its next batch. */
const SIZING_QUIET_MS = 500;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'input'] as const;

/**
 * Off-screen questions of a long form skip layout (content-visibility) and stand in at a guessed
 * height until first shown; a question scrolled into view then took its real height a frame later
 * and moved what was under the pointer. So after the first paint (and after each change of section
 * or page) the questions are laid out a batch per frame, and the browser remembers each one's real
 * height (contain-intrinsic-size: auto) before it goes back to skipping: no long frame, and later
 * scrolling does not move the page. Inline style only: React sets no style on these elements.
 * The pass stands aside while the practitioner types or clicks, so its frames never hold up theirs.
 */
function useSizingPass(root: RefObject<HTMLDivElement | null>, long: boolean, place: string): void {
  useEffect(() => {
    const el = root.current;
    if (!long || !el) return;
    let questions: HTMLElement[] | null = null;
    let at = 0;
    let batch: HTMLElement[] = [];
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastInput = -Infinity;
    const busy = () => (lastInput = performance.now());
    const release = () => batch.forEach((q) => q.style.removeProperty('content-visibility'));
    const afterPaint = (fn: () => void) => (frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0))));
    const step = () => {
      release();
      batch = [];
      const quiet = performance.now() - lastInput;
      if (quiet < SIZING_QUIET_MS) {
        timer = setTimeout(() => afterPaint(step), SIZING_QUIET_MS - quiet);
        return;
      }
      questions ??= Array.from(el.querySelectorAll<HTMLElement>('.as-form-group'));
      batch = questions.slice(at, (at += SIZING_BATCH));
      if (!batch.length) return;
      batch.forEach((q) => q.style.setProperty('content-visibility', 'visible'));
      afterPaint(step);
    };
    for (const type of INPUT_EVENTS) el.addEventListener(type, busy, true);
    afterPaint(step);
    return () => {
      for (const type of INPUT_EVENTS) el.removeEventListener(type, busy, true);
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      release();
    };
  }, [root, long, place]);
}

function FormShell({ history }: { history: boolean }) {
  const c = useController();
  useViewVersion();
  const pendingFocus = useRef<string | null>(null);
  const [summaryFocus, setSummaryFocus] = useState(0);
  /** The section whose "Save and continue" found problems: the error summary lists only those. */
  const [checked, setChecked] = useState<number | null>(null);
  /** Opened from check your answers (Change, or a problem there): its button goes back there. */
  const [returning, setReturning] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const visible = useVisibleSections();
  const long = c.model.order.length > LONG_FORM;
  const formRef = useRef<HTMLDivElement>(null);
  const view = c.getView();
  const categorized = c.model.sections !== null;
  let current = c.getSection();
  if (categorized && visible.length && !visible.some((s) => s.index === current)) current = visible[0]!.index;
  const section = categorized ? c.model.sections![current] : undefined;
  useSizingPass(formRef, long, `${view} ${current}`);

  useEffect(() => listenForDoubleEscape(() => void quickExit(c)), [c]);
  // Quick exit in another tab: this one goes too, wiping its own drafts on the way.
  useEffect(() => onQuickExitElsewhere(() => void quickExit(c, { elsewhere: true })), [c]);
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const el = document.getElementById(target);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
    }
  });

  const open = (index: number, focusId = 'as-section-heading', fromCheck = false) => {
    pendingFocus.current = focusId;
    // A link in this section's error summary keeps the summary; opening another section ends it.
    if (index !== current || view !== 'form') setChecked(null);
    setReturning(fromCheck);
    c.goTo('form', index);
  };
  const openCheck = () => {
    pendingFocus.current = 'check-answers';
    setChecked(null);
    setReturning(false);
    c.goTo('check');
  };
  useFormHistory(c, history, (v, index) => (v === 'check' ? openCheck() : open(index)));
  const follow = (pointer: string) => {
    const key = topKey(pointer);
    const owner = c.model.sections?.find((s) => s.keys.includes(key));
    open(owner ? owner.index : current, fieldId(pointer), view === 'check' || returning);
  };
  const next = async () => {
    const problems = await checkSection(c, section);
    if (problems.length) {
      setChecked(current);
      setSummaryFocus((n) => n + 1);
      return;
    }
    const pos = visible.findIndex((s) => s.index === current);
    if (!returning && categorized && pos >= 0 && pos < visible.length - 1) open(visible[pos + 1]!.index);
    else openCheck();
  };
  const back = () => {
    const pos = visible.findIndex((s) => s.index === current);
    if (pos > 0) open(visible[pos - 1]!.index);
  };
  const submit = async () => {
    setSubmitting(true);
    try {
      const result = await c.submit();
      if (!result.ok) setSummaryFocus((n) => n + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const d = c.options.definition;
  return (
    <div ref={formRef} className={long ? 'as-form as-form--long' : 'as-form'}>
      <QuickExitButton onExit={() => void quickExit(c)} />
      <div className="as-header">
        <h1 className="as-heading-xl">{c.model.t('/title', d.title)}</h1>
      </div>
      <Notices />
      {view !== 'done' && c.persistent ? <SaveStatus /> : null}
      {c.isRestoring() ? (
        <p className="as-body" role="status">
          Checking for saved answers…
        </p>
      ) : view === 'done' ? (
        <Submitted />
      ) : (
        <>
          <ErrorSummary onFollow={follow} focusKey={summaryFocus} only={view === 'form' && checked === current ? (section?.keys ?? c.model.order) : null} />
          <div className={categorized ? 'as-columns' : undefined}>
            {categorized ? <SectionNav sections={visible} current={current} checking={view === 'check'} onOpen={(i) => open(i)} onCheck={openCheck} /> : null}
            <div className="as-main">
              {view === 'check' ? (
                <CheckAnswers onChange={follow} onSubmit={() => void submit()} submitting={submitting} />
              ) : (
                <form
                  noValidate
                  aria-labelledby="as-section-heading"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void next();
                  }}
                >
                  <h2 className="as-heading-l" id="as-section-heading" tabIndex={-1}>
                    {section ? section.label : 'Questions'}
                  </h2>
                  {section ? (
                    <Children key={section.index} element={section.element} pointer={section.pointer} />
                  ) : (
                    <Children element={c.model.uischema} pointer="/uischema" />
                  )}
                  <div className="as-button-group">
                    <button type="submit" className="as-button">
                      {returning
                        ? 'Save and return to check your answers'
                        : categorized && visible.findIndex((s) => s.index === current) < visible.length - 1
                          ? 'Save and continue'
                          : 'Continue to check your answers'}
                    </button>
                    {categorized && visible.findIndex((s) => s.index === current) > 0 ? (
                      <button type="button" className="as-button as-button--secondary" onClick={back}>
                        Previous section
                      </button>
                    ) : null}
                  </div>
                </form>
              )}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function Notices() {
  const c = useController();
  useViewVersion();
  const notices = c.getNotices();
  if (!notices.length) return null;
  return (
    <div className="as-notices">
      {notices.map((n) => (
        <div key={n.kind} className={`as-notification as-notification--${n.kind}`} role={n.kind === 'save-failed' || n.kind === 'cannot-validate' || n.kind === 'answers-refused' || n.kind === 'submit-failed' ? 'alert' : 'status'}>
          <p className="as-body">{n.text}</p>
          {n.kind === 'restored' ? (
            <button type="button" className="as-link-button" onClick={() => c.dismissNotice(n.kind)}>
              Dismiss<span className="as-visually-hidden"> this message</span>
            </button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/**
 * "Draft saved at 14:02": quiet (not a live region), so it never interrupts a screen reader. Its
 * line is there before the first save: appearing, it would move the page under a click already
 * pressed, and the release would land on something else (a link that then never opens).
 */
function SaveStatus() {
  const c = useController();
  const savedAt = useSyncExternalStore(
    useCallback((cb: () => void) => c.subscribeSaved(cb), [c]),
    () => c.getSavedAt(),
  );
  const time = savedAt && new Date(savedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return (
    <p className="as-save-status" aria-hidden={time ? undefined : true}>
      {time ? `Draft saved at ${time}` : '\u00a0'}
    </p>
  );
}

function Done() {
  const c = useController();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="as-panel" ref={ref} tabIndex={-1} role="status">
      {/* Said only once `deliver` acknowledged: "saved" must be true when the practitioner reads it. */}
      <h2 className="as-panel__title">{c.options.deliver ? 'Assessment submitted and saved' : 'Assessment submitted'}</h2>
      <p className="as-panel__body">Reference: {c.getResponse().responseId}</p>
    </div>
  );
}

/** The confirmation, then the answers as submitted: the record a practitioner prints. */
function Submitted() {
  return (
    <>
      <Done />
      <h2 className="as-heading-l">Your answers</h2>
      <PrintButton />
      <AnswerList />
    </>
  );
}
