import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

describe('code-missing', () => {
  it('passes when every question, group and group item has a code', () => {
    expect(pathsOf(lintFixture('valid'), 'code-missing')).toEqual([]);
  });

  it('reports a group item, a group and a top-level question without a code', () => {
    expect(pathsOf(lintFixture('code-missing'), 'code-missing')).toEqual(['/schema/properties/children/items/properties/age/x-code']);
    const problems = lintChanged((d) => {
      delete d.schema.properties.children['x-code'];
      delete d.schema.properties.visitDate['x-code'];
    });
    expect(pathsOf(problems, 'code-missing')).toEqual(['/schema/properties/visitDate/x-code', '/schema/properties/children/x-code']);
  });

  it('does not accept a code inherited through $ref, and says why', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { date: { type: 'string', format: 'date' } };
      d.schema.properties.visitDate = { $ref: '#/$defs/date', title: 'Date of the visit' };
    });
    expect(pathsOf(problems, 'code-missing')).toEqual(['/schema/properties/visitDate/x-code']);
    expect(withCode(problems, 'code-missing')[0]?.message).not.toMatch(/inherited/);
  });

  it('finds the item questions of a group whose items are a $ref', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { child: d.schema.properties.children.items };
      delete d.schema.$defs.child.properties.name['x-code'];
      d.schema.properties.children.items = { $ref: '#/$defs/child' };
    });
    expect(pathsOf(problems, 'code-missing')).toEqual(['/schema/$defs/child/properties/name/x-code']);
  });
});
