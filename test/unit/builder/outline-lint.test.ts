import { describe, expect, it } from 'vitest';
import { lintText } from '../../../runtime/core/index';
import {
  addGroupQuestion,
  addQuestion,
  addSection,
  definitionText,
  newDefinition,
  renameSection,
  setGate,
  setItemShowWhen,
  setSectionShowWhen,
  updateQuestion,
} from '../../../builder/app/services/edits/index';

/** The policy lead's scenario of issue 8, done with edit operations alone: lint must find no error. */
describe('a form built with the outline alone', () => {
  it('lints clean: three sections, a repeatable group, a show-when rule and a gated sensitive section', () => {
    let d = newDefinition('family-safety', 'Family safety', '2026-11-25');
    d = renameSection(d, 0, 'About you');
    const name = addQuestion(d, 'text', { section: 0, label: 'Your name' });
    d = updateQuestion(name.definition, { key: name.key }, { required: true });
    const gate = addQuestion(d, 'yes-no', { section: 0, label: 'Safe to talk' });
    d = setGate(gate.definition, gate.key);
    d = addSection(d, 'Children').definition;
    const kids = addQuestion(d, 'yes-no', { section: 1, label: 'Any children' });
    const group = addQuestion(kids.definition, 'group', { section: 1, label: 'Child details' });
    d = addGroupQuestion(group.definition, group.key, 'text', 'Child name').definition;
    d = addGroupQuestion(d, group.key, 'date', 'Date of birth').definition;
    d = setItemShowWhen(d, { section: 1, index: 1 }, { key: kids.key, value: true });
    d = addSection(d, 'Abuse').definition;
    const kind = addQuestion(d, 'multiple-choice', { section: 2, label: 'Kinds of abuse' });
    d = updateQuestion(kind.definition, { key: kind.key }, { sensitivity: 'special-category', required: true });
    d = setSectionShowWhen(d, 2, { key: gate.key, value: true });

    const problems = lintText(definitionText(d), { folderId: 'family-safety', fileVersion: '1.0.0' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('an ungated sensitive section is what lint flags, so the Problems panel has something to fix', () => {
    let d = newDefinition('family-safety', 'Family safety', '2026-11-25');
    const q = addQuestion(d, 'text', { section: 0, label: 'Abuse details' });
    d = updateQuestion(q.definition, { key: q.key }, { sensitivity: 'sensitive' });
    const codes = lintText(definitionText(d)).map((p) => p.code);
    expect(codes).toContain('sensitive-ungated');
  });
});
