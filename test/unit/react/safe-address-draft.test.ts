import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import { buildFormModel } from '../../../runtime/react/model/formModel';
import { NOT_SAVED_NOTE, questionWording } from '../../../runtime/react/model/wording';
import { memoryStorage } from '../../../runtime/react/storage/memory';
import type { Draft, DraftStorage } from '../../../runtime/react/storage/types';
import type { ValidateFunction } from '../../../runtime/react/model/validation';

/** Issue 18, point 4: the draft writer leaves a safe address out, whatever the store. */
const definition = {
  id: 'safe-address-draft', version: '1.0.0', status: 'draft', title: 'Safe address', source: { document: 'seeds/x.md' }, changelog: [],
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Name', 'x-code': 'name', 'x-sensitivity': 'personal' },
      refuge: { type: 'string', title: 'Refuge address', description: 'Where they are staying now.', 'x-code': 'refuge', 'x-sensitivity': 'safe-address' },
      moves: { type: 'array', 'x-code': 'moves', items: { type: 'object', properties: { town: { type: 'string', 'x-code': 'town' }, address: { type: 'string', 'x-code': 'move_address', 'x-sensitivity': 'safe-address' } } } },
    },
  },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }, { type: 'Control', scope: '#/properties/refuge' }, { type: 'Control', scope: '#/properties/moves' }] },
} as unknown as Definition;

const validator: ValidateFunction = Object.assign(() => true, { errors: null });

function recording(): DraftStorage & { written: Draft[] } {
  const store = memoryStorage();
  const written: Draft[] = [];
  return {
    written,
    local: true,
    load: (k) => store.load(k),
    save: (k, d) => {
      written.push(structuredClone(d));
      return store.save(k, d);
    },
    remove: (k) => store.remove(k),
    stage: (_k, d) => void written.push(structuredClone(d)),
  };
}

describe('a safe address and drafts', () => {
  it('is never in a draft saved or staged, though the form and the response hold it; on reload it is empty', async () => {
    const storage = recording();
    const c = createFormController({ definition, validator, storage, saveDelay: 0 });
    await c.ready;
    c.store.set('name', 'Jo');
    c.store.set('refuge', '1 Refuge Road');
    c.store.set('moves', [{ town: 'Leeds', address: '2 Hidden Way' }]);
    await c.flush();
    expect(storage.written.length).toBeGreaterThan(0);
    for (const d of storage.written) expect(JSON.stringify(d)).not.toMatch(/Refuge Road|Hidden Way/);
    expect(storage.written.at(-1)!.answers).toEqual({ name: 'Jo', moves: [{ town: 'Leeds' }] });
    expect(c.store.get('refuge')).toBe('1 Refuge Road');
    expect(c.getResponse().answers).toMatchObject({ refuge: '1 Refuge Road', moves: [{ address: '2 Hidden Way' }] });
    c.destroy();

    const again = createFormController({ definition, validator, storage });
    await again.ready;
    expect(again.store.get('name')).toBe('Jo');
    expect(again.store.get('refuge')).toBeUndefined();
  });

  it('says under the question, and under a group item, that it is not saved on this device', () => {
    const model = buildFormModel(definition);
    const refuge = model.question('refuge')!;
    expect(questionWording(model.t, refuge).hint).toBe(`Where they are staying now. ${NOT_SAVED_NOTE}`);
    const item = model.question('moves')!.items!.find((q) => q.key === 'address')!;
    expect(questionWording(model.t, item).hint).toBe(NOT_SAVED_NOTE);
    expect(questionWording(model.t, model.question('name')!).hint).toBeUndefined();
  });
});
