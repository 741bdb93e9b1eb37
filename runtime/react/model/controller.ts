import type { ErrorObject } from 'ajv';
import type { ValidationMode } from '../jsonFormsShapes';
import { answersForDraft, contentHash, withoutHiddenAnswers, type Answers, type Definition, type Problem, type ResponseEnvelope } from '../../core/index';
import type { LayoutEntry } from '../layout/layouts';
import { createFormRenderers, type FormRenderers } from '../layout/picker';
import type { RendererEntry } from '../renderers/types';
import type { Draft, DraftStorage, StoredDraft } from '../storage/types';
import { draftKeyPrefix } from '../storage/types';
import { subjectDraftKey } from '../drafts/keys';
import { memoryStorage } from '../storage/memory';
import { DraftKeeper } from './draftKeeper';
import { randomId } from '../randomId';
import { buildFormModel, type FormModel } from './formModel';
import { AnswersStore, safeCopy } from './store';
import { UiState } from './uiState';
import { FORM_CANNOT_VALIDATE, runValidator, ValidatorFailure, withComputed, withField, type FieldError, type ValidateFunction } from './validation';
import { loadFallbackValidator } from './fallbackValidator';
import { fromErrorObjects, toErrorObject } from './hostErrors';
import { hostWording } from './i18n';
import type { FormError, FormOptions, Notice, ValidationState, View } from './formOptions';
import { answersRefusal } from './refusal';
import { BlurTiming } from './blurTiming';
import { restoredNotice, setAsideFailedNotice, versionChangedNotice } from './draftNotices';

type Listener = () => void;

/**
 * One form instance: its model, answers, errors, view and drafts. React components read it
 * through hooks; `mount`, the custom element and the iframe page drive it through its methods.
 */
export class FormController {
  readonly model: FormModel;
  /** Errors worded as the host's `i18n` words them (ours when it has no translator). */
  private readonly wordErrors: (list: FieldError[]) => FieldError[];
  readonly store: AnswersStore;
  readonly ui = new UiState();
  readonly storage: DraftStorage;
  readonly draftKey: string;
  private readonly drafts: DraftKeeper;
  private validator: ValidateFunction | null;
  private validatorLoad: Promise<void> | null = null;
  private view: View = 'form';
  private section = 0;
  private notices: Notice[] = [];
  private lastRefused: unknown; // the same refused answers again are neither checked nor reported twice
  private readonly viewListeners = new Set<Listener>();
  private viewVersion = 0;
  private validationState: ValidationState = 'loading';
  private shownFor: Answers | null = null;
  private shown: Answers = {};
  private responseId: string;
  private startedAt: string;
  private completedAt: string | null = null;
  private sha: string | null = null;
  private disposed = false;
  /** The rest of the definition check, when the embed runs it after its first paint (checkAfterPaint.ts). */
  private definitionCheck: Promise<Problem[]> | null = null;
  private refusal: Problem[] | null = null;
  /** Whether drafts go somewhere that outlives the page (a host's store or the encrypted one). */
  readonly persistent: boolean;
  private readonly offs: Array<() => void> = [];
  readonly ready: Promise<void>;
  private restoring: Promise<void> | null = null; // a draft still being read as the form opens (a store that answers later)

  readonly options: FormOptions;
  /** The form's own renderers and layouts, ranked once per UI element (no state shared between forms). */
  readonly renderers: FormRenderers;

