import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('text-invisible', () => {
  it('reports a zero-width space in a title, as a warning naming U+200B', () => {
    const [problem] = withCode(lintFixture('text-invisible'), 'text-invisible');
    expect(problem?.path).toBe('/schema/properties/visitDate/title');
    expect(problem?.severity).toBe('warning');
    expect(problem?.params?.characters).toEqual(['U+200B']);
  });

  it('reports bidirectional marks and isolates in English text', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[0].label = 'About the\u200f visit';
      d.schema.properties.contact.oneOf[1].title = 'In \u2066person\u2069';
      d.schema.properties.harmed.description = 'Ask\u061c gently.';
    });
    expect(withCode(problems, 'text-invisible').map((p) => [p.path, p.params?.characters])).toEqual([
      ['/schema/properties/contact/oneOf/1/title', ['U+2066', 'U+2069']],
      ['/schema/properties/harmed/description', ['U+061C']],
      ['/uischema/elements/0/label', ['U+200F']],
    ]);
  });

  it('passes marks in Arabic text, joiners in Persian and in an emoji sequence', () => {
    const problems = lintChanged((d) => {
      d.translations = {
        ar: { '/schema/properties/harmed/title': '\u0647\u0644 \u0622\u0630\u0627\u0643 \u0623\u062d\u062f\u061f\u200f' },
        fa: { '/schema/properties/harmed/title': '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645' },
      };
      d.schema.properties.fearful.description = 'Family: \u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    });
    expect(withCode(problems, 'text-invisible')).toEqual([]);
  });

  it('reports a soft hyphen and a word joiner in a translation', () => {
    const problems = lintChanged((d) => (d.translations = { cy: { '/schema/properties/harmed/title': 'A oes rhy\u00adwun wedi\u2060 eich brifo?' } }));
    expect(pathsOf(problems, 'text-invisible')).toEqual(['/translations/cy/~1schema~1properties~1harmed~1title']);
  });
});
