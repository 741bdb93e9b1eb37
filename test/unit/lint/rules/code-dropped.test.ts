import { describe, expect, it } from 'vitest';
import { loadDefinitionText, type Definition } from '../../../../runtime/core/index';
import { fixtureText, lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

const loaded = loadDefinitionText(fixtureText('valid'));
const previous = (loaded.ok ? loaded.value : undefined) as Definition;

describe('code-dropped', () => {
  it('passes a version that keeps every code, and any version without a previous one', () => {
    expect(pathsOf(lintFixture('valid', { previous }), 'code-dropped')).toEqual([]);
    expect(pathsOf(lintFixture('code-dropped'), 'code-dropped')).toEqual([]);
  });

  it('reports a code of the previous version that is gone, naming it', () => {
    const [p] = withCode(lintFixture('code-dropped', { previous }), 'code-dropped');
    expect(p).toMatchObject({ path: '/retired', params: { code: 'contact_method', key: 'contact', previousVersion: '1.0.0' } });
  });

  it('counts group items, and accepts a code dropped through retired', () => {
    const removeAge = (d: Record<string, any>) => {
      delete d.schema.properties.children.items.properties.age;
      d.uischema.elements[0].elements[4].options.detail.elements.pop();
    };
    expect(pathsOf(lintChanged(removeAge, { previous }), 'code-dropped')).toEqual(['']);
    const retired = lintChanged(
      (d) => {
        removeAge(d);
        d.retired = [{ code: 'child_age', reason: 'Age is now asked as an age band.' }];
      },
      { previous },
    );
    expect(pathsOf(retired, 'code-dropped')).toEqual([]);
  });
});