  constructor(options: FormOptions) {
    // A copy: React freezes props in development, and the form keeps its host's latest callbacks here.
    this.options = options = { ...options };
    this.renderers = createFormRenderers(options.renderers, options.layouts);
    const wording = hostWording(buildFormModel(options.definition, options.locale ?? options.i18n?.locale), options.i18n);
    this.model = wording.model;
    this.wordErrors = wording.errors;
    this.store = new AnswersStore(this.refusedAnswers(options.answers) ? {} : (options.answers ?? {}));
    this.validator = options.validator ?? null;
    const hostOnly = options.definition.safety?.drafts === 'host-only';
    const given = options.storage;
    // host-only forms never touch the runtime's own browser stores, even if a page passed one.
    this.storage = given && !(hostOnly && given.local) ? given : memoryStorage();
    this.persistent = this.storage === given;
    if (hostOnly && given?.local) this.notices.push({ kind: 'host-only', text: 'Drafts of this form are not kept on this device. Complete it in one sitting.' });
    this.draftKey = options.draftKey ?? (options.subjectId ? subjectDraftKey(options.definition.id, options.subjectId) : draftKeyPrefix(options.definition.id));
    this.responseId = randomId();
    this.startedAt = new Date().toISOString();
    this.drafts = new DraftKeeper({
      storage: this.storage,
      key: this.draftKey,
      formId: options.definition.id,
      current: () => this.currentDraft(),
      canSave: () => !this.completedAt && !this.disposed && !this.refusal,
      onSaveFailed: (failed) => this.saveFailed(failed),
      saveDelay: options.saveDelay,
      saveMaxWait: options.saveMaxWait,
    });
    this.ui.setMode(options.validationMode);
    this.setAdditionalErrors(options.additionalErrors);
    this.offs.push(
      this.store.subscribeAll(() => {
        this.completedAt = null;
        this.drafts.changed();
        this.reportChange();
      }),
    );
    const loaded = this.drafts.load();
    const restored = Promise.resolve(loaded).then((draft) => this.restore(draft));
    // Until a draft still being read has come, the form shows no fields to type into (FormShell).
    if (loaded instanceof Promise) this.restoring = restored.finally(() => { this.restoring = null; this.emitView(); });
    this.ready = (this.restoring ?? restored)
      .then(() => this.ensureValidator())
      .then(() => {
        if (this.validating()) this.validateNow();
        if (this.options.changeEvent === 'jsonforms') this.reportChange(); // JSON Forms reports its first state too
      });
  }

  get debug(): boolean {
    return this.options.debug === true;
  }

  // ---- view state (page, section, notices) -------------------------------------------------
  getView(): View {
    return this.view;
  }
  isRestoring(): boolean {
    return this.restoring !== null;
  }
  getSection(): number {
    return this.section;
  }
  getNotices(): Notice[] {
    return this.notices;
  }
  getViewVersion(): number {
    return this.viewVersion;
  }
  subscribeView(l: Listener): () => void {
    this.viewListeners.add(l);
    return () => this.viewListeners.delete(l);
  }
  private emitView(): void {
    this.viewVersion++;
    for (const l of [...this.viewListeners]) l();
  }
  goTo(view: View, section = this.section): void {
    this.view = view;
    this.section = section;
    this.drafts.changed();
    this.emitView();
  }
  dismissNotice(kind: Notice['kind']): void {
    this.notices = this.notices.filter((n) => n.kind !== kind);
    this.emitView();
  }

  // ---- validation ---------------------------------------------------------------------------
  getValidationState(): ValidationState {
    return this.validationState;
  }

  private ensureValidator(): Promise<void> {
    if (this.validator) {
      this.validationState = 'ready';
      return Promise.resolve();
    }
    if (this.options.allowCompile === false) {
      this.cannotValidate();
      return Promise.resolve();
    }
    return (this.validatorLoad ??= loadFallbackValidator(this.options.definition).then((v) => {
      this.validator = v;
      if (v) this.validationState = 'ready';
      else this.cannotValidate();
    }));
  }

  /** Answers from outside (the host's, a stored draft) over the limits are not used: the form says so and tells the host. */
  private refusedAnswers(value: unknown): boolean {
    if (value !== undefined && value === this.lastRefused) return true;
    const refusal = answersRefusal(value);
    this.lastRefused = refusal ? value : undefined;
    if (!refusal) return false;
    this.notices = [...this.notices.filter((n) => n.kind !== 'answers-refused'), refusal.notice];
    // Told after this call returns: the constructor may be running inside a React render.
    queueMicrotask(() => this.options.onError?.(refusal.error));
    return true;
  }

