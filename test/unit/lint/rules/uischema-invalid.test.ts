import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('uischema-invalid', () => {
  it('passes categorization, categories, layouts, controls and labels', () => {
    expect(pathsOf(lintFixture('valid'), 'uischema-invalid')).toEqual([]);
  });

  it('reports an unknown element type', () => {
    expect(pathsOf(lintFixture('uischema-invalid'), 'uischema-invalid')).toEqual(['/uischema/elements/0/elements/1/type']);
  });

  it('reports what each element type needs', () => {
    const problems = lintChanged((d) => {
      d.uischema.elements[1].elements[0] = { type: 'Label' };
      d.uischema.elements[0].elements.push({ type: 'Control' }, { type: 'Group', label: 'x' }, { type: 'Category', elements: [] });
      d.uischema.elements[0].elements[3].rule = { effect: 'REVEAL', condition: {} };
    });
    expect(pathsOf(problems, 'uischema-invalid')).toEqual([
      '/uischema/elements/0/elements/3/rule',
      '/uischema/elements/0/elements/5',
      '/uischema/elements/0/elements/6',
      '/uischema/elements/0/elements/7/type',
      '/uischema/elements/1/elements/0',
    ]);
  });

  it('reports a Categorization holding anything but categories', () => {
    expect(pathsOf(lintChanged((d) => d.uischema.elements.push({ type: 'Label', text: 'x' })), 'uischema-invalid')).toEqual(['/uischema/elements/2/type']);
  });
});
