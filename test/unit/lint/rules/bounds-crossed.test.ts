import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf, withCode, type Json } from '../helpers';

const age = (d: Json) => d.schema.properties.children.items.properties.age;

describe('bounds-crossed', () => {
  it('reports a minimum above the maximum, as an error at the minimum', () => {
    const problems = withCode(lintFixture('bounds-crossed'), 'bounds-crossed');
    expect(problems.map((p) => [p.path, p.severity, p.params?.upper])).toEqual([['/schema/properties/children/items/properties/age/minimum', 'error', 'maximum']]);
  });

  it('reports minLength above maxLength', () => {
    expect(pathsOf(lintChanged((d) => (d.schema.properties.contactNote.minLength = 501)), 'bounds-crossed')).toEqual(['/schema/properties/contactNote/minLength']);
  });

  it('reports minItems above maxItems', () => {
    const problems = lintChanged((d) => Object.assign(d.schema.properties.children, { minItems: 3, maxItems: 2 }));
    expect(pathsOf(problems, 'bounds-crossed')).toEqual(['/schema/properties/children/minItems']);
  });

  it.each([
    ['exclusive bounds that meet', { minimum: undefined, maximum: undefined, exclusiveMinimum: 5, exclusiveMaximum: 5 }, 'exclusiveMinimum'],
    ['a minimum at an exclusive maximum', { minimum: 5, maximum: undefined, exclusiveMaximum: 5 }, 'minimum'],
    ['an exclusive minimum at the maximum', { minimum: undefined, maximum: 5, exclusiveMinimum: 5 }, 'exclusiveMinimum'],
    ['integer bounds with no whole number between', { minimum: 1.2, maximum: 1.8 }, 'minimum'],
  ])('reports %s', (_, bounds, at) => {
    const problems = lintChanged((d) => {
      for (const [k, v] of Object.entries(bounds)) {
        if (v === undefined) delete age(d)[k];
        else age(d)[k] = v;
      }
    });
    expect(pathsOf(problems, 'bounds-crossed')).toEqual([`/schema/properties/children/items/properties/age/${at}`]);
  });

  it('passes equal inclusive bounds, and a decimal range with room inside', () => {
    const problems = lintChanged((d) => {
      Object.assign(age(d), { minimum: 5, maximum: 5 });
      d.schema.$defs = { rate: { type: 'number', exclusiveMinimum: 1.2, exclusiveMaximum: 1.8, minLength: 2, maxLength: 2 } };
    });
    expect(withCode(problems, 'bounds-crossed')).toEqual([]);
  });
});
