import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

/** Issue 17, point 1: a question with an empty label was accepted and publishable. */
describe('label-empty', () => {
  it('passes questions with titles, and questions with none (the runtime shows the key)', () => {
    expect(pathsOf(lintFixture('valid'), 'label-empty')).toEqual([]);
    expect(pathsOf(lintChanged((d) => delete d.schema.properties.visitDate.title), 'label-empty')).toEqual([]);
  });

  it('reports a blank title as an error at the title', () => {
    const [p] = withCode(lintFixture('label-empty'), 'label-empty');
    expect(p).toMatchObject({ severity: 'error', path: '/schema/properties/visitDate/title', params: { key: 'visitDate' } });
  });

  it("reports the control's label when it has one, since that is what is shown", () => {
    const labelled = (label: string) =>
      lintChanged((d) => {
        d.uischema.elements[0].elements[1].label = label;
      });
    expect(pathsOf(labelled(''), 'label-empty')).toEqual(['/uischema/elements/0/elements/1/label']);
    // A control label over a blank title: the label is what is read.
    expect(pathsOf(lintChanged((d) => {
      d.uischema.elements[0].elements[1].label = 'Date of the visit';
      d.schema.properties.visitDate.title = '';
    }), 'label-empty')).toEqual([]);
  });

  it('reports blank titles of group items and of options', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.children.items.properties.name.title = '\t';
      d.schema.properties.contact.oneOf[1].title = ' ';
    });
    expect(pathsOf(problems, 'label-empty').sort()).toEqual([
      '/schema/properties/children/items/properties/name/title',
      '/schema/properties/contact/oneOf/1/title',
    ]);
  });

  it('leaves a question no control shows to question-not-shown', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.visitDate.title = '';
      d.uischema.elements[0].elements.splice(1, 1);
      d.schema.required = ['safeToTalk'];
    });
    expect(pathsOf(problems, 'label-empty')).toEqual([]);
    expect(pathsOf(problems, 'question-not-shown')).toEqual(['/schema/properties/visitDate']);
  });
});
