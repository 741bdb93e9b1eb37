import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('extension-unknown', () => {
  it('passes the four known x- keywords', () => {
    expect(pathsOf(lintFixture('valid'), 'extension-unknown')).toEqual([]);
  });

  it('reports an unknown x- keyword wherever a schema is, including $defs and nested schemas', () => {
    expect(pathsOf(lintFixture('extension-unknown'), 'extension-unknown')).toEqual(['/schema/properties/visitDate/x-colour']);
    const problems = lintChanged((d) => {
      d.schema.$defs = { shape: { type: 'string', 'x-sensitive': true } };
      d.schema.properties.children.items.properties.age['x-colour'] = 'red';
    });
    expect(pathsOf(problems, 'extension-unknown').sort()).toEqual(['/schema/$defs/shape/x-sensitive', '/schema/properties/children/items/properties/age/x-colour']);
  });

  it('does not mistake a property named x-… or data in const/default for a keyword', () => {
    const problems = lintChanged((d) => {
      d.schema.properties.contact.default = { 'x-anything': 1 };
      d.schema.properties.contact.oneOf[0].const = 'phone';
    });
    expect(pathsOf(problems, 'extension-unknown')).toEqual([]);
  });
});
