import type { ResponseEnvelope } from '../../core/index';
import type { FormError } from '../model/hostOptions';
import type { FieldError } from '../model/validation';

/** What `mount` returns (also behind the custom element). Its own file: typed without React. */
/** @public */
export interface MountedForm {
  /** The response as it stands (status `in-progress` until submitted). Throws (`code` `definition-refused`) when the definition was refused. */
  getResponse(): ResponseEnvelope;
  /** Validates everything and shows the errors; resolves to the list (empty when valid). */
  validate(): Promise<FieldError[]>;
  /** Validates and, when clean, completes the response (calls `onSubmit`) and wipes the draft. */
  submit(): Promise<{ ok: true; response: ResponseEnvelope } | { ok: false; errors: FieldError[] }>;
  /** Saves the draft now, unmounts and releases everything. */
  destroy(): void;
  /**
   * Resolves once a stored draft is restored and the validator is ready; rejects (with `code`
   * `validator-unavailable`) when the form cannot check answers and so will not submit, or (with
   * `code` `definition-refused` and `problems`) when the definition failed the checks.
   */
  ready: Promise<void>;
  /** Set when the definition failed the checks: what the host was told through `onError`. */
  refusal: FormError | null;
}
