import { describe, expect, it } from 'vitest';
import { lintText } from '../../../runtime/core/index';
import { changeText, openDoc, redoDoc, undoDoc } from '../../../builder/app/services/document';
import {
  addComputed,
  addQuestion,
  bandsFromThresholds,
  changeKind,
  computedCandidates,
  addGroupQuestion,
  addSection,
  setGate,
  setSectionShowWhen,
  deleteItem,
  relabelQuestion,
  definitionText,
  duplicateItem,
  newDefinition,
  optionsFromLines,
  readOutline,
  readShowRule,
  retypeLosses,
  setComputed,
  setItemShowRule,
  updateQuestion,
  withBandAdded,
  type RawDefinition,
} from '../../../builder/app/services/edits/index';

/**
 * Issues 17.5 and 18.6: every property a policy lead edits in Design is a pure edit whose result
 * lints clean and which one undo takes back to the very same text (and one redo brings again).
 */
const props = (d: RawDefinition) => (d.schema as { properties: Record<string, Record<string, unknown>> }).properties;
const control = (d: RawDefinition, i: number) => (d.uischema as { elements: Array<{ elements: Array<Record<string, unknown>> }> }).elements[0]!.elements[i]!;

function base(): RawDefinition {
  let d = newDefinition('drink-check', 'Drink check', '2026-12-05');
  d = addQuestion(d, 'single-choice', { section: 0, label: 'How often do you drink' }).definition;
  d = updateQuestion(d, { key: 'howOftenDrink' }, { options: optionsFromLines('Never = 0\nMonthly = 1\nWeekly = 2\nDaily = 4') });
  d = addQuestion(d, 'yes-no', { section: 0, label: 'Felt guilty about drinking' }).definition;
  d = addQuestion(d, 'yes-no', { section: 0, label: 'Needed a drink in the morning' }).definition;
  d = addQuestion(d, 'number', { section: 0, label: 'Age' }).definition;
  d = addQuestion(d, 'text', { section: 0, label: 'Support wanted' }).definition;
  return d;
}

