import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode } from '../helpers';

/** Issue 17, point 1: options worded alike cannot be told apart by the practitioner. */
describe('option-label-duplicate', () => {
  it('passes options worded differently', () => {
    expect(pathsOf(lintFixture('valid'), 'option-label-duplicate')).toEqual([]);
  });

  it('warns at the second title, ignoring case and spacing, naming the first option', () => {
    const [p, ...rest] = withCode(lintFixture('option-label-duplicate'), 'option-label-duplicate');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', path: '/schema/properties/contact/oneOf/2/title', params: { key: 'contact', first: '/schema/properties/contact/oneOf/0' } });
  });

  it('leaves options that also share a code to option-code-duplicate (one problem for one mistake)', () => {
    const problems = lintChanged((d) => d.schema.properties.contact.oneOf.push({ const: 'phone', title: 'Phone' }));
    expect(pathsOf(problems, 'option-label-duplicate')).toEqual([]);
    expect(pathsOf(problems, 'option-code-duplicate')).toEqual(['/schema/properties/contact/oneOf/2']);
  });

  it('does not stop publishing: a warning only', () => {
    const problems = lintFixture('option-label-duplicate');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
