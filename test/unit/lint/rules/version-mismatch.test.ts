import { describe, expect, it } from 'vitest';
import { lintFixture } from '../fixtures';
import { pathsOf } from '../helpers';

describe('version-mismatch', () => {
  it('passes when the version equals the file name', () => {
    expect(pathsOf(lintFixture('valid', { fileVersion: '1.0.0' }), 'version-mismatch')).toEqual([]);
  });

  it('reports a version that differs from the file name, even by build of pre-release only', () => {
    expect(pathsOf(lintFixture('version-mismatch', { fileVersion: '1.0.0' }), 'version-mismatch')).toEqual(['/version']);
    expect(pathsOf(lintFixture('valid', { fileVersion: '1.0.0-rc.1' }), 'version-mismatch')).toEqual(['/version']);
  });
});