  /** The host gave new answers (a re-render with other `answers`). */
  replaceGivenAnswers(answers: Answers): void {
    return this.refusedAnswers(answers) ? this.emitView() : this.store.replace(answers);
  }

  /**
   * Fail closed: a form that cannot check answers says so, refuses to submit and tells the host.
   * Before this, an empty form could be submitted as completed with only a console message.
   */
  private cannotValidate(): void {
    const first = this.validationState !== 'unavailable';
    this.validationState = 'unavailable';
    if (!this.notices.some((n) => n.kind === 'cannot-validate')) {
      this.notices = [...this.notices, { kind: 'cannot-validate', text: FORM_CANNOT_VALIDATE.message }];
      this.emitView();
    }
    if (first) this.options.onError?.({ code: 'validator-unavailable', message: FORM_CANNOT_VALIDATE.message });
  }

  /**
   * The answers as they count: those to questions hidden by a rule or the safety check removed
   * (kept in the draft, so changing one's mind brings them back, but never in a response).
   * Rules, check your answers, validation and the response all read this.
   */
  shownAnswers(): Answers {
    const snapshot = this.store.snapshot();
    if (this.shownFor !== snapshot) {
      this.shownFor = snapshot;
      // With computed values in place, so a rule on a total (show when 8 or more) reads it live.
      this.shown = withComputed(this.model, withoutHiddenAnswers(this.options.definition, snapshot));
    }
    return this.shown;
  }

  /**
   * The answer keys that can change any rule's outcome (null: all of them). A rule that reads a
   * hidden answer counts it as not given, so one answer can change rules that never name it: every
   * rule follows every key that any rule reads. Those are few (the safety check, a handful of
   * yes/no questions), so typing in a text field still wakes no rule.
   */
  ruleReadKeys(): string[] | null {
    return this.model.ruleReads;
  }

  /**
   * Validates every answer now and updates the errors the form may show; the host's additional
   * errors come after the validator's.
   */
  validateNow(): FieldError[] {
    if (!this.validator) return this.validationState === 'unavailable' ? [FORM_CANNOT_VALIDATE] : [...this.additional];
    const answers = this.store.snapshot();
    let errors: FieldError[];
    try {
      errors = runValidator(this.model, this.validator, withComputed(this.model, this.shownAnswers()));
    } catch (e) {
      if (!(e instanceof ValidatorFailure)) throw e;
      this.validator = null;
      this.cannotValidate();
      return [FORM_CANNOT_VALIDATE];
    }
    this.ui.setErrors(this.wordErrors(errors));
    this.validated = { answers, validator: this.validator };
    return [...this.ui.ownErrors(), ...this.additional];
  }

  private additional: FieldError[] = [];
  private additionalFrom: unknown = undefined;

  /** The host's `additionalErrors` (JSON Forms' meaning): shown at once, in every validation mode. */
  setAdditionalErrors(list: ErrorObject[] | undefined): void {
    if (list === this.additionalFrom) return;
    this.additionalFrom = list;
    this.additional = this.wordErrors(fromErrorObjects(list)).map((e) => withField(this.model, e));
    this.ui.setAdditional(this.additional);
  }

  /** Switches JSON Forms' validationMode while the form is shown. */
  setValidationMode(mode: ValidationMode | undefined): void {
    if ((mode ?? 'ValidateAndShow') === this.ui.mode) return;
    this.ui.setMode(mode);
    if (mode !== 'NoValidation') this.validateNow();
    if (this.options.changeEvent === 'jsonforms') this.reportChange();
  }

