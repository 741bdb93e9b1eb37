import { describe, expect, it } from 'vitest';
import { limits, lintText, loadDefinitionText, lint, withPositions, MAX_PROBLEMS_PER_CODE, type Definition } from '../../../runtime/core/index';
import { positionProblems } from '../../../runtime/core/lint/positions';
import { brokenCases, fixtureText } from './fixtures';
import { lintChanged, type Json } from './helpers';

describe('lint and lintText', () => {
  it('place every problem where withPositions would, for every broken fixture', () => {
    for (const { code, context } of brokenCases) {
      const loaded = loadDefinitionText(fixtureText(code));
      if (!loaded.ok || !loaded.doc) continue;
      const problems = lint(loaded.value, { ...context, raw: loaded.raw });
      expect(problems.length, code).toBeGreaterThan(0);
      expect(positionProblems(problems, loaded.doc), code).toEqual(withPositions(problems, loaded.doc));
    }
  });

  it(`lists at most ${MAX_PROBLEMS_PER_CODE} problems of one code, then says how many more`, () => {
    const problems = lintChanged((d: Json) => {
      for (let i = 0; i < 300; i++) {
        d.schema.properties[`q${i}`] = { type: 'boolean', title: `Q${i}`, 'x-code': `q_${i}` };
      }
    });
    expect(problems.filter((p) => p.code === 'question-not-shown')).toHaveLength(MAX_PROBLEMS_PER_CODE + 1);
    expect(problems.at(-1)).toMatchObject({ code: 'question-not-shown', path: '', params: { omitted: 200 } });
  });

  it('refuses a form over the question limit with that one problem, before walking it', () => {
    const d = JSON.parse(fixtureText('valid')) as Json;
    for (let i = 0; i < limits.questions; i++) d.schema.properties[`p${i}`] = { pattern: '^(a|b)*c$' };
    const problems = lintText(JSON.stringify(d));
    expect(problems.map((p) => p.code)).toEqual(['too-many-questions']);
  });

  it('runs only the rules it is given', () => {
    const d = JSON.parse(fixtureText('code-duplicate')) as Definition;
    expect(lint(d, {}, []).length).toBe(0);
  });
});
