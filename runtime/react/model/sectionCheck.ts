import type { FormController } from './controller';
import type { Section } from './formModel';
import { fieldOf } from './uiState';
import { isKeyVisible, type FieldError } from './validation';

/**
 * "Save and continue" (GOV.UK): the problems of the questions a section shows now, each made
 * visible beside its field; the other sections are left alone until they are visited or the
 * assessment is submitted. A form without sections is one section.
 */
export async function checkSection(c: FormController, section: Section | undefined): Promise<FieldError[]> {
  // The validator may still be loading (first paint); `ready` is when it is there, if ever.
  await c.ready;
  const answers = c.shownAnswers();
  const keys = new Set(section ? section.keys : c.model.order);
  const found = c.ui.mode === 'NoValidation' ? c.ui.allErrors() : c.validateNow();
  const problems = found.filter((e) => keys.has(e.key) && isKeyVisible(c.model, e.key, answers));
  problems.forEach((e) => c.ui.touch(fieldOf(e)));
  // Only what now shows holds the section back (under ValidateAndHide and NoValidation, the host's
  // own errors): a hidden error would stop the practitioner with nothing on screen to say why.
  return problems.filter((e) => c.ui.shownError(fieldOf(e)));
}
