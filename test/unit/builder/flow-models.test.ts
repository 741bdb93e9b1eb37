import { describe, expect, it } from 'vitest';
import { sideName } from '../../../builder/app/contributions/diff/model';
import { designSelectionForPath, moveAnnouncement, questionPlaces } from '../../../builder/app/contributions/outline/model';
import { carryRenames, keepAnswers } from '../../../builder/app/contributions/preview/model';
import { addGroupQuestion, addQuestion, addSection, newDefinition, readOutline, relabelQuestion } from '../../../builder/app/services/edits/index';

/** The pure parts of issue 17.8 (reading and flow in the builder); the browser side is test/e2e/builder-flow. */
function form() {
  let d = newDefinition('f', 'F', '2026-12-06');
  d = addQuestion(d, 'yes-no', { section: 0, label: 'Alone' }).definition;
  d = addQuestion(d, 'text', { section: 0, label: 'Name' }).definition;
  d = addQuestion(d, 'group', { section: 0, label: 'Children' }).definition;
  d = addGroupQuestion(d, 'children', 'number', 'Age').definition;
  d = addSection(d, 'Two').definition;
  d = addQuestion(d, 'text', { section: 1, label: 'Note' }).definition;
  return d;
}

describe('issue 17.8: reading and flow', () => {
  it('says where a moved element went, of how many, and in which section when there are several', () => {
    const outline = readOutline(form());
    expect(moveAnnouncement(outline, { kind: 'item', section: 0, index: 1 })).toBe('Moved “Name” to position 2 of 3 in “Section 1”');
    expect(moveAnnouncement(outline, { kind: 'section', section: 1 })).toBe('Moved “Two” to position 2 of 2');
    expect(moveAnnouncement(outline, { kind: 'item', section: 0, index: 9 })).toBeUndefined();
    expect(moveAnnouncement(outline, { kind: 'form' })).toBeUndefined();
  });

  it('lists every question with the selection that shows it, group items included', () => {
    const places = questionPlaces(readOutline(form()));
    expect(places.map((p) => p.label)).toEqual(['Alone', 'Name', 'Children', 'Age', 'Note']);
    expect(places.find((p) => p.label === 'Age')?.selection).toEqual({ kind: 'child', group: 'children', key: 'age' });
    expect(places.find((p) => p.label === 'Note')?.selection).toEqual({ kind: 'item', section: 1, index: 0 });
  });

  it('carries an answer across the keys a relabelled new question went through, never over another answer', () => {
    let d = form();
    const a = relabelQuestion(d, { key: 'name' }, 'Family name', false);
    expect(a.key).toBe('familyName');
    d = a.definition;
    const b = relabelQuestion(d, { key: 'familyName' }, 'Family name at birth', false);
    const renames = [{ from: 'name', to: a.key }, { from: a.key, to: b.key }];
    const carried = carryRenames({ name: 'Ann', alone: true }, renames);
    expect(keepAnswers(carried, b.definition.schema)).toEqual({ familyNameBirth: 'Ann', alone: true });
    expect(carryRenames({ name: 'Ann', familyName: 'Bo' }, [renames[0]!])).toEqual({ name: 'Ann', familyName: 'Bo' });
    expect(carryRenames({ children: [{ age: 3 }, 'odd'] }, [{ from: 'age', to: 'years', group: 'children' }])).toEqual({ children: [{ years: 3 }, 'odd'] });
  });

  it('shows a problem in Design at its element, or at the form’s own fields for a top-level pointer', () => {
    const outline = readOutline(form());
    expect(designSelectionForPath(outline, '/schema/properties/note/title')).toEqual({ kind: 'item', section: 1, index: 0 });
    expect(designSelectionForPath(outline, '')).toEqual({ kind: 'form' });
    expect(designSelectionForPath(outline, '/safety/gate')).toEqual({ kind: 'form' });
    expect(designSelectionForPath(outline, '/titles')).toBeUndefined();
    const def = { ...form(), schema: { ...(form().schema as object), required: ['alone', 'note'] } };
    expect(designSelectionForPath(outline, '/schema/required/1', def)).toEqual({ kind: 'item', section: 1, index: 0 });
    expect(designSelectionForPath(outline, '/schema/required/5', def)).toBeUndefined();
    expect(designSelectionForPath(outline, '/translations/0')).toBeUndefined();
  });

  it('names each side of Compare by status, version and side', () => {
    expect(sideName('1.0.0', 'published', 'before')).toBe('Version 1.0.0 (before)');
    expect(sideName('1.1.0', 'draft', 'after')).toBe('Draft 1.1.0 (after)');
  });
});
