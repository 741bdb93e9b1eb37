import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('code-duplicate', () => {
  it('passes unique codes', () => {
    expect(pathsOf(lintFixture('valid'), 'code-duplicate')).toEqual([]);
  });

  it('reports the second use of a code, naming the first', () => {
    const [p] = withCode(lintFixture('code-duplicate'), 'code-duplicate');
    expect(p).toMatchObject({ path: '/schema/properties/harmed/x-code', params: { code: 'fearful', first: '/schema/properties/fearful' } });
  });

  it('counts group items and top-level questions as one space of codes', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.children.items.properties.name['x-code'] = 'visit_date')), 'code-duplicate')).toEqual([
      '/schema/properties/children/items/properties/name/x-code',
    ]);
  });
});
