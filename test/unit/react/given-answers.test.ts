import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import type { FormError } from '../../../runtime/react/model/formOptions';
import { memoryStorage } from '../../../runtime/react/storage/memory';
import { manyItemsAnswers, smallDefinition } from '../../fixtures/hostile/definitions';

/** Issue 16: answers a form is given (the host's, a stored draft) get the limits before they are rendered. */
const definition = smallDefinition() as unknown as Definition;
const validator = Object.assign(() => true, { errors: null });

describe('answers given to a form', () => {
  it('a hundred thousand group items from the host: refused with a notice, the form empty, the host told once', async () => {
    const heard: FormError[] = [];
    const answers = manyItemsAnswers(100_000);
    const c = createFormController({ definition, validator, answers, onError: (e) => heard.push(e) });
    await c.ready;
    expect(c.store.snapshot()).toEqual({});
    expect(c.getNotices().map((n) => n.kind)).toEqual(['answers-refused']);
    c.replaceGivenAnswers(answers); // a host re-rendering with the same object
    await Promise.resolve();
    expect(heard.map((e) => [e.code, e.problems?.map((p) => `${p.code} ${p.path}`)])).toEqual([['answers-refused', ['too-many-items /children']]]);
    c.replaceGivenAnswers({ name: 'Sam' });
    expect(c.store.snapshot()).toEqual({ name: 'Sam' });
  });

  it('a stored draft nested too deep: refused, not restored', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const draft = { formId: definition.id, version: definition.version, sha256: 'x'.repeat(64), responseId: 'r', startedAt: 'x', updatedAt: 'y', answers: { name: deep } };
    // Handed back as stored (a memory store would copy it, recursing as deep as it goes).
    const storage = { ...memoryStorage(), load: async () => draft };
    const c = createFormController({ definition, validator, storage });
    await c.ready;
    expect(c.store.snapshot()).toEqual({});
    expect(c.getNotices().map((n) => n.kind)).toEqual(['answers-refused']);
  });
});
