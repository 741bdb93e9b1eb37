import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('extension-invalid', () => {
  it('passes known keywords with valid values on questions', () => {
    expect(pathsOf(lintFixture('valid'), 'extension-invalid')).toEqual([]);
  });

  it('reports a sensitivity that is not one of the two', () => {
    expect(pathsOf(lintFixture('extension-invalid'), 'extension-invalid')).toEqual(['/schema/properties/harmed/x-sensitivity']);
  });

  it('reports empty help and malformed computed values', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.fearful['x-help'] = '  ';
      d.schema.properties.concernCount['x-computed'] = { op: 'average', of: ['fearful'] };
    });
    expect(pathsOf(problems, 'extension-invalid')).toEqual(['/schema/properties/fearful/x-help', '/schema/properties/concernCount/x-computed']);
    for (const computed of [{ op: 'count', of: ['fearful'] }, { op: 'sum', of: [] }, { op: 'sum', of: ['a'], extra: 1 }, 'count']) {
      expect(pathsOf(lintChanged((d) => (d.schema.properties.concernCount['x-computed'] = computed)), 'extension-invalid')).toEqual(['/schema/properties/concernCount/x-computed']);
    }
  });

  it('reports a known keyword written where no question is (it would be inherited through $ref)', () => {
    const problems = lintChanged((d) => {
      d.schema.$defs = { yesNo: { type: 'boolean', 'x-sensitivity': 'sensitive' } };
      d.schema.properties.harmed.allOf = [{ 'x-code': 'harmed_again' }];
    });
    expect(pathsOf(problems, 'extension-invalid').sort()).toEqual(['/schema/$defs/yesNo/x-sensitivity', '/schema/properties/harmed/allOf/0/x-code']);
  });
});
