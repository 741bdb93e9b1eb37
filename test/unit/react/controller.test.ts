import { describe, expect, it } from 'vitest';
import type { Definition } from '../../../runtime/core/index';
import { createFormController } from '../../../runtime/react/model/controller';
import { memoryStorage } from '../../../runtime/react/storage/memory';
import type { Draft, DraftStorage } from '../../../runtime/react/storage/types';
import type { ValidateFunction } from '../../../runtime/react/model/validation';

const base = {
  id: 'runtime-controller',
  version: '2.0.0',
  status: 'draft',
  title: 'Controller test',
  source: { document: 'seeds/x.md' },
  changelog: [],
  schema: { type: 'object', properties: { name: { type: 'string', title: 'Name' }, gone: { type: 'string' } }, required: ['name'] },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }] },
} as unknown as Definition;

/** AJV's shape: a function with `errors`. Requires `name`. */
const validator: ValidateFunction = Object.assign(
  (data: unknown) => {
    const ok = typeof (data as Record<string, unknown>).name === 'string';
    validator.errors = ok ? null : [{ instancePath: '', keyword: 'required', params: { missingProperty: 'name' }, schemaPath: '#/required' }];
    return ok;
  },
  { errors: null },
);

function draft(version: string, answers: Record<string, unknown>): Draft {
  return { formId: base.id, version, sha256: 'x'.repeat(64), responseId: 'r-1', startedAt: '2026-11-25T10:00:00.000Z', updatedAt: '2026-11-25T10:05:00.000Z', answers };
}

/** A host adapter that records what it is asked to do. */
function recording(initial?: Draft): DraftStorage & { saved: Array<[string, Draft]>; removed: string[] } {
  const store = memoryStorage();
  if (initial) store.save(`assessment:${base.id}`, initial);
  const saved: Array<[string, Draft]> = [];
  const removed: string[] = [];
  return {
    saved,
    removed,
    load: (k) => store.load(k),
    save: (k, d) => {
      saved.push([k, d]);
      return store.save(k, d);
    },
    remove: (k) => {
      removed.push(k);
      return store.remove(k);
    },
  };
}

