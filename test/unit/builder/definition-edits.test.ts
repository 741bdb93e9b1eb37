import { describe, expect, it } from 'vitest';
import { changeNoteProblems, lintText, loadDefinitionText } from '../../../runtime/core/index';
import {
  addGroupQuestion,
  addGuidance,
  addQuestion,
  addSection,
  allQuestions,
  codeFromLabel,
  definitionText,
  deleteGroupQuestion,
  deleteItem,
  deleteSection,
  keyFromLabel,
  moveItem,
  moveSection,
  neighbourPlace,
  newDefinition,
  newVersionFrom,
  renumbered,
  withChangeNote,
  questionKinds,
  questionOf,
  readOptions,
  readOutline,
  relabelQuestion,
  renameSection,
  setGate,
  setItemShowWhen,
  setSectionShowWhen,
  updateQuestion,
  type RawDefinition,
} from '../../../builder/app/services/edits/index';

const blank = () => newDefinition('test-form', 'Test form', '2026-11-25');
const props = (d: RawDefinition) => (d.schema as { properties: Record<string, Record<string, unknown>> }).properties;
const ui = (d: RawDefinition) => d.uischema as { type: string; elements: Array<{ label?: string; rule?: unknown; elements: Array<Record<string, unknown>> }> };

describe('new definitions', () => {
  it('is a valid envelope with one empty section', () => {
    const result = loadDefinitionText(definitionText(blank()));
    expect(result.ok).toBe(true);
    expect(readOutline(blank()).sections.map((s) => s.label)).toEqual(['Section 1']);
  });

  it('issue 17: a new version is a draft copy with no placeholder entry; publishing asks for its note', () => {
    const v2 = newVersionFrom({ ...blank(), status: 'published' }, '1.0.1');
    expect(v2.version).toBe('1.0.1');
    expect(v2.status).toBe('draft');
    expect((v2.changelog as Array<{ version: string }>).map((c) => c.version)).toEqual(['1.0.0']);
    expect(changeNoteProblems(v2 as never).map((p) => p.code)).toEqual(['change-note-missing']);
    const noted = withChangeNote(v2, 'Asks the date of the assessment.', '2026-11-26');
    expect(changeNoteProblems(noted as never)).toEqual([]);
    expect(renumbered(noted, '1.1.0').changelog).toEqual([expect.objectContaining({ version: '1.0.0' }), expect.objectContaining({ version: '1.1.0', summary: 'Asks the date of the assessment.' })]);
  });

  it('issue 17: a new draft does not carry the entry of the draft it was copied from', () => {
    const draft = { ...blank(), version: '1.1.0', changelog: [{ version: '1.0.0', summary: 'First.' }, { version: '1.1.0', summary: 'Draft note.' }] };
    expect((newVersionFrom(draft, '1.1.1').changelog as Array<{ version: string }>).map((c) => c.version)).toEqual(['1.0.0']);
    const old = { ...blank(), status: 'published', changelog: [{ version: '1.0.0', summary: 'Describe what changed and why.' }] };
    expect(newVersionFrom(old, '1.0.1').changelog).toEqual([]);
  });
});