const errors = (d: RawDefinition) => lintText(definitionText(d), { folderId: 'drink-check', fileVersion: '1.0.0' }).filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.path}`);

/** The edit lints clean, and undo/redo through the document's history restore each text exactly. */
function expectCleanAndUndoable(before: RawDefinition, after: RawDefinition): void {
  expect(errors(after)).toEqual([]);
  const doc = openDoc('drink-check', '1.0.0', definitionText(before), null, 'draft');
  const edited = changeText(doc, definitionText(after), 'design');
  expect(edited.history.present).not.toBe(definitionText(before));
  const undone = undoDoc(edited);
  expect(undone.history.present).toBe(definitionText(before));
  expect(redoDoc(undone).history.present).toBe(definitionText(after));
}

describe('Design edits of a question’s properties', () => {
  it('the base form lints clean', () => {
    expect(errors(base())).toEqual([]);
  });

  it('sets and clears a number range and whole numbers', () => {
    const d = base();
    const ranged = updateQuestion(d, { key: 'age' }, { minimum: 16, maximum: 120, integer: false });
    expect(props(ranged).age).toMatchObject({ type: 'number', minimum: 16, maximum: 120 });
    expect(readOutline(ranged).sections[0]!.items[3]!.question!.limits).toEqual({ minimum: 16, maximum: 120, integer: false });
    expectCleanAndUndoable(d, ranged);
    expect(props(updateQuestion(ranged, { key: 'age' }, { maximum: null })).age!.maximum).toBeUndefined();
  });

  it('a crossed range is what lint flags (bounds-crossed at the lower bound)', () => {
    const crossed = updateQuestion(base(), { key: 'age' }, { minimum: 50, maximum: 10 });
    expect(errors(crossed)).toContain('bounds-crossed /schema/properties/age/minimum');
  });

  it('sets a maximum length, help text and a hint', () => {
    const d = base();
    const e = updateQuestion(d, { key: 'supportWanted' }, { maxLength: 200, help: 'Ask in the person’s own words.', hint: 'A sentence or two.' });
    expect(props(e).supportWanted).toMatchObject({ maxLength: 200, 'x-help': 'Ask in the person’s own words.', description: 'A sentence or two.' });
    expectCleanAndUndoable(d, e);
  });

  it('shows a single choice as a drop-down, and back', () => {
    const d = base();
    const e = updateQuestion(d, { key: 'howOftenDrink' }, { dropdown: true });
    expect(control(e, 0).options).toEqual({ format: 'select' });
    expectCleanAndUndoable(d, e);
    expect(control(updateQuestion(e, { key: 'howOftenDrink' }, { dropdown: false }), 0).options).toBeUndefined();
  });

  it('scores per option and an option moved down keep what else each option carries', () => {
    const d = base();
    const q = readOutline(d).sections[0]!.items[0]!.question!;
    expect(q.options.map((o) => o.score)).toEqual([0, 1, 2, 4]);
    const [a, b, ...rest] = q.options;
    const e = updateQuestion(d, { key: 'howOftenDrink' }, { options: [b!, { ...a!, score: 3 }, ...rest] });
    expect((props(e).howOftenDrink!.oneOf as unknown[])[1]).toEqual({ const: 'never', title: 'Never', 'x-score': 3 });
    expectCleanAndUndoable(d, e);
  });

  it('an option of a multiple choice rules out the others when ticked so, and says so in the file only where it differs', () => {
    let d = addQuestion(base(), 'multiple-choice', { section: 0, label: 'Who else was there' }).definition;
    d = updateQuestion(d, { key: 'whoElseWasThere' }, { options: optionsFromLines('A partner\nA child\nNo one else\nNone') });
    const q = () => readOutline(d).sections[0]!.items.find((i) => i.question?.key === 'whoElseWasThere')!.question!;
    // The code none is exclusive unsaid; "No one else" is not until ticked so (lint warns meanwhile).
    expect(q().options.map((o) => o.exclusive)).toEqual([false, false, false, true]);
    expect(lintText(definitionText(d)).filter((p) => p.code === 'option-reads-exclusive').map((p) => p.params?.code)).toEqual(['no_one_else']);
    const e = updateQuestion(d, { key: 'whoElseWasThere' }, { options: q().options.map((o) => (o.code === 'no_one_else' ? { ...o, exclusive: true } : o)) });
    const written = ((props(e).whoElseWasThere!.items as { oneOf: Array<Record<string, unknown>> }).oneOf);
    expect(written.map((o) => o['x-exclusive'])).toEqual([undefined, undefined, true, undefined]);
    expect(lintText(definitionText(e)).filter((p) => p.code === 'option-reads-exclusive')).toEqual([]);
    expectCleanAndUndoable(d, e);
    // Turned off again: "No one else" goes back to saying nothing (the warning returns); none, exclusive unsaid, must say false.
    d = e;
    const off = updateQuestion(d, { key: 'whoElseWasThere' }, { options: q().options.map((o) => ({ ...o, exclusive: false })) });
    expect(((props(off).whoElseWasThere!.items as { oneOf: Array<Record<string, unknown>> }).oneOf).map((o) => o['x-exclusive'])).toEqual([undefined, undefined, undefined, false]);
  });

  it('a single choice never carries x-exclusive, even retyped from a multiple choice that had it', () => {
    let d = addQuestion(base(), 'multiple-choice', { section: 0, label: 'Who else was there' }).definition;
    d = updateQuestion(d, { key: 'whoElseWasThere' }, { options: optionsFromLines('A partner\nNo one else') });
    const q = readOutline(d).sections[0]!.items.find((i) => i.question?.key === 'whoElseWasThere')!.question!;
    d = updateQuestion(d, { key: 'whoElseWasThere' }, { options: q.options.map((o) => ({ ...o, exclusive: o.code === 'no_one_else' })) });
    const single = changeKind(d, { key: 'whoElseWasThere' }, 'single-choice');
    expect(JSON.stringify(props(single).whoElseWasThere)).not.toContain('x-exclusive');
    expect(errors(single)).toEqual([]);
  });

  it('a pasted list gets unique valid codes, keeps codes of labels it already had, reads scores', () => {
    const existing = [{ code: 'never', label: 'Never', score: 0 }];
    const list = optionsFromLines('Never\n\n  Less than monthly\t1\nLess than monthly\n2 or more = 3\n!!!\nnever', existing);
    expect(list).toEqual([
      { code: 'never', label: 'Never', score: 0 },
      { code: 'less_than_monthly', label: 'Less than monthly', score: 1 },
      { code: 'option_2_more', label: '2 or more', score: 3 },
      { code: 'option', label: '!!!' },
    ]);
    for (const o of list) expect(o.code).toMatch(/^[a-z][a-z0-9_]{1,63}$/);
    const d = base();
    const e = updateQuestion(d, { key: 'howOftenDrink' }, { options: optionsFromLines('Yes\nNo\nYes, but not in the last year') });
    expectCleanAndUndoable(d, e);
  });
});

describe('Design edits of a question as a whole', () => {
  it('duplicates a question after itself with its own key and code', () => {
    const d = updateQuestion(base(), { key: 'howOftenDrink' }, { required: true });
    const { definition: e, at } = duplicateItem(d, { section: 0, index: 0 });
    expect(at).toEqual({ section: 0, index: 1 });
    const copy = readOutline(e).sections[0]!.items[1]!.question!;
    expect(copy).toMatchObject({ label: 'How often do you drink (copy)', required: true, options: readOutline(d).sections[0]!.items[0]!.question!.options });
    expect(copy.code).not.toBe(readOutline(d).sections[0]!.items[0]!.question!.code);
    expectCleanAndUndoable(d, e);
  });

  it('changes a question’s kind, keeping what carries over and naming what does not', () => {
    const d = base();
    expect(retypeLosses(d, { key: 'howOftenDrink' }, 'multiple-choice')).toHaveLength(1);
    const multi = changeKind(d, { key: 'howOftenDrink' }, 'multiple-choice');
    expect(readOutline(multi).sections[0]!.items[0]!.question).toMatchObject({ kind: 'multiple-choice', label: 'How often do you drink', code: 'how_often_drink' });
    expect(readOutline(multi).sections[0]!.items[0]!.question!.options.map((o) => o.score)).toEqual([0, 1, 2, 4]);
    expectCleanAndUndoable(d, multi);
    expect(retypeLosses(d, { key: 'howOftenDrink' }, 'text')[0]).toMatch(/Never, Monthly, Weekly, Daily.*scores/);
    const long = changeKind(d, { key: 'supportWanted' }, 'long-text');
    expect(control(long, 4).options).toEqual({ multi: true });
    expect(props(long).supportWanted!.maxLength).toBe(5000);
    expectCleanAndUndoable(d, long);
    expectCleanAndUndoable(d, changeKind(d, { key: 'age' }, 'date'));
  });
});

describe('computed values made by picking (issue 18.6)', () => {
  it('adds a score total over the scored choices, then a count of yes, a sum, and bands', () => {
    const d = base();
    const added = addComputed(d, { section: 0, index: 5 }, 'Total score');
    expect(props(added.definition).totalScore).toMatchObject({ type: 'integer', readOnly: true, 'x-computed': { op: 'score', of: ['howOftenDrink'] } });
    expectCleanAndUndoable(d, added.definition);
    expect(computedCandidates(added.definition, 'count-yes').map((c) => c.key)).toEqual(['feltGuiltyAboutDrinking', 'neededDrinkMorning']);

    const count = setComputed(added.definition, 'totalScore', { rule: 'count-yes', of: ['feltGuiltyAboutDrinking', 'neededDrinkMorning'] });
    expect(props(count).totalScore!['x-computed']).toEqual({ op: 'count', of: ['feltGuiltyAboutDrinking', 'neededDrinkMorning'], equals: true });
    expectCleanAndUndoable(added.definition, count);
    expectCleanAndUndoable(added.definition, setComputed(added.definition, 'totalScore', { rule: 'sum', of: ['age'] }));

    const band = addComputed(added.definition, { section: 0, index: 6 }, 'Risk band');
    const banded = setComputed(band.definition, band.key, { rule: 'band', of: ['totalScore'], bands: bandsFromThresholds([{ code: 'low', title: 'Lower risk', min: 0 }, { code: 'higher', title: 'Higher risk', min: 8 }]) });
    expect(props(banded).riskBand).toMatchObject({ type: 'string', 'x-computed': { op: 'band', of: 'totalScore', bands: [{ code: 'low', min: 0, max: 7 }, { code: 'higher', min: 8 }] } });
    expectCleanAndUndoable(band.definition, banded);
    expect(withBandAdded(bandsFromThresholds([{ code: 'low', title: 'Low', min: 0 }]))).toEqual([
      { code: 'low', title: 'Low', min: 0, max: 4 },
      { code: 'band_2', title: 'Band 2', min: 5 },
    ]);
  });

  it('a score total over a choice with an unscored option is flagged (option-unscored), and named so in the picker', () => {
    let d = base();
    d = updateQuestion(d, { key: 'howOftenDrink' }, { options: [{ code: 'never', label: 'Never' }, { code: 'daily', label: 'Daily', score: 4 }] });
    expect(computedCandidates(d, 'score')).toEqual([{ key: 'howOftenDrink', label: 'How often do you drink', unscored: true }]);
    const e = addComputed(d, { section: 0, index: 5 }).definition;
    expect(lintText(definitionText(e)).map((p) => p.params?.reason)).toContain('option-unscored');
  });
});

describe('show-when with several conditions (issues 17.5, 18.6)', () => {
  it('writes all/any of "is", "is one of", "is answered" and a threshold on a total, and reads them back', () => {
    const d = addComputed(base(), { section: 0, index: 5 }, 'Total score').definition;
    const rule = {
      mode: 'all' as const,
      conditions: [
        { key: 'totalScore', op: 'at-least' as const, value: 8 },
        { key: 'howOftenDrink', op: 'one-of' as const, values: ['weekly', 'daily'] },
        { key: 'supportWanted', op: 'answered' as const },
        { key: 'feltGuiltyAboutDrinking', op: 'is' as const, value: true },
      ],
    };
    const e = setItemShowRule(d, { section: 0, index: 4 }, rule);
    expect(control(e, 4).rule).toEqual({
      effect: 'SHOW',
      condition: {
        type: 'AND',
        conditions: [
          { scope: '#/properties/totalScore', schema: { type: 'number', minimum: 8 } },
          { scope: '#/properties/howOftenDrink', schema: { enum: ['weekly', 'daily'] } },
          { scope: '#/properties/supportWanted', schema: { type: 'string', minLength: 1 }, failWhenUndefined: true },
          { scope: '#/properties/feltGuiltyAboutDrinking', schema: { const: true } },
        ],
      },
    });
    expect(readShowRule(control(e, 4).rule)).toEqual(rule);
    expect(readOutline(e).sections[0]!.items[4]!.showRule).toEqual(rule);
    expectCleanAndUndoable(d, e);
    const any = setItemShowRule(d, { section: 0, index: 4 }, { ...rule, mode: 'any' });
    expect((control(any, 4).rule as { condition: { type: string } }).condition.type).toBe('OR');
    // One condition is a plain condition, none removes the rule.
    expect(control(setItemShowRule(d, { section: 0, index: 4 }, { mode: 'all', conditions: [rule.conditions[0]!] }), 4).rule).toEqual({ effect: 'SHOW', condition: { scope: '#/properties/totalScore', schema: { type: 'number', minimum: 8 } } });
    expect(control(setItemShowRule(e, { section: 0, index: 4 }, { mode: 'all', conditions: [] }), 4).rule).toBeUndefined();
  });

  it('a rule the Design view cannot show is left to the JSON view (not read as something else)', () => {
    expect(readShowRule({ effect: 'SHOW', condition: { scope: '#/properties/a', schema: { const: 1, minimum: 0 } } })).toBeUndefined();
    expect(readShowRule({ effect: 'HIDE', condition: { scope: '#/properties/a', schema: { const: 1 } } })).toBeUndefined();
  });
});

describe('renaming and deleting what totals and several-condition rules read', () => {
  const ruled = () => {
    const d = addComputed(base(), { section: 0, index: 5 }, 'Total score').definition;
    const counted = setComputed(d, 'totalScore', { rule: 'count-yes', of: ['feltGuiltyAboutDrinking', 'neededDrinkMorning'] });
    return setItemShowRule(counted, { section: 0, index: 4 }, {
      mode: 'all',
      conditions: [
        { key: 'feltGuiltyAboutDrinking', op: 'is', value: true },
        { key: 'totalScore', op: 'at-least', value: 1 },
      ],
    });
  };

  it('a new question’s key follows its label into the total and into each condition of the rule', () => {
    const d = ruled();
    const { definition: e, key } = relabelQuestion(d, { key: 'feltGuiltyAboutDrinking' }, 'Felt bad about drinking', false);
    expect(key).toBe('feltBadAboutDrinking');
    expect(props(e).totalScore!['x-computed']).toEqual({ op: 'count', of: ['feltBadAboutDrinking', 'neededDrinkMorning'], equals: true });
    expect(readOutline(e).sections[0]!.items[4]!.showRule!.conditions[0]!.key).toBe('feltBadAboutDrinking');
    expectCleanAndUndoable(d, e);
  });

  it('deleting a question drops only its condition of a several-condition rule, and its place in a total', () => {
    const d = ruled();
    const e = deleteItem(d, { section: 0, index: 1 });
    expect(control(e, 3).rule).toEqual({ effect: 'SHOW', condition: { scope: '#/properties/totalScore', schema: { type: 'number', minimum: 1 } } });
    expect(props(e).totalScore!['x-computed']).toEqual({ op: 'count', of: ['neededDrinkMorning'], equals: true });
    expectCleanAndUndoable(d, e);
  });
});

describe('a sensitivity level per question, group items included (issue 18.6)', () => {
  it('a group item gets a level; behind the safety check the form lints clean, and undo restores it', () => {
    let d = base();
    d = setGate(d, 'feltGuiltyAboutDrinking');
    d = addSection(d, 'Children').definition;
    const group = addQuestion(d, 'group', { section: 1, label: 'Children' });
    const item = addGroupQuestion(group.definition, group.key, 'text', 'Where they live');
    d = setSectionShowWhen(item.definition, 1, { key: 'feltGuiltyAboutDrinking', value: true });
    const e = updateQuestion(d, { key: item.key, group: group.key }, { sensitivity: 'safe-address' });
    expect(readOutline(e).sections[1]!.items[0]!.children![0]).toMatchObject({ sensitivity: 'safe-address', gated: true });
    expectCleanAndUndoable(d, e);
  });
});
