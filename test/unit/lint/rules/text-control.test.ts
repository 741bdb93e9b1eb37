import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('text-control', () => {
  it('reports a right-to-left override in a section label, as an error naming U+202E', () => {
    const [problem] = withCode(lintFixture('text-control'), 'text-control');
    expect(problem?.path).toBe('/uischema/elements/0/label');
    expect(problem?.severity).toBe('error');
    expect(problem?.params?.characters).toEqual(['U+202E']);
  });

  it('reports a NUL in a label and in a guidance text', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[1].label = 'Safety\u0000 questions';
      d.uischema.elements[1].elements[0].text = 'Ask\u0007 alone.';
    });
    expect(withCode(problems, 'text-control').map((p) => [p.path, p.params?.characters])).toEqual([
      ['/uischema/elements/1/label', ['U+0000']],
      ['/uischema/elements/1/elements/0/text', ['U+0007']],
    ]);
  });

  it('reports embeddings and overrides in option titles, help, translations and the form title', () => {
    const problems = lintChanged((d) => {
      d.title = 'Lint \u202aexample';
      d.schema.properties.contact.oneOf[0].title = '\u202dPhone';
      d.schema.properties.fearful['x-help'] = 'Ask \u202b alone';
      d.translations = { cy: { '/schema/properties/harmed/title': 'A oes rhywun wedi\u0085 eich brifo?' } };
    });
    expect(pathsOf(problems, 'text-control').sort()).toEqual([
      '/schema/properties/contact/oneOf/0/title',
      '/schema/properties/fearful/x-help',
      '/title',
      '/translations/cy/~1schema~1properties~1harmed~1title',
    ]);
  });

  it('passes tab and line breaks in a description, and marks and isolates (text-invisible weighs those)', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.visitDate.description = 'First line.\nSecond line.\r\n\tIndented.';
      d.schema.properties.contact.description = 'Say \u2067\u0645\u0631\u062d\u0628\u0627\u2069 first.';
    });
    expect(withCode(problems, 'text-control')).toEqual([]);
  });
});
