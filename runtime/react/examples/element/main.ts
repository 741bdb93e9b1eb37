import '../../embed/elementEntry';
import type { AssessmentFormElement } from '../../embed/element';
import { definition, log, validator } from '../shared';

/**
 * A host using the custom element. It may instead write `form-id` and `version` attributes to load
 * a published form (and its precompiled validator) from the product's server.
 */
const el = document.getElementById('form') as AssessmentFormElement;
el.addEventListener('assessment-ready', () => log('ready'));
el.addEventListener('assessment-change', (e) => log(`change ${Object.keys((e as CustomEvent<{ answers: object }>).detail.answers).sort().join(',')}`));
el.addEventListener('assessment-submit', (e) => log(`submit ${(e as CustomEvent<{ response: { status: string } }>).detail.response.status}`));
el.addEventListener('assessment-quick-exit', (e) => {
  e.preventDefault();
  log('quick exit');
});
el.addEventListener('assessment-error', (e) => log(`error ${(e as CustomEvent<{ message: string }>).detail.message}`));
el.validator = validator;
el.definition = definition;
