import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('key-markup', () => {
  it('passes names with letters, digits, underscores and hyphens', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.$defs = { 'short_text-2': { type: 'string' } })), 'key-markup')).toEqual([]);
  });

  it('reports <b> in a group item key, as an error naming both characters', () => {
    const [problem] = withCode(lintFixture('key-markup'), 'key-markup');
    expect(problem?.path).toBe('/schema/properties/children/items/properties/<b>name');
    expect(problem?.severity).toBe('error');
    expect(problem?.params?.characters).toEqual(['U+003C', 'U+003E']);
  });

  it.each([['a&b', 'U+0026'], ['a"b', 'U+0022'], ["a'b", 'U+0027'], ['a`b', 'U+0060']])('reports %s', (name, cp) => {
    const problems = withCode(lintChanged((d) => (d.schema.$defs = { [name]: { type: 'string' } })), 'key-markup');
    expect(problems.map((p) => [p.path, p.params?.characters])).toEqual([[`/schema/$defs/${name}`, [cp]]]);
  });
});
