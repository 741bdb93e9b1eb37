import { describe, expect, it } from 'vitest';
import { limits } from '../../../../runtime/core/index';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

const long = 'x'.repeat(limits.labelChars + 1);

describe('label-too-long', () => {
  it('passes text at the limit', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.visitDate.description = 'x'.repeat(limits.labelChars))), 'label-too-long')).toEqual([]);
  });

  it('reports a long hint', () => {
    expect(pathsOf(lintFixture('label-too-long'), 'label-too-long')).toEqual(['/schema/properties/visitDate/description']);
  });

  it('reports long option titles, help, UI labels and translations', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact.oneOf[1].title = long;
      d.schema.properties.fearful['x-help'] = long;
      d.uischema.elements[1].label = long;
      d.uischema.elements[1].elements[0].text = long;
      d.translations = { cy: { '/schema/properties/harmed/title': long } };
    });
    expect(pathsOf(problems, 'label-too-long').sort()).toEqual([
      '/schema/properties/contact/oneOf/1/title',
      '/schema/properties/fearful/x-help',
      '/translations/cy/~1schema~1properties~1harmed~1title',
      '/uischema/elements/1/elements/0/text',
      '/uischema/elements/1/label',
    ]);
  });
});
