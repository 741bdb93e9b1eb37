import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import type { ValidateFunction } from '../../../runtime/react/model/validation';

const definition = {
  id: 'runtime-after-paint',
  version: '1.0.0',
  status: 'draft',
  title: 'After paint',
  source: { document: 'seeds/x.md' },
  changelog: [],
  schema: { type: 'object', properties: { name: { type: 'string', title: 'Name', minLength: 2 }, colour: { type: 'string', title: 'Colour' } }, required: ['name'] },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }, { type: 'Control', scope: '#/properties/colour' }] },
} as unknown as Definition;

/** AJV's shape: requires `name`, at least 2 characters. Counts its calls. */
function countingValidator(): ValidateFunction & { calls: number } {
  const v = Object.assign(
    (data: unknown) => {
      v.calls++;
      const name = (data as Record<string, unknown>).name;
      if (name === undefined) v.errors = [{ instancePath: '', keyword: 'required', params: { missingProperty: 'name' }, schemaPath: '#/required' }];
      else if (typeof name === 'string' && name.length < 2) v.errors = [{ instancePath: '/name', keyword: 'minLength', params: { limit: 2 }, schemaPath: '#/properties/name/minLength' }];
      else v.errors = null;
      return v.errors === null;
    },
    { errors: null as unknown, calls: 0 },
  );
  return v as ValidateFunction & { calls: number };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

/** A click on another question while `/name` had the focus: pointerdown, blur, (change), pointerup. */
function clickAway(c: ReturnType<typeof createFormController>, change?: () => void) {
  c.setPointerDown(true);
  c.blur('/name');
  change?.();
  c.setPointerDown(false);
}

describe('validation on leaving a field', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not validate again when the answers have not changed, and shows the error at once', async () => {
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    const calls = validate.calls;
    clickAway(c);
    expect(c.ui.shownError('/name')).toMatch(/name/i);
    c.blur('/colour');
    expect(validate.calls).toBe(calls);
  });

  it('after a change, validates after the click and never shows the error the answers no longer have', async () => {
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    const calls = validate.calls;
    clickAway(c, () => c.store.set('name', 'Sam'));
    // The 'required' error of the empty answer is stale: it must not show, not even for a frame.
    expect(c.ui.shownError('/name')).toBeUndefined();
    expect(validate.calls).toBe(calls);
    await tick();
    expect(validate.calls).toBe(calls + 1);
    expect(c.ui.shownError('/name')).toBeUndefined();
    expect(c.ui.allErrors()).toEqual([]);

    clickAway(c, () => c.store.set('name', 'S'));
    expect(c.ui.shownError('/name')).toBeUndefined();
    await tick();
    expect(c.ui.shownError('/name')).toBeDefined();
    expect(c.ui.allErrors().map((e) => e.pointer)).toEqual(['/name']);
  });

  it('waits for the next painted frame, then a task, before validating', async () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    const calls = validate.calls;
    clickAway(c, () => c.store.set('name', 'S'));
    await tick();
    expect(validate.calls).toBe(calls);
    expect(c.ui.shownError('/name')).toBeUndefined();
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(validate.calls).toBe(calls);
    await tick();
    expect(validate.calls).toBe(calls + 1);
    expect(c.ui.shownError('/name')).toBeDefined();
  });

  it('a submit in between validates at once and the deferred step only shows what is pending', async () => {
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    clickAway(c, () => c.store.set('colour', 'red'));
    const errors = await c.validate();
    expect(errors.map((e) => e.pointer)).toEqual(['/name']);
    const calls = validate.calls;
    await tick();
    expect(validate.calls).toBe(calls);
    expect(c.ui.shownError('/name')).toBeDefined();
  });

  it('keeps a blur made during a second click waiting for that click to end', async () => {
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    c.setPointerDown(true);
    c.blur('/colour');
    c.store.set('name', 'S');
    c.setPointerDown(false);
    // The second click starts before the first one's validation has run.
    c.setPointerDown(true);
    c.blur('/name');
    await tick();
    expect(c.ui.allErrors().map((e) => e.pointer)).toEqual(['/name']);
    expect(c.ui.shownError('/name')).toBeUndefined();
    c.setPointerDown(false);
    expect(c.ui.shownError('/name')).toBeDefined();
  });

  it('does nothing after the form is destroyed', async () => {
    const validate = countingValidator();
    const c = createFormController({ definition, validator: validate });
    await c.ready;
    const calls = validate.calls;
    clickAway(c, () => c.store.set('name', 'S'));
    c.destroy();
    await tick();
    expect(validate.calls).toBe(calls);
  });
});
