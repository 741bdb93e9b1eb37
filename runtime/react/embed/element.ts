import type { Answers, Definition, ResponseEnvelope } from '../../core/index';
import type { HostFormOptions as FormOptions } from '../model/hostOptions';
import type { FieldError, ValidateFunction } from '../model/validation';
import { indexedDbStorage } from '../storage/indexedDb';
import { memoryStorage } from '../storage/memory';
import { definitionFromResponse, DefinitionRefusedError, loadPublished } from './loadPublished';
import type { FormError } from '../model/hostOptions';
import { mount, mountRefusal } from './mount';
import type { MountedForm } from './mountedForm';

/**
 * The events of `<assessment-form>` (bubbling, composed), so `addEventListener` gives each its detail.
 * @public
 */
export interface AssessmentFormEventMap extends HTMLElementEventMap {
  'assessment-ready': CustomEvent<undefined>;
  'assessment-change': CustomEvent<{ answers: Answers }>;
  'assessment-submit': CustomEvent<{ response: ResponseEnvelope }>;
  /** Cancelable: cancel it to leave in the host's own way. */
  'assessment-quick-exit': CustomEvent<undefined>;
  /** The form cannot do what it promises (`code` set), or could not be loaded (`message` only). */
  'assessment-error': CustomEvent<FormError | { message: string; code?: undefined }>;
}

