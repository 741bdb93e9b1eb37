import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('scope-unresolved', () => {
  it('passes scopes of questions, and item scopes inside a group detail', () => {
    expect(pathsOf(lintFixture('valid'), 'scope-unresolved')).toEqual([]);
  });

  it('reports a rule condition scope that names nothing', () => {
    expect(pathsOf(lintFixture('scope-unresolved'), 'scope-unresolved')).toEqual(['/uischema/elements/0/elements/3/rule/condition/scope']);
  });

  it('reports a control scope that names nothing, and one without the #', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[0].elements.push({ type: 'Control', scope: '#/properties/visitDay' }, { type: 'Control', scope: '/properties/visitDate' });
    });
    expect(pathsOf(problems, 'scope-unresolved')).toEqual(['/uischema/elements/0/elements/5/scope', '/uischema/elements/0/elements/6/scope']);
  });

  it('resolves scopes inside a detail against the item, as the runtime does', () => {
    const problems = lintChanged((d) => {
      const detail = d.uischema.elements[0].elements[4].options.detail.elements;
      detail[0].scope = '#/properties/children/items/properties/name';
      detail.push({ type: 'Control', scope: '#/properties/visitDate' });
      detail[1].rule = { effect: 'SHOW', condition: { scope: '#/properties/name', schema: { minLength: 1 } } };
    });
    expect(pathsOf(problems, 'scope-unresolved')).toEqual([
      '/uischema/elements/0/elements/4/options/detail/elements/0/scope',
      '/uischema/elements/0/elements/4/options/detail/elements/2/scope',
    ]);
  });

  it('resolves scopes through a $ref', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { child: d.schema.properties.children.items };
      d.schema.properties.children.items = { $ref: '#/$defs/child' };
      d.uischema.elements[0].elements[3].rule.condition.scope = '#/properties/children/items/properties/age';
    });
    expect(pathsOf(problems, 'scope-unresolved')).toEqual([]);
  });
});
