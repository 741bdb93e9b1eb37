import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { pathsOf, withCode } from '../helpers';

/**
 * Issue 18 point 2: a control scoped to a whole object showed nothing, and lint said only that each
 * of its questions was "in no section of the form" although the author had put it in one.
 */
describe('control-object', () => {
  it('passes a form whose objects are shown through controls scoped into them', () => {
    expect(pathsOf(lintFixture('nested-objects'), 'control-object')).toEqual([]);
  });

  it('reports the control on the whole object, once, and not its questions as unshown', () => {
    const problems = lintFixture('control-object');
    const [p, ...rest] = withCode(problems, 'control-object');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'error', params: { key: 'address' } });
    expect(p!.path).toMatch(/^\/uischema\/elements\/\d+\/scope$/);
    expect(pathsOf(problems, 'question-not-shown')).toEqual([]);
  });
});