  /** JSON Forms' NoValidation: nothing is validated while answering (submit still checks). */
  private validating(): boolean {
    return this.ui.mode !== 'NoValidation';
  }

  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The host's onChange: the answers at once, or JSON Forms' `{ data, errors }` 10 ms after the last change. */
  private reportChange(): void {
    const options = this.options;
    if (options.changeEvent !== 'jsonforms') {
      options.onChange?.(this.store.snapshot());
      return;
    }
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      if (this.disposed || options.changeEvent !== 'jsonforms') return;
      // As JSON Forms does, every change is validated; a field already left shows its error as it goes.
      if (this.validating() && !this.isValidated()) this.validateNow();
      const errors = this.validating() ? this.ui.ownErrors() : [];
      options.onChange?.({ data: this.store.snapshot(), errors: errors.map((e) => toErrorObject(e)) });
    }, 10);
  }

  /** What the errors in `ui` were computed from: the answers object (a new one on every change). */
  private validated: { answers: unknown; validator: ValidateFunction } | null = null;

  private isValidated(): boolean {
    return this.validated !== null && this.validated.answers === this.store.snapshot() && this.validated.validator === this.validator;
  }

  private readonly blurs = new BlurTiming({
    isValidated: () => this.isValidated(),
    validating: () => this.validating(),
    validateNow: () => void this.validateNow(),
    touch: (pointer) => this.ui.touch(pointer),
    disposed: () => this.disposed,
  });

  /** A field was left: its error may now show (after a click in progress; see BlurTiming). */
  blur(pointer: string): void {
    this.blurs.blur(pointer);
  }

  /** Called by the form's pointerdown/pointerup listeners. */
  setPointerDown(down: boolean): void {
    this.blurs.setPointerDown(down);
  }

  /** Validates and shows every error, as a submit attempt does. */
  async validate(): Promise<FieldError[]> {
    await this.restoring?.catch(() => undefined);
    await this.ensureValidator();
    this.ui.markSubmitted();
    return this.validateNow();
  }

  // ---- the response -------------------------------------------------------------------------
  private hash(): string {
    return (this.sha ??= contentHash(this.options.definition));
  }

  getResponse(): ResponseEnvelope {
    const d = this.options.definition;
    return {
      responseId: this.responseId,
      form: { id: d.id, version: d.version, sha256: this.hash() },
      status: this.completedAt ? 'completed' : 'in-progress',
      startedAt: this.startedAt,
      updatedAt: new Date().toISOString(),
      completedAt: this.completedAt,
      answers: withComputed(this.model, this.shownAnswers()),
    };
  }

  /**
   * Holds submit until `check` says whether the definition passes the checks that were left until
   * after the first paint; a definition it refuses is shown as a refusal and never submits.
   */
  checkDefinitionAfterPaint(check: Promise<Problem[]>): Promise<Problem[]> {
    return (this.definitionCheck = check.then((problems) => {
      if (problems.length && !this.disposed) {
        this.refusal = problems;
        this.drafts.cancel();
        this.emitView();
      }
      return problems;
    }));
  }
  /** The problems of a definition refused after the first paint; null while it stands. */
  getRefusal(): Problem[] | null {
    return this.refusal;
  }

  /**
   * Validates; when clean, completes the response, wipes the draft and calls onSubmit. A form that
   * cannot validate never submits: it answers with the form-level error instead.
   */
  async submit(): Promise<{ ok: true; response: ResponseEnvelope } | { ok: false; errors: FieldError[] }> {
    if (this.definitionCheck && (await this.definitionCheck).length) return { ok: false, errors: [FORM_CANNOT_VALIDATE] };
    const errors = await this.validate();
    if (errors.length > 0 || this.validationState !== 'ready') {
      this.emitView();
      return { ok: false, errors: errors.length ? errors : [FORM_CANNOT_VALIDATE] };
    }
    this.completedAt = new Date().toISOString();
    const response = this.getResponse();
    if (this.options.deliver && !(await this.delivered(response))) return { ok: false, errors: [] };
    this.drafts.cancel();
    await this.drafts.remove();
    this.goTo('done');
    this.options.onSubmit?.(response);
    return { ok: true, response };
  }

  /** Hands the response to `deliver`; on failure the response is in progress again and the draft kept. */
  private async delivered(response: ResponseEnvelope): Promise<boolean> {
    const sent = await this.options.deliver!(response).catch(() => ({ ok: false as const, message: 'The server could not be reached.' }));
    this.notices = this.notices.filter((n) => n.kind !== 'submit-failed');
    if (sent.ok) return true;
    this.completedAt = null;
    // Saves were held while the response was being delivered (a completed form keeps no draft): a
    // change typed just before Submit is written now, before the notice says the draft keeps it.
    await this.drafts.flush();
    const kept = this.persistent ? 'Your answers are kept on this page and in the draft on this device' : 'Your answers are kept on this page';
    this.notices = [...this.notices, { kind: 'submit-failed', text: `Your assessment was not saved: ${sent.message} ${kept}; try Submit again.` }];
    this.emitView();
    return false;
  }

  // ---- drafts -------------------------------------------------------------------------------
  /** When the draft was last saved (ISO), for the "Draft saved" line; null before the first save. */
  getSavedAt(): string | null {
    return this.drafts.getSavedAt();
  }
  subscribeSaved(l: Listener): () => void {
    return this.drafts.subscribeSaved(l);
  }

  private async restore(draft: Draft | null): Promise<void> {
    if (!draft || draft.formId !== this.options.definition.id || this.disposed || this.drafts.exited) return;
    const d = this.options.definition;
    if (draft.version !== d.version) {
      await this.keepOtherVersion(draft);
      return;
    }
    this.responseId = draft.responseId;
    this.startedAt = draft.startedAt;
    this.drafts.restoredFrom(draft);
    if (this.refusedAnswers(draft.answers)) return this.emitView();
    const answers = safeCopy(draft.answers);
    this.notices.push(restoredNotice(draft));
    this.store.replace(answers);
    if (typeof draft.section === 'number' && this.model.sections && draft.section < this.model.sections.length) this.section = draft.section;
    this.emitView();
  }

  /**
   * A draft of another version is never loaded into this form: its answers are keyed by that
   * version's questions (loading them gave "There is no question …" with no way out). It is set
   * aside under `<key>@<version>` and the practitioner is told which version it belongs to; the
   * practitioner page offers to migrate it or start afresh.
   */
  private async keepOtherVersion(draft: Draft): Promise<void> {
    this.keptDraft = await this.drafts.setAside(draft);
    if (this.drafts.exited) return; // quick exit meanwhile: nothing was moved, and nothing is to be said
    // Left where it was, the first save of this form would replace it: say it is at risk.
    if (!this.keptDraft) this.notices.push(setAsideFailedNotice(draft));
    this.notices.push(versionChangedNotice(draft, this.options.definition.version));
    this.emitView();
  }

  /** A draft of another version that `restore` set aside (key and draft), for hosts to offer a migration. */
  keptDraft: StoredDraft | null = null;

  private currentDraft(): Draft {
    const d = this.options.definition;
    return {
      formId: d.id,
      version: d.version,
      sha256: this.hash(),
      responseId: this.responseId,
      startedAt: this.startedAt,
      updatedAt: new Date().toISOString(),
      // A level that drafts never hold (safe-address) stays on screen and in the response, never in a draft.
      answers: answersForDraft(this.model.questions, this.store.snapshot()),
      section: this.section,
    };
  }

  private saveFailed(failed: boolean): void {
    const shown = this.notices.some((n) => n.kind === 'save-failed');
    if (!failed && shown) this.dismissNotice('save-failed');
    if (failed && !shown) {
      this.notices = [...this.notices, { kind: 'save-failed', text: 'Your answers could not be saved as a draft. Keep this page open.' }];
      this.emitView();
    }
  }

  /** The page is going: see `DraftKeeper.leavePage`. */
  leavePage(): void {
    this.drafts.leavePage();
  }

  /** Saves the draft now if anything changed since the last save. */
  flush(): Promise<void> {
    return this.drafts.flush();
  }

  /** Quick exit: the caller has already cleared the screen; see `DraftKeeper.quickExit`. */
  quickExitStorage(): Promise<void> {
    return this.drafts.quickExit();
  }

  destroy(): void {
    void this.flush();
    this.disposed = true;
    this.blurs.stop();
    clearTimeout(this.changeTimer);
    this.offs.forEach((off) => off());
    this.viewListeners.clear();
  }
}

export function createFormController(options: FormOptions): FormController {
  return new FormController(options);
}
