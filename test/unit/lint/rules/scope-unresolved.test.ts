import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

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

  // JSON Forms reads scopes without percent-decoding, so the runtime would find no question here:
  // a scope written as a URI fragment names a property called `rate%20pct`.
  it('reports a percent-encoded scope, says scopes are not decoded, and suggests the spelling that names the question', () => {
    const problems = lintChanged((d) => {
      d.schema.properties['rate pct'] = { type: 'integer', title: 'Rate', 'x-code': 'rate_pct' };
      d.schema.properties['a/b'] = { type: 'integer', title: 'Ratio', 'x-code': 'ratio' };
      d.uischema.elements[0].elements.push(
        { type: 'Control', scope: '#/properties/rate%20pct' },
        { type: 'Control', scope: '#/properties/a%2Fb' },
        { type: 'Control', scope: '#/properties/no%20such' },
      );
    });
    const found = withCode(problems, 'scope-unresolved');
    expect(found.map((p) => p.path)).toEqual([
      '/uischema/elements/0/elements/5/scope',
      '/uischema/elements/0/elements/6/scope',
      '/uischema/elements/0/elements/7/scope',
    ]);
    expect(found[0]!.message).toContain('%-codes');
    expect(found[0]!.message).toContain('“rate pct”');
    expect(found[0]!.params).toEqual({ scope: '#/properties/rate%20pct', suggestion: '#/properties/rate pct' });
    // A decoded `/` is a new token in a scope: the suggestion escapes it as JSON Forms reads it.
    expect(found[1]!.params).toEqual({ scope: '#/properties/a%2Fb', suggestion: '#/properties/a~1b' });
    // Decoded, it still names nothing: the message says why, but suggests nothing.
    expect(found[2]!.message).toContain('%-codes');
    expect(found[2]!.params).toEqual({ scope: '#/properties/no%20such' });
    // The runtime finds no control for these questions either.
    expect(pathsOf(problems, 'question-not-shown')).toEqual(['/schema/properties/rate pct', '/schema/properties/a~1b']);
  });
});
