import { createRoot } from 'react-dom/client';
import type { Definition } from '../../../runtime/core/index';
import { defineAssessmentForm } from '../../../runtime/react/embed/element';
import { AssessmentForm, mount, type FormError } from '../../../runtime/react/index';
import { deepSchema, duplicateOptionCodes, elementsNotArray, hugeDefinition, loneSurrogateTitle, manyItemsAnswers, smallDefinition } from '../../fixtures/hostile/definitions';

/**
 * What test/e2e/runtime-hostile-definitions.test.ts drives on the door page (`window.__hostile`):
 * each hostile definition is built here, in the page (`build`), then handed to one surface
 * (`show`): mount(), <assessment-form> or the React component. What the host hears is in `heard`.
 */
const builders = { deep: () => deepSchema(5000), elements: elementsNotArray, surrogate: loneSurrogateTitle, huge: () => hugeDefinition(20), small: smallDefinition, lintOnly: duplicateOptionCodes };
export type HostileKind = keyof typeof builders;
type Surface = 'mount' | 'element' | 'react';

defineAssessmentForm();
export const hostile = {
  built: null as unknown,
  answers: undefined as unknown,
  heard: [] as Array<{ code: string; problems?: string[] }>,
  build(kind: HostileKind, manyItems = false): void {
    hostile.built = builders[kind]();
    hostile.answers = manyItems ? manyItemsAnswers(100_000) : undefined;
  },
  show(surface: Surface): void {
    const root = document.getElementById('root')!;
    const definition = hostile.built as Definition;
    const answers = hostile.answers as Record<string, unknown> | undefined;
    // A precompiled validator, as a host would pass: AJV compiling in the page is not what is timed.
    const validator = Object.assign(() => true, { errors: null });
    const onError = (e: FormError) => hostile.heard.push({ code: e.code, problems: e.problems?.map((p) => `${p.code} ${p.path}`) });
    if (surface === 'mount') mount(root, { definition, answers, onError, validator });
    else if (surface === 'react') createRoot(root).render(<AssessmentForm definition={definition} answers={answers} onError={onError} validator={validator} />);
    else {
      const el = document.createElement('assessment-form') as HTMLElement & { definition: unknown; answers: unknown; validator: unknown };
      el.addEventListener('assessment-error', (e) => onError((e as CustomEvent<FormError>).detail));
      el.validator = validator;
      el.definition = definition;
      if (answers) el.answers = answers;
      root.append(el);
    }
  },
};
