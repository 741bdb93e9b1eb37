import { registerAdapter } from '@bench/harness'; // FIRST: marks "script start"
import schema from '@workload/jsonforms.schema.json';
import uischema from '@workload/jsonforms.uischema.json';
// The runtime's public entry point, as a host embeds it, and its stylesheet.
import { mount, type MountedForm } from '@runtime/react/index';
import '@runtime/react/styles.css';

/**
 * Our runtime as a host embeds it without React of its own: `mount(element, { definition })`.
 * The bench's JSON Schema + JSON Forms UI schema become a definition envelope (our native format)
 * in the page, so that work is part of first render. Defaults throughout: drafts in memory (the
 * default storage), the validator compiled in the browser with AJV on load (a host that passes no
 * ahead-of-time validator), errors shown after a field is left or on submit, as GOV.UK asks.
 */
type Json = Record<string, unknown>;

/**
 * `?sections` (used by test/bench/growth.mjs, never by the shared bench, whose harness waits for all N
 * questions): the same form as a Categorization, one Category per Group, as the shipped forms are
 * written; the runtime then renders only the current section.
 */
function asSections(ui: Json): Json {
  const groups = (ui.elements as Json[]) ?? [];
  return { type: 'Categorization', elements: groups.map((g) => ({ ...g, type: 'Category' })) };
}

function definitionOf(s: Json, ui: Json) {
  if (new URLSearchParams(location.search).has('sections')) ui = asSections(ui);
  const properties: Json = {};
  // Every question of a real definition carries its export code; the workload's keys are valid codes.
  for (const [key, q] of Object.entries(s.properties as Record<string, Json>)) properties[key] = { ...q, 'x-code': key };
  return {
    id: 'bench-workload',
    version: '1.0.0',
    status: 'published' as const,
    title: 'Benchmark assessment',
    source: { document: 'shared/bench/scripts/gen-workload.mjs' },
    changelog: [],
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', ...s, properties },
    uischema: ui,
  };
}

let answers: Record<string, unknown> = {};
let form: MountedForm | null = null;
const id = (key: string) => `as-${key}`; // the runtime's fieldId('/' + key) for plain keys

registerAdapter({
  id: 'assessment-studio',
  notes:
    'Public entry point mount(element, { definition }) with runtime defaults: memory drafts (debounced save), ' +
    'AJV compiled in the browser on load (no ahead-of-time module), GOV.UK renderers (label, hint, error slot, ' +
    'fieldset + legend, character count under long answers with a maxLength, day/month/year date inputs); ' +
    'the bench form has no Categorization, so the whole form renders at once. Each control subscribes to its own ' +
    'answer. validate-all = mounted.validate() (a submit attempt: every error shown, and the error summary).',
  mount(root: HTMLElement) {
    form = mount(root, {
      definition: definitionOf(schema as Json, uischema as Json) as never,
      onChange: (next) => {
        answers = next;
      },
    });
  },
  countRenderedQuestions() {
    return document.querySelectorAll('#root .as-form-group:has(input, textarea, select)').length;
  },
  textInput(q: { key: string }) {
    return document.getElementById(id(q.key));
  },
  radioOption(q: { key: string }, i: number) {
    return document.getElementById(i === 0 ? id(q.key) : `${id(q.key)}-${i}`);
  },
  getValue(q: { key: string }) {
    return answers[q.key];
  },
  validateAll() {
    return form!.validate();
  },
  countErrors() {
    return document.querySelectorAll('#root .as-form-group .as-error-message').length;
  },
});
