import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

describe('hash-unrecorded', () => {
  it('passes a draft with no record', () => {
    expect(pathsOf(lintFixture('valid', { published: {} }), 'hash-unrecorded')).toEqual([]);
  });

  it('reports a published or retired file with no recorded hash', () => {
    expect(pathsOf(lintFixture('hash-unrecorded', { published: {} }), 'hash-unrecorded')).toEqual(['/status']);
    expect(pathsOf(lintChanged((d) => (d.status = 'retired'), { published: {} }), 'hash-unrecorded')).toEqual(['/status']);
  });

  it('is not checked without a record', () => {
    expect(pathsOf(lintFixture('hash-unrecorded'), 'hash-unrecorded')).toEqual([]);
  });
});
