import { describe, expect, it } from 'vitest';
import { lint, type Definition } from '../../../../runtime/core/index';
import { fixtureJson, lintFixture } from '../fixtures';
import { pathsOf } from '../helpers';

describe('envelope-invalid', () => {
  it('passes a valid envelope', () => {
    expect(pathsOf(lintFixture('valid'), 'envelope-invalid')).toEqual([]);
  });

  it('reports a bad status from text, at the status', () => {
    expect(pathsOf(lintFixture('envelope-invalid'), 'envelope-invalid')).toEqual(['/status']);
  });

  it('checks the raw JSON a caller passes, not only what loaded', () => {
    const raw = { ...fixtureJson('valid'), unknownKey: 1 };
    const problems = lint(fixtureJson('valid') as unknown as Definition, { raw });
    expect(pathsOf(problems, 'envelope-invalid')).toEqual(['']);
  });
});
