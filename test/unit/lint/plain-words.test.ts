import { describe, expect, it } from 'vitest';
import { changeNoteProblems, formModel, lintText, loadDefinitionText, type Problem } from '../../../runtime/core/index';
import { problemCountText } from '../../../builder/app/services/document';
import { brokenCases, fixtureJson, fixtureText, lintFixture } from './fixtures';

/**
 * Issue 17.6: problems are read by policy leads in the builder, so no message speaks the file's
 * language (regexes, pointers, UI schema terms, JSON fragments) and questions are named by their
 * wording. Codes, pointers and params are unchanged (the fixtures test asserts them).
 */
const developerWords: RegExp[] = [
  /\^\[/, // a regex
  /SHOW when/,
  /\belements?\b/i,
  /\bscopes?\b/i,
  /#\/properties/,
  /(^|[\s(`"'])\/[A-Za-z$]/, // a JSON pointer
  /\bx-code\b/,
  /draft 2020-12/,
  /JSON Forms/,
  /\{ "/, // a JSON object to type
  /"type": "/,
  /\$ref\b/,
  /\b1 errors\b/,
  /\b1 warnings\b/,
];

const previous = (() => {
  const loaded = loadDefinitionText(fixtureText('valid'));
  if (!loaded.ok) throw new Error('valid.json does not load');
  return loaded.value;
})();

function messagesOfEveryFixture(): Problem[] {
  const all = brokenCases.flatMap(({ code, context }) => lintFixture(code, context));
  // The version problems a new version meets: a removed question, a step too small.
  const bumped = { ...fixtureJson('code-dropped'), version: '1.1.0' };
  all.push(...lintText(JSON.stringify(bumped, null, 2), { previous, fileVersion: '1.0.0' }));
  all.push(...changeNoteProblems({ version: '1.1.0', changelog: [{ version: '1.1.0', summary: 'Describe what changed and why.' }] }));
  return all;
}

describe('problems in plain words', () => {
  it.each(developerWords.map((w) => [String(w), w] as const))('no message of any fixture contains %s', (_name, word) => {
    const offending = messagesOfEveryFixture().filter((p) => word.test(p.message)).map((p) => `${p.code}: ${p.message}`);
    expect(offending).toEqual([]);
  });

  it('a question is named by its wording, not its answer key', () => {
    const checked = ['code-duplicate', 'option-code-duplicate', 'option-label-duplicate', 'sensitive-ungated', 'question-not-shown', 'gate-invalid', 'code-reused', 'code-malformed'] as const;
    for (const code of checked) {
      const json = fixtureJson(code);
      const loaded = loadDefinitionText(fixtureText(code));
      if (!loaded.ok) throw new Error(`${code} does not load`);
      const model = formModel(loaded.value);
      for (const p of lintFixture(code).filter((x) => x.code === code)) {
        const key = (p.params?.key ?? p.params?.gate) as string | undefined;
        const q = key === undefined ? model.all.find((x) => p.path.startsWith(x.pointer)) : model.all.find((x) => x.key === key);
        expect(q?.title, `${code} in ${String(json.id)}`).toBeTruthy();
        expect(p.message, code).toContain(`“${q!.title}”`);
      }
    }
  });

  it('counts are pluralised', () => {
    expect(problemCountText({ errors: 1, warnings: 0 })).toBe('1 error, no warnings');
    expect(problemCountText({ errors: 2, warnings: 1 })).toBe('2 errors, 1 warning');
    expect(problemCountText({ errors: 0, warnings: 3 })).toBe('no errors, 3 warnings');
  });
});
