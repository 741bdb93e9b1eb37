import { describe, expect, it } from 'vitest';
import { loadDefinitionText, type Definition } from '../../../../runtime/core/index';
import { fixtureText, lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('code-reused', () => {
  it('passes retired codes that no question uses', () => {
    expect(pathsOf(lintChanged((d) => (d.retired = [{ code: 'old_code', reason: 'Dropped in 1.0.0.' }])), 'code-reused')).toEqual([]);
  });

  it('reports a question using a code this version retires', () => {
    expect(pathsOf(lintFixture('code-reused'), 'code-reused')).toEqual(['/schema/properties/visitDate/x-code']);
  });

  it('reports a code the previous version retired coming back', () => {
    const loaded = loadDefinitionText(fixtureText('code-reused'));
    const previous = (loaded.ok ? loaded.value : undefined) as Definition;
    const problems = lintChanged((d) => (d.schema.properties.children.items.properties.name['x-code'] = 'visit_date_again'), { previous });
    expect(pathsOf(problems, 'code-reused')).toEqual(['/schema/properties/visitDate/x-code']);
  });
});
