import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { pathsOf } from '../helpers';

describe('id-mismatch', () => {
  it('passes when the id equals the folder, or when there is no folder', () => {
    expect(pathsOf(lintFixture('valid', { folderId: 'lint-example' }), 'id-mismatch')).toEqual([]);
    expect(pathsOf(lintFixture('id-mismatch'), 'id-mismatch')).toEqual([]);
  });

  it('reports an id that differs from its folder', () => {
    const [p] = lintFixture('id-mismatch', { folderId: 'lint-example' });
    expect(p).toMatchObject({ code: 'id-mismatch', path: '/id', line: 3, params: { id: 'another-form', folder: 'lint-example' } });
  });
});