describe('adding questions', () => {
  it.each(questionKinds)('adds a %s question to both the schema and the UI schema', (kind) => {
    const { definition, key } = addQuestion(blank(), kind, { section: 0, label: 'How old is the child?' });
    expect(key).toBe('howOldChild');
    expect(props(definition)[key]).toMatchObject({ title: 'How old is the child?', 'x-code': 'how_old_child' });
    expect(ui(definition).elements[0]!.elements).toEqual([expect.objectContaining({ type: 'Control', scope: '#/properties/howOldChild' })]);
    const outline = readOutline(definition);
    expect(outline.sections[0]!.items[0]!.question?.kind).toBe(kind);
    expect(loadDefinitionText(definitionText(definition)).ok).toBe(true);
  });

  it('gives every question a unique key and export code', () => {
    let d = blank();
    for (let i = 0; i < 3; i++) d = addQuestion(d, 'text', { section: 0, label: 'Name' }).definition;
    expect(Object.keys(props(d))).toEqual(['name', 'name2', 'name3']);
    expect(Object.values(props(d)).map((p) => p['x-code'])).toEqual(['name', 'name_2', 'name_3']);
  });

  it('never produces a prototype key or a malformed code from hostile labels', () => {
    for (const label of ['__proto__', 'constructor', '123', '', '💥💥', 'a', '../../etc/passwd']) {
      const key = keyFromLabel(label, ['constructor']);
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(key).not.toBe('constructor');
      expect(codeFromLabel(label, [])).toMatch(/^[a-z][a-z0-9_]{1,63}$/);
    }
    const { definition } = addQuestion(blank(), 'text', { section: 0, label: '__proto__' });
    expect(Object.getPrototypeOf(props(definition))).toBe(Object.prototype);
  });

  it('adds questions into a repeatable group and its detail layout', () => {
    const { definition: d1, key: group } = addQuestion(blank(), 'group', { section: 0, label: 'Children' });
    const { definition: d2, key } = addGroupQuestion(d1, group, 'date', 'Date of birth');
    const g = props(d2)[group] as { items: { properties: Record<string, unknown> } };
    expect(g.items.properties[key]).toMatchObject({ type: 'string', format: 'date', 'x-code': 'date_birth' });
    const control = ui(d2).elements[0]!.elements[0] as { options: { detail: { elements: unknown[] } } };
    expect(control.options.detail.elements).toEqual([{ type: 'Control', scope: `#/properties/${key}` }]);
    expect(readOutline(d2).sections[0]!.items[0]!.children?.map((c) => c.key)).toEqual([key]);
    const d3 = deleteGroupQuestion(d2, group, key);
    expect(g.items.properties[key]).toBeDefined(); // the input is never changed
    expect(readOutline(d3).sections[0]!.items[0]!.children).toEqual([]);
    expect(control.options.detail.elements).toHaveLength(1);
  });

  it('adds guidance text as a Label', () => {
    const d = addGuidance(blank(), { section: 0, text: 'Ask when the person is alone.' });
    expect(readOutline(d).sections[0]!.items[0]).toMatchObject({ type: 'guidance', label: 'Ask when the person is alone.' });
  });
});

describe('sections and moves', () => {
  function threeSections() {
    let d = blank();
    d = addSection(d, 'Second').definition;
    d = addSection(d, 'Third').definition;
    d = addQuestion(d, 'text', { section: 0, label: 'A' }).definition;
    d = addQuestion(d, 'text', { section: 0, label: 'B' }).definition;
    d = addQuestion(d, 'text', { section: 1, label: 'C' }).definition;
    return d;
  }

  it('moves a question to another section and keeps schema order with the UI', () => {
    const d = moveItem(threeSections(), { section: 0, index: 0 }, { section: 1, index: 1 });
    expect(readOutline(d).sections.map((s) => s.items.map((i) => i.label))).toEqual([['B'], ['C', 'A'], []]);
    expect(Object.keys(props(d))).toEqual(['b', 'c', 'a']);
  });

  it('moves by keyboard across a section edge', () => {
    const d = threeSections();
    expect(neighbourPlace(d, { section: 0, index: 1 }, 1)).toEqual({ section: 1, index: 0 });
    expect(neighbourPlace(d, { section: 1, index: 0 }, -1)).toEqual({ section: 0, index: 2 });
    expect(neighbourPlace(d, { section: 0, index: 0 }, -1)).toBeUndefined();
  });

  it('renames, moves and deletes sections with their questions', () => {
    let d = renameSection(threeSections(), 2, 'Last');
    d = moveSection(d, 2, 0);
    expect(readOutline(d).sections.map((s) => s.label)).toEqual(['Last', 'Section 1', 'Second']);
    d = deleteSection(d, 1);
    expect(readOutline(d).sections.map((s) => s.label)).toEqual(['Last', 'Second']);
    expect(Object.keys(props(d))).toEqual(['c']);
  });

  it('turns a plain root layout into sections when one is added', () => {
    const d = { ...blank(), uischema: { type: 'VerticalLayout', elements: [{ type: 'Label', text: 'Hi' }] } };
    const { definition } = addSection(d, 'More');
    expect(readOutline(definition).sections.map((s) => [s.label, s.items.length])).toEqual([['Section 1', 1], ['More', 0]]);
  });
});

