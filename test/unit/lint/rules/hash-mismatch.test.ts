import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../../runtime/core/index';
import { fixtureJson, lintFixture } from '../fixtures';
import { lintChanged, pathsOf } from '../helpers';

const record = { 'lint-example/1.0.0': contentHash({ ...fixtureJson('valid'), status: 'published' }) };

describe('hash-mismatch', () => {
  it('passes a published file whose hash is the recorded one, whatever its layout', () => {
    const own = { 'lint-example/1.0.0': contentHash(fixtureJson('hash-mismatch')) };
    expect(pathsOf(lintFixture('hash-mismatch', { published: own }), 'hash-mismatch')).toEqual([]);
    expect(pathsOf(lintFixture('hash-mismatch', { published: record }), 'hash-mismatch')).toEqual(['']);
    expect(pathsOf(lintChanged((d) => (d.status = 'published'), { published: record }), 'hash-mismatch')).toEqual([]);
  });

  it('reports any edit of a published file, even one word', () => {
    const problems = lintChanged(
      (d) => {
        d.status = 'published';
        d.schema.properties.harmed.title = 'Has anyone hurt you recently?';
      },
      { published: record },
    );
    expect(pathsOf(problems, 'hash-mismatch')).toEqual(['']);
    expect(problems[0]?.params).toMatchObject({ recorded: record['lint-example/1.0.0'] });
  });

  it('reports a published file set back to draft', () => {
    expect(pathsOf(lintChanged(() => {}, { published: record }), 'hash-mismatch')).toEqual(['']);
  });

  it('lets a published version be retired without a new hash', () => {
    expect(pathsOf(lintChanged((d) => (d.status = 'retired'), { published: record }), 'hash-mismatch')).toEqual([]);
  });

  it('is not checked without a record (a file outside form-definitions/)', () => {
    expect(pathsOf(lintChanged((d) => (d.status = 'published')), 'hash-mismatch')).toEqual([]);
  });
});
