import { describe, expect, it } from 'vitest';
import { compileValidator, type Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import { fieldOf } from '../../../runtime/react/model/uiState';
import type { ValidateFunction } from '../../../runtime/react/model/validation';
import { severalRulesForm } from '../../support/several-rules-form';

// Issue 16, point 4: a field that breaks several rules shows every message, one a line; the error
// summary lists each, linked to the field that shows it (an item's problem to its question).
const definition = severalRulesForm() as unknown as Definition;

describe('several errors per field', () => {
  it('shows each problem of a field on its own line, and lists each in the summary at its field', async () => {
    const validator = compileValidator(definition) as unknown as ValidateFunction;
    const c = createFormController({ definition, validator });
    await c.ready;
    c.store.set('reference', 'ab');
    c.store.set('substances', ['alcohol', 'alcohol', 'tea']);
    c.blur('/reference');
    c.blur('/substances');
    expect(c.ui.shownError('/reference')?.split('\n')).toHaveLength(2);
    expect(c.ui.shownError('/substances')?.split('\n')).toHaveLength(2);
    expect(c.ui.shownErrors().map((e) => `${e.code} ${e.pointer} ${fieldOf(e)}`)).toEqual([
      'answer-length /reference /reference',
      'answer-pattern /reference /reference',
      'answer-items /substances /substances',
      'answer-option /substances/2 /substances',
    ]);
  });

  it('repaints a field when one of its several messages changes', async () => {
    const validator = compileValidator(definition) as unknown as ValidateFunction;
    const c = createFormController({ definition, validator });
    await c.ready;
    c.store.set('reference', 'ab');
    c.blur('/reference');
    let heard = 0;
    c.ui.subscribe('reference', () => heard++);
    c.store.set('reference', 'ABCDEFG1');
    c.validateNow();
    expect(heard).toBeGreaterThan(0);
    expect(c.ui.shownError('/reference')?.split('\n')).toHaveLength(1);
  });
});
