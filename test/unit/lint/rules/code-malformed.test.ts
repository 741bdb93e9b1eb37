import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('code-malformed', () => {
  it('passes lower-case codes with digits and underscores', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.visitDate['x-code'] = 'visit_date_2')), 'code-malformed')).toEqual([]);
  });

  it.each([['Visit-Date'], ['1visit'], ['v'], ['a'.repeat(65)], [12], ['']])('reports %j', (code) => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.visitDate['x-code'] = code)), 'code-malformed')).toEqual(['/schema/properties/visitDate/x-code']);
  });

  it('names the characters outside a–z, 0–9 and _', () => {
    const problems = lintChanged((d) => (d.schema.properties.visitDate['x-code'] = 'visit\u200b-date'));
    expect(problems.filter((p) => p.code === 'code-malformed').map((p) => p.params?.characters)).toEqual([['U+200B', 'U+002D']]);
  });

  it('reports the fixture', () => {
    expect(pathsOf(lintFixture('code-malformed'), 'code-malformed')).toEqual(['/schema/properties/visitDate/x-code']);
  });
});
