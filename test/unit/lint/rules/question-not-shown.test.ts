import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('question-not-shown', () => {
  it('passes when every question and group item has a control', () => {
    expect(pathsOf(lintFixture('valid'), 'question-not-shown')).toEqual([]);
  });

  it('reports a question with no control', () => {
    expect(pathsOf(lintFixture('question-not-shown'), 'question-not-shown')).toEqual(['/schema/properties/contactNote']);
  });

  it('reports a group item its detail leaves out, but not the items of a group with no detail', () => {
    const left = lintChanged((d) => d.uischema.elements[0].elements[4].options.detail.elements.pop());
    expect(pathsOf(left, 'question-not-shown')).toEqual(['/schema/properties/children/items/properties/age']);
    const generated = lintChanged((d) => delete d.uischema.elements[0].elements[4].options);
    expect(pathsOf(generated, 'question-not-shown')).toEqual([]);
  });

  it('reports only the group when the group itself has no control', () => {
    expect(pathsOf(lintChanged((d) => d.uischema.elements[0].elements.splice(4, 1)), 'question-not-shown')).toEqual(['/schema/properties/children']);
  });

  it('does not count a rule condition as showing a question', () => {
    const problems = lintChanged((d) => d.uischema.elements[0].elements.splice(2, 1));
    expect(pathsOf(problems, 'question-not-shown')).toEqual(['/schema/properties/contact']);
  });
});
