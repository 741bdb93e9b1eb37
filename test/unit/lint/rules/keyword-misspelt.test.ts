import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, withCode } from '../helpers';

const suggestions = (problems: ReturnType<typeof lintChanged>) => withCode(problems, 'keyword-misspelt').map((p) => [p.path, p.params?.keyword, p.params?.suggestion]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('keyword-misspelt', () => {
  it('reports "requird" in a group item with "required" suggested', () => {
    expect(suggestions(lintFixture('keyword-misspelt'))).toEqual([['/schema/properties/children/items/requird', 'requird', 'required']]);
  });

  it('suggests maxLength for maxLenght and title for titel, in a question, its items and its options', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contactNote.maxLenght = 20;
      d.schema.properties.visitDate.titel = 'Date';
      d.schema.properties.contact.oneOf[1].titel = 'In person';
      d.schema.$defs = { ticks: { type: 'array', items: { type: 'string', enmu: ['a'] } } };
    });
    expect(suggestions(problems)).toEqual([
      ['/schema/$defs/ticks/items/enmu', 'enmu', 'enum'],
      ['/schema/properties/contact/oneOf/1/titel', 'titel', 'title'],
      ['/schema/properties/contactNote/maxLenght', 'maxLenght', 'maxLength'],
      ['/schema/properties/visitDate/titel', 'titel', 'title'],
    ]);
    // Each typo once: schema-invalid leaves them to this rule.
    expect(withCode(problems, 'schema-invalid')).toEqual([]);
    expect(withCode(problems, 'keyword-misspelt').every((p) => p.severity === 'error')).toBe(true);
  });

  it('suggests across case (maxlength) and within the x- vocabulary (x-cdoe)', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.fearful.maxlength = 10;
      d.schema.properties.harmed['x-cdoe'] = 'harmed';
    });
    expect(suggestions(problems)).toEqual([
      ['/schema/properties/fearful/maxlength', 'maxlength', 'maxLength'],
      ['/schema/properties/harmed/x-cdoe', 'x-cdoe', 'x-code'],
    ]);
    expect(withCode(problems, 'extension-unknown')).toEqual([]);
  });

  it('leaves an unknown keyword near no known one to schema-invalid and extension-unknown', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.fearful.colour = 'red';
      d.schema.properties.harmed['x-colour'] = 'red';
    });
    expect(withCode(problems, 'keyword-misspelt')).toEqual([]);
    expect(withCode(problems, 'schema-invalid').map((p) => p.path)).toEqual(['/schema/properties/fearful/colour']);
    expect(withCode(problems, 'extension-unknown').map((p) => p.path)).toEqual(['/schema/properties/harmed/x-colour']);
  });
});
