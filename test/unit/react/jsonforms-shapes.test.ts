import * as jf from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import type { FormI18n, RankedTester, UISchemaElement, ValidationMode } from '../../../runtime/react/jsonFormsShapes';
import { isStringControl, rankWith } from '../../../runtime/react/renderers/testers';

/**
 * Issue 19, point 1: the runtime's public types declare JSON Forms' shapes themselves
 * (runtime/react/jsonFormsShapes.ts), so they need neither `@jsonforms/core` installed nor
 * `skipLibCheck`. They must still be JSON Forms' shapes: these assignments are checked by
 * `tsc --noEmit -p .` (each would be a compile error if the shapes drifted apart), and the
 * testers run both ways.
 */
describe("JSON Forms' shapes, declared by the runtime", () => {
  const control: jf.ControlElement = { type: 'Control', scope: '#/properties/name', label: { text: 'Name', show: true } };
  const schema: jf.JsonSchema = { type: 'object', properties: { name: { type: 'string' } } };
  const context: jf.TesterContext = { rootSchema: schema, config: {} };

  it("JSON Forms' testers are accepted where ours are, and ours where JSON Forms' are", () => {
    const theirs: RankedTester = jf.rankWith(4, jf.isStringControl);
    const ours: jf.RankedTester = rankWith(4, isStringControl);
    expect(theirs(control as UISchemaElement, schema, context)).toBe(4);
    expect(ours(control, schema, context)).toBe(4);
  });

  it("JSON Forms' i18n state and validation modes are our options", () => {
    const translate: jf.Translator = ((id: string, fallback?: string) => (id === 'name.label' ? 'Enw' : fallback)) as jf.Translator;
    const i18n: FormI18n = { locale: 'cy', translate, translateError: (error) => error.message ?? '' } satisfies jf.JsonFormsI18nState;
    const modes: ValidationMode[] = ['ValidateAndShow', 'ValidateAndHide', 'NoValidation'] satisfies jf.ValidationMode[];
    expect(i18n.translate?.('name.label', 'Name')).toBe('Enw');
    expect(modes).toHaveLength(3);
  });
});
