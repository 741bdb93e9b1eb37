import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, withCode } from '../helpers';

describe('key-characters', () => {
  it('passes A–Z, a–z, 0–9, _ and -', () => {
    expect(withCode(lintChanged((d) => (d.schema.$defs = { 'Short_text-2': { type: 'string' } })), 'key-characters')).toEqual([]);
  });

  it('reports a full stop in a property name, as a warning naming it', () => {
    const [problem] = withCode(lintFixture('key-characters'), 'key-characters');
    expect(problem?.path).toBe('/schema/properties/contact.note');
    expect(problem?.severity).toBe('warning');
    expect(problem?.params?.characters).toEqual(['U+002E']);
  });

  it('names each character outside the alphabet once, and leaves invisible and markup ones to their rules', () => {
    const problems = lintChanged((d) => (d.schema.$defs = { 'rate pct / dŵr\u200b<': { type: 'string' } }));
    expect(withCode(problems, 'key-characters').map((p) => p.params?.characters)).toEqual([['U+0020', 'U+002F', 'U+0175']]);
  });
});
