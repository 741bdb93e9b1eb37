import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('computed-invalid', () => {
  it('passes a read-only count of existing questions', () => {
    expect(pathsOf(lintFixture('valid'), 'computed-invalid')).toEqual([]);
  });

  it('reports a question that does not exist', () => {
    expect(pathsOf(lintFixture('computed-invalid'), 'computed-invalid')).toEqual(['/schema/properties/concernCount/x-computed/of/1']);
  });

  it('reports a computed value that is typed, required, not numeric, or counts itself', () => {
    const problems = lintChanged((d) => {
      const c = d.schema.properties.concernCount;
      delete c.readOnly;
      c.type = 'string';
      c['x-computed'].of.push('concernCount');
      d.schema.required.push('concernCount');
    });
    expect(pathsOf(problems, 'computed-invalid')).toEqual([
      '/schema/properties/concernCount/x-computed/of/2',
      '/schema/properties/concernCount/readOnly',
      '/schema/properties/concernCount/type',
      '/schema/properties/concernCount',
    ]);
  });

  it('reports a sum of answers that are not numbers', () => {
    const problems = lintChanged((d) => (d.schema.properties.concernCount['x-computed'] = { op: 'sum', of: ['fearful'] }));
    expect(pathsOf(problems, 'computed-invalid')).toEqual(['/schema/properties/concernCount/x-computed/of/0']);
  });

  it('resolves a computed group item against the other items of its group', () => {
    const ok = lintChanged((d) => {
      d.schema.properties.children.items.properties.ageNextYear = { type: 'integer', readOnly: true, title: 'Age', 'x-code': 'child_age_sum', 'x-computed': { op: 'sum', of: ['age'] } };
      d.uischema.elements[0].elements[4].options.detail.elements.push({ type: 'Control', scope: '#/properties/ageNextYear' });
    });
    expect(ok).toEqual([]);
  });

  it('reports a computed value required through an if, not only through required', () => {
    const problems = lintChanged((d) => {
      d.schema.allOf = [{ if: { properties: { safeToTalk: { const: true } }, required: ['safeToTalk'] }, then: { required: ['concernCount'] } }];
    });
    expect(pathsOf(problems, 'computed-invalid')).toEqual(['/schema/properties/concernCount']);
  });
});
