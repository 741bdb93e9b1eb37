import type { ErrorObject } from 'ajv';
import type { ValidationMode } from '../jsonFormsShapes';
import type { Answers, Definition, ResponseEnvelope } from '../../core/index';
import type { DraftStorage } from '../storage/types';
import type { FormI18n } from './i18n';
import type { ValidateFunction } from './validation';

/**
 * What a host gives a form, and what the form tells it, except the React renderers (formOptions.ts):
 * nothing here needs React's types, so `assessment-studio/mount` and `/element` are typed without them.
 */

export type View = 'form' | 'check' | 'done';

/** What `onChange` receives under `changeEvent: 'jsonforms'`: JSON Forms' own change event. @public */
export interface JsonFormsChange {
  data: Answers;
  /** The validator's errors as AJV error objects; none under `NoValidation`. */
  errors: ErrorObject[];
}

/**
 * `onChange` as it always was (the answers), or with `changeEvent: 'jsonforms'` as JSON Forms calls
 * it: `onChange({ data, errors })` after each change (debounced as JSON Forms debounces, 10 ms) and
 * once when the form is ready, with the validator's errors. One callback name, two meanings, so the
 * host says which it wrote for.
 * @public
 */
export type ChangeOptions =
  | {
      changeEvent?: 'answers';
      /** Called on every change with the whole answers object (same identity until the next change). */
      onChange?: (answers: Answers) => void;
    }
  | { changeEvent: 'jsonforms'; onChange?: (change: JsonFormsChange) => void };

/**
 * Every option but the React renderers: what `assessment-studio/mount` and the custom element take,
 * declared without React's types so a host that never writes React needs no `@types/react`.
 * @public
 */
export interface HostFormOptions {
  definition: Definition;
  /** Answers to start from (a host's saved response); a stored draft, if newer, wins. */
  answers?: Answers;
  /** Called with the completed response once it validates. */
  onSubmit?: (response: ResponseEnvelope) => void;
  /**
   * Where the completed response is saved before the form calls it submitted (the practitioner
   * page: the server's response store). Until it answers `ok`, the form keeps the answers and the
   * draft, says it was not saved, and Submit may be pressed again; without it, submitting is
   * the host's business (`onSubmit`), as in every embed.
   */
  deliver?: (response: ResponseEnvelope) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Where drafts go: the host's adapter. Defaults to memory, so nothing is written unasked. */
  storage?: DraftStorage;
  /**
   * Key under which this form's draft is stored. Defaults to `assessment:<id>:subject:<subjectId>`
   * with `subjectId`, else `assessment:<id>` (one draft of the form per store).
   */
  draftKey?: string;
  /** The host's own id for the person or case assessed: each subject gets a draft of its own. */
  subjectId?: string;
  locale?: string;
  /** Ahead-of-time compiled validator (no eval); without it one is compiled in the browser. */
  validator?: ValidateFunction;
  /**
   * Whether the form may compile a validator in the browser when none is given (AJV needs eval).
   * Pages under a strict CSP pass false: they validate only with the server's precompiled module.
   */
  allowCompile?: boolean;
  /**
   * Quick exit was pressed: called in the same task, once the form has blanked its own document and
   * before drafts are dealt with, so a host can blank its page at once (the iframe page posts
   * `quickExit` from here). `onQuickExit`, or leaving for `exitUrl`, follows once drafts are done.
   */
  onQuickExitStart?: () => void;
  /** Quick exit: the host's handler; by default the page is replaced by `exitUrl`. */
  onQuickExit?: () => void;
  exitUrl?: string;
  /** Counts control renders in `window.__asRenderCount` (CI guard, never in production pages). */
  debug?: boolean;
  /** Debounce of draft saves in ms (default 250). */
  saveDelay?: number;
  /** Longest wait for a draft save while answers keep changing, in ms (default 1000). */
  saveMaxWait?: number;
  /**
   * Called when the form cannot check answers (no validator, one refused by the page's CSP, or one
   * that throws): the form then refuses to submit and says so on screen.
   */
  onError?: (error: FormError) => void;
  /** As in JSON Forms: every control is disabled. */
  readonly?: boolean;
  /** As in JSON Forms: `locale` (our `locale` wins if both are given), `translate`, `translateError`. */
  i18n?: FormI18n;
  /**
   * As in JSON Forms: `ValidateAndShow` (the default) shows errors, once a field is left or a submit
   * tried; `ValidateAndHide` validates and reports errors (`onChange`, `validate`, `submit`) but
   * shows none; `NoValidation` does not validate while answering. Whatever the mode, `submit` never
   * completes a response that fails validation.
   */
  validationMode?: ValidationMode;
  /**
   * As in JSON Forms: AJV-style errors (`instancePath`, `keyword`, `params`, `message`) from the host,
   * shown at their answers in every mode, at once, and in the error summary. They hold back `submit`
   * while the host keeps them.
   */
  additionalErrors?: ErrorObject[];
}

/**
 * Something the host must know: the form cannot do what it promises. `definition-refused`: the
 * definition failed the checks every surface runs before rendering (size, depth, envelope, lint
 * errors) and a refusal is shown instead of the form; `answers-refused`: the answers given (or a
 * stored draft) failed the limits and the form starts empty. `problems` names the first few.
 * @public
 */
export interface FormError {
  code: 'validator-unavailable' | 'definition-refused' | 'answers-refused';
  message: string;
  problems?: BriefProblem[];
}

/** A problem as a host hears it: its stable code, the JSON pointer, and the message. @public */
export interface BriefProblem {
  code: string;
  path: string;
  message: string;
}

/** Whether answers can be checked: still loading a validator, ready, or not at all. @public */
export type ValidationState = 'loading' | 'ready' | 'unavailable';

export interface Notice {
  kind: 'restored' | 'version-changed' | 'host-only' | 'save-failed' | 'cannot-validate' | 'answers-refused' | 'submit-failed';
  text: string;
}
