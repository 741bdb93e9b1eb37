/** Entry point `assessment-studio/element`: importing it registers `<assessment-form>`. */
import { defineAssessmentForm } from './element';

import type { AssessmentFormElement } from './element';

export { AssessmentFormElement, defineAssessmentForm, type AssessmentFormEventMap } from './element';
defineAssessmentForm();

declare global {
  interface HTMLElementTagNameMap {
    'assessment-form': AssessmentFormElement;
  }
}
