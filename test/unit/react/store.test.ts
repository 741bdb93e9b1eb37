import { describe, expect, it } from 'vitest';
import { AnswersStore, safeCopy } from '../../../runtime/react/model/store';
import { UiState } from '../../../runtime/react/model/uiState';

describe('AnswersStore', () => {
  it('notifies only the listeners of the key that changed', () => {
    const store = new AnswersStore({ a: 1 });
    const heard: string[] = [];
    store.subscribe('a', () => heard.push('a'));
    store.subscribe('b', () => heard.push('b'));
    store.set('b', 'x');
    expect(heard).toEqual(['b']);
    store.set('b', 'x'); // same value: nothing
    expect(heard).toEqual(['b']);
  });

  it('keeps the previous snapshot unchanged (safe to hold)', () => {
    const store = new AnswersStore({ a: 1 });
    const before = store.snapshot();
    store.set('a', 2);
    expect(before).toEqual({ a: 1 });
    expect(store.snapshot()).toEqual({ a: 2 });
  });

  it('removes an answer set to undefined', () => {
    const store = new AnswersStore({ a: 1 });
    store.set('a', undefined);
    expect('a' in store.snapshot()).toBe(false);
  });

  it('refuses prototype-polluting keys from hosts and drafts', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "ok": 2}');
    const store = new AnswersStore(hostile);
    store.set('__proto__', { polluted: true });
    expect(store.snapshot()).toEqual({ ok: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(safeCopy([1, 2])).toEqual({});
  });

  it('replace notifies every key that existed before or after', () => {
    const store = new AnswersStore({ a: 1, b: 2 });
    const heard: string[] = [];
    for (const k of ['a', 'b', 'c']) store.subscribe(k, () => heard.push(k));
    store.replace({ c: 3 });
    expect(heard.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('UiState', () => {
  const err = (pointer: string) => ({ pointer, key: pointer.split('/')[1]!, code: 'answer-required', message: 'Enter it' });

  it('shows an error only after the field is left or a submit is attempted', () => {
    const ui = new UiState();
    ui.setErrors([err('/a'), err('/b')]);
    expect(ui.shownError('/a')).toBeUndefined();
    ui.touch('/a');
    expect(ui.shownError('/a')).toBe('Enter it');
    expect(ui.shownError('/b')).toBeUndefined();
    ui.markSubmitted();
    expect(ui.shownErrors().map((e) => e.pointer)).toEqual(['/a', '/b']);
  });

  it('notifies only keys whose errors changed', () => {
    const ui = new UiState();
    ui.setErrors([err('/a'), err('/b')]);
    const heard: string[] = [];
    ui.subscribe('a', () => heard.push('a'));
    ui.subscribe('b', () => heard.push('b'));
    ui.setErrors([err('/a')]);
    expect(heard).toEqual(['b']);
  });
});
