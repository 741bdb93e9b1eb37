/** Entry point `assessment-studio/element`: importing it registers `<assessment-form>`. */
import { defineAssessmentForm } from './element';

export { AssessmentFormElement, defineAssessmentForm } from './element';
defineAssessmentForm();
