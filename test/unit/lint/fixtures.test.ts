import { describe, expect, it } from 'vitest';
import { problemCodes } from '../../../runtime/core/index';
import { brokenCases, codesOf, inFolder, lintFixture } from './fixtures';

describe('lint fixtures', () => {
  it('the valid fixture has no problem, even inside its folder with its hash recorded', () => {
    expect(lintFixture('valid')).toEqual([]);
    expect(lintFixture('valid', inFolder)).toEqual([]);
  });

  it.each(brokenCases)('fixture $code is reported at $path', ({ code, path, context }) => {
    const problems = lintFixture(code, context);
    const found = problems.filter((p) => p.code === code);
    expect(found.map((p) => p.path)).toContain(path);
    // Each at its code's severity: most are errors, a few (option-label-duplicate, key-characters, text-invisible, text-lookalike) warnings.
    expect(found.every((p) => p.severity === problemCodes[code].severity && p.message.length > 10)).toBe(true);
    // Every problem names a place in the file a reader can go to.
    expect(problems.every((p) => typeof p.line === 'number' && typeof p.column === 'number')).toBe(true);
  });

  it.each(brokenCases)('fixture $code breaks only its own rule', ({ code, context }) => {
    expect(codesOf(lintFixture(code, context))).toEqual([code]);
  });
});
