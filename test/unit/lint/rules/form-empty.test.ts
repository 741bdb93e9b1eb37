import { describe, expect, it } from 'vitest';
import { lint, type Definition } from '../../../../runtime/core/index';
import { fixtureJson, lintFixture } from '../fixtures';
import { pathsOf, withCode } from '../helpers';

/** Issue 17, point 1: a form with no questions was accepted and publishable. */
describe('form-empty', () => {
  it('passes a form with questions', () => {
    expect(pathsOf(lintFixture('valid'), 'form-empty')).toEqual([]);
  });

  it('reports a form with no questions as an error at its properties', () => {
    const [p, ...rest] = withCode(lintFixture('form-empty'), 'form-empty');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', path: '/schema/properties' });
  });

  it('reports a schema with no properties at all at the schema', () => {
    const d = fixtureJson('form-empty') as unknown as Definition;
    const { properties: _none, ...schema } = d.schema as Record<string, unknown>;
    expect(pathsOf(lint({ ...d, schema } as Definition), 'form-empty')).toEqual(['/schema']);
  });
});
