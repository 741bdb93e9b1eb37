import { InputControl, vanillaCells } from '@jsonforms/vanilla-renderers';
import { defaultRenderers, memoryStorage, mount, rankWith, scopeEndsWith, type Definition, type ValidateFunction } from '../../index';
import { fromJsonForms, jsonFormsRenderer } from '../../jsonforms/index';
// The shipped form and its validator compiled ahead of time, at build time (vite.lib.config.ts).
import { definition, validate } from 'virtual:shipped-form';
import { log } from '../shared';
import { ageStepper, ageStepperTester } from './AgeControl';
import './example.css';

/**
 * The form's renderers: a stock vanilla control for one question (its tester ranked above ours),
 * the host's own JSON Forms renderer for another, and ours for the rest. Per form, not per page:
 * another form on this page would have its own set.
 */
const renderers = [
  ...fromJsonForms([{ tester: rankWith(50, scopeEndsWith('childFirstName')), renderer: InputControl }], { cells: vanillaCells }).renderers,
  jsonFormsRenderer(ageStepperTester, ageStepper),
  ...defaultRenderers,
];

const form = mount(document.getElementById('root')!, {
  definition: definition as unknown as Definition,
  validator: validate as unknown as ValidateFunction,
  storage: memoryStorage(),
  renderers,
  // JSON Forms' own change event: the answers and the validator's errors, after each change.
  changeEvent: 'jsonforms',
  onChange: ({ data, errors }) => log(`change ${Object.keys(data).sort().join(',')} errors=${errors.length}`),
  onSubmit: (response) => log(`submit ${response.status} childFirstName=${String(response.answers.childFirstName)} childAge=${String(response.answers.childAge)}`),
});

document.getElementById('response')!.addEventListener('click', () => {
  const { answers } = form.getResponse();
  log(`response childFirstName=${String(answers.childFirstName)} childAge=${String(answers.childAge)}`);
});
