import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ResponseEnvelope } from '../../core/index';
import { AssessmentForm } from '../AssessmentForm';
import { createFormController } from '../model/controller';
import type { FormOptions } from '../model/formOptions';
import { FORM_CANNOT_VALIDATE, type FieldError } from '../model/validation';

/** @public */
export type MountOptions = FormOptions;

/** @public */
export interface MountedForm {
  /** The response as it stands (status `in-progress` until submitted). */
  getResponse(): ResponseEnvelope;
  /** Validates everything and shows the errors; resolves to the list (empty when valid). */
  validate(): Promise<FieldError[]>;
  /** Validates and, when clean, completes the response (calls `onSubmit`) and wipes the draft. */
  submit(): Promise<{ ok: true; response: ResponseEnvelope } | { ok: false; errors: FieldError[] }>;
  /** Saves the draft now, unmounts and releases everything. */
  destroy(): void;
  /**
   * Resolves once a stored draft is restored and the validator is ready; rejects (with `code`
   * `validator-unavailable`) when the form cannot check answers and so will not submit.
   */
  ready: Promise<void>;
}

/**
 * Renders a form into any element, without the host using React.
 * @public
 */
export function mount(element: Element, options: MountOptions): MountedForm {
  const controller = createFormController(options);
  const root = createRoot(element);
  root.render(createElement(AssessmentForm, { ...options, controller }));
  let destroyed = false;
  return {
    getResponse: () => controller.getResponse(),
    validate: () => controller.validate(),
    submit: () => controller.submit(),
    ready: controller.ready.then(() => {
      if (controller.getValidationState() === 'unavailable') throw Object.assign(new Error(FORM_CANNOT_VALIDATE.message), { code: 'validator-unavailable' });
    }),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      controller.destroy();
      root.unmount();
    },
  };
}
