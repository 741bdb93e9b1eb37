import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('required-false', () => {
  it('reports a required property whose schema is false, as an error at the property', () => {
    const problems = withCode(lintFixture('required-false'), 'required-false');
    expect(problems.map((p) => [p.path, p.severity, p.params?.required])).toEqual([['/schema/properties/retiredNote', 'error', 'always']]);
  });

  it('reports a group item and a requirement through if/then', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.children.items.properties.nickname = false;
      d.schema.properties.children.items.required.push('nickname');
      d.schema.properties.retired = false;
      d.schema.allOf[0].then.required.push('retired');
    });
    expect(withCode(problems, 'required-false').map((p) => [p.path, p.params?.required])).toEqual([
      ['/schema/properties/retired', 'conditional'],
      ['/schema/properties/children/items/properties/nickname', 'always'],
    ]);
  });

  it('passes a false schema no one requires (a retired answer that must stay empty)', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.retired = false)), 'required-false')).toEqual([]);
  });
});