describe('properties, rules and the safety gate', () => {
  function withGate() {
    let d = blank();
    const gate = addQuestion(d, 'yes-no', { section: 0, label: 'Safe to talk' });
    d = setGate(gate.definition, gate.key);
    d = addSection(d, 'Abuse').definition;
    const q = addQuestion(d, 'single-choice', { section: 1, label: 'Kind of abuse' });
    return { d: q.definition, gate: gate.key, key: q.key };
  }

  it('edits label, hint, code and options', () => {
    const { d, key } = withGate();
    const e = updateQuestion(d, { key }, { label: 'Which kind?', hint: 'Pick one', code: 'abuse_kind', options: [{ code: 'physical', label: 'Physical' }] });
    expect(props(e)[key]).toMatchObject({ title: 'Which kind?', description: 'Pick one', 'x-code': 'abuse_kind' });
    expect(readOptions(questionOf(e, { key }))).toEqual([{ code: 'physical', label: 'Physical' }]);
    expect(props(updateQuestion(e, { key }, { hint: '' }))[key]!.description).toBeUndefined();
  });

  it('requires a sensitive question only behind the gate, and moves it back when no longer sensitive', () => {
    const { d, gate, key } = withGate();
    const sensitive = updateQuestion(d, { key }, { sensitivity: 'special-category', required: true });
    const schema = sensitive.schema as { required: string[]; allOf: Array<{ if: unknown; then: { required: string[] } }> };
    expect(schema.required).not.toContain(key);
    expect(schema.allOf).toEqual([{ if: { properties: { [gate]: { const: true } }, required: [gate] }, then: { required: [key] } }]);
    expect(readOutline(sensitive).sections[1]!.items[0]!.question).toMatchObject({ required: true, sensitivity: 'special-category' });
    const plain = updateQuestion(sensitive, { key }, { sensitivity: null });
    expect((plain.schema as { required: string[] }).required).toContain(key);
    expect((plain.schema as { allOf?: unknown }).allOf).toBeUndefined();
  });

  it('puts a required question behind the gate for every level the safety check guards, not for personal (issue 18)', () => {
    const { d, key } = withGate();
    for (const level of ['sensitive', 'special-category', 'safe-address']) {
      const e = updateQuestion(d, { key }, { sensitivity: level, required: true });
      expect((e.schema as { required: string[] }).required, level).not.toContain(key);
      expect(readOutline(e).sections[1]!.items[0]!.question).toMatchObject({ sensitivity: level, gated: true });
    }
    const personal = updateQuestion(d, { key }, { sensitivity: 'personal', required: true });
    expect((personal.schema as { required: string[] }).required).toContain(key);
    expect((personal.schema as { allOf?: unknown }).allOf).toBeUndefined();
    expect(readOutline(personal).sections[1]!.items[0]!.question).not.toHaveProperty('gated');
  });

  it('shows a section when the gate is yes and a question when a choice is picked', () => {
    const { d, gate, key } = withGate();
    let e = setSectionShowWhen(d, 1, { key: gate, value: true });
    expect(ui(e).elements[1]!.rule).toEqual({ effect: 'SHOW', condition: { scope: `#/properties/${gate}`, schema: { const: true } } });
    e = addQuestion(e, 'multiple-choice', { section: 1, label: 'Who' }).definition;
    e = addQuestion(e, 'text', { section: 1, label: 'Details' }).definition;
    e = setItemShowWhen(e, { section: 1, index: 2 }, { key: 'who', value: 'option_1' });
    expect(ui(e).elements[1]!.elements[2]!.rule).toMatchObject({ condition: { schema: { contains: { const: 'option_1' } } } });
    expect(readOutline(e).sections[1]!.items[2]!.showWhen).toEqual({ key: 'who', value: 'option_1' });
    e = setItemShowWhen(e, { section: 1, index: 0 }, { key, value: 'option_2' });
    expect(readOutline(e).sections[1]!.items[0]!.showWhen).toEqual({ key, value: 'option_2' });
    expect(readOutline(setItemShowWhen(e, { section: 1, index: 2 }, null)).sections[1]!.items[2]!.hasRule).toBe(false);
  });

  it('deleting a question removes its requirement, the rules that watch it, and the gate', () => {
    const { d, gate, key } = withGate();
    let e = updateQuestion(d, { key }, { required: true });
    e = setSectionShowWhen(e, 1, { key: gate, value: true });
    e = updateQuestion(e, { key: gate }, { required: true });
    e = deleteItem(e, { section: 0, index: 0 });
    expect(props(e)[gate]).toBeUndefined();
    expect((e.schema as { required: string[] }).required).toEqual([key]);
    expect(ui(e).elements[1]!.rule).toBeUndefined();
    expect(e.safety).toEqual({});
    expect(readOutline(e).gate).toBeUndefined();
  });
});

