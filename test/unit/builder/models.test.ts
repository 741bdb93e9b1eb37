import { describe, expect, it } from 'vitest';
import { commandForKey, keyLabel, matchesBinding, registerCommand } from '../../../builder/app/commands/registry';
import { compareVersions, latest } from '../../../runtime/core/index';
import { explorerForms } from '../../../builder/app/contributions/explorer/model';
import { conditionChoices, insertionPoint, moveTarget, selectionAfterDelete, selectionForPath } from '../../../builder/app/contributions/outline/model';
import { keepAnswers } from '../../../builder/app/contributions/preview/model';
import { problemRows } from '../../../builder/app/contributions/problems/model';
import { groupBySeverity, summarizeDiff } from '../../../builder/app/contributions/diff/model';
import { markersFor, MarkerSeverity } from '../../../builder/app/monaco/markers';
import { matches } from '../../../builder/app/shell/QuickInput';
import { addQuestion, addSection, definitionText, newDefinition, readOutline, updateQuestion } from '../../../builder/app/services/edits/index';
import { changeText, isDirty, markSaved, openDoc, redoDoc, undoDoc, withPrevious } from '../../../builder/app/services/document';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('keybindings', () => {
  it('matches mod as Ctrl elsewhere and Cmd on macOS, with exact modifiers', () => {
    expect(matchesBinding('mod+shift+p', key('P', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesBinding('mod+shift+p', key('p', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(matchesBinding('mod+shift+p', key('p', { ctrlKey: true }), false)).toBe(false);
    expect(matchesBinding('mod+s', key('s', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(matchesBinding('alt+up', key('ArrowUp', { altKey: true }), false)).toBe(true);
    expect(keyLabel('mod+shift+m')).toBe('Ctrl+Shift+M');
  });

  it('runs only global commands while typing in a field', () => {
    registerCommand({ id: 'test.global', title: 'g', category: 't', keybinding: 'mod+alt+g', global: true, run: () => {} });
    registerCommand({ id: 'test.local', title: 'l', category: 't', keybinding: 'mod+alt+l', run: () => {} });
    expect(commandForKey(key('g', { ctrlKey: true, altKey: true }), true, false)?.id).toBe('test.global');
    expect(commandForKey(key('l', { ctrlKey: true, altKey: true }), true, false)).toBeUndefined();
    expect(commandForKey(key('l', { ctrlKey: true, altKey: true }), false, false)?.id).toBe('test.local');
    expect(() => registerCommand({ id: 'test.local', title: 'l', category: 't', run: () => {} })).toThrow();
  });

  it('the palette filter matches every word in any order', () => {
    expect(matches('File: Publish…', 'pub file')).toBe(true);
    expect(matches('File: Publish…', 'save')).toBe(false);
  });
});

describe('versions and the explorer', () => {
  it('orders versions by semver, prereleases before their release', () => {
    expect(['1.10.0', '1.2.0', '2.0.0-rc.1', '2.0.0', '1.2.0-beta'].sort(compareVersions)).toEqual(['1.2.0-beta', '1.2.0', '1.10.0', '2.0.0-rc.1', '2.0.0']);
    expect(latest(['1.0.0', '1.1.0', '1.0.5'])).toBe('1.1.0');
  });

  it('lists forms by title, newest version first, filtered', () => {
    const forms = [
      { id: 'b-form', title: 'Beta', versions: [{ version: '1.0.0', status: 'published' as const }, { version: '1.1.0', status: 'draft' as const }] },
      { id: 'a-form', title: 'Alpha', versions: [] },
    ];
    expect(explorerForms(forms).map((f) => [f.title, f.versions.map((v) => v.version)])).toEqual([['Alpha', []], ['Beta', ['1.1.0', '1.0.0']]]);
    expect(explorerForms(forms, 'bet').map((f) => f.id)).toEqual(['b-form']);
  });
});

describe('the outline model', () => {
  const base = () => {
    let d = newDefinition('f', 'F', '2026-11-25');
    d = addQuestion(d, 'yes-no', { section: 0, label: 'Alone' }).definition;
    d = addQuestion(d, 'multiple-choice', { section: 0, label: 'Which' }).definition;
    d = addSection(d, 'Two').definition;
    d = addQuestion(d, 'text', { section: 1, label: 'Note' }).definition;
    return d;
  };

  it('inserts after the selected item, at the end of a selected section, or at the very end', () => {
    const o = readOutline(base());
    expect(insertionPoint(o, { kind: 'item', section: 0, index: 0 })).toEqual({ section: 0, index: 1 });
    expect(insertionPoint(o, { kind: 'section', section: 0 })).toEqual({ section: 0, index: 2 });
    expect(insertionPoint(o, { kind: 'form' })).toEqual({ section: 1, index: 1 });
    expect(insertionPoint({ sections: [] }, undefined)).toBeUndefined();
  });

  it('selects a neighbour after a delete and moves across sections', () => {
    const d = base();
    const o = readOutline(d);
    expect(selectionAfterDelete(o, { kind: 'item', section: 0, index: 1 })).toEqual({ kind: 'item', section: 0, index: 0 });
    expect(selectionAfterDelete(o, { kind: 'item', section: 1, index: 0 })).toEqual({ kind: 'section', section: 1 });
    expect(moveTarget(d, { kind: 'item', section: 0, index: 1 }, 1)).toEqual({ from: { section: 0, index: 1 }, to: { section: 1, index: 0 } });
    expect(moveTarget(d, { kind: 'section', section: 0 }, 1)).toBeUndefined();
  });

  it('offers yes/no and choice questions, with their values, for show-when rules; text only as answered (issue 17.5)', () => {
    const d = base();
    const choices = conditionChoices(readOutline(d), 'alone');
    expect(choices.map((c) => [c.key, c.ops])).toEqual([['which', ['is', 'one-of', 'answered']], ['note', ['answered']]]);
    expect(choices[0]!.values.map((v) => v.value)).toEqual(['option_1', 'option_2']);
  });

  it('finds the outline element a problem pointer belongs to', () => {
    const o = readOutline(base());
    expect(selectionForPath(o, '/schema/properties/note/x-code')).toEqual({ kind: 'item', section: 1, index: 0 });
    expect(selectionForPath(o, '/uischema/elements/1/rule')).toEqual({ kind: 'section', section: 1 });
    expect(selectionForPath(o, '/title')).toBeUndefined();
  });
});

describe('Monaco markers from problems', () => {
  const text = definitionText(newDefinition('f', 'F', '2026-11-25'));

  it('marks the key of the property a pointer names, on its line', () => {
    const [m] = markersFor(text, [{ code: 'x', severity: 'error', message: 'm', path: '/title' }]);
    const line = text.split('\n').findIndex((l) => l.includes('"title"')) + 1;
    expect(m).toMatchObject({ severity: MarkerSeverity.Error, startLineNumber: line, endLineNumber: line, startColumn: 3 });
    expect(m!.endColumn).toBeGreaterThan(m!.startColumn);
  });

  it('uses the line and column of a syntax error, and never throws on a missing pointer', () => {
    expect(markersFor('{ "a": ', [{ code: 'json-syntax', severity: 'error', message: 'm', path: '', line: 1, column: 8 }])[0]).toMatchObject({ startLineNumber: 1, startColumn: 8 });
    expect(markersFor(text, [{ code: 'x', severity: 'warning', message: 'm', path: '/schema/properties/nothing/here' }])[0]!.severity).toBe(MarkerSeverity.Warning);
  });
});

describe('documents, problems and the preview', () => {
  it('tracks dirty state, undo and saving', () => {
    const text = definitionText(newDefinition('f', 'F', '2026-11-25'));
    let doc = openDoc('f', '1.0.0', text, '"e1"', 'draft');
    expect(isDirty(doc)).toBe(false);
    doc = changeText(doc, text.replace('"F"', '"G"'));
    expect(isDirty(doc)).toBe(true);
    expect(undoDoc(doc).history.present).toBe(text);
    expect(redoDoc(undoDoc(doc)).history.present).toContain('"G"');
    expect(isDirty(markSaved(doc, doc.history.present, '"e2"'))).toBe(false);
    // A published doc refuses changes.
    const published = openDoc('f', '1.0.0', text, '"e1"', 'published');
    expect(changeText(published, '{}')).toBe(published);
  });

  it('keeps the last good definition while the JSON does not parse', () => {
    const text = definitionText(newDefinition('f', 'F', '2026-11-25'));
    const doc = changeText(openDoc('f', '1.0.0', text, null, 'draft'), text.slice(0, 20));
    expect(doc.parsed).toBeUndefined();
    expect(doc.lastGood?.title).toBe('F');
    expect(doc.problems.map((p) => p.code)).toContain('json-syntax');
  });

  it('checks the version bump against the previous version', () => {
    let v1 = newDefinition('f', 'F', '2026-11-25');
    v1 = addQuestion(v1, 'text', { section: 0, label: 'Name' }).definition;
    const v1Text = definitionText({ ...v1, status: 'published' });
    const removed = { ...v1, version: '1.0.1', schema: { type: 'object', properties: {} }, uischema: { type: 'Categorization', elements: [{ type: 'Category', label: 'S', elements: [] }] } };
    const doc = withPrevious(openDoc('f', '1.0.1', definitionText(removed), null, 'draft'), '1.0.0', v1Text);
    expect(doc.problems.map((p) => p.code)).toContain('version-bump-too-small');
  });

  it('lists problems errors first', () => {
    const text = definitionText(newDefinition('f', 'F', '2026-11-25'));
    const doc = { ...openDoc('f', '1.0.0', text, null, 'draft'), problems: [
      { code: 'w', severity: 'warning' as const, message: '', path: '', line: 1 },
      { code: 'e', severity: 'error' as const, message: '', path: '', line: 9 },
    ] };
    expect(problemRows([doc]).map((r) => r.problem.code)).toEqual(['e', 'w']);
  });

  it('keeps preview answers whose question still exists, in groups too', () => {
    const schema = { properties: { a: { type: 'string' }, g: { type: 'array', items: { type: 'object', properties: { x: {} } } } } };
    expect(keepAnswers({ a: 'yes', gone: 1, g: [{ x: 1, y: 2 }] }, schema)).toEqual({ a: 'yes', g: [{ x: 1 }] });
    expect(keepAnswers(JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>, schema)).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('summarises a diff in words with the version it calls for', () => {
    let v1 = newDefinition('f', 'F', '2026-11-25');
    v1 = addQuestion(v1, 'text', { section: 0, label: 'Name' }).definition;
    const v2 = updateQuestion(addQuestion(v1, 'date', { section: 0, label: 'When' }).definition, { key: 'name' }, { required: true });
    const s = summarizeDiff(definitionText(v1), definitionText(v2));
    expect(s.bump).toBe('major');
    expect(s.suggested).toBe('2.0.0');
    expect(groupBySeverity(s.changes).map((g) => g.severity)).toEqual(['major', 'minor']);
    expect(summarizeDiff('{', '{}').error).toBeDefined();
  });
});
