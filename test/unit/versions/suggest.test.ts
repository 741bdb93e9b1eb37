import { describe, expect, it } from 'vitest';
import { lint, suggestVersion, versionStep, type Definition } from '../../../runtime/core/index';
import { baseDefinition, changed } from './base-definition';

const at = (d: Definition, version: string): Definition => ({ ...d, version });
const removeQuestion = (d: Definition) => changed(d, (p) => { delete p.seenOn; });
const addOptional = (d: Definition) => changed(d, (p) => { p.town = { type: 'string', title: 'Town', 'x-code': 'person_town' }; });
const reword = (d: Definition) => changed(d, (p) => { p.age!.title = 'How old are you?'; });

describe('suggestVersion', () => {
  it.each([
    ['a removed question', removeQuestion, 'major', '2.0.0'],
    ['an optional question', addOptional, 'minor', '1.1.0'],
    ['new wording', reword, 'patch', '1.0.1'],
  ] as const)('%s → %s (%s)', (_name, edit, bump, version) => {
    const s = suggestVersion(at(baseDefinition(), '1.0.0'), edit(baseDefinition()));
    expect(s.bump).toBe(bump);
    expect(s.version).toBe(version);
    expect(s.changes.length).toBeGreaterThan(0);
  });

  it('takes the largest change when there are several', () => {
    expect(suggestVersion(at(baseDefinition(), '1.4.2'), reword(addOptional(removeQuestion(baseDefinition())))).version).toBe('2.0.0');
    expect(suggestVersion(at(baseDefinition(), '1.4.2'), reword(addOptional(baseDefinition()))).version).toBe('1.5.0');
  });

  it('suggests the same version when nothing changed', () => {
    expect(suggestVersion(baseDefinition(), baseDefinition())).toEqual({ version: '1.0.0', bump: 'none', changes: [] });
  });

  it('moves a prerelease to its release when that is step enough', () => {
    expect(suggestVersion(at(baseDefinition(), '2.0.0-rc.1'), reword(baseDefinition())).version).toBe('2.0.0');
  });
});

describe('versionStep', () => {
  it.each([
    ['1.0.0', '2.0.0', 'major'], ['1.0.0', '1.1.0', 'minor'], ['1.0.0', '1.0.1', 'patch'], ['1.2.3', '3.0.0', 'major'],
    ['1.0.0', '2.0.0-rc.1', 'major'], ['1.0.0', '1.0.0', 'none'], ['2.0.0', '1.9.9', 'none'], ['x', '1.0.0', 'none'],
  ] as const)('%s → %s is %s', (from, to, step) => {
    expect(versionStep(from, to)).toBe(step);
  });
});

describe('lint rule version-bump-too-small', () => {
  const bumpProblems = (previous: Definition, current: Definition) => lint(current, { previous }).filter((p) => p.code === 'version-bump-too-small');

  it('reports a minor version whose changes need a major one, at /version, naming the change', () => {
    const [problem, ...rest] = bumpProblems(baseDefinition(), at(removeQuestion(baseDefinition()), '1.1.0'));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'version-bump-too-small', severity: 'error', path: '/version', params: { needed: 'major', suggested: '2.0.0', step: 'minor' } });
    expect(problem!.message).toContain('seen_on');
  });

  it('reports a version that did not rise although the form changed', () => {
    expect(bumpProblems(baseDefinition(), reword(baseDefinition()))).toHaveLength(1);
  });

  it('accepts a bump as large as the changes, or larger', () => {
    expect(bumpProblems(baseDefinition(), at(removeQuestion(baseDefinition()), '2.0.0'))).toEqual([]);
    expect(bumpProblems(baseDefinition(), at(addOptional(baseDefinition()), '1.1.0'))).toEqual([]);
    expect(bumpProblems(baseDefinition(), at(reword(baseDefinition()), '2.0.0'))).toEqual([]);
    expect(bumpProblems(baseDefinition(), at(reword(baseDefinition()), '1.0.1'))).toEqual([]);
  });

  it('says nothing without a previous version', () => {
    expect(lint(at(removeQuestion(baseDefinition()), '1.0.1')).filter((p) => p.code === 'version-bump-too-small')).toEqual([]);
  });
});