describe('reading hostile or odd definitions', () => {
  it('never throws on shapes the outline does not know', () => {
    const odd: RawDefinition[] = [
      { schema: null, uischema: null },
      { schema: { properties: [] }, uischema: { type: 'Categorization', elements: [null, 3, { type: 'Category' }] } },
      { schema: { properties: { a: { type: 'string' } } }, uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/missing' }, { type: 'HorizontalLayout' }] } },
      JSON.parse('{"schema":{"properties":{"__proto__":{"type":"string"}}},"uischema":{"type":"Control","scope":"#/properties/__proto__"}}'),
    ];
    for (const d of odd) {
      const outline = readOutline(d as never);
      expect(Array.isArray(outline.sections)).toBe(true);
      expect(allQuestions(outline).every((q) => typeof q.key === 'string')).toBe(true);
    }
  });
});

describe('answer keys and codes follow a new question’s label', () => {
  it('re-keys a new question everywhere it is named, and keeps published ones', () => {
    let d = blank();
    const gate = addQuestion(d, 'yes-no', { section: 0 });
    d = setGate(gate.definition, gate.key);
    d = addSection(d, 'Abuse').definition;
    const q = addQuestion(d, 'text', { section: 1 });
    d = updateQuestion(q.definition, { key: q.key }, { sensitivity: 'sensitive', required: true });
    d = setSectionShowWhen(d, 1, { key: gate.key, value: true });
    const renamed = relabelQuestion(d, { key: gate.key }, 'Safe to talk', false);
    expect(renamed.key).toBe('safeTalk');
    const r = renamed.definition;
    expect(Object.keys(props(r))).toEqual(['safeTalk', q.key]);
    expect(props(r).safeTalk).toMatchObject({ title: 'Safe to talk', 'x-code': 'safe_talk' });
    expect(r.safety).toEqual({ gate: 'safeTalk' });
    expect(ui(r).elements[1]!.rule).toMatchObject({ condition: { scope: '#/properties/safeTalk' } });
    expect((r.schema as { allOf: unknown[] }).allOf).toEqual([{ if: { properties: { safeTalk: { const: true } }, required: ['safeTalk'] }, then: { required: [q.key] } }]);
    expect(lintErrors(r)).toEqual([]);

    const locked = relabelQuestion(d, { key: gate.key }, 'Safe to talk', true);
    expect(locked.key).toBe(gate.key);
    expect(props(locked.definition)[gate.key]!['x-code']).toBe(props(d)[gate.key]!['x-code']);
  });

  it('keeps a key or code typed by hand', () => {
    const q = addQuestion(blank(), 'text', { section: 0 });
    const coded = updateQuestion(q.definition, { key: q.key }, { code: 'my_code' });
    const r = relabelQuestion(coded, { key: q.key }, 'Full name', false);
    expect(r.key).toBe('fullName');
    expect(props(r.definition).fullName!['x-code']).toBe('my_code');
  });

  it('re-keys a group item and its detail control', () => {
    const g = addQuestion(blank(), 'group', { section: 0, label: 'Children' });
    const c = addGroupQuestion(g.definition, g.key, 'text');
    const r = relabelQuestion(c.definition, { key: c.key, group: g.key }, 'Child name', false);
    expect(r.key).toBe('childName');
    const control = ui(r.definition).elements[0]!.elements[0] as { options: { detail: { elements: Array<{ scope: string }> } } };
    expect(control.options.detail.elements.map((e) => e.scope)).toEqual(['#/properties/childName']);
  });
});

function lintErrors(d: RawDefinition) {
  return lintText(definitionText(d)).filter((p) => p.severity === 'error').map((p) => p.code);
}