/** Typed listeners for the events above (merged into the class). @public */
export interface AssessmentFormElement {
  addEventListener<K extends keyof AssessmentFormEventMap>(type: K, listener: (this: AssessmentFormElement, event: AssessmentFormEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AssessmentFormEventMap>(type: K, listener: (this: AssessmentFormElement, event: AssessmentFormEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/**
 * `<assessment-form form-id="routine-enquiry" version="2.0.0">` (or `src="/path/definition.json"`,
 * or the `definition` property). Attributes: `locale`, `storage` (`memory` default, or `local`:
 * encrypted IndexedDB), `subject-id` (the host's id for the person assessed: a draft per subject),
 * `exit-url`, `api-base`, JSON Forms' `readonly` and `validation-mode` (`ValidateAndShow`,
 * `ValidateAndHide`, `NoValidation`), `debug` (counts control renders in `window.__asRenderCount`);
 * properties `definition`, `answers`, `validator`, and JSON Forms' `i18n` and `additionalErrors`. Events (bubbling, composed):
 * `assessment-ready`, `assessment-change` {answers}, `assessment-submit` {response},
 * `assessment-quick-exit` (at once, before drafts; cancelable: cancel it to handle the exit yourself), `assessment-error` {message}.
 * Light DOM, so the page's stylesheet and accessibility tools reach the form.
 * @public
 */
export class AssessmentFormElement extends HTMLElement {
  static observedAttributes = ['form-id', 'version', 'src', 'locale', 'storage', 'exit-url', 'subject-id', 'readonly', 'validation-mode'];
  /** A precompiled validator for a definition set as a property (no eval needed). */
  validator: ValidateFunction | undefined;
  private i18nValue: FormOptions['i18n'];
  private additional: FormOptions['additionalErrors'];
  private mounted: MountedForm | null = null;
  private def: Definition | null = null;
  private initial: Answers | undefined;
  private loadToken = 0;
  private connected = false;

  get definition(): Definition | null {
    return this.def;
  }
  set definition(value: unknown) {
    // Checked by mount, which shows a refusal and says so through assessment-error.
    this.def = value as Definition;
    this.render(this.validator);
  }
  get answers(): Answers | undefined {
    return this.form()?.getResponse().answers ?? this.initial;
  }
  set answers(value: Answers | undefined) {
    this.initial = value;
    if (this.mounted) this.render(this.validator);
  }

  /** As in JSON Forms: `locale`, `translate`, `translateError` (the `locale` attribute wins). */
  get i18n(): FormOptions['i18n'] {
    return this.i18nValue;
  }
  set i18n(value: FormOptions['i18n']) {
    this.i18nValue = value;
    this.remount();
  }
  /** As in JSON Forms: AJV-style errors from the host, shown at their answers; they hold back submit. */
  get additionalErrors(): FormOptions['additionalErrors'] {
    return this.additional;
  }
  set additionalErrors(value: FormOptions['additionalErrors']) {
    this.additional = value;
    this.remount();
  }

  getResponse(): ResponseEnvelope | null {
    return this.form()?.getResponse() ?? null;
  }
  validate(): Promise<FieldError[]> {
    return this.form()?.validate() ?? Promise.resolve([]);
  }
  submit(): ReturnType<MountedForm['submit']> | Promise<null> {
    return this.form()?.submit() ?? Promise.resolve(null);
  }
  /** The form shown, if any (not a refusal). */
  private form(): MountedForm | null {
    return this.mounted && !this.mounted.refusal ? this.mounted : null;
  }

  connectedCallback(): void {
    this.connected = true;
    void this.load();
  }
  disconnectedCallback(): void {
    this.connected = false;
    this.mounted?.destroy();
    this.mounted = null;
  }
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
    if (!this.connected || oldValue === newValue) return;
    if (name === 'form-id' || name === 'version' || name === 'src') void this.load();
    // Another subject or store is another draft slot: never carry one client's answers into another's.
    else if (name === 'subject-id' || name === 'storage') this.render(this.validator);
    else this.remount();
  }

  /**
   * How the form is shown changed (locale, readonly, validation mode, i18n, host errors, exit URL):
   * mounted again with the answers as they stand, not those first given.
   */
  private remount(): void {
    if (!this.def) return;
    const shown = this.form();
    if (shown) this.initial = shown.getResponse().answers;
    this.render(this.validator);
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    const src = this.getAttribute('src');
    const id = this.getAttribute('form-id');
    const version = this.getAttribute('version');
    try {
      if (src) {
        const res = await fetch(src, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`The form could not be loaded (${res.status}).`);
        const definition = await definitionFromResponse(res);
        if (token === this.loadToken) {
          this.def = definition;
          this.render();
        }
      } else if (id && version) {
        const loaded = await loadPublished(id, version, this.getAttribute('api-base') ?? '');
        if (token === this.loadToken) {
          this.def = loaded.definition;
          this.render(loaded.validator ?? undefined);
        }
      } else if (this.def) this.render(this.validator);
    } catch (e) {
      if (e instanceof DefinitionRefusedError && token === this.loadToken) this.refuse(e.problems);
      else this.fail(e instanceof Error ? e.message : 'The form could not be loaded.');
    }
  }

  private render(validator?: Parameters<typeof mount>[1]['validator']): void {
    if (!this.def || !this.connected) return;
    this.mounted?.destroy();
    const emit = (type: string, detail?: unknown, cancelable = false) =>
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
    let hostExits = false;
    this.mounted = mount(this, {
      definition: this.def,
      answers: this.initial,
      locale: this.getAttribute('locale') ?? undefined,
      storage: this.getAttribute('storage') === 'local' ? indexedDbStorage() : memoryStorage(),
      subjectId: this.getAttribute('subject-id') || undefined,
      exitUrl: this.getAttribute('exit-url') ?? undefined,
      validator,
      readonly: this.hasAttribute('readonly'),
      validationMode: validationMode(this.getAttribute('validation-mode')),
      i18n: this.i18nValue,
      additionalErrors: this.additional,
      debug: this.hasAttribute('debug'),
      onChange: (answers) => emit('assessment-change', { answers }),
      onSubmit: (response) => emit('assessment-submit', { response }),
      onError: (error) => emit('assessment-error', error),
      // The event fires at once, before drafts; cancelled, the host leaves in its own way.
      onQuickExitStart: () => {
        hostExits = !emit('assessment-quick-exit', undefined, true);
      },
      onQuickExit: () => {
        if (!hostExits) window.location.replace(this.getAttribute('exit-url') ?? 'about:blank');
      },
    });
    // A form that cannot validate has already said so through assessment-error.
    void this.mounted.ready.then(() => emit('assessment-ready'), () => undefined);
  }

  /** A definition refused on its way in: shown as a refusal where the form would be. */
  private refuse(problems: DefinitionRefusedError['problems']): void {
    this.mounted?.destroy();
    this.def = null;
    this.mounted = mountRefusal(this, problems, (error) => this.dispatchEvent(new CustomEvent('assessment-error', { detail: error, bubbles: true, composed: true })));
  }

  private fail(message: string): void {
    this.dispatchEvent(new CustomEvent('assessment-error', { detail: { message }, bubbles: true, composed: true }));
  }
}

/** Registers `<assessment-form>` once (safe to call twice). @public */
export function defineAssessmentForm(name = 'assessment-form'): void {
  if (!customElements.get(name)) customElements.define(name, class extends AssessmentFormElement {});
}

const VALIDATION_MODES = ['ValidateAndShow', 'ValidateAndHide', 'NoValidation'] as const;
function validationMode(value: string | null): FormOptions['validationMode'] {
  return VALIDATION_MODES.find((m) => m === value);
}
