import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { checkDefinitionForRendering, type Problem } from '../../core/index';
import { AssessmentForm } from '../AssessmentForm';
import { DefinitionRefused } from '../DefinitionRefused';
import { checkAfterPaint } from '../model/checkAfterPaint';
import { createFormController } from '../model/controller';
import type { FormOptions } from '../model/formOptions';
import type { MountedForm } from './mountedForm';
import { definitionRefused } from '../model/refusal';
import { FORM_CANNOT_VALIDATE } from '../model/validation';

export type { MountedForm } from './mountedForm';

/** @public */
export type MountOptions = FormOptions;

/**
 * Renders a form into any element, without the host using React. The definition is checked first
 * (size, depth, envelope, the lint rules rendering depends on): one that fails is shown as a refusal, never rendered.
 * @public
 */
export function mount(element: Element, options: MountOptions): MountedForm {
  const root = createRoot(element);
  const checked = checkDefinitionForRendering(options.definition);
  if (!checked.ok) return refused(root, checked.problems, options.onError);
  const controller = createFormController(options);
  root.render(createElement(AssessmentForm, { ...options, controller }));
  // Lint's other rules after the first paint; submit waits for them (checkAfterPaint.ts).
  const verdict = controller.checkDefinitionAfterPaint(checkAfterPaint(options.definition));
  let destroyed = false;
  const ready = Promise.all([controller.ready, verdict]).then(([, problems]) => {
    if (problems.length) {
      const error = definitionRefused(problems);
      throw Object.assign(new Error(error.message), error);
    }
    if (controller.getValidationState() === 'unavailable') throw Object.assign(new Error(FORM_CANNOT_VALIDATE.message), { code: 'validator-unavailable' });
  });
  // A host that never awaits `ready` has heard through onError: no unhandled rejection.
  ready.catch(() => undefined);
  return {
    getResponse: () => controller.getResponse(),
    validate: () => controller.validate(),
    submit: () => controller.submit(),
    get refusal() {
      const problems = controller.getRefusal();
      return problems ? definitionRefused(problems) : null;
    },
    ready,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      controller.destroy();
      root.unmount();
    },
  };
}

/** A refusal where a form would be (a definition that failed the checks on its way in): see `mount`. */
export function mountRefusal(element: Element, problems: Problem[], onError?: MountOptions['onError']): MountedForm {
  return refused(createRoot(element), problems, onError);
}

/** A refused definition: the refusal on screen, the host told through `onError` and `ready`, nothing to answer. */
function refused(root: Root, problems: Problem[], onError: MountOptions['onError']): MountedForm {
  root.render(createElement(DefinitionRefused, { problems, onError }));
  const error = definitionRefused(problems);
  const failure = () => Object.assign(new Error(error.message), error);
  const ready = Promise.reject(failure());
  // A host that never awaits `ready` has heard through onError: no unhandled rejection.
  ready.catch(() => undefined);
  let destroyed = false;
  return {
    getResponse: () => {
      throw failure();
    },
    validate: () => Promise.resolve([]),
    submit: () => Promise.resolve({ ok: false, errors: [] }),
    ready,
    refusal: error,
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      root.unmount();
    },
  };
}