describe('FormController', () => {
  it('restores a draft, keeping its response id and start time', async () => {
    const c = createFormController({ definition: base, validator, storage: recording(draft('2.0.0', { name: 'Sam' })) });
    await c.ready;
    expect(c.store.get('name')).toBe('Sam');
    expect(c.getResponse()).toMatchObject({ responseId: 'r-1', startedAt: '2026-11-25T10:00:00.000Z', status: 'in-progress' });
    expect(c.getNotices().map((n) => n.kind)).toEqual(['restored']);
  });

  it('sets a draft of another version aside, loads none of it, and names both versions', async () => {
    const storage = recording(draft('1.0.0', { name: 'Sam', gone: 'x' }));
    const c = createFormController({ definition: base, validator, storage });
    await c.ready;
    expect(storage.saved.map(([k]) => k)).toEqual([`assessment:${base.id}@1.0.0`]);
    expect(storage.removed).toEqual([`assessment:${base.id}`]);
    expect(c.keptDraft?.key).toBe(`assessment:${base.id}@1.0.0`);
    expect(c.getNotices().map((n) => n.kind)).toEqual(['version-changed']);
    expect(c.getNotices()[0]!.text).toMatch(/for version 1\.0\.0 of this form, and this is version 2\.0\.0/);
    expect(c.store.snapshot()).toEqual({});
    // Its own saves go to its own key, never over the draft set aside.
    c.store.set('name', 'New');
    await c.flush();
    expect(storage.load(`assessment:${base.id}@1.0.0`)).toMatchObject({ version: '1.0.0', answers: { name: 'Sam' } });
  });

  it('keys drafts by the host’s subject id', async () => {
    const storage = memoryStorage();
    const a = createFormController({ definition: base, validator, storage, subjectId: 'client:A@1', saveDelay: 0 });
    await a.ready;
    expect(a.draftKey).toBe(`assessment:${base.id}:subject:client%3AA%401`);
    a.store.set('name', 'Ann');
    await a.flush();
    const b = createFormController({ definition: base, validator, storage, subjectId: 'client:B' });
    await b.ready;
    expect(b.store.snapshot()).toEqual({});
    const again = createFormController({ definition: base, validator, storage, subjectId: 'client:A@1' });
    await again.ready;
    expect(again.store.get('name')).toBe('Ann');
  });

  it('ignores a corrupt or hostile draft', async () => {
    const storage = recording();
    storage.load = () => JSON.parse('{"formId":"runtime-controller","version":"2.0.0","responseId":"r","startedAt":"x","updatedAt":"y","answers":{"__proto__":{"polluted":1},"name":"ok"}}');
    const c = createFormController({ definition: base, validator, storage });
    await c.ready;
    expect(c.store.snapshot()).toEqual({ name: 'ok' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const bad = recording();
    bad.load = () => ({ formId: 1 }) as unknown as Draft;
    const c2 = createFormController({ definition: base, validator, storage: bad });
    await c2.ready;
    expect(c2.store.snapshot()).toEqual({});
  });

  it('never uses the runtime’s own browser store for a host-only form', async () => {
    const local = { ...recording(), local: true } as DraftStorage & { saved: Array<[string, Draft]> };
    const c = createFormController({ definition: { ...base, safety: { drafts: 'host-only' } } as Definition, validator, storage: local, saveDelay: 0 });
    await c.ready;
    c.store.set('name', 'Sensitive');
    await c.flush();
    expect(local.saved).toEqual([]);
    expect(c.persistent).toBe(false);
    expect(c.getNotices().map((n) => n.kind)).toContain('host-only');
  });

  it('shows errors only after a submit attempt, then completes and wipes the draft', async () => {
    const storage = recording();
    const submitted: unknown[] = [];
    const c = createFormController({ definition: base, validator, storage, onSubmit: (r) => submitted.push(r) });
    await c.ready;
    expect(c.ui.shownErrors()).toEqual([]);
    const first = await c.submit();
    expect(first.ok).toBe(false);
    expect(c.ui.shownErrors().map((e) => [e.pointer, e.code])).toEqual([['/name', 'answer-required']]);
    c.store.set('name', 'Sam');
    const second = await c.submit();
    expect(second.ok).toBe(true);
    expect(submitted).toHaveLength(1);
    expect(c.getResponse().status).toBe('completed');
    expect(c.getResponse().form.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storage.removed).toEqual([`assessment:${base.id}`]);
  });

  it('with deliver, completes only once it is acknowledged: a refusal or a network failure keeps the draft and says submit-failed (issue 20)', async () => {
    const storage = recording();
    const submitted: unknown[] = [];
    const answers: Array<Promise<{ ok: true } | { ok: false; message: string }>> = [
      Promise.resolve({ ok: false, message: 'The store is down.' }),
      Promise.reject(new TypeError('Failed to fetch')),
      Promise.resolve({ ok: true }),
    ];
    answers[1]!.catch(() => undefined);
    const c = createFormController({ definition: base, validator, storage, onSubmit: (r) => submitted.push(r), deliver: () => answers.shift()! });
    await c.ready;
    c.store.set('name', 'Sam');
    for (let i = 0; i < 2; i++) {
      expect((await c.submit()).ok).toBe(false);
      expect(c.getNotices().filter((n) => n.kind === 'submit-failed')).toHaveLength(1);
      expect(c.getResponse().status).toBe('in-progress');
      expect(c.getView()).not.toBe('done');
      expect(storage.removed).toEqual([]);
      // Typed just before Submit: the draft holds it by the time the notice says so (CI saw it unsaved).
      expect(storage.saved.at(-1)?.[1].answers).toEqual({ name: 'Sam' });
      expect(submitted).toEqual([]);
    }
    expect((await c.submit()).ok).toBe(true);
    expect(c.getNotices().map((n) => n.kind)).not.toContain('submit-failed');
    expect(submitted).toHaveLength(1);
    expect(storage.removed).toEqual([`assessment:${base.id}`]);
  });

  it('quick exit wipes a local draft but leaves the host’s draft where the host keeps it', async () => {
    const host = recording();
    const c = createFormController({ definition: base, validator, storage: host });
    await c.ready;
    c.store.set('name', 'Sam');
    await c.quickExitStorage();
    expect(host.removed).toEqual([]);
    expect(host.saved.at(-1)?.[1].answers).toEqual({ name: 'Sam' });
    expect(c.persistent).toBe(true);
    expect(c.getSavedAt()).toBe(host.saved.at(-1)?.[1].updatedAt);

    const local = { ...recording(), local: true } as DraftStorage & { removed: string[] };
    const c2 = createFormController({ definition: base, validator, storage: local });
    await c2.ready;
    c2.store.set('name', 'Sam');
    await c2.quickExitStorage();
    expect(local.removed).toEqual([`assessment:${base.id}`]);
  });

  it('errors wait for the click that moved the focus', async () => {
    const c = createFormController({ definition: base, validator });
    await c.ready;
    c.setPointerDown(true);
    c.blur('/name');
    expect(c.ui.shownError('/name')).toBeUndefined();
    c.setPointerDown(false);
    expect(c.ui.shownError('/name')).toBeDefined();
  });
});

/**
 * Found by CI (runtime-draft-slots, 1 run in 3): a form opened to continue a draft showed its empty
 * fields while the draft was still being read from the device's encrypted store, then replaced
 * them with the draft when it came. Whatever a practitioner typed or ticked in between was lost
 * without a word, and the page looked for a moment as if the draft had gone. The form now shows
 * no fields until the draft is read (FormShell; the browser test is in runtime-draft-slots).
 */
describe('a form opening where drafts outlive the page', () => {
  /** A store that answers `load` only when told to, as a slow device's encrypted store does. */
  function slowStore(): DraftStorage & { answer(d: Draft | null): void } {
    let answer!: (d: Draft | null) => void;
    const loaded = new Promise<Draft | null>((resolve) => (answer = resolve));
    return { load: () => loaded, save: () => undefined, remove: () => undefined, answer };
  }

  it('is restoring until the draft is read, and then holds the draft’s answers', async () => {
    const store = slowStore();
    const c = createFormController({ definition: base, validator, storage: store });
    await new Promise((r) => setTimeout(r, 0));
    expect(c.isRestoring()).toBe(true);
    store.answer(draft('2.0.0', { name: 'Sam' }));
    await c.ready;
    expect(c.isRestoring()).toBe(false);
    expect(c.store.get('name')).toBe('Sam');
  });

  it('tells the page to draw again once the draft is read, even when there was none', async () => {
    const store = slowStore();
    const c = createFormController({ definition: base, validator, storage: store });
    let drawn = 0;
    c.subscribeView(() => drawn++);
    store.answer(null);
    await c.ready;
    expect(c.isRestoring()).toBe(false);
    expect(drawn).toBeGreaterThan(0);
  });

  it('validates (and so submits) the draft’s answers, not the empty form’s, when asked while it is read', async () => {
    const store = slowStore();
    const c = createFormController({ definition: base, validator, storage: store });
    const errors = c.validate();
    store.answer(draft('2.0.0', { name: 'Sam' }));
    expect(await errors).toEqual([]);
  });

  /** The runtime's own device store (`local`), its load answered only when told to: what quick exit must leave empty. */
  function slowDeviceStore(initial: Draft): DraftStorage & { answer(): void; keys(): string[] } {
    const held = new Map<string, Draft>([[`assessment:${base.id}`, initial]]);
    let answer!: () => void;
    const loaded = new Promise<void>((resolve) => (answer = resolve));
    return {
      local: true,
      load: async (k) => {
        await loaded;
        return held.get(k) ?? null;
      },
      save: (k, d) => void held.set(k, d),
      remove: (k) => void held.delete(k),
      list: (prefix) => [...held].filter(([k]) => k.startsWith(prefix)).map(([key, d]) => ({ key, draft: d })),
      answer,
      keys: () => [...held.keys()],
    };
  }

  // A draft of another version would be set aside under its own key once read: after quick exit,
  // that write put back on the device what quick exit had just removed.
  it.each([
    ['a draft of another version', '1.0.0'],
    ['a draft of this version', '2.0.0'],
  ])('leaves nothing on the device or the screen when quick exit is pressed while %s is read', async (_, version) => {
    const store = slowDeviceStore(draft(version, { name: 'Sam' }));
    const c = createFormController({ definition: base, validator, storage: store });
    const exited = c.quickExitStorage();
    store.answer();
    await exited;
    await c.ready;
    expect(store.keys()).toEqual([]);
    expect(c.store.get('name')).toBeUndefined();
    expect(c.getNotices()).toEqual([]);
  });

  it('never waits where drafts do not outlive the page (nothing to read)', () => {
    expect(createFormController({ definition: base, validator }).isRestoring()).toBe(false);
  });
});
